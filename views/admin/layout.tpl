{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>{{TITLE}} — [[adm.title]] — {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/css/agora.css">
<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">
</head>
<body class="admin">
<a class="skip-link" href="#main">[[site.skip]]</a>
<header class="site-header admin-header">
  <div class="wrap header-inner">
    <a class="brand" href="{{LP}}/admin">
      <img src="/static/img/logo.svg" alt="" width="40" height="40">
      <span class="brand-name">{{SITE_NAME}} · [[adm.title]]</span>
    </a>
    <a class="lang-switch" href="{{OTHER_LANG_URL}}" hreflang="[[lang.other_code]]" lang="[[lang.other_code]]" title="[[lang.switch_label]]">[[lang.other]]</a>
{{#USER}}    <form class="signout" method="post" action="{{LP}}/admin/logout">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <span class="signed-in">[[adm.signed_in_as]] <strong>{{NAME}}</strong></span>
      <button type="submit">[[adm.logout]]</button>
    </form>
{{/USER}}  </div>
{{#MENU}}  <nav class="main-nav" aria-label="[[adm.nav.label]]">
    <ul class="wrap">
{{#NAV}}      <li><a href="{{HREF}}"{{#CURRENT}} aria-current="{{KIND}}"{{/CURRENT}}>{{LABEL}}</a></li>
{{/NAV}}    </ul>
  </nav>
{{/MENU}}</header>
<main id="main" tabindex="-1">
  <div class="wrap">
{{>CONTENT}}
  </div>
</main>
<footer class="site-footer admin-footer">
  <div class="wrap">
    <p><a href="{{LP}}/">[[adm.to_site]]</a></p>
  </div>
</footer>
</body>
</html>
