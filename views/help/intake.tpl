{{%AUTOESCAPE context="HTML"}}
<h1>[[help.intake.title]]</h1>
<p>[[help.intake.intro]]</p>
<form class="help-search" method="get" action="{{LP}}/admin/help/new" role="search" aria-label="[[help.intake.search_label]]">
  <div class="field">
    <label for="help-phone">[[help.intake.phone]]</label>
    <p class="field-hint" id="help-phone-hint">[[help.intake.phone_hint]]</p>
    <input id="help-phone" name="phone" type="tel" inputmode="tel" autocomplete="off" maxlength="40" value="{{SEARCH}}" aria-describedby="help-phone-hint"{{#SEARCH_FOCUS}} autofocus{{/SEARCH_FOCUS}} data-lookup="{{LP}}/admin/help/lookup">
  </div>
  <button type="submit">[[help.intake.search]]</button>
</form>
{{#SEARCH_BAD}}<p class="notice notice-warning" role="status">[[help.err.phone]]</p>
{{/SEARCH_BAD}}<section id="help-matches" aria-live="polite" aria-labelledby="help-matches-title">
{{#MATCHES}}<h2 id="help-matches-title">[[help.intake.matches]] <span class="visually-hidden">{{PHONE}}</span></h2>
{{#NONE}}<p>[[help.intake.none]]</p>
{{/NONE}}<ul class="help-matches">
{{#MATCH}}  <li><a href="{{URL}}"{{#FOCUS}} autofocus{{/FOCUS}}><strong>{{NAME}}</strong></a> · {{PHONE}} · {{ADDRESS}} {{AREA}}{{#OPEN}} · <strong class="tag">[[help.intake.open_cases]]: {{N}}</strong>{{/OPEN}}</li>
{{/MATCH}}</ul>
<p><a href="{{NEW_URL}}"{{#NEW_FOCUS}} autofocus{{/NEW_FOCUS}}>[[help.intake.new_person]]</a></p>
{{/MATCHES}}</section>
{{#PERSON}}<section class="help-person" aria-labelledby="help-person-title">
  <h2 id="help-person-title">[[help.intake.for]] {{NAME}}</h2>
  <p><a href="tel:{{TEL}}">{{PHONE}}</a> · {{ADDRESS}} {{AREA}}{{#OPEN}} · <strong class="tag">[[help.intake.open_cases]]: {{N}}</strong>{{/OPEN}}</p>
  <p>{{HOUSEHOLD}}</p>
{{#NO_CONSENT}}  <p class="notice notice-warning">[[help.intake.no_consent]]</p>
{{/NO_CONSENT}}  <p><a href="{{URL}}">[[help.intake.person_page]]</a> · <a href="{{LP}}/admin/help/new">[[help.intake.other_person]]</a></p>
</section>
{{/PERSON}}{{#INTAKE}}<section aria-labelledby="help-form-title">
<h2 id="help-form-title">{{#FOR_NEW}}[[help.intake.form_new]]{{/FOR_NEW}}{{#FOR_PERSON}}[[help.intake.form_case]]{{/FOR_PERSON}}</h2>
{{>FORM}}
</section>
{{/INTAKE}}<script src="/static/js/help-intake.js" defer></script>
