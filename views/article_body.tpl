{{%AUTOESCAPE context="HTML"}}
  <div class="body"{{#FALLBACK}} lang="el"{{/FALLBACK}}>
{{! BODY_HTML is cmark-gfm output with raw HTML suppressed, rendered when the text was saved (src/core/md.c) }}
{{BODY_HTML:none}}
  </div>
