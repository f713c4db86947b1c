{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumbs" aria-label="[[crumbs.label]]">
  <ol>
    <li><a href="{{LP}}/">[[nav.home]]</a></li>
    <li><span aria-current="page">[[events.title]]</span></li>
  </ol>
</nav>
<div class="events">
<h1>[[events.title]]</h1>
<p class="events-subscribe"><a href="{{LP}}/events.ics" type="text/calendar">[[events.subscribe]]</a></p>
{{#FALLBACK}}<p class="fallback-note">[[lang.fallback]]</p>
{{/FALLBACK}}{{#UPCOMING}}<section class="events-section" aria-labelledby="events-upcoming">
  <h2 id="events-upcoming">[[events.upcoming]]</h2>
{{#UPCOMING_EMPTY}}  <p class="events-empty">[[events.upcoming_empty]]</p>
{{/UPCOMING_EMPTY}}{{#UPCOMING_LIST}}  <ul class="event-list">
{{#ITEM}}    <li>
      <article class="event-item">
        <h3{{#TITLE_EL}} lang="el"{{/TITLE_EL}}><a href="{{URL}}">{{TITLE}}</a></h3>
        <p class="event-when"><time datetime="{{START_ISO}}">{{START}}</time>{{#RANGE}}{{SEP}}<time datetime="{{END_ISO}}">{{END}}</time>{{/RANGE}}</p>
{{#HAS_PLACE}}        <p class="event-place"{{#PLACE_EL}} lang="el"{{/PLACE_EL}}>{{PLACE}}</p>
{{/HAS_PLACE}}{{#HAS_SUMMARY}}        <p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
{{/HAS_SUMMARY}}      </article>
    </li>
{{/ITEM}}  </ul>
{{/UPCOMING_LIST}}</section>
{{/UPCOMING}}<section class="events-section" aria-labelledby="events-past">
{{#PAST_HEADING}}  <h2 id="events-past">[[events.past]]</h2>
{{/PAST_HEADING}}{{#OLDER_HEADING}}  <h2 id="events-past">[[events.older]]</h2>
{{/OLDER_HEADING}}{{#PAST_EMPTY}}  <p class="events-empty">[[events.past_empty]]</p>
{{/PAST_EMPTY}}{{#OLDER_EMPTY}}  <p class="events-empty">[[events.older_empty]]</p>
{{/OLDER_EMPTY}}{{#PAST_LIST}}  <ul class="event-list">
{{#ITEM}}    <li>
      <article class="event-item">
        <h3{{#TITLE_EL}} lang="el"{{/TITLE_EL}}><a href="{{URL}}">{{TITLE}}</a></h3>
        <p class="event-when"><time datetime="{{START_ISO}}">{{START}}</time>{{#RANGE}}{{SEP}}<time datetime="{{END_ISO}}">{{END}}</time>{{/RANGE}}</p>
{{#HAS_PLACE}}        <p class="event-place"{{#PLACE_EL}} lang="el"{{/PLACE_EL}}>{{PLACE}}</p>
{{/HAS_PLACE}}{{#HAS_SUMMARY}}        <p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
{{/HAS_SUMMARY}}      </article>
    </li>
{{/ITEM}}  </ul>
{{/PAST_LIST}}{{#OLDER}}  <p class="pager"><a href="{{LP}}/events?before={{CURSOR}}" rel="next">[[events.older_link]]</a></p>
{{/OLDER}}{{#NEWEST_LINK}}  <p class="pager"><a href="{{LP}}/events">[[events.newest]]</a></p>
{{/NEWEST_LINK}}</section>
</div>
