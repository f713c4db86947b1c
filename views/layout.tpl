{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="el">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} — {{SITE_NAME}}</title>
<link rel="stylesheet" href="/static/css/agora.css">
<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">
{{#CANONICAL}}<link rel="canonical" href="{{URL}}">
{{/CANONICAL}}</head>
<body>
<a class="skip-link" href="#main">Μετάβαση στο κύριο περιεχόμενο</a>
<header class="site-header">
  <div class="wrap header-inner">
    <a class="brand" href="/">
      <img src="/static/img/logo.svg" alt="" width="48" height="48">
      <span class="brand-name">{{SITE_NAME}}</span>
    </a>
    <nav class="main-nav" aria-label="Κύριο μενού">
      <ul>
{{#NAV}}        <li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/NAV}}      </ul>
    </nav>
  </div>
</header>
<main id="main" tabindex="-1">
  <div class="wrap">
{{>CONTENT}}
  </div>
</main>
<footer class="site-footer">
  <div class="wrap footer-inner">
    <section aria-labelledby="footer-contact">
      <h2 id="footer-contact">Επικοινωνία</h2>
      <address>
        <strong>{{SITE_NAME}}</strong><br>
        {{CONTACT_ADDRESS}}<br>
        Τηλέφωνο: <a href="tel:{{CONTACT_TEL}}">{{CONTACT_PHONE}}</a><br>
        Email: <a href="mailto:{{CONTACT_EMAIL}}">{{CONTACT_EMAIL}}</a>
      </address>
    </section>
    <section aria-labelledby="footer-links">
      <h2 id="footer-links">Χρήσιμα</h2>
      <ul>
        <li><a href="/accessibility">Δήλωση προσβασιμότητας</a></li>
      </ul>
    </section>
  </div>
</footer>
</body>
</html>
