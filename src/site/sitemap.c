/*
 * sitemap.c - GET /sitemap.xml (a sitemap index), /sitemap-site.xml and
 * /sitemap-news-{k}.xml (sitemap.h).  Reads through db_feed.c only what
 * the public pages show; writes nothing.
 *
 * Why an index.  One sitemap of every URL is 18 MB built in 16 s at
 * 100 000 news items and a 504 at a million, and the protocol ignores a
 * file of more than 50 000 URLs.  So the news are cut by id into child
 * files of SITEMAP_NEWS_IDS ids each: a child is one range of the primary
 * key (at most 20 000 rows read, whatever the table's size), its content
 * changes only when one of its items does, and each is kept by the
 * micro-cache and by crawlers (Cache-Control) like any public page.  The
 * index lists one child per 20 000 ids up to the highest id - one index
 * dive - without dates: a date per child would read every row.  The
 * fixed pages' "last modified" dates come from two index dives
 * (db_feed.h, SQL_NEWS_LASTMOD), never from a MAX over the rows.
 */
#include "site/sitemap.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "http/valid.h"
#include "site/db_feed.h"

#define SITEMAP_CACHE "max-age=300"
/* Events are few (a municipality's calendar); the newest this many. */
#define SITEMAP_EVENTS 4000

/* One <url> pair (Greek and English) for path, with lastmod if known; only
 * the Greek <url> when the English page is not in English (has_en 0): it
 * names the Greek page as its canonical one (layout.c, page_start_greek). */
static void sitemap_url(struct ctx *c, tmpl_dict *d, const char *path,
                        const char *lastmod, int has_en)
{
	struct arena *a = c->r->a;
	const char *site = c->conf->site_url;
	tmpl_dict *u = tmpl_add(d, "URL");
	tmpl_set(u, "EL", arena_printf(a, "%s%s", site, path));
	/* The home page in English is "/en/", as its canonical link says. */
	if (has_en)
		tmpl_set(tmpl_add(u, "HAS_EN"), "EN", arena_printf(a, "%s/en%s", site, path));
	else
		tmpl_show(u, "EL_ONLY");
	if (lastmod != NULL && *lastmod) {
		tmpl_set(u, "DATE", lastmod);
		tmpl_show(u, "LASTMOD");
	}
}

static void sitemap_rows(struct ctx *c, tmpl_dict *d, struct db_res *res)
{
	for (size_t i = 0; i < res->nrows; i++)
		sitemap_url(c, d, DB_GET(res, i, FEED_URL_PATH),
		            DB_GET(res, i, FEED_URL_LASTMOD),
		            db_ll(res, i, FEED_URL_HAS_EN) != 0);
}

static const char *later(const char *x, const char *y)
{
	if (x == NULL)
		return y;
	if (y == NULL)
		return x;
	return strcmp(x, y) >= 0 ? x : y; /* same format: string order */
}

static void render(struct ctx *c, const char *file, tmpl_dict *d)
{
	c->res->ctype = "application/xml; charset=utf-8";
	c->res->cache = SITEMAP_CACHE;
	page_render_file(c, file, d);
}

void sitemap_index(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res lm;
	long long max = 0;
	int rc = db_feed_lastmods(a, &lm);
	if (rc == DB_OK)
		rc = db_feed_news_max_id(a, &max);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *d = tmpl_dict_new(a);
	tmpl_dict *s = tmpl_add(d, "SITEMAP");
	tmpl_set(s, "LOC", arena_printf(a, "%s/sitemap-site.xml", c->conf->site_url));
	const char *site_lm = lm.nrows ? later(DB_GET(&lm, 0, FEED_LASTMOD_NEWS),
	                                       DB_GET(&lm, 0, FEED_LASTMOD_EVENTS)) : NULL;
	if (site_lm != NULL) {
		tmpl_set(s, "DATE", site_lm);
		tmpl_show(s, "LASTMOD");
	}
	for (long long k = 0; max > 0 && k <= (max - 1) / SITEMAP_NEWS_IDS; k++)
		tmpl_set(tmpl_add(d, "SITEMAP"), "LOC",
		         arena_printf(a, "%s/sitemap-news-%lld.xml", c->conf->site_url, k));
	render(c, "sitemap_index_xml.tpl", d);
}

void sitemap_site(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res lm, cats, pages, events;
	int rc = db_feed_lastmods(a, &lm);
	if (rc == DB_OK)
		rc = db_feed_categories(a, &cats);
	if (rc == DB_OK)
		rc = db_feed_page_urls(a, &pages);
	if (rc == DB_OK)
		rc = db_feed_event_urls(a, SITEMAP_EVENTS, &events);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *news_lm = lm.nrows ? DB_GET(&lm, 0, FEED_LASTMOD_NEWS) : NULL;
	const char *events_lm = lm.nrows ? DB_GET(&lm, 0, FEED_LASTMOD_EVENTS) : NULL;

	tmpl_dict *d = tmpl_dict_new(a);
	/* The fixed pages are the R_SITEMAP lines of routes.def; those that
	 * list news or events change when they do.  A fixed text with no date
	 * of its own (the accessibility statement) gets no lastmod rather
	 * than a wrong one. */
	for (int p = 0; p < PAGE__MAX; p++) {
		if (!route_has((enum page)p, R_SITEMAP))
			continue;
		const char *lastmod = p == PAGE_HOME ? later(news_lm, events_lm)
		                    : p == PAGE_NEWS_LIST ? news_lm
		                    : p == PAGE_EVENTS ? events_lm : NULL;
		sitemap_url(c, d, route_path((enum page)p), lastmod, 1);
	}
	for (size_t i = 0; i < cats.nrows; i++)
		sitemap_url(c, d,
		            arena_printf(a, "/news/%s", DB_GET(&cats, i, FEED_CATEGORY_SLUG)),
		            DB_GET(&cats, i, FEED_CATEGORY_LASTMOD), 1);
	sitemap_rows(c, d, &pages);
	sitemap_rows(c, d, &events);
	render(c, "sitemap_xml.tpl", d);
}

void sitemap_news(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long k, max = 0;
	if (!valid_int(c->r->cap[0], 0, LLONG_MAX / SITEMAP_NEWS_IDS - 1, &k)) {
		page_error(c, 404, NULL);
		return;
	}
	int rc = db_feed_news_max_id(a, &max);
	struct db_res news;
	if (rc == DB_OK && k <= (max - 1) / SITEMAP_NEWS_IDS && max > 0)
		rc = db_feed_news_urls(a, k * SITEMAP_NEWS_IDS + 1, (k + 1) * SITEMAP_NEWS_IDS, &news);
	else if (rc == DB_OK) {
		page_error(c, 404, NULL);
		return;
	}
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *d = tmpl_dict_new(a);
	sitemap_rows(c, d, &news);
	render(c, "sitemap_xml.tpl", d);
}
