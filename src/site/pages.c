/*
 * pages.c - a page of the tree at /p/{slug}/{slug}...: breadcrumbs from its
 * ancestors, its body (Markdown rendered when saved), its children, and on
 * the page marked 'departments' the department directory.  What a path
 * resolves to is kept per worker for a few seconds (core/cache.h).
 */
#include "site/pages.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "site/db_pages.h"
#include "core/cache.h"

#define MAX_DEPTH PAGE_DEPTH_MAX /* the route allows at most 8 segments */

/* What a path resolves to: one row per level, the last page's children and
 * (on the 'departments' page) the directory; depth 0 when the path does
 * not lead to a published page.  Kept per worker for a few seconds. */
struct resolved {
	int depth;
	struct db_res chain[MAX_DEPTH];
	const char *urls[MAX_DEPTH];
	struct db_res kids, depts;
	int is_dir;
};

static struct cache resolved_paths = { .ttl = 5 };

static int resolve(const char *path, const struct resolved **out)
{
	if ((*out = cache_get(&resolved_paths, path)) != NULL)
		return DB_OK;
	struct arena *a = arena_new(16384);
	struct resolved *r = arena_calloc(a, sizeof(*r));
	char *p = arena_strdup(a, path);
	long long parent = 0;
	const char *url = "/p";
	int rc = DB_OK;
	for (char *seg = strtok(p, "/"); seg != NULL; seg = strtok(NULL, "/")) {
		struct db_res *row = &r->chain[r->depth];
		if (r->depth == MAX_DEPTH ||
		    (rc = db_pages_child(a, parent, seg, row)) != DB_OK || row->nrows == 0) {
			r->depth = 0;
			break;
		}
		parent = db_ll(row, 0, PG_ID);
		url = arena_printf(a, "%s/%s", url, seg);
		r->urls[r->depth++] = url;
	}
	if (rc == DB_OK && r->depth > 0) {
		r->is_dir = strcmp(DB_GET(&r->chain[r->depth - 1], 0, PG_SPECIAL),
		                   "departments") == 0;
		rc = db_pages_children(a, parent, &r->kids);
		if (rc == DB_OK && r->is_dir)
			rc = db_pages_departments(a, &r->depts);
	}
	if (rc != DB_OK) {
		arena_free(a);
		return rc;
	}
	cache_put(&resolved_paths, path, a, r);
	*out = r;
	return DB_OK;
}

void pages_show(struct ctx *c)
{
	struct arena *a = c->r->a;
	const struct resolved *r;
	int rc = resolve(c->r->cap[0], &r);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (r->depth == 0) {
		page_error(c, 404, "pages.missing");
		return;
	}
	int depth = r->depth;
	const struct db_res *chain = r->chain;
	const struct db_res *pg = &chain[depth - 1];
	const char *url = r->urls[depth - 1];
	const struct db_res *kids = &r->kids, *depts = &r->depts;
	int is_dir = r->is_dir;

	int fb_title, fb_body;
	const char *title = page_pick(c, DB_GET(pg, 0, PG_TITLE),
	                              DB_GET(pg, 0, PG_TITLE_EN), &fb_title);
	const char *body = page_pick_html(c, DB_GET(pg, 0, PG_BODY_HTML),
	                                  DB_GET(pg, 0, PG_BODY_EN_HTML), &fb_body);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, title, "page.tpl", url, &top);
	tmpl_set(d, "TITLE", title);
	if (fb_title)
		tmpl_show(d, "TITLE_EL");
	int fb_sum;
	const char *summary = page_pick(c, DB_GET(pg, 0, PG_SUMMARY),
	                                DB_GET(pg, 0, PG_SUMMARY_EN), &fb_sum);
	tmpl_set(d, "SUMMARY", summary);
	page_description(c, top, summary);
	if (fb_sum)
		tmpl_show(d, "SUMMARY_EL");
	/* body_html is cmark-gfm output with raw HTML suppressed (md.c). */
	tmpl_set(d, "BODY_HTML", body ? body : "");
	tmpl_set(d, "UPDATED", page_date(c, DB_GET(pg, 0, PG_UPDATED), 0));
	tmpl_set(d, "UPDATED_ISO", page_date_iso(a, DB_GET(pg, 0, PG_UPDATED)));
	if (fb_title || fb_body)
		page_fallback_note(c, d);
	for (int i = 0; i < depth - 1; i++) {
		tmpl_dict *b = tmpl_add(d, "CRUMB");
		tmpl_set(b, "URL", arena_printf(a, "%s%s", c->lp, r->urls[i]));
		tmpl_set(b, "TITLE", page_pick(c, DB_GET(&chain[i], 0, PG_TITLE),
		                               DB_GET(&chain[i], 0, PG_TITLE_EN), NULL));
	}
	if (kids->nrows > 0) {
		tmpl_dict *kl = tmpl_add(d, "CHILDREN");
		for (size_t i = 0; i < kids->nrows; i++) {
			tmpl_dict *k = tmpl_add(kl, "CHILD");
			tmpl_set(k, "URL", arena_printf(a, "%s%s/%s", c->lp, url,
			                                DB_GET(kids, i, KID_SLUG)));
			int fb;
			tmpl_set(k, "TITLE", page_pick(c, DB_GET(kids, i, KID_TITLE), DB_GET(kids, i, KID_TITLE_EN), &fb));
			if (fb)
				tmpl_show(k, "TITLE_EL");
			tmpl_set(k, "SUMMARY", page_pick(c, DB_GET(kids, i, KID_SUMMARY), DB_GET(kids, i, KID_SUMMARY_EN), &fb));
			if (fb)
				tmpl_show(k, "SUMMARY_EL");
		}
	}
	if (is_dir && depts->nrows > 0) {
		tmpl_dict *dl = tmpl_add(d, "DEPARTMENTS");
		for (size_t i = 0; i < depts->nrows; i++) {
			tmpl_dict *x = tmpl_add(dl, "DEPT");
			tmpl_set(x, "NAME", page_pick(c, DB_GET(depts, i, DEPT_NAME), DB_GET(depts, i, DEPT_NAME_EN), NULL));
			tmpl_set(x, "HEAD", DB_GET(depts, i, DEPT_HEAD));
			tmpl_set(x, "PHONE", DB_GET(depts, i, DEPT_PHONE));
			tmpl_set(x, "TEL", page_tel(a, DB_GET(depts, i, DEPT_PHONE)));
			tmpl_set(x, "EMAIL", DB_GET(depts, i, DEPT_EMAIL));
			tmpl_set(x, "HOURS", page_pick(c, DB_GET(depts, i, DEPT_HOURS), DB_GET(depts, i, DEPT_HOURS_EN), NULL));
			tmpl_set(x, "ADDRESS", page_pick(c, DB_GET(depts, i, DEPT_ADDRESS), DB_GET(depts, i, DEPT_ADDRESS_EN), NULL));
			tmpl_set_int(x, "N", (long long)i + 1);
		}
	}
	page_render(c, top);
}
