{{%AUTOESCAPE context="HTML"}}
<h1>[[help.nav_tasks]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<h2>[[help.task.open]]</h2>
{{#NO_OPEN}}<p>[[help.task.none]]</p>
{{/NO_OPEN}}<ul class="help-tasks">
{{#OPEN_TASK}}  <li{{#OVERDUE}} class="overdue"{{/OVERDUE}}><a href="{{URL}}"><strong>{{ID}}: {{TYPE}}</strong></a> · {{AREA}} · [[help.f.wanted_by]] <time datetime="{{WANTED_ISO}}">{{WANTED}}</time>{{#OVERDUE}} <strong class="tag overdue-tag">[[help.queue.overdue]]</strong>{{/OVERDUE}}{{#URGENT}} <strong class="tag">[[help.urgency.urgent]]</strong>{{/URGENT}} · {{STATUS}}</li>
{{/OPEN_TASK}}</ul>
{{#HISTORY}}<h2>[[help.task.history]]</h2>
<ul class="help-tasks">
{{#CLOSED_TASK}}  <li><a href="{{URL}}">{{ID}}: {{TYPE}}</a> · {{STATUS}}</li>
{{/CLOSED_TASK}}</ul>
{{/HISTORY}}
