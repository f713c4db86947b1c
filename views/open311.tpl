{{%AUTOESCAPE context="HTML"}}
<article class="article open311-page">
  <h1>[[o311.page.title]]</h1>
  <p>[[o311.page.lead]] <a href="http://wiki.open311.org/GeoReport_v2" lang="en">Open311 GeoReport v2</a>.</p>

  <h2>[[o311.page.h_base]]</h2>
  <p><code>{{BASE}}</code></p>
  <p>[[o311.page.formats]]</p>

  <h2>[[o311.page.h_endpoints]]</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="o311-endpoints">
  <table>
    <caption id="o311-endpoints">[[o311.page.endpoints_caption]]</caption>
    <thead><tr><th scope="col">[[o311.page.c_call]]</th><th scope="col">[[o311.page.c_what]]</th></tr></thead>
    <tbody>
      <tr><th scope="row"><code>GET discovery.xml</code></th><td>[[o311.page.e_discovery]]</td></tr>
      <tr><th scope="row"><code>GET services.xml</code></th><td>[[o311.page.e_services]]</td></tr>
      <tr><th scope="row"><code>GET services/{service_code}.xml</code></th><td>[[o311.page.e_service]]</td></tr>
      <tr><th scope="row"><code>GET requests.xml</code></th><td>[[o311.page.e_requests]]</td></tr>
      <tr><th scope="row"><code>GET requests/{service_request_id}.xml</code></th><td>[[o311.page.e_request]]</td></tr>
      <tr><th scope="row"><code>POST requests.xml</code></th><td>[[o311.page.e_post]]</td></tr>
      <tr><th scope="row"><code>GET tokens/{token}.xml</code></th><td>[[o311.page.e_token]]</td></tr>
    </tbody>
  </table>
  </div>
  <p>[[o311.page.filters]]</p>
  <p>[[o311.page.privacy]]</p>

  <h2>[[o311.page.h_services]]</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="o311-services">
  <table>
    <caption id="o311-services">[[o311.page.services_caption]]</caption>
    <thead><tr><th scope="col">[[o311.page.c_code]]</th><th scope="col">[[o311.page.c_service]]</th><th scope="col">[[o311.page.c_group]]</th><th scope="col">[[o311.page.c_questions]]</th></tr></thead>
    <tbody>
{{#SERVICE}}      <tr><th scope="row"><code>{{CODE}}</code></th><td>{{NAME}}</td><td>{{GROUP}}</td><td>{{#QUESTIONS}}<a href="{{URL}}">[[o311.page.has_questions]]</a>{{/QUESTIONS}}</td></tr>
{{/SERVICE}}    </tbody>
  </table>
  </div>

  <h2>[[o311.page.h_example]]</h2>
  <pre class="code" tabindex="0"><code>curl {{BASE}}/requests.json?status=open

curl -d api_key=agora_… -d service_code=1 \
     -d lat=39.1063 -d long=26.5547 \
     --data-urlencode "description=…" \
     -d email=… {{BASE}}/requests.json</code></pre>

  <h2>[[o311.page.h_key]]</h2>
  <p>[[o311.page.key_text]]</p>
{{#KEY_MAIL}}  <p>[[o311.page.key_mail]] <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></p>
{{/KEY_MAIL}}{{#KEY_PHONE}}  <p>[[o311.page.key_phone]] <a href="tel:{{TEL}}">{{PHONE}}</a></p>
{{/KEY_PHONE}}</article>
