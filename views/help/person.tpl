{{%AUTOESCAPE context="HTML"}}
<p><a href="{{LP}}/admin/help/people">← [[help.people.title]]</a></p>
<h1>{{NAME}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ANONYMISED}}<p class="notice notice-warning">[[help.person.anonymised]]</p>
{{/ANONYMISED}}{{#NEW_CASE}}<p><a class="button" href="{{URL}}">[[help.person.new_case]]</a></p>
{{/NEW_CASE}}<dl class="help-facts">
  <dt>[[help.f.phone]]</dt><dd><a href="tel:{{TEL}}">{{PHONE}}</a>{{#PHONE2}}, <a href="tel:{{TEL}}">{{V}}</a>{{/PHONE2}}</dd>
  <dt>[[help.f.address]]</dt><dd>{{ADDRESS}} {{AREA}}</dd>
  <dt>[[help.f.household]]</dt><dd class="help-details">{{HOUSEHOLD}}</dd>
  <dt>[[help.f.lang]]</dt><dd>{{LANG}}</dd>
  <dt>[[help.f.consent]]</dt><dd>{{#CONSENT}}{{HOW}}, {{AT}}, {{BY}}{{/CONSENT}}{{#NO_CONSENT}}<strong>[[help.intake.no_consent]]</strong>{{/NO_CONSENT}}</dd>
</dl>
<section aria-labelledby="help-cases-h">
  <h2 id="help-cases-h">[[help.person.cases]]</h2>
  <ul>
{{#CASE}}    <li><a href="{{URL}}">{{ID}}</a>: {{TYPE}} · {{STATUS}} · {{CREATED}}</li>
{{/CASE}}  </ul>
</section>
<section id="health" aria-labelledby="help-health-h">
  <h2 id="help-health-h">[[help.case.health]]</h2>
{{#HEALTH_LINK}}  <p>[[help.case.health_logged]]</p>
  <p><a class="button secondary" href="{{URL}}">[[help.case.health_show]]</a></p>
{{/HEALTH_LINK}}{{#HEALTH_SHOWN}}  <p class="notice">[[help.case.health_logged_now]]</p>
  <dl class="help-facts">
    <dt>[[help.f.vulnerability]]</dt><dd>{{#VULN}}{{V}}{{#VULN_separator}}, {{/VULN_separator}}{{/VULN}}</dd>
    <dt>[[help.person.conditions]]</dt><dd class="help-details">{{CONDITIONS}}</dd>
    <dt>[[help.f.amka]]</dt><dd>{{AMKA}}</dd>
  </dl>
  <h3>[[help.person.edit_health]]</h3>
{{>FORM}}
{{/HEALTH_SHOWN}}{{#EXPORT}}  <p><a href="{{URL}}">[[help.person.export]]</a> — [[help.person.export_hint]]</p>
{{/EXPORT}}</section>
{{#EDIT}}<details class="help-edit"{{#OPEN}} open{{/OPEN}}>
  <summary>[[help.person.edit]]</summary>
{{>FORM}}
</details>
{{/EDIT}}
