/*
 * page.h - what every handler shares: the request context, the site layout
 * around a page's content, error pages, and Greek dates.
 */
#ifndef AGORA_PAGE_H
#define AGORA_PAGE_H

#include "conf.h"
#include "req.h"
#include "resp.h"
#include "route.h"
#include "tmpl.h"

struct ctx {
	struct req *r;
	struct resp *res;
	const struct conf *conf;
	enum page page;
};

/* A page in the site layout.  Returns the dictionary of the content
 * template (views/<content>), which the handler fills; the layout's own
 * dictionary is kept in *top for page_render().  title is the page title
 * (without the site name); canonical the path for <link rel=canonical> or
 * NULL. */
tmpl_dict *page_start(struct ctx *c, const char *title, const char *content,
                      const char *canonical, tmpl_dict **top);
/* Render the layout into the response.  On a template failure the response
 * becomes a plain 500. */
void page_render(struct ctx *c, tmpl_dict *top);

/* An error page (400-503) with a Greek heading for the status and msg as
 * its explanation (NULL: the default text for the status). */
void page_error(struct ctx *c, int status, const char *msg);
/* The answer to a failed database call: 503 with Retry-After when the
 * database is unreachable, 500 otherwise. */
void page_db_error(struct ctx *c, int rc);

/* "2021-03-08 12:30:00" -> "8 Μαρτίου 2021" (arena); the input if it does
 * not parse. */
const char *page_date_el(struct arena *a, const char *dt);
/* "2021-03-08 12:30:00" -> "2021-03-08T12:30:00" for <time datetime>. */
const char *page_date_iso(struct arena *a, const char *dt);

#endif
