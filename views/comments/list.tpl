{{%AUTOESCAPE context="HTML"}}
{{! One page of a thread, rendered apart and kept for a few seconds (comments.c, render_list) }}
{{#NONE}}  <p>[[cm.none]]</p>
{{/NONE}}{{#NO_MORE}}  <p>[[cm.no_more]] <a href="{{URL}}">[[cm.first_page]]</a></p>
{{/NO_MORE}}{{#LIST}}  <ol class="comment-list">
{{>COMMENT}}  </ol>
{{/LIST}}{{#PAGER}}  <nav class="pager" aria-label="[[cm.pages]]">
    <ul>
{{#PREV}}      <li><a href="{{URL}}" rel="prev">[[cm.older]]</a></li>
{{/PREV}}{{#NEXT}}      <li><a href="{{URL}}" rel="next">[[cm.newer]]</a></li>
{{/NEXT}}    </ul>
  </nav>
{{/PAGER}}