{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.events.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a class="button" href="{{LP}}/admin/events/new">[[adm.events.new_title]]</a></p>
<form class="filters" method="get" action="{{LP}}/admin/events" aria-labelledby="events-filters">
  <h2 id="events-filters" class="visually-hidden">[[adm.content.filters]]</h2>
  <div class="field"><label for="e-q">[[adm.events.search]]</label><input id="e-q" type="search" name="q" value="{{Q}}" maxlength="200"></div>
  <div class="field"><label for="e-when">[[adm.events.when]]</label><select id="e-when" name="when">
{{#WHEN}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/WHEN}}</select></div>
  <div class="field"><label for="e-status">[[adm.content.f_status]]</label><select id="e-status" name="status"><option value="">[[adm.content.any]]</option>
{{#STATUS}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS}}</select></div>
  <button type="submit">[[adm.content.apply]]</button>
</form>
{{#EMPTY}}<p>[[adm.events.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.events.title]]">
<table class="admin-table">
  <thead><tr><th scope="col">[[adm.content.f_title]]</th><th scope="col">[[adm.events.f_starts]]</th><th scope="col">[[adm.events.f_place]]</th><th scope="col">[[adm.content.f_status]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><td><a href="{{URL}}">{{TITLE}}</a>{{#EN}} <span class="tag" lang="en">EN</span>{{/EN}}</td><td>{{STARTS}}</td><td>{{PLACE}}</td><td>{{STATUS}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#MORE}}<p><a href="{{URL}}" rel="next">[[adm.content.more]]</a></p>
{{/MORE}}
