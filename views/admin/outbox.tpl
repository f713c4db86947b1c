{{%AUTOESCAPE context="HTML"}}
<h1>[[mail.adm.title]]</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p>[[mail.adm.intro]]</p>
<p>{{#FAILED_ONLY}}<a href="{{LP}}/admin/outbox">[[mail.adm.show_all]]</a>{{/FAILED_ONLY}}{{#ALL_STATES}}<a href="{{LP}}/admin/outbox?failed=1">[[mail.adm.show_failed]]</a>{{/ALL_STATES}}</p>
{{#EMPTY}}<p>[[mail.adm.empty]]</p>
{{/EMPTY}}{{#TABLE}}<div class="table-wrap" tabindex="0" role="region" aria-labelledby="outbox-caption">
<table class="admin-table">
  <caption id="outbox-caption">[[mail.adm.caption]]</caption>
  <thead><tr><th scope="col">[[mail.adm.c_created]]</th><th scope="col">[[mail.adm.c_kind]]</th><th scope="col">[[mail.adm.c_rcpt]]</th><th scope="col">[[mail.adm.c_subject]]</th><th scope="col">[[mail.adm.c_state]]</th><th scope="col">[[mail.adm.c_tries]]</th><th scope="col">[[mail.adm.c_error]]</th><th scope="col">[[mail.adm.c_next]]</th><th scope="col">[[mail.adm.c_action]]</th></tr></thead>
  <tbody>
{{#ROW}}    <tr id="outbox-{{ID}}"><td>{{CREATED}}</td><td><code>{{KIND}}</code></td><td>{{RCPT}}</td><td>{{SUBJECT}}</td><td>{{STATE}}</td><td>{{TRIES}}</td><td>{{ERROR}}</td><td>{{NEXT}}</td><td>{{#RETRY}}<form method="post" action="{{ACTION}}"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" aria-describedby="outbox-{{ID}}">[[mail.adm.retry]]</button></form>{{/RETRY}}</td></tr>
{{/ROW}}  </tbody>
</table>
</div>
{{/TABLE}}{{#OLDER}}<p><a href="{{URL}}" rel="next">[[mail.adm.older]]</a></p>
{{/OLDER}}
