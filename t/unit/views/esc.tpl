{{%AUTOESCAPE context="HTML"}}
<p id="text">{{TEXT}}</p>
<p id="greek">{{GREEK}}</p>
<a id="bad" href="{{URL}}" title="{{T}}">link</a>
<a id="good" href="{{URL2}}">link</a>
<a id="search" href="/search?q={{Q:u}}">search</a>
<p id="n">{{N}}</p>
<p id="len">{{LEN}}</p>
<ul>{{#SEC}}<li>{{ITEM}} {{SITE}}</li>{{/SEC}}</ul>
{{#NOTE}}<p id="note">note {{SITE}}</p>{{/NOTE}}
{{#HIDDEN}}<p id="hidden">secret</p>{{/HIDDEN}}
{{>INC}}
