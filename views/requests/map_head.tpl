{{%AUTOESCAPE context="HTML"}}{{! Leaflet (Debian's libjs-leaflet, served by nginx at /static/leaflet/) and the page's own script, both deferred: the page is whole without them. }}<link rel="stylesheet" href="/static/leaflet/leaflet.css">
<script src="/static/leaflet/leaflet.js" defer></script>
<script src="{{SCRIPT}}" defer></script>
