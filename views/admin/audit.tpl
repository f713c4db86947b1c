{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.audit.title]]</h1>
<form class="filters" method="get" action="{{LP}}/admin/audit" aria-labelledby="audit-filters">
  <h2 id="audit-filters" class="visually-hidden">[[adm.audit.filters]]</h2>
  <div class="field"><label for="a-user">[[adm.audit.user]]</label><input id="a-user" name="user" value="{{F_USER}}" maxlength="64"></div>
  <div class="field"><label for="a-action">[[adm.audit.action]]</label><input id="a-action" name="action" value="{{F_ACTION}}" maxlength="40"></div>
  <div class="field"><label for="a-type">[[adm.audit.type]]</label><input id="a-type" name="type" value="{{F_TYPE}}" maxlength="40"></div>
  <div class="field"><label for="a-object">[[adm.audit.object]]</label><input id="a-object" name="object" value="{{F_OBJECT}}" maxlength="64"></div>
  <div class="field"><label for="a-from">[[adm.audit.from]]</label><input id="a-from" name="from" value="{{F_FROM}}" maxlength="10" inputmode="numeric"></div>
  <div class="field"><label for="a-to">[[adm.audit.to]]</label><input id="a-to" name="to" value="{{F_TO}}" maxlength="10" inputmode="numeric"></div>
  <button type="submit">[[adm.audit.apply]]</button>
</form>
<p><a href="{{CSV_URL}}">[[adm.audit.csv]]</a></p>
{{#EMPTY}}<p>[[adm.audit.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.audit.title]]">
<table class="admin-table">
  <thead><tr><th scope="col">[[adm.audit.at]]</th><th scope="col">[[adm.audit.user]]</th><th scope="col">[[adm.audit.action]]</th><th scope="col">[[adm.audit.what]]</th><th scope="col">[[adm.audit.summary]]</th><th scope="col">[[adm.audit.ip]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{USER}}</td><td><code>{{ACTION}}</code></td><td>{{OBJECT}}</td><td>{{SUMMARY}}</td><td>{{IP}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#OLDER}}<p><a href="{{URL}}" rel="next">[[adm.audit.older]]</a></p>
{{/OLDER}}
