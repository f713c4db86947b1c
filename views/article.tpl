{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumbs" aria-label="[[crumbs.label]]">
  <ol>
    <li><a href="{{LP}}/">[[nav.home]]</a></li>
    <li><a href="{{LP}}/news">[[nav.news]]</a></li>
    <li><a href="{{CATEGORY_URL}}">{{CATEGORY}}</a></li>
  </ol>
</nav>
<article class="article">
  <header>
    <p class="meta"><a class="category" href="{{CATEGORY_URL}}">{{CATEGORY}}</a> · <time datetime="{{DATETIME}}">{{DATE}}</time>{{#COMMENT_COUNT}} · <a class="item-comments" href="#comments">{{N}} {{WORD}}</a>{{/COMMENT_COUNT}}</p>
    <h1{{#TITLE_EL}} lang="el"{{/TITLE_EL}}>{{TITLE}}</h1>
{{#FALLBACK}}    <p class="fallback-note">[[lang.fallback]]</p>
{{/FALLBACK}}    <p class="summary"{{#SUMMARY_EL}} lang="el"{{/SUMMARY_EL}}>{{SUMMARY}}</p>
{{#TENDER_BOX}}    <div class="tender-box">
{{#TENDER}}{{#OPEN}}      <p class="tender-state"><span class="tender tender-open">[[news.open]]</span> [[news.open_until]] <time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time></p>
{{/OPEN}}{{#CLOSED}}      <p class="tender-state"><span class="tender tender-closed">[[news.deadline_passed]]</span> (<time datetime="{{DEADLINE_ISO}}">{{DEADLINE}}</time>)</p>
{{/CLOSED}}{{/TENDER}}{{#FACTS}}      <dl class="tender-facts">
{{! URL: Diavgeia's page of the decision; the notice's document in ΚΗΜΔΗΣ (news.c, registry_numbers). ΕΣΗΔΗΣ has no address per tender. }}
{{#ADA}}        <dt>[[news.ada]]</dt>
        <dd><a href="{{URL}}" lang="el">{{NUMBER}}</a></dd>
{{/ADA}}{{#ADAM}}        <dt>[[news.adam]]</dt>
        <dd><a href="{{URL}}">{{NUMBER}}</a> (PDF)</dd>
{{/ADAM}}{{#ESIDIS}}        <dt>[[news.esidis]]</dt>
        <dd>{{NUMBER}}</dd>
{{/ESIDIS}}      </dl>
{{/FACTS}}    </div>
{{/TENDER_BOX}}  </header>
{{! The body (article_body.tpl) is included after a tender's documents (BODY_AFTER_FILES), before any other item's (BODY_BEFORE_FILES) }}
{{#IMAGE}}  <figure class="lead-image"><img src="{{SRC}}"{{#SRCSET}} srcset="{{V}}" sizes="(min-width: 48rem) 46rem, 100vw"{{/SRCSET}} alt="{{ALT}}" width="{{W}}" height="{{H}}"></figure>
{{/IMAGE}}{{>BODY_BEFORE_FILES}}{{#FILES}}  <section class="attachments" aria-labelledby="files-heading">
    <h2 id="files-heading">[[news.files]]</h2>
    <ul>
{{#FILE}}      <li><a href="{{URL}}">{{TITLE}}</a> <span class="file-meta">({{TYPE}}, {{SIZE}})</span></li>
{{/FILE}}    </ul>
  </section>
{{/FILES}}{{>BODY_AFTER_FILES}}{{#TAGS}}  <section class="tags" aria-labelledby="tags-heading">
    <h2 id="tags-heading">[[news.tags]]</h2>
    <ul>
{{#TAG}}      <li><a href="{{LP}}/search?q={{QUERY:u}}">{{NAME}}</a></li>
{{/TAG}}    </ul>
  </section>
{{/TAGS}}  <section class="share" aria-labelledby="share-heading">
    <h2 id="share-heading">[[news.share]]</h2>
    <ul>
      <li><a href="https://www.facebook.com/sharer/sharer.php?u={{SHARE_URL:u}}" rel="noopener noreferrer">Facebook</a></li>
      <li><a href="https://twitter.com/intent/tweet?url={{SHARE_URL:u}}&amp;text={{SHARE_TITLE:u}}" rel="noopener noreferrer">X (Twitter)</a></li>
{{! MAIL_SUBJECT is percent-encoded in C (core/text.c, text_percent_encode): only A-Z a-z 0-9 - . _ ~ and %XX remain, so it is already safe in this attribute; ctemplate's own :u would write spaces as "+", which a mailto: URL (RFC 6068) shows literally }}
      <li><a href="mailto:?subject={{MAIL_SUBJECT:none}}&amp;body={{SHARE_URL:u}}">[[news.share_email]]</a></li>
    </ul>
  </section>
{{#RELATED}}  <section class="related" aria-labelledby="related-heading">
    <h2 id="related-heading">[[news.related]]</h2>
    <ul>
{{! REL_EL and REL_IN_GREEK, not TITLE_EL and IN_GREEK: a section missing in REL is looked up in the article's own dictionary }}
{{#REL}}      <li><a href="{{URL}}"{{#REL_EL}} lang="el"{{/REL_EL}}>{{TITLE}}{{#REL_IN_GREEK}} <span class="lang-note" lang="{{LANG}}">[[news.in_greek]]</span>{{/REL_IN_GREEK}}</a> · <time datetime="{{DATETIME}}">{{DATE}}</time></li>
{{/REL}}    </ul>
  </section>
{{/RELATED}}</article>
{{>COMMENTS}}
