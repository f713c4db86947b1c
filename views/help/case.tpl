{{%AUTOESCAPE context="HTML"}}
<p><a href="{{LP}}/admin/help">← [[help.queue.title]]</a></p>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ANONYMISED}}<p class="notice notice-warning">[[help.case.anonymised]]</p>
{{/ANONYMISED}}<dl class="help-facts">
  <dt>[[help.case.status]]</dt><dd><strong class="tag help-status-{{STATUS_V}}">{{STATUS}}</strong></dd>
  <dt>[[help.f.urgency]]</dt><dd>{{#URGENT}}<strong>{{/URGENT}}{{URGENCY}}{{#URGENT}}</strong>{{/URGENT}}</dd>
  <dt>[[help.f.wanted_by]]</dt><dd><time datetime="{{WANTED_ISO}}">{{WANTED}}</time>{{#OVERDUE}} <strong class="tag overdue-tag">[[help.queue.overdue]]</strong>{{/OVERDUE}}</dd>
  <dt>[[help.case.assignee]]</dt><dd>{{ASSIGNEE}}</dd>
  <dt>[[help.f.channel]]</dt><dd>{{CHANNEL}}, {{CREATED}}</dd>
{{#ERRAND}}  <dt>[[help.f.errand]]</dt><dd>{{V}}</dd>
{{/ERRAND}}</dl>
{{#PERSON}}<section aria-labelledby="help-person-h">
  <h2 id="help-person-h">[[help.case.person]]</h2>
  <p><a href="{{URL}}"><strong>{{NAME}}</strong></a></p>
  <p><a href="tel:{{TEL}}">{{PHONE}}</a></p>
  <p>{{ADDRESS}} {{AREA}}</p>
  <p class="help-household">{{HOUSEHOLD}}</p>
</section>
{{/PERSON}}{{#WEB}}<section aria-labelledby="help-web-h">
  <h2 id="help-web-h">[[help.case.web]]</h2>
  <p>[[help.case.web_intro]]</p>
  <p><strong>{{NAME}}</strong> · <a href="tel:{{TEL}}">{{PHONE}}</a> · {{ADDRESS}} · {{EMAIL}}</p>
  <h3>[[help.case.web_matches]]</h3>
{{#NO_MATCH}}  <p>[[help.intake.none]]</p>
{{/NO_MATCH}}  <ul class="help-matches">
{{#MATCH}}    <li><strong>{{NAME}}</strong>, {{ADDRESS}} {{>FORM}}</li>
{{/MATCH}}  </ul>
  <p><a href="{{NEW_URL}}">[[help.case.web_new]]</a></p>
</section>
{{/WEB}}{{#CALLER}}<section aria-labelledby="help-caller-h">
  <h2 id="help-caller-h">[[help.case.caller]]</h2>
  <p>{{NAME}} {{RELATION}}{{#PHONE}} · <a href="tel:{{TEL}}">{{V}}</a>{{/PHONE}}</p>
</section>
{{/CALLER}}<section aria-labelledby="help-details-h">
  <h2 id="help-details-h">[[help.f.details]]</h2>
  <p class="help-details">{{DETAILS}}</p>
</section>
<section id="health" aria-labelledby="help-health-h">
  <h2 id="help-health-h">[[help.case.health]]</h2>
{{#HEALTH_LINK}}  <p>[[help.case.health_logged]]</p>
  <p><a class="button secondary" href="{{URL}}">[[help.case.health_show]]</a></p>
{{/HEALTH_LINK}}{{#HEALTH_NOT_YOURS}}  <p>[[help.case.health_not_yours]]</p>
{{/HEALTH_NOT_YOURS}}{{#HEALTH_SHOWN}}{{#HEALTH_FAILED}}  <p class="notice notice-warning">[[help.case.health_failed]]</p>
{{/HEALTH_FAILED}}  <p class="notice">[[help.case.health_logged_now]]</p>
  <dl class="help-facts">
    <dt>[[help.f.prescriptions]]</dt><dd>{{#PRESCRIPTIONS}}<ul>{{#CODE}}<li><code>{{V}}</code></li>{{/CODE}}</ul>{{/PRESCRIPTIONS}}</dd>
    <dt>[[help.f.amka]]</dt><dd>{{AMKA}}</dd>
    <dt>[[help.f.health]]</dt><dd class="help-details">{{DETAILS}}</dd>
    <dt>[[help.f.vulnerability]]</dt><dd>{{#VULN}}{{V}}{{#VULN_separator}}, {{/VULN_separator}}{{/VULN}}</dd>
    <dt>[[help.person.conditions]]</dt><dd class="help-details">{{CONDITIONS}}</dd>
  </dl>
{{#NOTE}}  <article class="help-note"><p><strong>{{AUTHOR}}</strong>, {{AT}}</p><p class="help-details">{{BODY}}</p></article>
{{/NOTE}}{{/HEALTH_SHOWN}}</section>
{{#PHARMACY}}<section aria-labelledby="help-pharmacy-h">
  <h2 id="help-pharmacy-h">[[help.case.pharmacy]]</h2>
  <p>{{#PROBLEM}}<strong class="tag overdue-tag">{{/PROBLEM}}{{STATE}}{{#PROBLEM}}</strong>{{/PROBLEM}}{{#AT}}, {{V}}{{/AT}}</p>
{{#SEND}}  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit">[[help.case.pharmacy_send]]</button>
  </form>
{{/SEND}}</section>
{{/PHARMACY}}{{#ASSIGN_FORM}}<section aria-labelledby="help-assign-h">
  <h2 id="help-assign-h">[[help.case.assign]]</h2>
{{#NO_CANDIDATES}}  <p>[[help.case.no_candidates]]</p>
{{/NO_CANDIDATES}}{{>FORM}}
</section>
{{/ASSIGN_FORM}}{{#ASSIGN_LATER}}<p>[[help.case.assign_later]]</p>
{{/ASSIGN_LATER}}{{#STATUS_FORM}}<section aria-labelledby="help-status-h">
  <h2 id="help-status-h">[[help.case.change_status]]</h2>
{{>FORM}}
</section>
{{/STATUS_FORM}}{{#EDIT_FORM}}<details class="help-edit"{{#EDIT_OPEN}} open{{/EDIT_OPEN}}>
  <summary>[[help.case.edit]]</summary>
{{>FORM}}
</details>
{{/EDIT_FORM}}<section aria-labelledby="help-history-h">
  <h2 id="help-history-h">[[help.case.history]]</h2>
  <ol class="help-history">
{{#EVENT}}    <li><span class="help-when">{{AT}}</span> · {{WHO}}: {{KIND}} {{WHAT}}<p class="help-details">{{NOTE}}</p></li>
{{/EVENT}}  </ol>
</section>
