{{%AUTOESCAPE context="HTML"}}
<article class="article request">
{{#RECEIVED}}  <div class="notice" role="status"><p>{{TEXT}}</p><p>[[rq.keep_code]] <strong>{{CODE}}</strong></p></div>
{{/RECEIVED}}  <h1>[[rq.show_title]] {{CODE}}</h1>
  <dl class="facts">
    <dt>[[rq.status]]</dt><dd><strong>{{STATUS}}</strong>{{#CONFIRMED}} · [[rq.confirmed_by_reporter]] <time datetime="{{AT_ISO}}">{{AT}}</time>{{/CONFIRMED}}</dd>
    <dt>[[rq.f_category]]</dt><dd>{{CATEGORY}}</dd>
    <dt>[[rq.protocol]]</dt><dd>{{PROTOCOL}}</dd>
    <dt>[[rq.submitted]]</dt><dd><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></dd>
    <dt>[[rq.due]]</dt><dd><time datetime="{{DUE_ISO}}">{{DUE}}</time></dd>
{{#AREA}}    <dt>[[rq.f_area]]</dt><dd>{{NAME}}</dd>
{{/AREA}}    <dt>[[rq.f_address]]</dt><dd>{{ADDRESS}}</dd>
  </dl>
  <h2>[[rq.f_description]]</h2>
{{#DESCRIPTION}}  <p class="request-description">{{TEXT:pre_escape}}</p>
{{/DESCRIPTION}}{{#DESCRIPTION_HIDDEN}}  <p class="request-description"><em>[[rq.description_hidden]]</em></p>
{{/DESCRIPTION_HIDDEN}}{{#PHOTOS}}  <h2>[[rq.photos]]</h2>
  <ul class="request-photos">
{{#PHOTO}}    <li><a href="{{HREF}}"><img src="{{SRC}}" srcset="{{SRCSET}}" sizes="(max-width: 640px) 100vw, 320px" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}" loading="lazy"></a></li>
{{/PHOTO}}  </ul>
{{/PHOTOS}}
  <h2>[[rq.timeline]]</h2>
  <ol class="timeline">
{{#EVENT}}    <li id="ev-{{ID}}"><time datetime="{{AT_ISO}}">{{AT}}</time>{{#STATUS}} · {{NAME}}{{/STATUS}}{{#TO_COMMENT}} · <a href="#comment-{{ID}}">[[cm.answer_to_comment]]</a>{{/TO_COMMENT}}{{#REPLY}}<p class="reply">{{TEXT:pre_escape}}</p>{{/REPLY}}</li>
{{/EVENT}}  </ol>
  <p class="feed-link"><a href="{{FEED_URL}}" type="application/atom+xml">[[rqp.feed_link]]</a> · <a href="{{LIST_URL}}">[[rqp.all_requests]]</a></p>
  <section class="rq-follow" aria-labelledby="rq-follow-heading">
    <h2 id="rq-follow-heading">[[rqp.follow_heading]]</h2>
    <p>[[rqp.follow_intro]]</p>
{{>FORM}}
  </section>
</article>
{{>COMMENTS}}
