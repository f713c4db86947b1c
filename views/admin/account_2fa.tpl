{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="tfa-title">
  <h1 id="tfa-title">[[adm.2fa.title]]</h1>
{{#NOTICE}}  <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ENROL}}{{#REQUIRED}}  <p class="notice notice-warning">[[adm.2fa.required]]</p>
{{/REQUIRED}}  <p>[[adm.2fa.intro]]</p>
  <ol class="steps">
    <li>
      <p>[[adm.2fa.step1]]</p>
{{! QR is SVG drawn by admin/qr.c: numbers only, and its label is escaped there. }}      <div class="qr">{{QR:none}}</div>
      <p>[[adm.2fa.step1_text]]</p>
      <dl class="facts">
        <dt>[[adm.2fa.issuer]]</dt><dd>{{ISSUER}}</dd>
        <dt>[[adm.2fa.account]]</dt><dd>{{ACCOUNT}}</dd>
        <dt>[[adm.2fa.key]]</dt><dd><code class="secret">{{SECRET}}</code></dd>
      </dl>
      <p>[[adm.2fa.kind]]</p>
    </li>
    <li>
      <p>[[adm.2fa.step2]]</p>
{{>FORM}}
    </li>
  </ol>
{{/ENROL}}{{#ACTIVE}}  <p>[[adm.2fa.active]]</p>
{{>FORM}}
{{/ACTIVE}}</section>
