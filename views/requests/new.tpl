{{%AUTOESCAPE context="HTML"}}
<article class="article">
  <h1>[[rq.new_title]]</h1>
  <p>[[rq.intro]]</p>
  <p class="notice notice-warning">[[rq.urgent]] <a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE}}</a>. [[rq.emergency]] <a href="tel:112">112</a>.</p>
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
{{/NEAR}}  <section class="form-section" aria-labelledby="rq-form-heading">
    <h2 id="rq-form-heading">[[rq.form_heading]]</h2>
{{#PHOTOS_AGAIN}}    <p class="notice notice-warning">[[rq.photos_again]]</p>
{{/PHOTOS_AGAIN}}{{>FORM}}
  </section>
  <p class="aside">[[rq.privacy]]</p>
</article>
