/*
 * layout.h - what every HTML handler shares: the site layout around a
 * page's content, error pages, and dates and phone numbers as residents
 * read them.  (The request context itself is http/ctx.h.)
 */
#ifndef AGORA_LAYOUT_H
#define AGORA_LAYOUT_H

#include "http/ctx.h"
#include "view/tmpl.h"

/* A page in the site layout.  Returns the dictionary of the content
 * template (views/<content>), which the handler fills; the layout's own
 * dictionary is kept in *top for page_render().  title is the page title
 * (without the site name); canonical the path for <link rel=canonical> or
 * NULL. */
tmpl_dict *page_start(struct ctx *c, const char *title, const char *content,
                      const char *canonical, tmpl_dict **top);
/* The same for a page whose content exists in Greek only (its English
 * version shows the Greek text): it is not offered to search engines as
 * English - in both languages <link rel=canonical> is the Greek URL and no
 * hreflang="en" alternate is named. */
tmpl_dict *page_start_greek(struct ctx *c, const char *title,
                            const char *content, const char *canonical,
                            tmpl_dict **top);
/* The page's own <meta name="description"> (its summary) on the layout's
 * dictionary top; an empty or NULL summary keeps the site's. */
void page_description(struct ctx *c, tmpl_dict *top, const char *summary);
/* Fill include marker name of d with template file in the request's
 * language. */
tmpl_dict *page_include(struct ctx *c, tmpl_dict *d, const char *name,
                        const char *file);
/* Render the layout into the response.  On a template failure the response
 * becomes a plain 500. */
void page_render(struct ctx *c, tmpl_dict *top);
/* Render file with d into the response (feeds, sitemap: no layout).  On a
 * template failure the response becomes a plain 500. */
void page_render_file(struct ctx *c, const char *file, tmpl_dict *d);

/* An error page (400-503) with the heading for the status and the message
 * with key msg as its explanation (NULL: the default text for the status). */
void page_error(struct ctx *c, int status, const char *msg);
/* The answer to a failed database call: 503 with Retry-After when the
 * database is unreachable, 500 otherwise. */
void page_db_error(struct ctx *c, int rc);

/* "2021-03-08 12:30:00" -> "8 Μαρτίου 2021" or "8 March 2021" in the
 * request's language; with_time adds ", 12:30".  The input if it does not
 * parse. */
const char *page_date(struct ctx *c, const char *dt, int with_time);
/* A localized column: the English value when the request is in English and
 * it is set, else the Greek one; *fallback is set to 1 when English was
 * wanted but missing (may be NULL). */
const char *page_pick(struct ctx *c, const char *el, const char *en,
                      int *fallback);
/* page_pick for stored HTML (a body rendered by md.c): when the Greek one
 * stands in on an English page, its links to the site's own pages get
 * /en in front, as the English text's have (not /static/, /media/). */
const char *page_pick_html(struct ctx *c, const char *el, const char *en,
                           int *fallback);
/* For /{kind}/{id}-{slug} URLs: when the request's id and slug (route
 * captures 0 and 1) are not the canonical ones, answer 301 to canonical
 * (in the request's language) and return 1; else 0. */
int page_redirect_canonical(struct ctx *c, const char *id, const char *slug,
                            const char *canonical);
/* "22513 50500" -> "+302251350500" for a tel: link. */
const char *page_tel(struct arena *a, const char *phone);
/* Set the note "not available in English" on the content dictionary. */
void page_fallback_note(struct ctx *c, tmpl_dict *d);
/* "2021-03-08 12:30:00" -> "2021-03-08T12:30:00" for <time datetime>. */
const char *page_date_iso(struct arena *a, const char *dt);

#endif
