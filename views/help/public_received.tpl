{{%AUTOESCAPE context="HTML"}}
<article class="article help-public">
  <h1>[[hp.received_title]]</h1>
  <div class="notice help-public-received" role="status">
    <p>[[hp.received]]</p>
    <p>[[hp.received_number]] <strong class="help-public-number">{{NUMBER}}</strong></p>
  </div>
  <p>[[hp.received_call]]</p>
  <p>[[hp.received_keep]]</p>
  <section class="help-public-line" aria-labelledby="line-heading">
    <h2 id="line-heading">[[hp.h_line]]</h2>
    <p class="help-public-tel"><a href="tel:{{TEL}}">{{PHONE}}</a></p>
{{#HOURS}}    <p>[[hp.hours]] {{TEXT}}</p>
{{/HOURS}}  </section>
  <p class="help-public-emergency"><strong>[[hp.emergency_a]]</strong> [[hp.emergency_b]] <a href="tel:166">166</a> [[hp.emergency_c]] <a href="tel:112">112</a>.</p>
  <p><a href="{{LP}}/">[[hp.received_home]]</a></p>
</article>
