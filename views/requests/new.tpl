{{%AUTOESCAPE context="HTML"}}
<article class="article">
  <h1>[[rq.new_title]]</h1>
  <p>[[rq.intro]]</p>
  <p class="notice notice-warning">[[rq.urgent]] <a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE}}</a>. [[rq.emergency]] <a href="tel:112">112</a>.</p>
{{>EXTRAS}}  <section class="form-section" aria-labelledby="rq-form-heading">
    <h2 id="rq-form-heading">[[rq.form_heading]]</h2>
{{>FORM_MAP}}{{>FORM}}
  </section>
  <p class="aside">[[rq.privacy]]</p>
</article>
