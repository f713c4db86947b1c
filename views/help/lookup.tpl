{{%AUTOESCAPE context="HTML"}}
{{#MATCHES}}<h2 id="help-matches-title">[[help.intake.matches]] <span class="visually-hidden">{{PHONE}}</span></h2>
{{#NONE}}<p>[[help.intake.none]]</p>
{{/NONE}}<ul class="help-matches">
{{#MATCH}}  <li><a href="{{URL}}"{{#FOCUS}} autofocus{{/FOCUS}}><strong>{{NAME}}</strong></a> · {{PHONE}} · {{ADDRESS}} {{AREA}}{{#OPEN}} · <strong class="tag">[[help.intake.open_cases]]: {{N}}</strong>{{/OPEN}}</li>
{{/MATCH}}</ul>
<p><a href="{{NEW_URL}}"{{#NEW_FOCUS}} autofocus{{/NEW_FOCUS}}>[[help.intake.new_person]]</a></p>
{{/MATCHES}}
