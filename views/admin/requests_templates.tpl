{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.rqt.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a class="button" href="{{LP}}/admin/requests/templates/new">[[adm.rqt.new_title]]</a> · <a href="{{LP}}/admin/requests">[[adm.rq.back]]</a></p>
<p>[[adm.rqt.placeholders]]</p>
{{#EMPTY}}<p>[[adm.rqt.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.rqt.title]]">
<table class="admin-table">
  <caption>[[adm.rqt.caption]]</caption>
  <thead><tr><th scope="col">[[adm.rqt.f_title]]</th><th scope="col">[[adm.rqt.f_status]]</th><th scope="col">[[adm.rqt.f_sort]]</th><th scope="col">[[adm.rqt.actions]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><th scope="row"><a href="{{URL}}">{{TITLE}}</a>{{#EN}} <span class="tag" lang="en">EN</span>{{/EN}}</th><td>{{STATUS}}</td><td>{{SORT}}</td><td><a href="{{URL}}/delete">[[adm.rqt.delete]]<span class="visually-hidden"> {{TITLE}}</span></a></td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}
