{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a href="{{LP}}/admin/comments">[[cma.back]]</a></p>
<section aria-labelledby="cm-facts">
  <h2 id="cm-facts">[[cma.facts]]</h2>
  <dl class="facts">
{{#WHERE_NEWS}}    <dt>[[cma.article]]</dt><dd><a href="{{URL}}">{{TITLE}}</a> · <a href="{{QUEUE}}">[[cma.its_comments]]</a></dd>
{{/WHERE_NEWS}}{{#WHERE_REQUEST}}    <dt>[[cma.request]]</dt><dd><a href="{{URL}}">{{CODE}}</a>{{#STAFF}} · <a href="{{URL}}">[[cma.request_staff]]</a>{{/STAFF}} · <a href="{{QUEUE}}">[[cma.its_comments]]</a></dd>
{{/WHERE_REQUEST}}{{#PARENT}}    <dt>[[cma.reply_to]]</dt><dd><a href="{{URL}}">[[cma.comment]] #{{ID}}</a></dd>
{{/PARENT}}{{#FACT}}    <dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>
{{/FACT}}{{#ANSWERED}}    <dt>[[cma.answered]]</dt><dd>[[cma.answered_event]] #{{EVENT}}</dd>
{{/ANSWERED}}  </dl>
</section>
<section aria-labelledby="cm-author">
  <h2 id="cm-author">[[cma.author]]</h2>
  <p>[[cma.author_note]]</p>
  <dl class="facts">
    <dt>[[cma.c_author]]</dt><dd>{{NAME}}</dd>
    <dt>[[cma.email]]</dt><dd>{{#EMAIL}}<a href="mailto:{{V}}">{{V}}</a>{{/EMAIL}}</dd>
    <dt>[[cma.ip]]</dt><dd>{{IP}}</dd>
    <dt>[[cma.lang]]</dt><dd>{{LANG_NAME}}</dd>
  </dl>
</section>
<section aria-labelledby="cm-text">
  <h2 id="cm-text">[[cma.c_text]]</h2>
{{! HTML is comment_html() (comments/text.c): every character of the text escaped, links only when allowed. }}{{#TEXT}}  <div class="comment-text"><p>{{HTML:none}}</p></div>
{{/TEXT}}{{#TEXT_GONE}}  <p><em>[[cma.text_gone]]</em></p>
{{/TEXT_GONE}}</section>
{{#FLAGS}}<section aria-labelledby="cm-flags">
  <h2 id="cm-flags">[[cma.flags]]</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cm-flags-caption">
  <table class="admin-table">
    <caption id="cm-flags-caption">[[cma.flags_caption]]</caption>
    <thead><tr><th scope="col">[[cma.c_reason]]</th><th scope="col">[[cma.c_when]]</th></tr></thead>
    <tbody>
{{#FLAG}}      <tr><td>{{REASON}}</td><td><time datetime="{{AT_ISO}}">{{AT}}</time></td></tr>
{{/FLAG}}    </tbody>
  </table>
  </div>
</section>
{{/FLAGS}}{{#EDITS}}<section aria-labelledby="cm-edits">
  <h2 id="cm-edits">[[cma.edits]]</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="cm-edits-caption">
  <table class="admin-table">
    <caption id="cm-edits-caption">[[cma.edits_caption]]</caption>
    <thead><tr><th scope="col">[[cma.c_when]]</th><th scope="col">[[cma.c_who]]</th><th scope="col">[[cma.c_before]]</th><th scope="col">[[cma.c_after]]</th></tr></thead>
    <tbody>
{{! BEFORE and AFTER are comment_html() without links: escaped text with its line breaks. }}{{#EDIT}}      <tr><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{WHO}}</td><td>{{BEFORE:none}}</td><td>{{AFTER:none}}</td></tr>
{{/EDIT}}    </tbody>
  </table>
  </div>
</section>
{{/EDITS}}{{#REPLIES}}<section aria-labelledby="cm-replies">
  <h2 id="cm-replies">[[cma.replies]]</h2>
  <ul>
{{#ITEM}}    <li><a href="{{URL}}">[[cma.comment]] #{{ID}}</a> · {{NAME}}{{#OFFICIAL}} <strong class="tag">[[cma.official]]</strong>{{/OFFICIAL}} · {{STATUS}} · {{AT}}</li>
{{/ITEM}}  </ul>
</section>
{{/REPLIES}}{{#NO_FORMS}}<p>[[cma.no_forms]]</p>
{{/NO_FORMS}}{{#DECIDE}}<section class="form-section" aria-labelledby="cm-decide-h">
  <h2 id="cm-decide-h">[[cma.decide]]</h2>
{{>FORM}}
</section>
{{/DECIDE}}{{#EDIT_FORM}}<section class="form-section" aria-labelledby="cm-edit-h">
  <h2 id="cm-edit-h">[[cma.edit]]</h2>
{{>FORM}}
</section>
{{/EDIT_FORM}}{{#REPLY_FORM}}<section class="form-section" aria-labelledby="cm-reply-h">
  <h2 id="cm-reply-h">[[cma.reply]]</h2>
{{#ON_NEWS}}  <p>[[cma.reply_news_note]]</p>
{{/ON_NEWS}}{{#ON_REQUEST}}  <p>[[cma.reply_request_note]]</p>
{{/ON_REQUEST}}{{>FORM}}
</section>
{{/REPLY_FORM}}{{#WHERE_NEWS}}{{#CLOSING}}<section aria-labelledby="cm-closing-h">
  <h2 id="cm-closing-h">[[cma.closing]]</h2>
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
{{#FROM}}    <input type="hidden" name="from" value="{{V}}">
{{/FROM}}{{#IS_OPEN}}    <p>[[cma.comments_open]]</p>
    <button type="submit" name="action" value="close" class="secondary">[[cma.b_close]]</button>
{{/IS_OPEN}}{{#IS_CLOSED}}    <p><strong>[[cma.comments_closed]]</strong></p>
    <button type="submit" name="action" value="open" class="secondary">[[cma.b_open]]</button>
{{/IS_CLOSED}}  </form>
</section>
{{/CLOSING}}{{/WHERE_NEWS}}
