{{%AUTOESCAPE context="HTML"}}
<p><a href="{{LP}}/admin/help/people">← [[help.people.title]]</a></p>
<h1>[[help.person.new]]</h1>
{{>FORM}}
