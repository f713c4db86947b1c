{{%AUTOESCAPE context="HTML"}}
<p>…</p>
