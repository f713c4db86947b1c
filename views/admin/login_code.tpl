{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="code-title">
  <h1 id="code-title">[[adm.code.title]]</h1>
  <p>[[adm.code.intro]]</p>
{{>FORM}}
  <p class="aside">[[adm.code.other]]</p>
  <form method="post" action="{{LP}}/admin/logout">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <button type="submit" class="secondary">[[adm.logout]]</button>
  </form>
</section>
