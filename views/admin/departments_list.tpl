{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.depts.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a class="button" href="{{LP}}/admin/departments/new">[[adm.depts.new_title]]</a>{{#PUBLIC}} · <a href="{{URL}}">[[adm.depts.view]]</a>{{/PUBLIC}}</p>
<form class="filters" method="get" action="{{LP}}/admin/departments" aria-labelledby="depts-filters">
  <h2 id="depts-filters" class="visually-hidden">[[adm.content.filters]]</h2>
  <div class="field"><label for="d-q">[[adm.depts.search]]</label><input id="d-q" type="search" name="q" value="{{Q}}" maxlength="200"></div>
  <button type="submit">[[adm.content.apply]]</button>
</form>
{{#EMPTY}}<p>[[adm.depts.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.depts.title]]">
<table class="admin-table">
  <thead><tr><th scope="col">[[adm.depts.f_name]]</th><th scope="col">[[adm.depts.f_phone]]</th><th scope="col">[[adm.depts.f_email]]</th><th scope="col">[[adm.depts.f_sort]]</th><th scope="col">[[adm.depts.users]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><td><a href="{{URL}}">{{NAME}}</a>{{#EN}} <span class="tag" lang="en">EN</span>{{/EN}}</td><td>{{PHONE}}</td><td>{{EMAIL}}</td><td>{{SORT}}</td><td>{{USERS}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}
