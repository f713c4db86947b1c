{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="edit-title">
  <h1 id="edit-title">{{HEADING}}</h1>
{{#NOTICE}}  <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#CONFIRM}}  <div class="notice notice-warning" role="alert">
    <p>[[adm.users.disable_warning]]</p>
    <p><a href="{{USER_URL}}">[[adm.users.cancel]]</a></p>
  </div>
{{/CONFIRM}}  <dl class="facts">
    <dt>[[adm.users.username]]</dt><dd>{{USERNAME}}</dd>
    <dt>[[adm.users.created]]</dt><dd>{{CREATED}}</dd>
    <dt>[[adm.users.last]]</dt><dd>{{LAST}}</dd>
    <dt>[[adm.users.active]]</dt><dd>{{ACTIVE}}</dd>
    <dt>[[adm.users.totp]]</dt><dd>{{TOTP}}</dd>
  </dl>
{{#MUST}}  <p>[[adm.users.must]]</p>
{{/MUST}}{{>FORM}}
  <h2>[[adm.users.security]]</h2>
{{#RESETS}}  <ul class="actions">
    <li><a class="button button-warning" href="{{PW_URL}}">[[adm.users.pw_button]]</a></li>
    <li><a class="button button-warning" href="{{TFA_URL}}">[[adm.users.2fa_button]]</a></li>
  </ul>
{{/RESETS}}{{#SELF}}  <p>[[adm.users.self_note]] <a href="{{LP}}/admin/account">[[adm.nav.account]]</a></p>
{{/SELF}}  <p><a href="{{AUDIT_URL}}">[[adm.users.history]]</a> · <a href="{{LP}}/admin/users">[[adm.users.back]]</a></p>
</section>
