{{%AUTOESCAPE context="HTML"}}
<article class="article">
  <h1>[[a11y.title]]</h1>
  <p>[[a11y.p1]]</p>
  <p>[[a11y.p2]]</p>
  <h2>[[a11y.h_status]]</h2>
  <p>[[a11y.status]]</p>
  <h2>[[a11y.h_nonaccessible]]</h2>
  <p>[[a11y.nonaccessible]]</p>
  <h2>[[a11y.h_preparation]]</h2>
  <p>[[a11y.preparation]]</p>
  <h2>[[a11y.h_feedback]]</h2>
  <p>[[a11y.feedback]] Email: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a> · [[footer.phone]]: {{CONTACT_PHONE}}</p>
  <h2>[[a11y.h_enforcement]]</h2>
  <p>[[a11y.enforcement]]</p>

  <section id="feedback" class="form-section" aria-labelledby="feedback-heading">
    <h2 id="feedback-heading">[[a11y.form_heading]]</h2>
{{#NOTICE}}    <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}{{#ERRORS}}    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h3 id="error-summary-title">[[a11y.err_heading]]</h3>
      <ul>
{{#ERROR}}        <li><a href="#f-{{FIELD}}">{{TEXT}}</a></li>
{{/ERROR}}      </ul>
    </div>
{{/ERRORS}}    <p>[[a11y.form_intro]]</p>
    <form method="post" action="{{LP}}/accessibility#feedback" accept-charset="utf-8" novalidate>
      <input type="hidden" name="token" value="{{TOKEN}}">
      <div class="field">
        <label for="f-name">[[a11y.f_name]]</label>
        <input id="f-name" name="name" type="text" autocomplete="name" maxlength="200" value="{{V_NAME}}"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="f-name-error"{{/NAME_INVALID}}>
{{#NAME_INVALID}}        <p class="field-error" id="f-name-error">{{TEXT}}</p>
{{/NAME_INVALID}}      </div>
      <div class="field">
        <label for="f-email">[[a11y.f_email]]</label>
        <input id="f-email" name="email" type="email" autocomplete="email" maxlength="254" value="{{V_EMAIL}}"{{#EMAIL_INVALID}} aria-invalid="true" aria-describedby="f-email-error"{{/EMAIL_INVALID}}>
{{#EMAIL_INVALID}}        <p class="field-error" id="f-email-error">{{TEXT}}</p>
{{/EMAIL_INVALID}}      </div>
      <div class="field">
        <label for="f-page_url">[[a11y.f_page]]</label>
        <input id="f-page_url" name="page_url" type="text" maxlength="500" value="{{V_PAGE_URL}}"{{#PAGE_URL_INVALID}} aria-invalid="true" aria-describedby="f-page_url-error"{{/PAGE_URL_INVALID}}>
{{#PAGE_URL_INVALID}}        <p class="field-error" id="f-page_url-error">{{TEXT}}</p>
{{/PAGE_URL_INVALID}}      </div>
      <div class="field">
        <label for="f-message">[[a11y.f_message]] <span aria-hidden="true">*</span><span class="visually-hidden">([[a11y.f_required]])</span></label>
        <textarea id="f-message" name="message" rows="6" required aria-required="true"{{#MESSAGE_INVALID}} aria-invalid="true" aria-describedby="f-message-error"{{/MESSAGE_INVALID}}>{{V_MESSAGE}}</textarea>
{{#MESSAGE_INVALID}}        <p class="field-error" id="f-message-error">{{TEXT}}</p>
{{/MESSAGE_INVALID}}      </div>
      <button type="submit">[[a11y.f_submit]]</button>
    </form>
  </section>
</article>
