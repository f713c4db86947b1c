{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{!-- sitemaps.org 0.9: the child files (src/site/sitemap.c).  Only the
      fixed pages' file has a date: one per news file would read every row. --}}
{{#SITEMAP}}
  <sitemap>
    <loc>{{LOC}}</loc>
{{#LASTMOD}}
    <lastmod>{{DATE}}</lastmod>
{{/LASTMOD}}
  </sitemap>
{{/SITEMAP}}
</sitemapindex>
