{{%AUTOESCAPE context="HTML"}}
<h1>[[adm.rev.diff_title]]</h1>
<p><a href="{{BASE}}">{{ITEM}}</a> · <a href="{{BASE}}/revisions">[[adm.rev.title]]</a></p>
<p>[[adm.rev.between]] {{A}} → {{B}}</p>
{{#NO_CHANGES}}<p>[[adm.rev.same]]</p>
{{/NO_CHANGES}}{{#FIELD}}<section class="diff" aria-label="{{LABEL}}">
  <h2>{{LABEL}}</h2>
  <div class="diff-lines">
{{#LINE}}{{#SAME}}<div class="diff-same"><span class="visually-hidden">[[adm.rev.line_same]] </span>{{TEXT}}</div>{{/SAME}}{{#DEL}}<del class="diff-del"><span class="visually-hidden">[[adm.rev.line_del]] </span>{{TEXT}}</del>{{/DEL}}{{#INS}}<ins class="diff-ins"><span class="visually-hidden">[[adm.rev.line_ins]] </span>{{TEXT}}</ins>{{/INS}}
{{/LINE}}  </div>
</section>
{{/FIELD}}
