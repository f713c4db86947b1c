{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.rev.title]]</h1>
<p><a href="{{BASE}}">{{ITEM}}</a></p>
{{#NONE}}<p>[[adm.rev.none]]</p>
{{/NONE}}{{#TABLE}}<form method="get" action="{{BASE}}/revisions/diff">
<div class="table-wrap" tabindex="0" role="region" aria-label="[[adm.rev.title]]">
<table class="admin-table">
  <caption>[[adm.rev.pick]]</caption>
  <thead><tr><th scope="col">[[adm.rev.older]]</th><th scope="col">[[adm.rev.newer]]</th><th scope="col">[[adm.rev.number]]</th><th scope="col">[[adm.audit.at]]</th><th scope="col">[[adm.audit.user]]</th><th scope="col">[[adm.rev.note]]</th><th scope="col">[[adm.rev.restore]]</th></tr></thead>
  <tbody>
{{#REV}}    <tr><td><input type="radio" name="a" value="{{ID}}" aria-label="[[adm.rev.older]] {{ID}}"{{#A_CHECKED}} checked{{/A_CHECKED}}></td><td><input type="radio" name="b" value="{{ID}}" aria-label="[[adm.rev.newer]] {{ID}}"{{#B_CHECKED}} checked{{/B_CHECKED}}></td><td>{{ID}}</td><td>{{AT}}</td><td>{{USER}}</td><td>{{NOTE}}</td><td>{{#RESTORE}}<a href="{{BASE}}?revision={{ID}}">[[adm.rev.restore_this]] {{ID}}</a>{{/RESTORE}}</td></tr>
{{/REV}}  </tbody>
</table>
</div>
<button type="submit">[[adm.rev.compare]]</button>
</form>
{{/TABLE}}
