{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ITEM}}<p class="item-state">{{#DRAFT}}[[adm.news.s_draft]]{{/DRAFT}}{{#SCHEDULED}}[[adm.news.state_scheduled]] {{WHEN}}{{/SCHEDULED}}{{#PUBLISHED}}[[adm.news.state_published]] {{WHEN}}{{/PUBLISHED}}
  · <a href="{{PUBLIC_URL}}">[[adm.news.view]]</a> · <a href="{{BASE}}/revisions">[[adm.rev.title]]</a> · <a href="{{BASE}}/delete">[[adm.news.delete_button]]</a></p>
{{#FILES}}<section aria-labelledby="files-heading">
  <h2 id="files-heading">[[adm.news.files]]</h2>
  <ul class="file-list">
{{#FILE}}    <li><a href="{{URL}}">{{TITLE}}</a>
      <form class="inline" method="post" action="{{REMOVE}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary" aria-label="[[adm.news.file_remove]]: {{TITLE}}">[[adm.news.file_remove]]</button></form></li>
{{/FILE}}  </ul>
</section>
{{/FILES}}{{#IMAGE}}<figure class="current-image"><img src="{{SRC}}" alt="{{ALT}}" width="320"><figcaption>[[adm.news.current_image]]</figcaption></figure>
{{/IMAGE}}{{/ITEM}}{{#PREVIEW}}<section class="preview" aria-labelledby="preview-heading">
  <h2 id="preview-heading">[[adm.news.preview]]</h2>
  <article class="article">
    <h1>{{TITLE}}</h1>
{{#SUMMARY}}    <p class="summary">{{TEXT}}</p>
{{/SUMMARY}}{{>BODY}}
  </article>
</section>
{{/PREVIEW}}<section class="form-section" aria-label="[[adm.news.form]]">
{{>FORM}}
</section>
