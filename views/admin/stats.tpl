{{%AUTOESCAPE context="HTML"}}
<h1>[[stats.title]]</h1>
{{#SCOPE_DEPT}}<p>[[stats.scope_dept]]</p>
{{/SCOPE_DEPT}}{{#ERRORS}}<div class="error-summary" role="alert" aria-labelledby="stats-errors-title">
  <h2 id="stats-errors-title">[[form.err_heading]]</h2>
  <ul>
{{#ERROR}}    <li><a href="#f-{{FIELD}}">{{TEXT}}</a></li>
{{/ERROR}}  </ul>
</div>
{{/ERRORS}}<form class="filters" method="get" action="{{LP}}/admin/stats" aria-labelledby="stats-period">
  <h2 id="stats-period" class="visually-hidden">[[stats.period]]</h2>
  <div class="field"><label for="f-from">[[stats.from]]</label>
    <p class="field-hint" id="f-from-hint">[[stats.month_hint]]</p>
{{#FROM_ERROR}}    <p class="field-error" id="f-from-error">{{TEXT}}</p>
{{/FROM_ERROR}}    <input id="f-from" name="from" type="text" inputmode="numeric" autocomplete="off" value="{{F_FROM}}" maxlength="7" aria-describedby="f-from-hint{{#FROM_ERROR}} f-from-error{{/FROM_ERROR}}"{{#FROM_ERROR}} aria-invalid="true"{{/FROM_ERROR}}></div>
  <div class="field"><label for="f-to">[[stats.to]]</label>
    <p class="field-hint" id="f-to-hint">[[stats.month_hint]]</p>
{{#TO_ERROR}}    <p class="field-error" id="f-to-error">{{TEXT}}</p>
{{/TO_ERROR}}    <input id="f-to" name="to" type="text" inputmode="numeric" autocomplete="off" value="{{F_TO}}" maxlength="7" aria-describedby="f-to-hint{{#TO_ERROR}} f-to-error{{/TO_ERROR}}"{{#TO_ERROR}} aria-invalid="true"{{/TO_ERROR}}></div>
  <button type="submit">[[stats.show]]</button>
</form>
{{#RESULTS}}<p>[[stats.period]]: <strong>{{PERIOD}}</strong> · [[stats.total]]: <strong id="stats-total">{{TOTAL}}</strong></p>
<p>[[stats.overdue_now]]: <strong id="stats-overdue">{{OVERDUE}}</strong> · <a href="{{LP}}/admin/requests?overdue=1">[[stats.to_queue]]</a></p>
{{#AS_OF}}<p class="stats-as-of" id="stats-as-of">[[stats.as_of]] <time datetime="{{DATETIME}}">{{WHEN}}</time> · [[stats.refresh_every]] {{EVERY}} {{#SECONDS}}[[stats.seconds]]{{/SECONDS}}{{#MINUTES}}[[stats.minutes]]{{/MINUTES}}.</p>
{{/AS_OF}}{{#CHART}}<section class="stats-chart" aria-labelledby="{{ID}}-h">
  <h2 id="{{ID}}-h">{{HEADING}}</h2>
{{! SVG is drawn by view/svg_chart.c, which escapes every label and title it writes. }}  <div class="chart-wrap">{{SVG:none}}</div>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="{{ID}}-h">
  <table class="admin-table stats-table" id="{{ID}}-table">
    <caption>{{HEADING}}</caption>
    <thead><tr><th scope="col">{{COL}}</th><th scope="col">[[stats.col_count]]</th></tr></thead>
    <tbody>
{{#ROW}}      <tr><th scope="row">{{LABEL}}</th><td>{{N}}</td></tr>
{{/ROW}}    </tbody>
    <tfoot><tr><th scope="row">[[stats.total]]</th><td>{{TOTAL}}</td></tr></tfoot>
  </table>
  </div>
</section>
{{/CHART}}{{#MEDIANS}}<section class="stats-chart" aria-labelledby="medians-h">
  <h2 id="medians-h">[[stats.medians]]</h2>
  <p>[[stats.medians_note]]</p>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="medians-h">
  <table class="admin-table stats-table" id="medians-table">
    <caption>[[stats.medians]]</caption>
    <thead><tr><th scope="col">[[stats.col_category]]</th><th scope="col">[[stats.col_reply]]</th><th scope="col">[[stats.col_replied]]</th><th scope="col">[[stats.col_resolve]]</th><th scope="col">[[stats.col_resolved]]</th></tr></thead>
    <tbody>
{{#MROW}}      <tr><th scope="row">{{LABEL}}</th><td>{{REPLY}}</td><td>{{REPLIED}}</td><td>{{RESOLVE}}</td><td>{{RESOLVED}}</td></tr>
{{/MROW}}    </tbody>
  </table>
  </div>
</section>
{{/MEDIANS}}{{/RESULTS}}
