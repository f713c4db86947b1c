{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumbs" aria-label="[[crumbs.label]]">
  <ol>
    <li><a href="{{LP}}/">[[nav.home]]</a></li>
    <li><a href="{{LP}}/events">[[events.title]]</a></li>
    <li><span aria-current="page"{{#TITLE_EL}} lang="el"{{/TITLE_EL}}>{{TITLE}}</span></li>
  </ol>
</nav>
<article class="event">
  <header>
    <h1{{#TITLE_EL}} lang="el"{{/TITLE_EL}}>{{TITLE}}</h1>
{{#HAS_SUMMARY}}    <p class="summary"{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
{{/HAS_SUMMARY}}  </header>
{{#FALLBACK}}  <p class="fallback-note">[[lang.fallback]]</p>
{{/FALLBACK}}{{#ENDED}}  <p class="event-ended">[[events.ended]]</p>
{{/ENDED}}  <dl class="event-facts">
    <dt>[[events.when]]</dt>
    <dd class="event-when"><time datetime="{{START_ISO}}">{{START}}</time>{{#RANGE}}{{SEP}}<time datetime="{{END_ISO}}">{{END}}</time>{{/RANGE}}</dd>
{{#HAS_PLACE}}    <dt>[[events.where]]</dt>
    <dd class="event-place"{{#PLACE_EL}} lang="el"{{/PLACE_EL}}>{{PLACE}}</dd>
{{/HAS_PLACE}}{{#GEO}}    <dt>[[events.coordinates]]</dt>
    <dd class="event-geo"><span class="coords">{{LAT}}, {{LON}}</span> · <a href="{{OSM_URL}}">[[events.map]]</a></dd>
{{/GEO}}  </dl>
{{#BODY}}  <div class="body"{{#BODY_EL}} lang="el"{{/BODY_EL}}>
{{! body_html is cmark-gfm output with raw HTML suppressed, rendered when saved (src/core/md.c) }}
{{BODY_HTML:none}}
  </div>
{{/BODY}}{{#BODY_PLAIN}}  <div class="body body-plain"{{#BODY_EL}} lang="el"{{/BODY_EL}}>{{BODY_TEXT}}</div>
{{/BODY_PLAIN}}  <p class="event-ics"><a href="{{LP}}/events/{{ID}}.ics" type="text/calendar">[[events.add_to_calendar]]</a></p>
</article>
