{{%AUTOESCAPE context="HTML"}}
<h1>[[cma.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ERROR}}<div class="error-summary" role="alert" aria-labelledby="cm-bulk-error">
  <h2 id="cm-bulk-error">[[cma.err_heading]]</h2>
  <p>{{TEXT}}</p>
</div>
{{/ERROR}}<p><a href="{{LP}}/admin/comments/blocklist">[[cma.bl_title]]</a> · <a href="{{LP}}/admin/comments/settings">[[cma.set_title]]</a></p>
<form class="filters" method="get" action="{{LP}}/admin/comments" aria-labelledby="cm-filters">
  <h2 id="cm-filters">[[cma.filters]]</h2>
  <div class="field"><label for="q-status">[[cma.c_status]]</label>
    <select id="q-status" name="status">
{{#STATUS_OPT}}      <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/STATUS_OPT}}    </select></div>
  <div class="field"><label for="q-target">[[cma.f_target]]</label>
    <p class="field-hint" id="q-target-hint">[[cma.h_target]]</p>
    <input id="q-target" name="target" value="{{TARGET}}" maxlength="11" aria-describedby="q-target-hint"></div>
  <div class="field"><input id="q-official" type="checkbox" name="official" value="1"{{#OFFICIAL_CHECKED}} checked{{/OFFICIAL_CHECKED}}> <label for="q-official">[[cma.f_official]]</label></div>
  <button type="submit">[[cma.apply]]</button>
</form>
{{#ARTICLE}}<section aria-labelledby="cm-article">
  <h2 id="cm-article">[[cma.article]]: <a href="{{URL}}">{{TITLE}}</a></h2>
{{#CLOSING}}  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
{{#FROM}}    <input type="hidden" name="from" value="{{V}}">
{{/FROM}}{{#IS_OPEN}}    <p>[[cma.comments_open]]</p>
    <button type="submit" name="action" value="close" class="secondary">[[cma.b_close]]</button>
{{/IS_OPEN}}{{#IS_CLOSED}}    <p><strong>[[cma.comments_closed]]</strong></p>
    <button type="submit" name="action" value="open" class="secondary">[[cma.b_open]]</button>
{{/IS_CLOSED}}  </form>
{{/CLOSING}}</section>
{{/ARTICLE}}{{#REQUEST}}<h2>[[cma.request]]: <a href="{{URL}}">{{CODE}}</a></h2>
{{/REQUEST}}{{#EMPTY}}<p>[[cma.empty]]</p>
{{/EMPTY}}{{#TABLE}}<form method="post" action="{{ACTION}}">
  <input type="hidden" name="csrf" value="{{CSRF}}">
  <input type="hidden" name="status" value="{{F_STATUS}}">
  <input type="hidden" name="target" value="{{F_TARGET}}">
{{#F_OFFICIAL}}  <input type="hidden" name="official" value="1">
{{/F_OFFICIAL}}{{#F_CURSOR}}  <input type="hidden" name="{{NAME}}" value="{{V}}">
{{/F_CURSOR}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="cm-caption">
<table class="admin-table">
  <caption id="cm-caption">[[cma.caption]]</caption>
  <thead><tr><th scope="col"><span class="visually-hidden">[[cma.c_select]]</span></th><th scope="col">[[cma.c_author]]</th><th scope="col">[[cma.c_text]]</th><th scope="col">[[cma.c_where]]</th><th scope="col">[[cma.c_when]]</th><th scope="col">[[cma.c_flags]]</th><th scope="col">[[cma.c_status]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr id="cm-{{ID}}"><td><input type="checkbox" name="id" value="{{ID}}" id="sel-{{ID}}"{{#CHECKED}} checked{{/CHECKED}}><label for="sel-{{ID}}" class="visually-hidden">[[cma.select]] #{{ID}}</label></td><th scope="row"><a href="{{URL}}">{{NAME}}</a>{{#OFFICIAL}} <strong class="tag">[[cma.official]]</strong>{{/OFFICIAL}}</th><td>{{EXCERPT}}{{#REPLY}} <span class="tag">[[cma.reply_to]] #{{PARENT}}</span>{{/REPLY}}</td><td>{{#WHERE_NEWS}}<a href="{{URL}}">{{TITLE}}</a>{{/WHERE_NEWS}}{{#WHERE_REQUEST}}<a href="{{URL}}">{{CODE}}</a>{{/WHERE_REQUEST}}</td><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{FLAGS}}{{#HIDDEN}} <strong class="tag">[[cma.hidden_by_flags]]</strong>{{/HIDDEN}}</td><td>{{STATUS}}{{#AUTHOR_DELETED}} <span class="tag">[[cma.by_author_deleted]]</span>{{/AUTHOR_DELETED}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
  <fieldset class="bulk-actions">
    <legend>[[cma.bulk]]</legend>
    <button type="submit" name="action" value="approve">[[cma.b_approve]]</button>
    <button type="submit" name="action" value="reject" class="secondary">[[cma.b_reject]]</button>
    <button type="submit" name="action" value="spam" class="secondary">[[cma.b_spam]]</button>
  </fieldset>
</form>
{{/TABLE}}{{#PAGER}}<nav aria-label="[[cma.pages]]"><p>{{#NEWER}}<a href="{{URL}}" rel="prev">[[cma.newer]]</a> {{/NEWER}}{{#OLDER}}<a href="{{URL}}" rel="next">[[cma.older]]</a> {{/OLDER}}{{#FIRST}}<a href="{{URL}}">[[cma.first]]</a>{{/FIRST}}</p></nav>
{{/PAGER}}