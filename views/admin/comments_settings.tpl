{{%AUTOESCAPE context="HTML"}}
<h1>[[cma.set_title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a href="{{LP}}/admin/comments">[[cma.back]]</a></p>
<section class="form-section" aria-labelledby="set-moderation">
  <h2 id="set-moderation">[[cma.set_moderation]]</h2>
  <p>[[cma.set_intro]]</p>
{{>FORM}}
</section>
<section aria-labelledby="set-closing">
  <h2 id="set-closing">[[cma.closing]]</h2>
  <p>[[cma.set_closing]]</p>
</section>
