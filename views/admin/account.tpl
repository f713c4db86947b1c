{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.account.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<dl class="facts">
  <dt>[[adm.account.username]]</dt><dd>{{USERNAME}}</dd>
  <dt>[[adm.account.roles]]</dt><dd>{{#ROLE}}<span class="tag">{{LABEL}}</span> {{/ROLE}}</dd>
</dl>
<h2>[[adm.account.security]]</h2>
{{#TOTP_ON}}<p>[[adm.account.totp_on]] {{LEFT}}. <a href="{{LP}}/admin/account/2fa">[[adm.account.totp_manage]]</a></p>
{{/TOTP_ON}}{{#TOTP_OFF}}<p>[[adm.account.totp_off]] <a href="{{LP}}/admin/account/2fa">[[adm.account.totp_setup]]</a></p>
{{/TOTP_OFF}}<p><a href="{{LP}}/admin/account/password">[[adm.account.password]]</a></p>
<h2>[[adm.account.sessions]]</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.account.sessions]]">
<table class="admin-table">
  <thead><tr><th scope="col">[[adm.account.created]]</th><th scope="col">[[adm.account.seen]]</th><th scope="col">[[adm.account.ip]]</th><th scope="col">[[adm.account.ua]]</th></tr></thead>
  <tbody>
{{#SESSION}}    <tr><td>{{CREATED}}{{#THIS}} <strong>[[adm.account.this]]</strong>{{/THIS}}</td><td>{{SEEN}}</td><td>{{IP}}</td><td class="ua">{{UA}}</td></tr>
{{/SESSION}}  </tbody>
</table>
</div>
{{#OTHERS}}<form method="post" action="{{LP}}/admin/account/sessions/end">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <button type="submit">[[adm.account.end_others]]</button>
</form>
{{/OTHERS}}
