{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="new-title">
  <h1 id="new-title">[[adm.users.new_title]]</h1>
  <p>[[adm.users.new_intro]]</p>
{{>FORM}}
  <p><a href="{{LP}}/admin/users">[[adm.users.back]]</a></p>
</section>
