{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}<p><a href="{{LP}}/admin/requests">[[adm.rq.back]]</a> · <a href="{{PUBLIC_URL}}">[[adm.rq.public_page]]</a></p>
<section aria-labelledby="rq-facts">
  <h2 id="rq-facts">[[adm.rq.facts]]</h2>
  <dl class="facts rq-facts">
{{#FACT}}    <dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>
{{/FACT}}{{#DUPLICATE}}    <dt>[[adm.rq.duplicate_of]]</dt><dd><a href="{{URL}}">{{CODE}}</a></dd>
{{/DUPLICATE}}{{#POINT}}    <dt>[[adm.rq.point]]</dt><dd>{{LAT}}, {{LON}}</dd>
{{/POINT}}  </dl>
</section>
<section aria-labelledby="rq-reporter">
  <h2 id="rq-reporter">[[adm.rq.reporter]]</h2>
  <dl class="facts rq-facts">
    <dt>[[adm.rq.name]]</dt><dd>{{NAME}}</dd>
    <dt>[[adm.rq.email]]</dt><dd>{{#EMAIL}}<a href="mailto:{{V}}">{{V}}</a>{{/EMAIL}}</dd>
    <dt>[[adm.rq.phone]]</dt><dd>{{#PHONE}}<a href="tel:{{TEL}}">{{V}}</a>{{/PHONE}}</dd>
    <dt>[[adm.rq.lang]]</dt><dd>{{LANG_NAME}}</dd>
  </dl>
</section>
<section aria-labelledby="rq-description">
  <h2 id="rq-description">[[adm.rq.description]]</h2>
  <p class="request-description">{{DESCRIPTION}}</p>
  <form method="post" action="{{BASE}}/visibility">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="target" value="description">
{{#DESC_SHOWN}}    <p>[[adm.rq.desc_public]]</p>
    <input type="hidden" name="hidden" value="1">
    <button type="submit" class="secondary">[[adm.rq.b_hide_desc]]</button>
{{/DESC_SHOWN}}{{#DESC_HIDDEN}}    <p><strong>[[adm.rq.desc_hidden]]</strong></p>
    <input type="hidden" name="hidden" value="0">
    <button type="submit" class="secondary">[[adm.rq.b_show_desc]]</button>
{{/DESC_HIDDEN}}  </form>
</section>
{{#ANSWERS}}<section aria-labelledby="rq-answers">
  <h2 id="rq-answers">[[adm.rq.answers]]</h2>
  <dl class="facts rq-facts">
{{#ANSWER}}    <dt>{{LABEL}}</dt><dd>{{VALUE}}</dd>
{{/ANSWER}}  </dl>
</section>
{{/ANSWERS}}{{#PHOTOS}}<section aria-labelledby="rq-photos">
  <h2 id="rq-photos">[[adm.rq.photos]]</h2>
{{#PHOTO}}  <figure>
{{#IMG}}    <img src="{{SRC}}" alt="{{ALT}}" loading="lazy">
{{/IMG}}    <figcaption>[[adm.rq.photo]] {{POS}}{{#HIDDEN}} · <strong>[[adm.rq.photo_hidden]]</strong>{{/HIDDEN}}</figcaption>
    <form method="post" action="{{BASE}}/visibility">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="target" value="photo-{{POS}}">
{{#SHOWN}}      <input type="hidden" name="hidden" value="1">
      <button type="submit" class="secondary">[[adm.rq.b_hide_photo]] {{POS}}</button>
{{/SHOWN}}{{#HIDDEN}}      <input type="hidden" name="hidden" value="0">
      <button type="submit" class="secondary">[[adm.rq.b_show_photo]] {{POS}}</button>
{{/HIDDEN}}    </form>
  </figure>
{{/PHOTO}}</section>
{{/PHOTOS}}<section aria-labelledby="rq-history">
  <h2 id="rq-history">[[adm.rq.history]]</h2>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="rq-history">
  <table class="admin-table">
    <caption>[[adm.rq.history_caption]]</caption>
    <thead><tr><th scope="col">[[adm.rq.h_when]]</th><th scope="col">[[adm.rq.h_who]]</th><th scope="col">[[adm.rq.h_what]]</th></tr></thead>
    <tbody>
{{#EVENT}}      <tr><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{WHO}}</td><td>{{#STATUS}}<p>[[adm.rq.ev_status]] {{TEXT}}</p>{{/STATUS}}{{#REPLY}}<p class="reply"><strong>[[adm.rq.ev_reply]]</strong> {{TEXT}}</p>{{/REPLY}}{{#NOTE}}<p class="note"><strong>[[adm.rq.ev_note]]</strong> {{TEXT}}</p>{{/NOTE}}{{#CHANGE}}<p class="change">{{TEXT}}</p>{{/CHANGE}}</td></tr>
{{/EVENT}}    </tbody>
  </table>
  </div>
</section>
<section class="form-section" aria-labelledby="rq-handle">
  <h2 id="rq-handle">[[adm.rq.handle]]</h2>
{{>FORM}}
</section>
