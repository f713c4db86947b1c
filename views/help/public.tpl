{{%AUTOESCAPE context="HTML"}}
<article class="article help-public">
  <h1>[[hp.title]]</h1>
  <p class="help-public-lead">[[hp.lead]]</p>
  <p class="help-public-emergency"><strong>[[hp.emergency_a]]</strong> [[hp.emergency_b]] <a href="tel:166">166</a> [[hp.emergency_c]] <a href="tel:112">112</a>.</p>

  <section class="help-public-line" aria-labelledby="line-heading">
    <h2 id="line-heading">[[hp.h_line]]</h2>
    <p class="help-public-tel"><a href="tel:{{TEL}}">{{PHONE}}</a></p>
{{#HOURS}}    <p>[[hp.hours]] {{TEXT}}</p>
{{/HOURS}}    <p>[[hp.line_text]] <a href="#request">[[hp.line_form]]</a></p>
  </section>

  <h2>[[hp.h_what]]</h2>
  <ul class="help-public-list">
    <li><strong>[[hp.what_medicines]]</strong> [[hp.what_medicines_text]]</li>
    <li><strong>[[hp.what_groceries]]</strong> [[hp.what_groceries_text]]</li>
    <li><strong>[[hp.what_meals]]</strong> [[hp.what_meals_text]]</li>
    <li><strong>[[hp.what_errands]]</strong> [[hp.what_errands_text]]</li>
    <li><strong>[[hp.what_medical]]</strong> [[hp.what_medical_text]]</li>
    <li><strong>[[hp.what_psych]]</strong> [[hp.what_psych_text]]</li>
  </ul>

  <h2>[[hp.h_who]]</h2>
  <p>[[hp.who]]</p>
  <p>[[hp.who_other]]</p>

  <h2>[[hp.h_how]]</h2>
  <ol class="help-public-steps">
    <li>[[hp.how1]]</li>
    <li>[[hp.how2]]</li>
    <li>[[hp.how3]]</li>
  </ol>

  <section id="request" class="form-section help-public-form" aria-labelledby="request-heading">
    <h2 id="request-heading">[[hp.form_heading]]</h2>
    <p>[[hp.form_intro]]</p>
    <details class="privacy-note">
      <summary>[[hp.privacy_heading]]</summary>
      <p>[[hp.privacy1]]</p>
      <p>[[hp.privacy2a]] {{DAYS}} [[hp.privacy2b]]</p>
      <p>[[hp.privacy3]]{{#CONTACT}} <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{/CONTACT}}</p>
    </details>
{{>FORM}}
  </section>
</article>
