{{%AUTOESCAPE context="HTML"}}
<article class="article request">
  <h1>[[rq.rep_title]]</h1>
  <dl class="facts">
    <dt>[[rq.code]]</dt><dd><a href="{{LP}}/requests/{{CODE}}">{{CODE}}</a></dd>
    <dt>[[rq.f_category]]</dt><dd>{{CATEGORY}}</dd>
    <dt>[[rq.f_address]]</dt><dd>{{ADDRESS}}</dd>
    <dt>[[rq.status]]</dt><dd><strong>{{STATUS}}</strong></dd>
  </dl>
{{#DONE}}  <p class="notice" role="status">{{TEXT}}</p>
{{/DONE}}{{#ASK}}  <p>[[rq.rep_ask]]</p>
{{>FORM}}{{/ASK}}</article>
