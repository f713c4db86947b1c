{{%AUTOESCAPE context="HTML"}}
<section class="error-page">
  <h1>{{HEADING}}</h1>
  <p class="error-message">{{MESSAGE}}</p>
  <p>[[err.code]]: {{STATUS}}</p>
  <p><a href="{{LP}}/">[[err.back]]</a></p>
</section>
