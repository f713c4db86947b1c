{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ITEM}}<p class="item-state">{{#DRAFT}}[[adm.news.s_draft]]{{/DRAFT}}{{#SCHEDULED}}[[adm.news.state_scheduled]] {{WHEN}}{{/SCHEDULED}}{{#PUBLISHED}}[[adm.news.state_published]] {{WHEN}}{{/PUBLISHED}}
  · <a href="{{PUBLIC_URL}}">[[adm.news.view]]</a> · <a href="{{BASE}}/revisions">[[adm.rev.title]]</a> · <a href="{{BASE}}/delete">[[adm.news.delete_button]]</a></p>
{{#IMAGE}}<figure class="current-image"><img src="{{SRC}}" alt="{{ALT}}" width="320"><figcaption>[[adm.news.current_image]]</figcaption></figure>
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
