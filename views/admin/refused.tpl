{{%AUTOESCAPE context="HTML"}}
<section class="admin-narrow" aria-labelledby="refused-title">
  <h1 id="refused-title">{{HEADING}}</h1>
  <p class="confirm-item">{{ITEM}}</p>
  <p class="notice notice-warning" role="alert">{{MESSAGE}}</p>
  <p><a class="button secondary" href="{{BACK}}">[[adm.content.back]]</a></p>
</section>
