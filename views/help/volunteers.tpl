{{%AUTOESCAPE context="HTML"}}
<h1>[[hv.title]]</h1>
<p>[[hv.intro]]</p>
<section class="help-vol-pending" aria-labelledby="hv-pending-h">
  <h2 id="hv-pending-h">[[hv.pending_title]]</h2>
{{#NO_PENDING}}  <p>[[hv.pending_none]]</p>
{{/NO_PENDING}}{{#PENDING}}  <p>[[hv.pending_intro]]</p>
  <ul id="hv-pending">
{{#P}}    <li>{{NAME}} ({{USER}}, {{ROLES}}) · <a href="{{URL}}">[[hv.onboard]]<span class="visually-hidden">: {{NAME}}</span></a></li>
{{/P}}  </ul>
{{#MORE}}  <p>[[hv.pending_more]]</p>
{{/MORE}}{{/PENDING}}</section>
<form class="filters" method="get" action="{{LP}}/admin/help/volunteers" aria-labelledby="hv-suggest-h">
  <h2 id="hv-suggest-h">[[hv.suggest_title]]</h2>
  <p class="field-hint">[[hv.suggest_hint]]</p>
  <div class="field"><label for="hv-type">[[hv.f_type]]</label>
    <select id="hv-type" name="type">
      <option value="">—</option>
{{#TYPE_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPT}}    </select></div>
  <div class="field"><label for="hv-area2">[[hv.f_village]]</label>
    <select id="hv-area2" name="area">
      <option value="">[[hv.any_village]]</option>
{{#AREA2_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AREA2_OPT}}    </select></div>
  <button type="submit">[[hv.suggest_button]]</button>
</form>
{{#SUGGEST}}<section aria-labelledby="hv-cand-h">
  <h2 id="hv-cand-h">{{CAPTION}}</h2>
  <p><a href="{{LP}}/admin/help/volunteers">[[hv.back_list]]</a></p>
{{#NONE}}  <p>[[hv.suggest_none]]</p>
{{/NONE}}{{#TABLE}}  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="hv-cand-h">
  <table class="admin-table" id="hv-candidates">
    <caption>[[hv.suggest_caption]]</caption>
    <thead><tr><th scope="col">#</th><th scope="col">[[hv.col_name]]</th><th scope="col">[[hv.col_kind]]</th><th scope="col">[[hv.col_covers]]</th><th scope="col">[[hv.col_open]]</th><th scope="col">[[hv.col_car]]</th><th scope="col">[[hv.col_availability]]</th></tr></thead>
    <tbody>
{{#ROW}}      <tr><td>{{N}}</td><th scope="row"><a href="{{URL}}">{{NAME}}</a></th><td>{{KIND}}</td><td>{{COVERS}}</td><td>{{OPEN}}</td><td>{{CAR}}</td><td>{{AVAILABILITY}}</td></tr>
{{/ROW}}    </tbody>
  </table>
  </div>
{{/TABLE}}</section>
{{/SUGGEST}}{{#FILTERS}}<form class="filters" method="get" action="{{LP}}/admin/help/volunteers" aria-labelledby="hv-filters-h">
  <h2 id="hv-filters-h">[[hv.filters]]</h2>
  <div class="field"><label for="hv-kind">[[hv.f_kind]]</label>
    <select id="hv-kind" name="kind">
      <option value="">[[hv.any_kind]]</option>
{{#KIND_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/KIND_OPT}}    </select></div>
  <div class="field"><label for="hv-area">[[hv.f_village]]</label>
    <select id="hv-area" name="area">
      <option value="">[[hv.any_village]]</option>
{{#AREA_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AREA_OPT}}    </select></div>
  <div class="field"><label for="hv-avail">[[hv.f_available]]</label>
    <select id="hv-avail" name="available">
      <option value="">[[hv.any_available]]</option>
{{#AVAIL_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AVAIL_OPT}}    </select></div>
  <button type="submit">[[hv.apply]]</button>
</form>
{{/FILTERS}}{{#EMPTY}}<p>[[hv.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="hv-list-caption">
<table class="admin-table" id="hv-list">
  <caption id="hv-list-caption">[[hv.list_caption]]</caption>
  <thead><tr><th scope="col">[[hv.col_name]]</th><th scope="col">[[hv.col_kind]]</th><th scope="col">[[hv.col_villages]]</th><th scope="col">[[hv.col_skills]]</th><th scope="col">[[hv.col_car]]</th><th scope="col">[[hv.col_available]]</th><th scope="col">[[hv.col_open]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr{{#INACTIVE}} class="inactive"{{/INACTIVE}}><th scope="row"><a href="{{URL}}">{{NAME}}</a>{{#INACTIVE}} <span class="tag">[[hv.inactive]]</span>{{/INACTIVE}}</th><td>{{KIND}}</td><td>{{AREAS}}</td><td>{{SKILLS}}</td><td>{{CAR}}</td><td>{{AVAILABLE}}</td><td>{{OPEN}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#FIRST}}<p><a href="{{URL}}">[[hv.first]]</a></p>
{{/FIRST}}{{#NEXT}}<p><a href="{{URL}}" rel="next">[[hv.next]]</a></p>
{{/NEXT}}
