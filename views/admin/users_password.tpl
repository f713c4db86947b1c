{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="pw-shown-title">
{{#CREATED}}  <h1 id="pw-shown-title">[[adm.users.created_title]]</h1>
  <p class="notice" role="status">[[adm.users.created_text]] <strong>{{USERNAME}}</strong>.</p>
{{/CREATED}}{{#RESET}}  <h1 id="pw-shown-title">[[adm.users.pw_done_title]]</h1>
  <p class="notice" role="status">[[adm.users.pw_done_text]] <strong>{{USERNAME}}</strong>.</p>
{{/RESET}}  <p>[[adm.users.pw_once]]</p>
  <p class="one-time-password"><code>{{PASSWORD}}</code></p>
  <p>[[adm.users.pw_change]]</p>
  <p><a class="button" href="{{USER_URL}}">[[adm.users.to_user]]</a></p>
</section>
