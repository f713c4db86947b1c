{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
{{!-- sitemaps.org 0.9; each URL twice, Greek and English, each naming
      both versions (hreflang alternates).  A page whose English version
      shows the Greek (EL_ONLY: a news item without English) is listed in
      Greek only, naming no English version. --}}
{{#URL}}
  <url>
    <loc>{{EL}}</loc>
{{#LASTMOD}}
    <lastmod>{{DATE}}</lastmod>
{{/LASTMOD}}
    <xhtml:link rel="alternate" hreflang="el" href="{{EL}}"/>
{{#HAS_EN}}
    <xhtml:link rel="alternate" hreflang="en" href="{{EN}}"/>
{{/HAS_EN}}
{{#EL_ONLY}}
    <xhtml:link rel="alternate" hreflang="x-default" href="{{EL}}"/>
{{/EL_ONLY}}
  </url>
{{#HAS_EN}}
  <url>
    <loc>{{EN}}</loc>
{{#LASTMOD}}
    <lastmod>{{DATE}}</lastmod>
{{/LASTMOD}}
    <xhtml:link rel="alternate" hreflang="el" href="{{EL}}"/>
    <xhtml:link rel="alternate" hreflang="en" href="{{EN}}"/>
  </url>
{{/HAS_EN}}
{{/URL}}
</urlset>
