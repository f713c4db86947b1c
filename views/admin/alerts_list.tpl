{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.alerts.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p>[[adm.alerts.intro]]</p>
<p><a class="button" href="{{LP}}/admin/alerts/new">[[adm.alerts.new_title]]</a></p>
<form class="filters" method="get" action="{{LP}}/admin/alerts" aria-labelledby="alerts-filters">
  <h2 id="alerts-filters" class="visually-hidden">[[adm.content.filters]]</h2>
  <div class="field"><label for="a-q">[[adm.alerts.search]]</label><input id="a-q" type="search" name="q" value="{{Q}}" maxlength="200"></div>
  <div class="field"><label for="a-state">[[adm.alerts.state]]</label><select id="a-state" name="state"><option value="">[[adm.content.any]]</option>
{{#STATE}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATE}}</select></div>
  <button type="submit">[[adm.content.apply]]</button>
</form>
{{#EMPTY}}<p>[[adm.alerts.empty]]</p>
{{/EMPTY}}{{#SECTION}}<section class="alerts-{{ID}}" aria-labelledby="alerts-{{ID}}-heading">
<h2 id="alerts-{{ID}}-heading">{{HEADING}}</h2>
<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.alerts.title]]">
<table class="admin-table">
  <thead><tr><th scope="col">[[adm.alerts.f_message]]</th><th scope="col">[[adm.alerts.f_severity]]</th><th scope="col">[[adm.alerts.f_starts]]</th><th scope="col">[[adm.alerts.f_ends]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><td><a href="{{URL}}">{{MESSAGE}}</a>{{#EN}} <span class="tag" lang="en">EN</span>{{/EN}}</td><td>{{SEVERITY}}</td><td>{{STARTS}}</td><td>{{ENDS}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
</section>
{{/SECTION}}{{#OLDER}}<p><a href="{{URL}}" rel="next">[[adm.alerts.older]]</a></p>
{{/OLDER}}
