{{%AUTOESCAPE context="HTML"}}
<p><a href="{{LP}}/admin/help">← [[help.queue.title]]</a></p>
<h1>[[help.people.title]]</h1>
<form class="help-search" method="get" action="{{LP}}/admin/help/people" role="search" aria-label="[[help.people.search_label]]">
  <div class="field">
    <label for="help-q">[[help.people.q]]</label>
    <p class="field-hint" id="help-q-hint">[[help.people.q_hint]]</p>
    <input id="help-q" name="q" type="search" autocomplete="off" maxlength="100" value="{{Q}}" aria-describedby="help-q-hint">
  </div>
  <button type="submit">[[help.intake.search]]</button>
</form>
<p><a href="{{LP}}/admin/help/people/new">[[help.person.new]]</a></p>
{{#RESULTS}}<section aria-labelledby="help-results-h">
<h2 id="help-results-h">[[help.people.results]]</h2>
{{#NONE}}<p>[[help.intake.none]]</p>
{{/NONE}}<ul class="help-matches">
{{#PERSON}}  <li><a href="{{URL}}"><strong>{{NAME}}</strong></a> · {{PHONE}} · {{ADDRESS}} {{AREA}} · [[help.intake.open_cases]]: {{OPEN}}</li>
{{/PERSON}}</ul>
</section>
{{/RESULTS}}
