{{%AUTOESCAPE context="HTML"}}
<h1 class="visually-hidden">{{SITE_NAME}}: [[home.heading]]</h1>
<section class="latest" id="latest" aria-labelledby="latest-heading">
  <h2 id="latest-heading">[[home.latest]]</h2>
{{#LEAD}}
  <article class="lead-item">
    <p class="meta"><span class="category">{{CATEGORY}}</span> · <time datetime="{{DATETIME}}">{{DATE}}</time></p>
    <h3{{#TITLE_EL}} lang="el"{{/TITLE_EL}}><a href="{{URL}}">{{TITLE}}{{#IN_GREEK}} <span class="lang-note" lang="{{LANG}}">[[news.in_greek]]</span>{{/IN_GREEK}}</a></h3>
    <p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
  </article>
{{/LEAD}}
{{#MORE}}  <ul class="news-list">
{{#ITEM}}    <li>
      <article>
        <p class="meta"><span class="category">{{CATEGORY}}</span> · <time datetime="{{DATETIME}}">{{DATE}}</time></p>
        <h3{{#TITLE_EL}} lang="el"{{/TITLE_EL}}><a href="{{URL}}">{{TITLE}}{{#IN_GREEK}} <span class="lang-note" lang="{{LANG}}">[[news.in_greek]]</span>{{/IN_GREEK}}</a></h3>
        <p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
      </article>
    </li>
{{/ITEM}}  </ul>
{{/MORE}}{{#EMPTY}}  <p>[[home.empty]]</p>
{{/EMPTY}}  <p class="more-link"><a href="{{LP}}/news">[[home.all_news]]</a></p>
</section>
