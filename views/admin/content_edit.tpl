{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ITEM}}<p class="item-state">{{STATE}}{{#PUBLIC}} · <a href="{{URL}}">[[adm.content.view]]</a>{{/PUBLIC}}
  · <a href="{{BASE}}/revisions">[[adm.rev.title]]</a> · <a href="{{BASE}}/delete">[[adm.content.delete]]</a></p>
{{/ITEM}}{{#END_NOW}}<form class="end-now" method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <p>[[adm.alerts.end_hint]]</p>
  <button type="submit" class="danger">[[adm.alerts.end_now]]</button>
</form>
{{/END_NOW}}{{#PREVIEW}}<section class="preview" aria-labelledby="preview-heading">
  <h2 id="preview-heading">[[adm.content.preview]]</h2>
{{#ARTICLE}}  <article class="article">
    <h1>{{TITLE}}</h1>
{{#SUMMARY}}    <p class="summary">{{TEXT}}</p>
{{/SUMMARY}}{{#FACTS}}    <dl class="event-facts">
{{#FACT}}      <dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>
{{/FACT}}    </dl>
{{/FACTS}}{{>BODY}}
  </article>
{{/ARTICLE}}{{#BANNER}}  <div class="alert alert-{{SEVERITY}}">
    <p class="alert-message"><strong>[[alert.label]]</strong> {{MESSAGE}}</p>
    <p class="alert-when">[[alert.issued]] {{ISSUED}} · [[alert.until]] {{UNTIL}}</p>
  </div>
{{/BANNER}}{{#DEPT}}  <div class="dept">
    <h3>{{NAME}}</h3>
    <dl>
      <dt>[[pages.dept_head]]</dt><dd>{{HEAD}}</dd>
      <dt>[[pages.dept_phone]]</dt><dd>{{PHONE}}</dd>
      <dt>[[pages.dept_email]]</dt><dd>{{EMAIL}}</dd>
      <dt>[[pages.dept_hours]]</dt><dd>{{HOURS}}</dd>
      <dt>[[pages.dept_address]]</dt><dd>{{ADDRESS}}</dd>
    </dl>
  </div>
{{/DEPT}}</section>
{{/PREVIEW}}<section class="form-section" aria-label="{{FORM_LABEL}}">
{{>FORM}}
</section>
