{{%AUTOESCAPE context="HTML"}}
<h1>[[rq.phone_title]]</h1>
<p>[[rq.phone_intro]]</p>
{{>EXTRAS}}{{>FORM}}
