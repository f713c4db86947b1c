{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="codes-title">
  <h1 id="codes-title">[[adm.2fa.codes_title]]</h1>
  <p class="notice" role="status">[[adm.2fa.done]]</p>
  <p>[[adm.2fa.codes_intro]]</p>
  <ul class="recovery-codes">
{{#CODE}}    <li><code>{{V}}</code></li>
{{/CODE}}  </ul>
  <p><a class="button" href="{{LP}}/admin/account?done=2fa">[[adm.2fa.codes_done]]</a></p>
</section>
