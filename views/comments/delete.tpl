{{%AUTOESCAPE context="HTML"}}
<article class="article">
  <h1>[[cm.delete_title]]</h1>
{{#DONE}}  <div class="notice" role="status"><p>[[cm.delete_done]]</p></div>
  <p><a href="{{LP}}/">[[nav.home]]</a></p>
{{/DONE}}{{#ASK}}  <p>[[cm.delete_intro]]</p>
{{#NOT_PUBLISHED}}  <p>[[cm.delete_not_published]]</p>
{{/NOT_PUBLISHED}}  <blockquote class="comment-quote">
    <p><strong{{#NAME_EL}} lang="el"{{/NAME_EL}}>{{NAME}}</strong> · <time datetime="{{AT_ISO}}">{{AT}}</time></p>
{{! BODY is comment_html() output (src/comments/text.c): every character escaped there, only <br> added }}
    <p>{{BODY:none}}</p>
  </blockquote>
{{>FORM}}
  <p><a href="{{PLACE_URL}}">[[cm.back]]</a></p>
{{/ASK}}</article>
