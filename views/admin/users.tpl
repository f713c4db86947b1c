{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.users.title]]</h1>
<p><a class="button" href="{{LP}}/admin/users/new">[[adm.users.new]]</a></p>
<form class="filters" method="get" action="{{LP}}/admin/users" aria-labelledby="users-filters">
  <h2 id="users-filters" class="visually-hidden">[[adm.users.filters]]</h2>
  <div class="field"><label for="u-role">[[adm.users.f_role]]</label>
    <select id="u-role" name="role">
      <option value="">[[adm.users.any_role]]</option>
{{#ROLE_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ROLE_OPT}}    </select></div>
  <div class="field"><label for="u-q">[[adm.users.f_q]]</label><input id="u-q" name="q" value="{{F_Q}}" maxlength="64"></div>
  <button type="submit">[[adm.users.apply]]</button>
</form>
{{#EMPTY}}<p>[[adm.users.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.users.title]]">
<table class="admin-table">
  <thead><tr><th scope="col">[[adm.users.username]]</th><th scope="col">[[adm.users.display]]</th><th scope="col">[[adm.users.roles]]</th><th scope="col">[[adm.users.department]]</th><th scope="col">[[adm.users.active]]</th><th scope="col">[[adm.users.totp]]</th><th scope="col">[[adm.users.last]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr{{#INACTIVE}} class="inactive"{{/INACTIVE}}><td><a href="{{URL}}">{{NAME}}</a></td><td>{{DISPLAY}}</td><td>{{#ROLE}}<span class="tag">{{LABEL}}</span> {{/ROLE}}</td><td>{{DEPT}}</td><td>{{ACTIVE}}</td><td>{{TOTP}}</td><td>{{LAST}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#FIRST}}<p><a href="{{URL}}">[[adm.users.first]]</a></p>
{{/FIRST}}{{#NEXT}}<p><a href="{{URL}}" rel="next">[[adm.users.next]]</a></p>
{{/NEXT}}
