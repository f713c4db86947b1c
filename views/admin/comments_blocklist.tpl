{{%AUTOESCAPE context="HTML"}}
<h1>[[cma.bl_title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a href="{{LP}}/admin/comments">[[cma.back]]</a></p>
<p>[[cma.bl_intro]]</p>
{{#EMPTY}}<p>[[cma.bl_empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="bl-caption">
<table class="admin-table">
  <caption id="bl-caption">[[cma.bl_caption]]</caption>
  <thead><tr><th scope="col">[[cma.c_pattern]]</th><th scope="col">[[cma.c_note]]</th><th scope="col">[[cma.c_added]]</th><th scope="col">[[cma.c_action]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr><th scope="row" id="bl-{{ID}}"><code>{{PATTERN}}</code></th><td>{{NOTE}}</td><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td><form method="post" action="{{ACTION}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary" aria-describedby="bl-{{ID}}">[[cma.b_delete]]</button></form></td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}<section class="form-section" aria-labelledby="bl-add">
  <h2 id="bl-add">[[cma.bl_add]]</h2>
{{>FORM}}
</section>
