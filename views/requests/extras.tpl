{{%AUTOESCAPE context="HTML"}}
{{#STOP}}  <div class="notice notice-warning" role="alert">
    <h2>[[rq.stop_heading]]</h2>
    <p><strong>{{TEXT}}</strong></p>
    <p>[[rq.stop_after]]</p>
  </div>
{{/STOP}}{{#NEAR}}  <section class="notice" aria-labelledby="rq-near-heading">
    <h2 id="rq-near-heading">[[rq.near_heading]]</h2>
    <p>[[rq.near_intro]]</p>
    <ul class="near-requests">
{{#REQUEST}}      <li><a href="{{LP}}/requests/{{CODE}}">{{CODE}}</a> · {{STATUS}} · [[rq.near_about]] {{METRES}} [[rq.metres]] · {{ADDRESS}} · {{CREATED}}{{#DESCRIPTION}}<br>{{TEXT}}{{/DESCRIPTION}}</li>
{{/REQUEST}}    </ul>
    <p>[[rq.near_follow]]</p>
    <p>[[rq.near_new]]</p>
  </section>
{{/NEAR}}{{#PHOTOS_AGAIN}}  <p class="notice notice-warning">[[rq.photos_again]]</p>
{{/PHOTOS_AGAIN}}