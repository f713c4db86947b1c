{{%AUTOESCAPE context="HTML"}}
<h1 class="visually-hidden">{{SITE_NAME}}: [[home.heading]]</h1>
<section class="tasks" aria-labelledby="tasks-heading">
  <h2 id="tasks-heading">[[home.tasks]]</h2>
  <ul class="task-list">
    <li class="task task-report">
      <a class="task-link" href="{{LP}}/requests/new">[[home.task_report]]</a>
      <p>[[home.task_report_hint]]</p>
    </li>
    <li class="task task-track">
      <form method="get" action="{{LP}}/requests/track">
        <label for="track-code" class="task-link">[[home.task_track]]</label>
        <p id="track-hint">[[home.task_track_hint]]</p>
        <input id="track-code" name="code" type="text" inputmode="numeric" autocomplete="off" maxlength="20" aria-describedby="track-hint">
        <button type="submit">[[home.task_track_go]]</button>
      </form>
    </li>
    <li class="task task-list-link">
      <a class="task-link" href="{{LP}}/requests">[[home.task_list]]</a>
      <p>[[home.task_list_hint]]</p>
    </li>
  </ul>
  <dl class="task-contacts">
    <dt>[[home.switchboard]]</dt><dd><a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE}}</a></dd>
{{#HELPLINE}}    <dt>[[home.helpline]]</dt><dd><a href="tel:{{TEL}}">{{PHONE}}</a> · <a href="{{LP}}/help">[[hp.home_link]]</a></dd>
{{/HELPLINE}}{{#HOURS}}    <dt>[[home.hours]]</dt><dd>{{TEXT}}</dd>
{{/HOURS}}  </dl>
</section>
<section class="latest" id="latest" aria-labelledby="latest-heading">
  <h2 id="latest-heading">[[home.latest]]</h2>
{{#LEAD}}
  <article class="lead-item">
    <p class="meta"><span class="category">{{CATEGORY}}</span> · <time datetime="{{DATETIME}}">{{DATE}}</time>{{#COMMENT_COUNT}} · <a class="item-comments" href="{{URL}}#comments">{{N}} {{WORD}}</a>{{/COMMENT_COUNT}}</p>
    <h3{{#TITLE_EL}} lang="el"{{/TITLE_EL}}><a href="{{URL}}">{{TITLE}}{{#IN_GREEK}} <span class="lang-note" lang="{{LANG}}">[[news.in_greek]]</span>{{/IN_GREEK}}</a></h3>
    <p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
  </article>
{{/LEAD}}
{{#MORE}}  <ul class="news-list">
{{#ITEM}}    <li>
      <article>
        <p class="meta"><span class="category">{{CATEGORY}}</span> · <time datetime="{{DATETIME}}">{{DATE}}</time>{{#COMMENT_COUNT}} · <a class="item-comments" href="{{URL}}#comments">{{N}} {{WORD}}</a>{{/COMMENT_COUNT}}</p>
        <h3{{#TITLE_EL}} lang="el"{{/TITLE_EL}}><a href="{{URL}}">{{TITLE}}{{#IN_GREEK}} <span class="lang-note" lang="{{LANG}}">[[news.in_greek]]</span>{{/IN_GREEK}}</a></h3>
        <p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
      </article>
    </li>
{{/ITEM}}  </ul>
{{/MORE}}{{#EMPTY}}  <p>[[home.empty]]</p>
{{/EMPTY}}  <p class="more-link"><a href="{{LP}}/news">[[home.all_news]]</a></p>
</section>
