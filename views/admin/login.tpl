{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="login-title">
  <h1 id="login-title">[[adm.login.title]]</h1>
{{#NOTICE}}  <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}  <p>[[adm.login.intro]]</p>
{{>FORM}}
</section>
