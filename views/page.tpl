{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumbs" aria-label="[[crumbs.label]]">
  <ol>
    <li><a href="{{LP}}/">[[nav.home]]</a></li>
{{#CRUMB}}    <li><a href="{{URL}}">{{TITLE}}</a></li>
{{/CRUMB}}    <li><span aria-current="page">{{TITLE}}</span></li>
  </ol>
</nav>
<article class="article page">
  <h1{{#TITLE_EL}} lang="el"{{/TITLE_EL}}>{{TITLE}}</h1>
{{#FALLBACK}}  <p class="fallback-note">[[lang.fallback]]</p>
{{/FALLBACK}}  <p class="summary"{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
  <div class="body"{{#FALLBACK}} lang="el"{{/FALLBACK}}>
{{! BODY_HTML is cmark-gfm output with raw HTML suppressed, rendered when the text was saved (src/core/md.c) }}
{{BODY_HTML:none}}
  </div>
{{#DEPARTMENTS}}  <section class="departments" aria-labelledby="dept-heading">
    <h2 id="dept-heading">[[pages.departments]]</h2>
    <ul class="dept-list">
{{#DEPT}}      <li class="dept">
        <h3 id="dept-{{N}}">{{NAME}}</h3>
        <dl>
          <dt>[[pages.dept_head]]</dt><dd>{{HEAD}}</dd>
          <dt>[[pages.dept_phone]]</dt><dd><a href="tel:{{TEL}}">{{PHONE}}</a></dd>
          <dt>[[pages.dept_email]]</dt><dd><a href="mailto:{{EMAIL}}">{{EMAIL}}</a></dd>
          <dt>[[pages.dept_hours]]</dt><dd>{{HOURS}}</dd>
          <dt>[[pages.dept_address]]</dt><dd>{{ADDRESS}}</dd>
        </dl>
      </li>
{{/DEPT}}    </ul>
  </section>
{{/DEPARTMENTS}}{{#CHILDREN}}  <section class="children" aria-labelledby="children-heading">
    <h2 id="children-heading">[[pages.children]]</h2>
    <ul class="child-list">
{{#CHILD}}      <li><a href="{{URL}}"{{#TITLE_EL}} lang="el"{{/TITLE_EL}}>{{TITLE}}</a><p{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p></li>
{{/CHILD}}    </ul>
  </section>
{{/CHILDREN}}  <p class="updated">[[pages.updated]]: <time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></p>
</article>
