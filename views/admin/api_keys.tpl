{{%AUTOESCAPE context="HTML"}}
<h1>[[o311.keys.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#CREATED}}<div class="notice notice-success" role="status">
  <p><strong>[[o311.keys.created]]</strong></p>
  <p><code id="new-key" class="api-key">{{KEY}}</code></p>
  <p>[[o311.keys.created_once]]</p>
</div>
{{/CREATED}}<p>[[o311.keys.intro]] <a href="{{LP}}/open311">[[o311.keys.docs]]</a></p>
{{#EMPTY}}<p>[[o311.keys.none]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="keys-caption">
<table class="admin-table">
  <caption id="keys-caption">[[o311.keys.caption]]</caption>
  <thead><tr><th scope="col">[[o311.keys.c_name]]</th><th scope="col">[[o311.keys.c_prefix]]</th><th scope="col">[[o311.keys.c_per_hour]]</th><th scope="col">[[o311.keys.c_created]]</th><th scope="col">[[o311.keys.c_used]]</th><th scope="col">[[o311.keys.c_state]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><th scope="row" id="key-{{ID}}">{{NAME}}{{#CONTACT}}<br><span class="hint">{{EMAIL}}</span>{{/CONTACT}}</th><td><code>agora_{{PREFIX}}…</code></td><td>{{PER_HOUR}}</td><td>{{CREATED}} · {{BY}}</td><td>{{USED}}</td><td>{{#REVOKED}}[[o311.keys.revoked]] {{AT}}{{/REVOKED}}{{#REVOKE}}<form method="post" action="{{ACTION}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary" aria-describedby="key-{{ID}}">[[o311.keys.b_revoke]]</button></form>{{/REVOKE}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}<section class="form-section" aria-labelledby="new-key-heading">
<h2 id="new-key-heading">[[o311.keys.new]]</h2>
{{>FORM}}
</section>
