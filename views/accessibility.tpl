{{%AUTOESCAPE context="HTML"}}
<article class="article">
  <h1>[[a11y.title]]</h1>
  <p>[[a11y.p1]]</p>
  <p>[[a11y.p2]]</p>
  <h2>[[a11y.h_status]]</h2>
  <p>[[a11y.status]]</p>
  <h2>[[a11y.h_nonaccessible]]</h2>
  <p>[[a11y.nonaccessible]]</p>
  <h2>[[a11y.h_preparation]]</h2>
  <p>[[a11y.preparation]]</p>
  <h2>[[a11y.h_feedback]]</h2>
  <p>[[a11y.feedback]] Email: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a> · [[footer.phone]]: <a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE}}</a></p>
  <h2>[[a11y.h_enforcement]]</h2>
  <p>[[a11y.enforcement]]</p>

  <section id="feedback" class="form-section" aria-labelledby="feedback-heading">
    <h2 id="feedback-heading">[[a11y.form_heading]]</h2>
{{#NOTICE}}    <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}    <p>[[a11y.form_intro]]</p>
{{>FORM}}
  </section>
</article>
