{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.news.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a class="button" href="{{LP}}/admin/news/new">[[adm.news.new_title]]</a></p>
<form class="filters" method="get" action="{{LP}}/admin/news" aria-labelledby="news-filters">
  <h2 id="news-filters" class="visually-hidden">[[adm.audit.filters]]</h2>
  <div class="field"><label for="n-q">[[adm.news.search]]</label><input id="n-q" type="search" name="q" value="{{Q}}" maxlength="200"></div>
  <div class="field"><label for="n-status">[[adm.news.f_status]]</label><select id="n-status" name="status"><option value="">[[adm.news.any]]</option>
{{#STATUS}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS}}</select></div>
  <div class="field"><label for="n-cat">[[adm.news.f_category]]</label><select id="n-cat" name="category"><option value="">[[adm.news.any]]</option>
{{#CATEGORY}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CATEGORY}}</select></div>
  <button type="submit">[[adm.audit.apply]]</button>
</form>
{{#EMPTY}}<p>[[adm.news.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.news.title]]">
<table class="admin-table">
  <thead><tr><th scope="col">[[adm.news.f_title]]</th><th scope="col">[[adm.news.f_category]]</th><th scope="col">[[adm.news.f_status]]</th><th scope="col">[[adm.news.f_published]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><td><a href="{{URL}}">{{TITLE}}</a>{{#EN}} <span class="tag" lang="en">EN</span>{{/EN}}</td><td>{{CATEGORY}}</td><td>{{STATUS}}</td><td>{{AT}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#OLDER}}<p><a href="{{URL}}" rel="next">[[adm.news.older]]</a></p>
{{/OLDER}}
