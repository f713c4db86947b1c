{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{LANG}}">
{{!-- One request's public history (RFC 4287): its status changes and the
      municipality's public replies, newest first; every value is
      XML-escaped by the context, replies are plain text. --}}
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
    <title type="text">{{TITLE}}</title>
    <link rel="alternate" type="text/html" href="{{URL}}"/>
    <updated>{{UPDATED}}</updated>
{{#CONTENT}}
    <content type="text">{{TEXT}}</content>
{{/CONTENT}}
  </entry>
{{/ENTRY}}
</feed>
