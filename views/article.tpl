{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumbs" aria-label="[[crumbs.label]]">
  <ol>
    <li><a href="{{LP}}/">[[nav.home]]</a></li>
    <li><span>{{CATEGORY}}</span></li>
  </ol>
</nav>
<article class="article">
  <header>
    <p class="meta"><span class="category">{{CATEGORY}}</span> · <time datetime="{{DATETIME}}">{{DATE}}</time></p>
    <h1>{{TITLE}}</h1>
    <p class="summary">{{SUMMARY}}</p>
  </header>
  <div class="body">
{{#PARA}}    <p>{{TEXT}}</p>
{{/PARA}}  </div>
</article>
