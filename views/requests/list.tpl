{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumbs" aria-label="[[crumbs.label]]">
  <ol>
    <li><a href="{{LP}}/">[[nav.home]]</a></li>
    <li><span aria-current="page">[[rqp.list_title]]</span></li>
  </ol>
</nav>
<h1>[[rqp.list_title]]</h1>
<p>[[rqp.list_intro]] <a href="{{LP}}/requests/new">[[rqp.list_new]]</a></p>
<form class="filters rq-filters" method="get" action="{{LP}}/requests" aria-labelledby="rq-filters">
  <h2 id="rq-filters" class="visually-hidden">[[rqp.filters]]</h2>
  <div class="field"><label for="rq-category">[[rq.f_category]]</label><select id="rq-category" name="category"><option value="">[[rqp.any]]</option>
{{#CAT_GROUP}}<optgroup label="{{LABEL}}">
{{#OPTION}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}</optgroup>
{{/CAT_GROUP}}</select></div>
  <div class="field"><label for="rq-status">[[rq.status]]</label><select id="rq-status" name="status"><option value="">[[rqp.any]]</option>
{{#SET_OPTION}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/SET_OPTION}}<optgroup label="[[rqp.one_status]]">
{{#STATUS_OPTION}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPTION}}</optgroup></select></div>
  <div class="field"><label for="rq-area">[[rq.f_area]]</label><select id="rq-area" name="area"><option value="">[[rqp.any]]</option>
{{#AREA_OPTION}}<option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AREA_OPTION}}</select></div>
  <button type="submit">[[rqp.apply]]</button>
{{#FILTERED}}  <a href="{{URL}}">[[rqp.clear]]</a>
{{/FILTERED}}</form>
{{#LATER_PAGE}}<p class="rq-page-note">[[rqp.later_page]]</p>
{{/LATER_PAGE}}{{#MAP}}<section class="rq-map-section" aria-labelledby="rq-map-heading" hidden data-map-section>
  <h2 id="rq-map-heading">[[rqp.map_heading]]</h2>
  <p id="rq-map-note">[[rqp.map_note]] <a href="#rq-list">[[rqp.map_skip]]</a></p>
  <div id="rq-list-map" class="rq-map" role="region" aria-label="[[rqp.map_label]]" aria-describedby="rq-map-note" data-tiles="{{TILES}}" data-attribution="{{ATTRIBUTION}}" data-lat="{{LAT}}" data-lon="{{LON}}" data-zoom="{{ZOOM}}" data-marker-label="[[rqp.map_marker]]"></div>
</section>
{{/MAP}}<h2 id="rq-list" tabindex="-1">[[rqp.list_heading]]</h2>
{{#LIST}}<ol class="rq-list">
{{#ITEM}}  <li class="rq-item"{{#POINT}} data-lat="{{LAT}}" data-lon="{{LON}}"{{/POINT}} data-code="{{CODE}}" data-category="{{CATEGORY}}" data-url="{{URL}}">
    <article>
      <h3><a href="{{URL}}">[[rq.show_title]] {{CODE}}</a></h3>
      <p class="meta">{{CATEGORY}}{{#AREA}} · {{NAME}}{{/AREA}} · <span class="rq-status rq-status-{{STATUS_CLASS}}">{{STATUS}}</span> · <time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
{{#EXCERPT}}      <p class="request-excerpt" lang="{{LANG}}">{{TEXT}}</p>
{{/EXCERPT}}{{#HIDDEN}}      <p class="request-excerpt rq-hidden">[[rqp.hidden_description]]</p>
{{/HIDDEN}}    </article>
  </li>
{{/ITEM}}</ol>
{{/LIST}}{{#EMPTY}}<p>[[rqp.empty]]</p>
{{/EMPTY}}{{#PAGER}}<nav class="pager" aria-label="[[rqp.pager_label]]">
  <ul>
{{#NEWEST}}    <li><a href="{{URL}}">← [[rqp.newest]]</a></li>
{{/NEWEST}}{{#OLDER}}    <li><a href="{{URL}}" rel="next">[[rqp.older]] →</a></li>
{{/OLDER}}  </ul>
</nav>
{{/PAGER}}
