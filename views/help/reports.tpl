{{%AUTOESCAPE context="HTML"}}
<h1>[[hr.title]]</h1>
<p>[[hr.intro]]</p>
{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="hr-errors-title">
  <h2 id="hr-errors-title">[[form.err_heading]]</h2>
  <ul>
{{#ERROR}}    <li><a href="#f-{{FIELD}}">{{TEXT}}</a></li>
{{/ERROR}}  </ul>
</div>
{{/ERRORS}}<form class="filters" method="get" action="{{LP}}/admin/help/reports" aria-labelledby="hr-period-h">
  <h2 id="hr-period-h" class="visually-hidden">[[hr.period]]</h2>
  <div class="field"><label for="f-from">[[hr.from]]</label>
    <p class="field-hint" id="f-from-hint">[[hr.date_hint]]</p>
{{#FROM_ERROR}}    <p class="field-error" id="f-from-error">{{TEXT}}</p>
{{/FROM_ERROR}}    <input id="f-from" name="from" type="date" autocomplete="off" value="{{F_FROM}}" maxlength="10" aria-describedby="f-from-hint{{#FROM_ERROR}} f-from-error{{/FROM_ERROR}}"{{#FROM_ERROR}} aria-invalid="true"{{/FROM_ERROR}}></div>
  <div class="field"><label for="f-to">[[hr.to]]</label>
    <p class="field-hint" id="f-to-hint">[[hr.date_hint]]</p>
{{#TO_ERROR}}    <p class="field-error" id="f-to-error">{{TEXT}}</p>
{{/TO_ERROR}}    <input id="f-to" name="to" type="date" autocomplete="off" value="{{F_TO}}" maxlength="10" aria-describedby="f-to-hint{{#TO_ERROR}} f-to-error{{/TO_ERROR}}"{{#TO_ERROR}} aria-invalid="true"{{/TO_ERROR}}></div>
  <button type="submit">[[hr.show]]</button>
</form>
{{#RESULTS}}<p>[[hr.period]]: <strong>{{PERIOD}}</strong> · [[hr.total]]: <strong id="hr-total">{{TOTAL}}</strong></p>
<p class="field-hint">[[hr.cohort_note]]</p>
{{#CHART}}<section class="help-rep-chart" aria-labelledby="{{ID}}-h">
  <h2 id="{{ID}}-h">{{HEADING}}</h2>
{{! SVG is drawn by view/svg_chart.c, which escapes every label and title it writes. }}  <div class="chart-wrap">{{SVG:none}}</div>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="{{ID}}-h">
  <table class="admin-table stats-table" id="{{ID}}-table">
    <caption>{{HEADING}}</caption>
    <thead><tr><th scope="col">{{COL}}</th><th scope="col">[[hr.col_count]]</th></tr></thead>
    <tbody>
{{#ROW}}      <tr><th scope="row">{{LABEL}}</th><td>{{N}}</td></tr>
{{/ROW}}    </tbody>
    <tfoot><tr><th scope="row">[[hr.total]]</th><td>{{TOTAL}}</td></tr></tfoot>
  </table>
  </div>
{{#CSV}}  <p><a href="{{URL}}" download>[[hr.csv]]<span class="visually-hidden">: {{HEADING}}</span></a></p>
{{/CSV}}</section>
{{/CHART}}{{#COMPLETION}}<section class="help-rep-chart" aria-labelledby="hr-completion-h">
  <h2 id="hr-completion-h">[[hr.completion]]</h2>
  <p>[[hr.completion_note]]</p>
{{#CUT}}  <p class="notice notice-warning">[[hr.completion_cut]] ({{MAX}})</p>
{{/CUT}}{{! SVG is drawn by view/svg_chart.c, which escapes every label and title it writes. }}  <div class="chart-wrap">{{SVG:none}}</div>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="hr-completion-h">
  <table class="admin-table stats-table" id="hr-completion-table">
    <caption>[[hr.completion]]</caption>
    <thead><tr><th scope="col">[[hr.col_type]]</th><th scope="col">[[hr.col_done]]</th><th scope="col">[[hr.col_median]]</th><th scope="col">[[hr.col_p90]]</th></tr></thead>
    <tbody>
{{#ROW}}      <tr><th scope="row">{{LABEL}}</th><td>{{N}}</td><td>{{MEDIAN}}</td><td>{{P90}}</td></tr>
{{/ROW}}    </tbody>
    <tfoot>{{#ALL}}<tr><th scope="row">{{LABEL}}</th><td>{{N}}</td><td>{{MEDIAN}}</td><td>{{P90}}</td></tr>{{/ALL}}</tfoot>
  </table>
  </div>
  <p><a href="{{CSV}}" download>[[hr.csv]]<span class="visually-hidden">: [[hr.completion]]</span></a></p>
</section>
{{/COMPLETION}}{{#LOAD}}<section class="help-rep-chart" aria-labelledby="hr-load-h">
  <h2 id="hr-load-h">[[hr.load]]</h2>
  <p>[[hr.load_note]]</p>
{{! SVG is drawn by view/svg_chart.c, which escapes every label and title it writes. }}  <div class="chart-wrap">{{SVG:none}}</div>
{{#EMPTY}}  <p>[[hr.load_empty]]</p>
{{/EMPTY}}{{#CUT}}  <p class="notice notice-warning">[[hr.load_cut]] ({{MAX}})</p>
{{/CUT}}  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="hr-load-h">
  <table class="admin-table stats-table" id="hr-load-table">
    <caption>[[hr.load]]</caption>
    <thead><tr><th scope="col">[[hr.col_person]]</th><th scope="col">[[hr.col_kind]]</th><th scope="col">[[hr.col_open]]</th><th scope="col">[[hr.col_done]]</th><th scope="col">[[hr.col_unreach]]</th></tr></thead>
    <tbody>
{{#ROW}}      <tr><th scope="row">{{NAME}}</th><td>{{KIND}}</td><td>{{OPEN}}</td><td>{{DONE}}</td><td>{{UNREACH}}</td></tr>
{{/ROW}}    </tbody>
  </table>
  </div>
  <p><a href="{{CSV}}" download>[[hr.csv]]<span class="visually-hidden">: [[hr.load]]</span></a></p>
</section>
{{/LOAD}}{{/RESULTS}}
