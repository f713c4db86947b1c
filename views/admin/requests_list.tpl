{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.rq.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#SCOPED}}<p class="notice notice-warning">[[adm.rq.scoped]]</p>
{{/SCOPED}}{{#TEMPLATES}}<p><a href="{{LP}}/admin/requests/templates">[[adm.rqt.title]]</a></p>
{{/TEMPLATES}}<form class="filters" method="get" action="{{LP}}/admin/requests" aria-labelledby="rq-filters">
  <h2 id="rq-filters">[[adm.rq.filters]]</h2>
  <div class="field"><label for="q-code">[[adm.rq.f_code]]</label><input id="q-code" name="code" value="" maxlength="11" inputmode="numeric" placeholder="2026-000123"></div>
  <div class="field"><label for="q-status">[[adm.rq.c_status]]</label>
    <select id="q-status" name="status"><option value="">[[adm.rq.any]]</option>
{{#STATUS_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPT}}    </select></div>
  <div class="field"><label for="q-category">[[adm.rq.c_category]]</label>
    <select id="q-category" name="category"><option value="">[[adm.rq.any]]</option>
{{#CAT_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CAT_OPT}}    </select></div>
{{#DEPT_FILTER}}  <div class="field"><label for="q-department">[[adm.rq.c_department]]</label>
    <select id="q-department" name="department"><option value="">[[adm.rq.any]]</option>
{{#DEPT_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/DEPT_OPT}}    </select></div>
{{/DEPT_FILTER}}  <div class="field"><label for="q-area">[[adm.rq.c_area]]</label>
    <select id="q-area" name="area"><option value="">[[adm.rq.any]]</option>
{{#AREA_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AREA_OPT}}    </select></div>
  <div class="field"><label for="q-assignee">[[adm.rq.c_assignee]]</label>
    <select id="q-assignee" name="assignee"><option value="">[[adm.rq.any]]</option>
{{#ASSIGNEE_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/ASSIGNEE_OPT}}    </select></div>
  <div class="field"><label for="q-channel">[[adm.rq.c_channel]]</label>
    <select id="q-channel" name="channel"><option value="">[[adm.rq.any]]</option>
{{#CHANNEL_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CHANNEL_OPT}}    </select></div>
  <div class="field"><label for="q-priority">[[adm.rq.c_priority]]</label>
    <select id="q-priority" name="priority"><option value="">[[adm.rq.any]]</option>
{{#PRIORITY_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PRIORITY_OPT}}    </select></div>
  <div class="field"><input id="q-overdue" type="checkbox" name="overdue" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}> <label for="q-overdue">[[adm.rq.f_overdue]]</label></div>
  <div class="field"><label for="q-sort">[[adm.rq.f_sort]]</label>
    <select id="q-sort" name="sort">
{{#SORT_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SORT_OPT}}    </select></div>
  <button type="submit">[[adm.rq.apply]]</button>
</form>
<p><a href="{{CSV_URL}}">[[adm.rq.csv]]</a></p>
{{#EMPTY}}<p>[[adm.rq.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.rq.title]]">
<table class="admin-table">
  <caption>[[adm.rq.caption]]</caption>
  <thead><tr><th scope="col">[[adm.rq.c_code]]</th><th scope="col">[[adm.rq.c_created]]</th><th scope="col">[[adm.rq.c_category]]</th><th scope="col">[[adm.rq.c_area]]</th><th scope="col">[[adm.rq.c_status]]</th><th scope="col">[[adm.rq.c_priority]]</th><th scope="col">[[adm.rq.c_assignee]]</th><th scope="col">[[adm.rq.c_due]]</th><th scope="col">[[adm.rq.c_channel]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr{{#OVERDUE}} class="overdue"{{/OVERDUE}}><th scope="row"><a href="{{URL}}">{{CODE}}</a></th><td>{{CREATED}}</td><td>{{CATEGORY}}</td><td>{{AREA}}</td><td>{{STATUS}}</td><td>{{#URGENT}}<strong>{{/URGENT}}{{PRIORITY}}{{#URGENT}}</strong>{{/URGENT}}</td><td>{{ASSIGNEE}}</td><td><time datetime="{{DUE_ISO}}">{{DUE}}</time>{{#OVERDUE}} <strong class="tag overdue-tag">[[adm.rq.overdue]]</strong>{{/OVERDUE}}</td><td>{{CHANNEL}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#FIRST}}<p><a href="{{URL}}">[[adm.rq.first]]</a></p>
{{/FIRST}}{{#NEXT}}<p><a href="{{URL}}" rel="next">[[adm.rq.next]]</a></p>
{{/NEXT}}
