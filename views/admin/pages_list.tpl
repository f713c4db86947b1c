{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.pages.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a class="button" href="{{LP}}/admin/pages/new">[[adm.pages.new_title]]</a></p>
<form class="filters" method="get" action="{{LP}}/admin/pages" aria-labelledby="pages-filters">
  <h2 id="pages-filters" class="visually-hidden">[[adm.content.filters]]</h2>
  <div class="field"><label for="p-q">[[adm.content.search_titles]]</label><input id="p-q" type="search" name="q" value="{{Q}}" maxlength="200"></div>
  <div class="field"><label for="p-status">[[adm.content.f_status]]</label><select id="p-status" name="status"><option value="">[[adm.content.any]]</option>
{{#STATUS}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS}}</select></div>
  <button type="submit">[[adm.content.apply]]</button>
</form>
{{#EMPTY}}<p>[[adm.pages.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.pages.title]]">
<table class="admin-table page-tree">
  <caption>[[adm.pages.tree_caption]]</caption>
  <thead><tr><th scope="col">[[adm.content.f_title]]</th><th scope="col">[[adm.pages.address]]</th><th scope="col">[[adm.pages.f_sort]]</th><th scope="col">[[adm.pages.in_menu]]</th><th scope="col">[[adm.content.f_status]]</th><th scope="col"><span class="visually-hidden">[[adm.pages.actions]]</span></th></tr></thead>
  <tbody>
{{#ROW}}    <tr data-id="{{ID}}" data-depth="{{DEPTH}}"><td><span class="tree-indent" aria-hidden="true">{{INDENT}}</span><a href="{{URL}}">{{TITLE}}</a>{{#EN}} <span class="tag" lang="en">EN</span>{{/EN}}<span class="visually-hidden"> · [[adm.pages.level]] {{DEPTH}}</span></td><td><code>{{PATH}}</code></td><td>{{SORT}}</td><td>{{#IN_MENU}}[[adm.pages.yes]]{{/IN_MENU}}{{#IN_MENU_SUB}}[[adm.pages.menu_sub]]{{/IN_MENU_SUB}}</td><td>{{STATUS}}{{#HIDDEN}} <em>[[adm.pages.hidden]]</em>{{/HIDDEN}}</td><td>{{#ADD}}<a href="{{URL}}">[[adm.pages.add_child]]</a>{{/ADD}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}
