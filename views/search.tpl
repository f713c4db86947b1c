{{%AUTOESCAPE context="HTML"}}
<section class="search-page" aria-labelledby="search-heading">
  <h1 id="search-heading">[[search.heading]]</h1>
  <form class="search-form" role="search" action="{{LP}}/search" method="get">
    <label for="search-q">[[search.query_label]]</label>
    <input id="search-q" type="search" name="q" value="{{Q}}" maxlength="200"{{#INVALID}} aria-invalid="true" aria-describedby="search-problem"{{/INVALID}}>
    <button type="submit">[[search.submit]]</button>
  </form>
{{#TOO_SHORT}}  <p class="search-problem" id="search-problem" role="status">[[search.too_short]]</p>
{{/TOO_SHORT}}{{#TOO_LONG}}  <p class="search-problem" id="search-problem" role="status">[[search.too_long]]</p>
{{/TOO_LONG}}{{#NONE}}  <h2 id="results-heading">[[search.none_heading]]</h2>
  <p>[[search.none_for]] [[search.quote_open]]{{Q}}[[search.quote_close]].{{#COMMON}} [[search.only_common]]{{/COMMON}}{{#CUT}} [[search.cut_hint]]{{/CUT}}</p>
  <p>[[search.none_tips]]</p>
{{/NONE}}{{#HELP}}  <section class="search-help" aria-labelledby="search-help-heading">
    <h2 id="search-help-heading">[[search.help_heading]]</h2>
    <ul>
      <li>[[search.help_words]]</li>
      <li>[[search.help_accents]]</li>
      <li>[[search.help_forms]]</li>
    </ul>
  </section>
{{/HELP}}{{#RESULTS}}  <h2 id="results-heading">{{#ONE}}[[search.count_one]]{{/ONE}}{{#MANY}}{{#MORE}}[[search.more_than]] {{/MORE}}{{#AT_LEAST}}[[search.at_least]] {{/AT_LEAST}}{{COUNT}} [[search.count_many]]{{/MANY}} [[search.for]] [[search.quote_open]]{{Q}}[[search.quote_close]]</h2>
{{#AT_LEAST}}  <p>[[search.cut_hint]]</p>
{{/AT_LEAST}}{{#RANGE}}  <p class="search-range">[[search.showing]] {{FROM}}–{{TO}} [[search.of]] {{#MORE}}[[search.more_than_lc]] {{/MORE}}{{#AT_LEAST}}[[search.at_least_lc]] {{/AT_LEAST}}{{COUNT}}</p>
{{/RANGE}}{{#PAST_END}}  <p>[[search.past_end]] <a href="{{FIRST_URL}}">[[search.first_page]]</a></p>
{{/PAST_END}}{{#LIST}}  <ol class="search-results" start="{{FROM}}">
{{#ITEM}}    <li>
      <article>
        <p class="meta"><span class="search-type">{{#NEWS}}[[search.type_news]]{{/NEWS}}{{#PAGE}}[[search.type_page]]{{/PAGE}}{{#EVENT}}[[search.type_event]]{{/EVENT}}</span>{{#DATED}} · <time datetime="{{DATETIME}}">{{DATE}}</time>{{/DATED}}</p>
        <h3><a href="{{URL}}"{{#TITLE_EL}} lang="el"{{/TITLE_EL}}>{{#TPART}}{{#T}}{{S}}{{/T}}{{#M}}<mark>{{S}}</mark>{{/M}}{{/TPART}}</a></h3>
{{#SNIPPET}}        <p class="snippet"{{#SNIPPET_EL}} lang="el"{{/SNIPPET_EL}}>{{#PART}}{{#T}}{{S}}{{/T}}{{#M}}<mark>{{S}}</mark>{{/M}}{{/PART}}</p>
{{/SNIPPET}}      </article>
    </li>
{{/ITEM}}  </ol>
{{/LIST}}{{#PAGER}}  <nav class="pager" aria-label="[[search.pages_label]]">
    <ul>
{{#PREV}}      <li><a rel="prev" href="{{HREF}}">[[search.prev]]</a></li>
{{/PREV}}      <li>[[search.page]] {{PAGE}} [[search.of]] {{PAGES}}</li>
{{#NEXT}}      <li><a rel="next" href="{{HREF}}">[[search.next]]</a></li>
{{/NEXT}}    </ul>
  </nav>
{{/PAGER}}{{/RESULTS}}</section>
