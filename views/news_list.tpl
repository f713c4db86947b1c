{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumbs" aria-label="[[crumbs.label]]">
  <ol>
    <li><a href="{{LP}}/">[[nav.home]]</a></li>
    <li><span aria-current="page">{{HEADING}}</span></li>
  </ol>
</nav>
<h1>{{HEADING}}</h1>
<nav class="category-nav" aria-label="[[news.categories_label]]">
  <ul>
{{#ALL_LINK}}    <li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>[[news.all]]</a></li>
{{/ALL_LINK}}{{#CATEGORY_LINK}}    <li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a></li>
{{/CATEGORY_LINK}}  </ul>
</nav>
<p class="feed-link"><a href="{{FEED_URL}}">[[news.feed]]</a></p>
{{#LIST}}<ul class="news-rows">
{{#ITEM}}  <li>
    <article>
      <p class="meta"><a class="category" href="{{CATEGORY_URL}}">{{CATEGORY}}</a> · <time datetime="{{DATETIME}}">{{DATE}}</time>{{#COMMENT_COUNT}} · <a class="item-comments" href="{{URL}}#comments">{{N}} {{WORD}}</a>{{/COMMENT_COUNT}}
{{#TENDER}}        · <span class="tender tender-{{STATE_CLASS}}">{{STATE}}</span>, [[news.deadline]] <time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time>
{{/TENDER}}      </p>
      <h2{{#TITLE_EL}} lang="el"{{/TITLE_EL}}><a href="{{URL}}">{{TITLE}}{{#IN_GREEK}} <span class="lang-note" lang="{{LANG}}">[[news.in_greek]]</span>{{/IN_GREEK}}</a></h2>
      <p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
    </article>
  </li>
{{/ITEM}}</ul>
{{/LIST}}{{#EMPTY}}<p>[[news.empty]]</p>
{{/EMPTY}}{{#PAGER}}<nav class="pager" aria-label="[[news.pager_label]]">
  <ul>
{{#NEWER}}    <li><a href="{{URL}}" rel="prev">← [[news.newer]]</a></li>
{{/NEWER}}{{#OLDER}}    <li><a href="{{URL}}" rel="next">[[news.older]] →</a></li>
{{/OLDER}}  </ul>
</nav>
{{/PAGER}}
