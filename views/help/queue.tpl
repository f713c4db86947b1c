{{%AUTOESCAPE context="HTML"}}
<h1>[[help.queue.title]]</h1>
<p class="help-actions"><a class="button" href="{{LP}}/admin/help/new">[[help.queue.new]]</a> <a href="{{LP}}/admin/help/people">[[help.people.title]]</a></p>
{{#OVERDUE_ALERT}}<p class="notice notice-warning" role="status"><a href="{{URL}}">[[help.queue.n_overdue]]: {{N_OVERDUE}}</a></p>
{{/OVERDUE_ALERT}}{{#UNMATCHED_ALERT}}<p class="notice" role="status"><a href="{{URL}}">[[help.queue.n_unmatched]]: {{N_UNMATCHED}}</a></p>
{{/UNMATCHED_ALERT}}<form class="filters" method="get" action="{{LP}}/admin/help" aria-labelledby="help-filters">
  <h2 id="help-filters">[[help.queue.filters]]</h2>
  <div class="field"><label for="q-status">[[help.case.status]]</label>
    <select id="q-status" name="status">
{{#STATUS_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPT}}    </select></div>
  <div class="field"><label for="q-type">[[help.f.type]]</label>
    <select id="q-type" name="type"><option value="">[[help.queue.any]]</option>
{{#TYPE_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPT}}    </select></div>
  <div class="field"><label for="q-area">[[help.f.area]]</label>
    <select id="q-area" name="area"><option value="">[[help.queue.any]]</option>
{{#AREA_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AREA_OPT}}    </select></div>
  <div class="field"><input id="q-overdue" type="checkbox" name="overdue" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}> <label for="q-overdue">[[help.queue.f_overdue]]</label></div>
  <div class="field"><input id="q-unmatched" type="checkbox" name="unmatched" value="1"{{#UNMATCHED_CHECKED}} checked{{/UNMATCHED_CHECKED}}> <label for="q-unmatched">[[help.queue.f_unmatched]]</label></div>
  <div class="field"><input id="q-mine" type="checkbox" name="mine" value="1"{{#MINE_CHECKED}} checked{{/MINE_CHECKED}}> <label for="q-mine">[[help.queue.f_mine]]</label></div>
  <button type="submit">[[help.queue.apply]]</button>
</form>
{{#EMPTY}}<p>[[help.queue.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[help.queue.title]]">
<table class="admin-table">
  <caption>[[help.queue.caption]]</caption>
  <thead><tr><th scope="col">[[help.queue.c_id]]</th><th scope="col">[[help.f.wanted_by]]</th><th scope="col">[[help.f.type]]</th><th scope="col">[[help.queue.c_who]]</th><th scope="col">[[help.f.area]]</th><th scope="col">[[help.f.urgency]]</th><th scope="col">[[help.case.status]]</th><th scope="col">[[help.case.assignee]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr{{#OVERDUE}} class="overdue"{{/OVERDUE}}><th scope="row"><a href="{{URL}}">{{ID}}</a></th><td><time datetime="{{WANTED_ISO}}">{{WANTED}}</time>{{#OVERDUE}} <strong class="tag overdue-tag">[[help.queue.overdue]]</strong>{{/OVERDUE}}</td><td>{{TYPE}}{{#PHARMACY}}<br><small>[[help.case.pharmacy]]: {{V}}</small>{{/PHARMACY}}</td><td>{{WHO}}{{#UNMATCHED}} <strong class="tag">[[help.queue.web]]</strong>{{/UNMATCHED}}</td><td>{{AREA}}</td><td>{{#URGENT}}<strong>{{/URGENT}}{{URGENCY}}{{#URGENT}}</strong>{{/URGENT}}</td><td>{{STATUS}}</td><td>{{ASSIGNEE}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#FIRST}}<p><a href="{{URL}}">[[help.queue.first]]</a></p>
{{/FIRST}}{{#NEXT}}<p><a href="{{URL}}" rel="next">[[help.queue.next]]</a></p>
{{/NEXT}}
