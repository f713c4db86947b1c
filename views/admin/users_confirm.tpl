{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="confirm-title">
  <h1 id="confirm-title">{{HEADING}}</h1>
{{#PW}}  <p>[[adm.users.pw_explain]]</p>
{{/PW}}{{#TFA}}  <p>[[adm.users.2fa_explain]]</p>
{{/TFA}}{{#SELF}}  <p class="notice notice-warning">[[adm.users.err_self_reset]] <a href="{{LP}}/admin/account">[[adm.nav.account]]</a></p>
{{/SELF}}{{>FORM}}
  <p><a href="{{USER_URL}}">[[adm.users.cancel]]</a></p>
</section>
