{{%AUTOESCAPE context="HTML"}}
<footer>{{FOOT}} {{SITE}}</footer>
