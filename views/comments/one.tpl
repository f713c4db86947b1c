{{%AUTOESCAPE context="HTML"}}
    <li class="comment{{#OFFICIAL}} comment-official{{/OFFICIAL}}" id="comment-{{ID}}">
{{#SHOWN}}      <p class="comment-meta"><span class="comment-author"{{#NAME_EL}} lang="el"{{/NAME_EL}}>{{NAME}}</span>{{#OFFICIAL}} <span class="badge">[[cm.official]]</span>{{/OFFICIAL}} · <a class="comment-time" href="#comment-{{ID}}"><time datetime="{{AT_ISO}}">{{AT}}</time></a>{{#EDITED}} · <span class="comment-edited">[[cm.edited]]</span>{{/EDITED}}</p>
{{! BODY is comment_html() output (src/comments/text.c): every character of the text escaped there; only <br> and, where a moderator allowed links, <a href> to the address as written (http/https/www only) are added }}
      <p class="comment-body"{{#OTHER_LANG}} lang="{{LANG}}"{{/OTHER_LANG}}>{{BODY:none}}</p>
{{#ANSWERED}}      <p class="comment-answered"><a href="#ev-{{EVENT}}">[[cm.answered]]</a></p>
{{/ANSWERED}}{{#ACTIONS}}      <p class="comment-actions">{{#REPLY_LINK}}<a href="{{URL}}">[[cm.reply]]<span class="visually-hidden"> [[cm.reply_to]] <span{{#NAME_EL}} lang="el"{{/NAME_EL}}>{{NAME}}</span></span></a>{{/REPLY_LINK}}{{#FLAG_LINK}} <a href="{{URL}}" rel="nofollow">[[cm.flag]]<span class="visually-hidden"> ([[cm.flag_of]] <span{{#NAME_EL}} lang="el"{{/NAME_EL}}>{{NAME}}</span>)</span></a>{{/FLAG_LINK}}</p>
{{/ACTIONS}}{{/SHOWN}}{{#DELETED}}      <p class="comment-deleted"><em>[[cm.deleted]]</em> · <time datetime="{{AT_ISO}}">{{AT}}</time></p>
{{/DELETED}}{{#REPLIES}}      <ol class="comment-replies">
{{>REPLY}}      </ol>
{{/REPLIES}}    </li>
