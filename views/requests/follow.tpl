{{%AUTOESCAPE context="HTML"}}
<article class="article request-follow">
  <h1>{{HEADING}}</h1>
  <p><a href="{{REQUEST_URL}}">[[rq.show_title]] {{CODE}}</a> · {{CATEGORY}}</p>
{{#SENT}}  <div class="notice" role="status"><p>[[rqp.follow_sent]]</p></div>
  <p><a href="{{REQUEST_URL}}">[[rqp.back_to_request]]</a></p>
{{/SENT}}{{#ASK}}  <p>[[rqp.follow_intro]]</p>
  <p>[[rqp.follow_privacy]]</p>
{{/ASK}}{{! The form only when asked for (follow.c): an include outside every section. }}{{>FORM}}
</article>
