{{%AUTOESCAPE context="HTML"}}
<section class="comments" id="comments" aria-labelledby="comments-heading">
  <h2 id="comments-heading">{{#ON_REQUEST}}[[cm.heading_request]]{{/ON_REQUEST}}{{#ON_NEWS}}[[cm.heading]]{{/ON_NEWS}} <span class="count">({{COUNT}})</span></h2>
{{#POSTED}}  <div class="notice" id="comment-notice" role="status" tabindex="-1">
{{#PENDING}}    <p><strong>[[cm.posted_pending]]</strong></p>
{{/PENDING}}{{#PUBLISHED}}    <p><strong>[[cm.posted_published]]</strong> <a href="#comment-{{ID}}">[[cm.see_it]]</a></p>
{{/PUBLISHED}}{{#GONE}}    <p>[[cm.posted_gone]]</p>
{{/GONE}}{{#QUOTE}}    <blockquote class="comment-quote"><p><strong{{#NAME_EL}} lang="el"{{/NAME_EL}}>{{NAME}}</strong></p>
{{! BODY is comment_html() output (src/comments/text.c): every character of the text escaped there, only <br> added }}
      <p>{{BODY:none}}</p></blockquote>
    <p>[[cm.posted_mail]]</p>
{{/QUOTE}}  </div>
{{/POSTED}}{{#FLAGGED}}  <div class="notice" role="status"><p>[[cm.flagged]]</p></div>
{{/FLAGGED}}{{! LIST_HTML: views/comments/list.tpl rendered by comments.c (render_list), every value escaped there }}
{{LIST_HTML:none}}{{#CLOSED}}  <p class="comments-closed">{{#ON_REQUEST}}[[cm.closed_request]]{{/ON_REQUEST}}{{#ON_NEWS}}[[cm.closed]]{{/ON_NEWS}}</p>
{{/CLOSED}}{{#OPEN}}  <div class="comment-form" id="comment-form">
    <h3 id="comment-form-heading">{{#ON_REQUEST}}[[cm.form_heading_request]]{{/ON_REQUEST}}{{#ON_NEWS}}[[cm.form_heading]]{{/ON_NEWS}}</h3>
{{#REPLYING}}    <p class="replying">[[cm.replying_to]] <a href="#comment-{{ID}}"{{#NAME_EL}} lang="el"{{/NAME_EL}}>{{NAME}}</a>. <a href="{{CANCEL_URL}}">[[cm.reply_cancel]]</a></p>
{{/REPLYING}}    <p>{{#PRE_MODERATED}}[[cm.rule_pre]]{{/PRE_MODERATED}}{{#POST_MODERATED}}[[cm.rule_post]]{{/POST_MODERATED}} [[cm.rule_text]]</p>
    <details class="privacy-note">
      <summary>[[cm.privacy_summary]]</summary>
      <p>[[cm.privacy_1]] {{IP_DAYS}} [[cm.privacy_2]]</p>
    </details>
{{>FORM}}
  </div>
{{/OPEN}}</section>
