{{%AUTOESCAPE context="HTML"}}
{{#ERRORS}}    <div class="error-summary" role="alert" aria-labelledby="{{ID}}-errors-title">
      <h{{LEVEL}} id="{{ID}}-errors-title">[[form.err_heading]]</h{{LEVEL}}>
      <ul>
{{#FORM_ERROR}}        <li>{{TEXT}}</li>
{{/FORM_ERROR}}{{#ERROR}}        <li><a href="#f-{{PFX}}{{FIELD}}">{{TEXT}}</a></li>
{{/ERROR}}      </ul>
    </div>
{{/ERRORS}}    <form id="{{ID}}" method="post" action="{{ACTION}}" accept-charset="utf-8" novalidate{{#MULTIPART}} enctype="multipart/form-data"{{/MULTIPART}}>
      <input type="hidden" name="token" value="{{TOKEN}}">
{{#CSRF}}      <input type="hidden" name="csrf" value="{{V}}">
{{/CSRF}}{{#HIDDEN}}      <input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/HIDDEN}}{{#ROW}}{{#PAIR}}      <div class="field-pair">
{{/PAIR}}{{#FIELD}}      <div class="field{{#INVALID}} field-invalid{{/INVALID}}{{#TRAP}} trap{{/TRAP}}"{{#TRAP}} aria-hidden="true"{{/TRAP}}>
{{#CHECKBOX}}        <input id="f-{{PFX}}{{NAME}}" name="{{NAME}}" type="checkbox" value="1"{{#CHECKED}} checked{{/CHECKED}}{{#REQUIRED}} required aria-required="true"{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
{{/CHECKBOX}}{{#LABELLED}}        <label for="f-{{PFX}}{{NAME}}">{{LABEL}}{{#REQUIRED}} <span aria-hidden="true">*</span><span class="visually-hidden">([[form.required]])</span>{{/REQUIRED}}</label>
{{#HINT}}        <p class="field-hint" id="f-{{PFX}}{{NAME}}-hint">{{TEXT}}</p>
{{/HINT}}{{#INVALID}}        <p class="field-error" id="f-{{PFX}}{{NAME}}-error">{{TEXT}}</p>
{{/INVALID}}{{/LABELLED}}{{#MULTI}}        <fieldset class="choices"{{#BOXES}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}{{/BOXES}}>
          <legend>{{LABEL}}{{#REQUIRED}} <span aria-hidden="true">*</span><span class="visually-hidden">([[form.required]])</span>{{/REQUIRED}}</legend>
{{#HINT}}          <p class="field-hint" id="f-{{PFX}}{{NAME}}-hint">{{TEXT}}</p>
{{/HINT}}{{#INVALID}}          <p class="field-error" id="f-{{PFX}}{{NAME}}-error">{{TEXT}}</p>
{{/INVALID}}{{#BOXES}}{{#OPTION}}          <div class="choice"><input id="{{ID}}" name="{{NAME}}" type="checkbox" value="{{V}}"{{#CHECKED}} checked{{/CHECKED}}> <label for="{{ID}}">{{LABEL}}</label></div>
{{/OPTION}}{{/BOXES}}        </fieldset>
{{/MULTI}}{{#INPUT}}        <input id="f-{{PFX}}{{NAME}}" name="{{NAME}}" type="{{TYPE}}"{{#AUTOFOCUS}} autofocus{{/AUTOFOCUS}}{{#UNTABBED}} tabindex="-1"{{/UNTABBED}}{{#NUMERIC}} inputmode="numeric"{{/NUMERIC}}{{#AUTOCOMPLETE}} autocomplete="{{V}}"{{/AUTOCOMPLETE}}{{#MAXLENGTH}} maxlength="{{N}}"{{/MAXLENGTH}} value="{{VALUE}}"{{#REQUIRED}} required aria-required="true"{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
{{/INPUT}}{{#TEXTAREA}}        <textarea id="f-{{PFX}}{{NAME}}" name="{{NAME}}" rows="{{ROWS}}"{{#AUTOFOCUS}} autofocus{{/AUTOFOCUS}}{{#REQUIRED}} required aria-required="true"{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>{{VALUE:pre_escape}}</textarea>
{{/TEXTAREA}}{{#SELECT}}        <select id="f-{{PFX}}{{NAME}}" name="{{NAME}}"{{#AUTOFOCUS}} autofocus{{/AUTOFOCUS}}{{#REQUIRED}} required aria-required="true"{{/REQUIRED}}{{#INVALID}} aria-invalid="true"{{/INVALID}}{{#DESCRIBED}} aria-describedby="{{IDS}}"{{/DESCRIBED}}>
          <option value="">—</option>
{{#OPTION}}          <option value="{{V}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/OPTION}}        </select>
{{/SELECT}}      </div>
{{/FIELD}}{{#PAIR}}      </div>
{{/PAIR}}{{/ROW}}      <div class="form-buttons">
{{#BUTTON}}        <button type="submit"{{#NAMED}} name="action" value="{{V}}"{{/NAMED}}{{#SECONDARY}} class="secondary"{{/SECONDARY}}>{{LABEL}}</button>
{{/BUTTON}}      </div>
    </form>
