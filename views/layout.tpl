{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — {{SITE_NAME}}</title>
<meta name="description" content="{{DESCRIPTION}}">
<link rel="stylesheet" href="/static/css/agora.css">
<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">
<link rel="alternate" type="application/atom+xml" href="{{LP}}/feed.atom" title="{{SITE_NAME}}">
{{#CANONICAL}}<link rel="canonical" href="{{URL}}">
<link rel="alternate" hreflang="el" href="{{URL_EL}}">
{{#ALT_EN}}<link rel="alternate" hreflang="en" href="{{URL_EN}}">
{{/ALT_EN}}<link rel="alternate" hreflang="x-default" href="{{URL_EL}}">
{{/CANONICAL}}{{>HEAD_EXTRA}}</head>
<body>
<a class="skip-link" href="#main">[[site.skip]]</a>
{{! An alert is a labelled region, not role="alert": a live region would be announced again on every page a visitor opens. }}{{#ALERT}}<section class="alert alert-{{SEVERITY}}" aria-labelledby="alert-{{N}}-label">
  <div class="wrap">
    <p class="alert-message"><strong id="alert-{{N}}-label">[[alert.label]]</strong> {{MESSAGE}}</p>
    <p class="alert-when">[[alert.issued]] <time datetime="{{ISSUED_ISO}}">{{ISSUED}}</time> · [[alert.until]] <time datetime="{{UNTIL_ISO}}">{{UNTIL}}</time></p>
  </div>
</section>
{{/ALERT}}<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="{{LP}}/">
      <img src="/static/img/logo.svg" alt="" width="48" height="48">
      <span class="brand-name">{{SITE_NAME}}</span>
    </a>
    <a class="lang-switch" href="{{OTHER_LANG_URL}}" hreflang="[[lang.other_code]]" lang="[[lang.other_code]]" title="[[lang.switch_label]]">[[lang.other]]</a>
    <form class="site-search" role="search" action="{{LP}}/search" method="get">
      <label for="site-search-q" class="visually-hidden">[[search.label]]</label>
      <input id="site-search-q" type="search" name="q" value="{{Q}}" maxlength="200">
      <button type="submit">[[search.button]]</button>
    </form>
  </div>
  <nav class="main-nav" aria-label="[[nav.label]]">
    <ul class="wrap">
{{#NAV}}      <li><a href="{{HREF}}"{{#CURRENT}} aria-current="{{KIND}}"{{/CURRENT}}>{{LABEL}}</a></li>
{{/NAV}}    </ul>
  </nav>
</header>
<main id="main" tabindex="-1">
  <div class="wrap">
{{>CONTENT}}
  </div>
</main>
<footer class="site-footer">
  <div class="wrap footer-inner">
    <section aria-labelledby="footer-contact">
      <h2 id="footer-contact">[[footer.contact]]</h2>
      <address>
        <strong>{{SITE_NAME}}</strong><br>
        {{CONTACT_ADDRESS}}<br>
        [[footer.phone]]: <a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE}}</a><br>
        [[footer.email]]: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>
      </address>
    </section>
    <section aria-labelledby="footer-links">
      <h2 id="footer-links">[[footer.useful]]</h2>
      <ul>
        <li><a href="{{LP}}/accessibility">[[footer.accessibility]]</a></li>
        <li><a href="{{LP}}/feed.atom">[[footer.feeds]]</a></li>
        <li><a href="/sitemap.xml">[[footer.sitemap]]</a></li>
      </ul>
    </section>
  </div>
</footer>
</body>
</html>
