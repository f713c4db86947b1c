{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{LANG}}">
{{!-- Atom 1.0 (RFC 4287).  Every value is XML-escaped by the context;
      CONTENT's HTML is meant to arrive escaped: that is type="html". --}}
  <id>{{FEED_ID}}</id>
  <title>{{FEED_TITLE}}</title>
  <updated>{{UPDATED}}</updated>
  <link rel="self" type="application/atom+xml" href="{{SELF}}"/>
  <link rel="alternate" type="text/html" href="{{ALTERNATE}}"/>
  <author>
    <name>{{AUTHOR}}</name>
    <uri>{{AUTHOR_URI}}</uri>
  </author>
{{#ENTRY}}
  <entry>
    <id>{{ID}}</id>
    <title type="text"{{#TITLE_EL}} xml:lang="el"{{/TITLE_EL}}>{{TITLE}}</title>
    <link rel="alternate" type="text/html" href="{{URL}}"/>
    <published>{{PUBLISHED}}</published>
    <updated>{{UPDATED}}</updated>
    <category term="{{CATEGORY}}" label="{{CATEGORY_LABEL}}"/>
{{#SUMMARY}}
    <summary type="text"{{#TEXT_EL}} xml:lang="el"{{/TEXT_EL}}>{{TEXT}}</summary>
{{/SUMMARY}}
{{#CONTENT}}
    <content type="html"{{#HTML_EL}} xml:lang="el"{{/HTML_EL}}>{{HTML}}</content>
{{/CONTENT}}
  </entry>
{{/ENTRY}}
</feed>
