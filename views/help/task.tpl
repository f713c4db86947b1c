{{%AUTOESCAPE context="HTML"}}
<p><a href="{{LP}}/admin/help/tasks">← [[help.nav_tasks]]</a></p>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<dl class="help-facts">
  <dt>[[help.case.status]]</dt><dd>{{STATUS}}</dd>
  <dt>[[help.f.wanted_by]]</dt><dd><time datetime="{{WANTED_ISO}}">{{WANTED}}</time>{{#OVERDUE}} <strong class="tag overdue-tag">[[help.queue.overdue]]</strong>{{/OVERDUE}}</dd>
  <dt>[[help.task.who]]</dt><dd>{{NAME}}</dd>
  <dt>[[help.f.address]]</dt><dd>{{ADDRESS}} {{AREA}}</dd>
  <dt>[[help.f.phone]]</dt><dd><a href="tel:{{TEL}}">{{PHONE}}</a></dd>
{{#ERRAND}}  <dt>[[help.f.errand]]</dt><dd>{{V}}</dd>
{{/ERRAND}}{{#PHARMACY}}  <dt>[[help.case.pharmacy]]</dt><dd>{{STATE}}</dd>
{{/PHARMACY}}</dl>
<section aria-labelledby="help-details-h">
  <h2 id="help-details-h">[[help.task.details]]</h2>
  <p class="help-details">{{DETAILS}}</p>
</section>
{{#HEALTH}}<section aria-labelledby="help-health-h">
  <h2 id="help-health-h">[[help.case.health]]</h2>
{{#FAILED}}  <p class="notice notice-warning">[[help.case.health_failed]]</p>
{{/FAILED}}  <p class="notice">[[help.case.health_logged_now]]</p>
  <p class="help-details">{{DETAILS}}</p>
{{#NOTE}}  <article class="help-note"><p><strong>{{AUTHOR}}</strong>, {{AT}}</p><p class="help-details">{{BODY}}</p></article>
{{/NOTE}}</section>
{{/HEALTH}}{{#WORK}}<section aria-labelledby="help-work-h">
  <h2 id="help-work-h">[[help.task.work]]</h2>
{{>FORM}}
</section>
{{/WORK}}{{#HISTORY}}<section aria-labelledby="help-history-h">
  <h2 id="help-history-h">[[help.case.history]]</h2>
  <ol class="help-history">
{{#EVENT}}    <li><span class="help-when">{{AT}}</span> · {{KIND}}<p class="help-details">{{NOTE}}</p></li>
{{/EVENT}}  </ol>
</section>
{{/HISTORY}}