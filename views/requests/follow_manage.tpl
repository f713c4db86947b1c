{{%AUTOESCAPE context="HTML"}}
<article class="article request-follow">
  <h1>{{HEADING}}</h1>
  <p><a href="{{REQUEST_URL}}">[[rq.show_title]] {{CODE}}</a> · {{CATEGORY}}</p>
{{#PENDING}}  <p>[[rqp.manage_pending]]</p>
{{/PENDING}}{{#CONFIRMED}}  <p>[[rqp.manage_confirmed]]</p>
{{/CONFIRMED}}{{#JUST_CONFIRMED}}  <div class="notice" role="status"><p>[[rqp.manage_just_confirmed]]</p></div>
{{/JUST_CONFIRMED}}{{#UNSUBSCRIBED}}  <div class="notice" role="status"><p>[[rqp.manage_unsubscribed]]</p></div>
{{/UNSUBSCRIBED}}{{>FORM}}
</article>
