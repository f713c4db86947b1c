{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="confirm-title">
  <h1 id="confirm-title">{{QUESTION}}</h1>
  <p class="confirm-item">{{ITEM}}</p>
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <div class="form-buttons">
      <button type="submit" class="danger">{{BUTTON}}</button>
      <a class="button secondary" href="{{BACK}}">[[adm.cancel]]</a>
    </div>
  </form>
</section>
