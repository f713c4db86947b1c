{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="hv-title">
  <h1 id="hv-title">{{HEADING}}</h1>
{{#NOTICE}}  <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ONBOARDING}}  <p>[[hv.new_intro]]</p>
{{/ONBOARDING}}  <dl class="facts">
    <dt>[[hv.username]]</dt><dd>{{USERNAME}}</dd>
    <dt>[[hv.email]]</dt><dd>{{EMAIL}}</dd>
    <dt>[[hv.roles]]</dt><dd>{{ROLES}}</dd>
    <dt>[[hv.account_active]]</dt><dd>{{ACTIVE}}</dd>
{{#PROFILE}}    <dt>[[hv.onboarded]]</dt><dd>{{ONBOARDED}} · {{BY}}</dd>
    <dt>[[hv.col_open]]</dt><dd id="hv-open">{{OPEN}}</dd>
{{/PROFILE}}  </dl>
{{#INACTIVE}}  <p class="notice notice-warning">[[hv.inactive_note]]</p>
{{/INACTIVE}}{{>FORM}}
  <p>{{#ACCOUNT}}<a href="{{URL}}">[[hv.account_link]]</a> · {{/ACCOUNT}}{{#PROFILE}}{{#AUDIT}}<a href="{{URL}}">[[hv.history]]</a> · {{/AUDIT}}{{/PROFILE}}<a href="{{LP}}/admin/help/volunteers">[[hv.back_list]]</a></p>
</section>
