{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.dash.title]]</h1>
<p>[[adm.dash.hello]] {{NAME}}.</p>
{{#NO_TOTP}}<p class="notice notice-warning">[[adm.dash.no_totp]] <a href="{{LP}}/admin/account/2fa">[[adm.account.totp_setup]]</a></p>
{{/NO_TOTP}}<div class="panels">
{{#CONTENT}}<section class="panel" aria-labelledby="p-content">
  <h2 id="p-content">[[adm.dash.content]]</h2>
{{#CONTENT_QUIET}}  <p>[[adm.dash.quiet]]</p>
{{/CONTENT_QUIET}}{{#SCHEDULED}}  <h3>[[adm.dash.scheduled]]</h3>
  <ul>
{{#ITEM}}    <li><a href="{{URL}}">{{TITLE}}</a> · <time datetime="{{WHEN_ISO}}">{{WHEN}}</time></li>
{{/ITEM}}  </ul>
{{/SCHEDULED}}{{#DRAFTS}}  <h3>[[adm.dash.drafts]]</h3>
  <ul>
{{#ITEM}}    <li>{{TITLE}} · <time datetime="{{WHEN_ISO}}">{{WHEN}}</time></li>
{{/ITEM}}  </ul>
{{/DRAFTS}}{{#CLOSING}}  <h3>[[adm.dash.closing]]</h3>
  <ul>
{{#ITEM}}    <li><a href="{{URL}}">{{TITLE}}</a> · <time datetime="{{WHEN_ISO}}">{{WHEN}}</time></li>
{{/ITEM}}  </ul>
{{/CLOSING}}</section>
{{/CONTENT}}{{#FEEDBACK}}<section class="panel" aria-labelledby="p-feedback">
  <h2 id="p-feedback">[[adm.dash.feedback]]</h2>
{{#NONE}}  <p>[[adm.dash.feedback_none]]</p>
{{/NONE}}{{#LIST}}  <ul>
{{#MSG}}    <li>{{AT}} · {{PAGE}}<br>{{TEXT}}</li>
{{/MSG}}  </ul>
{{/LIST}}
</section>
{{/FEEDBACK}}{{#REQUESTS}}<section class="panel" aria-labelledby="p-requests">
  <h2 id="p-requests">[[stats.dash.title]]</h2>
{{#SCOPE_DEPT}}  <p>[[stats.dash.scope]]</p>
{{/SCOPE_DEPT}}  <ul class="dash-counts">
    <li><a id="dash-rq-new" href="{{LP}}/admin/requests?status=submitted"><strong>{{NEW}}</strong> [[stats.dash.new]]</a></li>
    <li><a id="dash-rq-overdue" href="{{LP}}/admin/requests?overdue=1"><strong>{{OVERDUE}}</strong> [[stats.dash.overdue]]</a></li>
    <li><a id="dash-rq-reopened" href="{{LP}}/admin/requests?status=reopened"><strong>{{REOPENED}}</strong> [[stats.dash.reopened]]</a></li>
  </ul>
  <p><a href="{{LP}}/admin/stats">[[stats.dash.stats]]</a></p>
</section>
{{/REQUESTS}}{{#COMMENTS}}<section class="panel" aria-labelledby="p-comments">
  <h2 id="p-comments">[[cma.dash.title]]</h2>
  <ul class="dash-counts">
    <li><a id="dash-cm-pending" href="{{LP}}/admin/comments?status=pending"><strong>{{PENDING}}</strong> [[cma.dash.pending]]</a></li>
    <li><a id="dash-cm-flagged" href="{{LP}}/admin/comments?status=flagged"><strong>{{FLAGGED}}</strong> [[cma.dash.flagged]]</a></li>
  </ul>
</section>
{{/COMMENTS}}{{#HELP}}<section class="panel" aria-labelledby="p-help">
  <h2 id="p-help">[[help.dash.title]]</h2>
  <ul class="dash-counts">
    <li><a id="dash-help-new" href="{{LP}}/admin/help?status=new"><strong>{{NEW}}</strong> [[help.dash.new]]</a></li>
    <li><a id="dash-help-overdue" href="{{LP}}/admin/help?overdue=1"><strong>{{OVERDUE}}</strong> [[help.dash.overdue]]</a></li>
    <li><a id="dash-help-unmatched" href="{{LP}}/admin/help?unmatched=1"><strong>{{UNMATCHED}}</strong> [[help.dash.unmatched]]</a></li>
{{#PHARMACY}}    <li><strong>{{N}}</strong> [[help.dash.pharmacy]]</li>
{{/PHARMACY}}  </ul>
  <p><a href="{{LP}}/admin/help/new">[[help.dash.intake]]</a></p>
</section>
{{/HELP}}{{#TASKS}}<section class="panel" aria-labelledby="p-tasks">
  <h2 id="p-tasks">[[help.nav_tasks]]</h2>
  <ul class="dash-counts">
    <li><a id="dash-tasks-open" href="{{LP}}/admin/help/tasks"><strong>{{OPEN}}</strong> [[help.dash.tasks_open]]</a></li>
    <li><strong>{{OVERDUE}}</strong> [[help.dash.overdue]]</li>
  </ul>
</section>
{{/TASKS}}</div>
