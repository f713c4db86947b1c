{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="pw-title">
  <h1 id="pw-title">[[adm.pw.title]]</h1>
{{#MUST}}  <p class="notice notice-warning">[[adm.pw.must]]</p>
{{/MUST}}{{>FORM}}
</section>
