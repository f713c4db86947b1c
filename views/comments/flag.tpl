{{%AUTOESCAPE context="HTML"}}
<article class="article">
  <h1>[[cm.flag_title]]</h1>
  <p>[[cm.flag_intro]]</p>
  <blockquote class="comment-quote">
    <p><strong{{#NAME_EL}} lang="el"{{/NAME_EL}}>{{NAME}}</strong> · <time datetime="{{AT_ISO}}">{{AT}}</time></p>
{{! BODY is comment_html() output (src/comments/text.c): every character escaped there, only <br> added }}
    <p>{{BODY:none}}</p>
  </blockquote>
{{>FORM}}
  <p><a href="{{PLACE_URL}}">[[cm.back]]</a></p>
</article>
