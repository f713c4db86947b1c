{{%AUTOESCAPE context="HTML"}}<link rel="alternate" type="application/atom+xml" href="{{FEED_URL}}" title="{{FEED_TITLE}}">
