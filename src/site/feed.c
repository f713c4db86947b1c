/*
 * feed.c - the machine-readable views: Atom 1.0 feeds of the news (all, and
 * one per category; Greek and English) and robots.txt pointing at the
 * sitemap (sitemap.c).
 *
 * Feeds carry only what the public article pages show (db_feed.c selects
 * nothing else).  Entry ids are tag: URIs built from the site's host and the
 * item's id, so they survive a change of title (slug) or of scheme; the
 * English feed's entries get ids of their own, since their text differs.
 * Times are written in RFC 3339 with the UTC offset in force at that
 * instant (DST included), from Unix timestamps MariaDB computes.
 */
#include "site/feed.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/text.h"
#include "site/db_feed.h"
#include "site/db_news.h"
#include "site/shared.h"

#define FEED_ITEMS 20
#define FEED_CACHE "max-age=300"
/* The date in the tag: URIs (RFC 4151): any day the site owned its name.
 * Never change it, or every reader sees every entry as new. */
#define TAG_DATE "2026"

/* Unix time (a decimal string) -> "2026-11-27T17:58:00+02:00" in the
 * worker's zone, "Z" when that is UTC.  NULL for NULL. */
static const char *rfc3339(struct arena *a, const char *unix_time)
{
	if (unix_time == NULL)
		return NULL;
	time_t t = (time_t)strtoll(unix_time, NULL, 10);
	struct tm tm;
	char s[32];
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		return NULL;
	long off = tm.tm_gmtoff;
	if (off == 0)
		return arena_printf(a, "%sZ", s);
	char sign = off < 0 ? '-' : '+';
	off = labs(off) / 60;
	return arena_printf(a, "%s%c%02ld:%02ld", s, sign, off / 60, off % 60);
}

/* Set key on d to the localized column; when English was wanted but is
 * missing, show section lang_el so the element says xml:lang="el". */
static void set_pick(struct ctx *c, tmpl_dict *d, const char *key,
                     const char *lang_el, const char *el, const char *en)
{
	int fallback;
	tmpl_set(d, key, page_pick(c, el, en, &fallback));
	if (fallback)
		tmpl_show(d, lang_el);
}

/*
 * Render an Atom feed of the rows in res (columns FEED_*).  path is the
 * feed's own path without the language prefix, alt_path the HTML page it
 * follows, id_part what tells it apart in its id ("feed", "feed/nea"),
 * title its title.  Always 200 (or a plain 500 if the template fails).
 */
static void render_feed(struct ctx *c, struct db_res *res, const char *path,
                        const char *alt_path, const char *id_part,
                        const char *title)
{
	struct arena *a = c->r->a;
	const struct conf *cf = c->conf;
	int en = c->lang == LANG_EN;
	const char *site = cf->site_url;
	const char *tag = arena_printf(a, "tag:%s,%s:%s", text_url_host(a, site),
	                               TAG_DATE, en ? "en/" : "");
	tmpl_dict *d = tmpl_dict_new(a);
	tmpl_set(d, "LANG", i18n_code(c->lang));
	tmpl_set(d, "FEED_ID", arena_printf(a, "%s%s", tag, id_part));
	tmpl_set(d, "FEED_TITLE", title);
	tmpl_set(d, "SELF", arena_printf(a, "%s%s%s", site, c->lp, path));
	tmpl_set(d, "ALTERNATE", arena_printf(a, "%s%s%s", site, c->lp, alt_path));
	tmpl_set(d, "AUTHOR", en ? cf->site_name_en : cf->site_name);
	tmpl_set(d, "AUTHOR_URI", arena_printf(a, "%s%s/", site, c->lp));

	/* The feed changed when its newest-changed entry did (an edit to an
	 * older item counts too); an empty feed says "now". */
	long long newest = -1;
	const char *newest_s = NULL;
	for (size_t i = 0; i < res->nrows; i++) {
		const char *id = DB_GET(res, i, FEED_ID);
		const char *upd = DB_GET(res, i, FEED_UPDATED);
		tmpl_dict *e = tmpl_add(d, "ENTRY");
		tmpl_set(e, "ID", arena_printf(a, "%snews-%s", tag, id));
		set_pick(c, e, "TITLE", "TITLE_EL", DB_GET(res, i, FEED_TITLE),
		         DB_GET(res, i, FEED_TITLE_EN));
		tmpl_set(e, "URL", arena_printf(a, "%s%s%s", site, c->lp,
		                                site_item_path(a, "news", id,
		                                             DB_GET(res, i, FEED_SLUG))));
		tmpl_set(e, "PUBLISHED", rfc3339(a, DB_GET(res, i, FEED_PUBLISHED)));
		tmpl_set(e, "UPDATED", rfc3339(a, upd));
		tmpl_set(e, "CATEGORY", DB_GET(res, i, FEED_CAT_SLUG));
		tmpl_set(e, "CATEGORY_LABEL",
		         page_pick(c, DB_GET(res, i, FEED_CAT_NAME),
		                   DB_GET(res, i, FEED_CAT_NAME_EN), NULL));
		const char *sum = page_pick(c, DB_GET(res, i, FEED_SUMMARY),
		                            DB_GET(res, i, FEED_SUMMARY_EN), NULL);
		if (sum != NULL && *sum) {
			tmpl_dict *s = tmpl_add(e, "SUMMARY");
			set_pick(c, s, "TEXT", "TEXT_EL", DB_GET(res, i, FEED_SUMMARY),
			         DB_GET(res, i, FEED_SUMMARY_EN));
		}
		/* body_html was rendered from staff Markdown with raw HTML
		 * suppressed (md.c); here it is text that the XML context
		 * escapes, which is what type="html" means. */
		const char *html = page_pick(c, DB_GET(res, i, FEED_BODY_HTML),
		                             DB_GET(res, i, FEED_BODY_EN_HTML), NULL);
		if (html != NULL && *html) {
			tmpl_dict *b = tmpl_add(e, "CONTENT");
			set_pick(c, b, "HTML", "HTML_EL", DB_GET(res, i, FEED_BODY_HTML),
			         DB_GET(res, i, FEED_BODY_EN_HTML));
		}
		long long u = upd != NULL ? atoll(upd) : -1;
		if (u > newest) {
			newest = u;
			newest_s = upd;
		}
	}
	const char *updated = newest_s != NULL ? rfc3339(a, newest_s) : NULL;
	if (updated == NULL)
		updated = rfc3339(a, arena_printf(a, "%lld", (long long)time(NULL)));
	tmpl_set(d, "UPDATED", updated);

	c->res->ctype = "application/atom+xml; charset=utf-8";
	c->res->cache = FEED_CACHE;
	page_render_file(c, "feed_atom.tpl", d);
}

void feed_atom(struct ctx *c)
{
	struct db_res res;
	int rc = db_feed_news(c->r->a, FEED_ITEMS, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *site = c->lang == LANG_EN ? c->conf->site_name_en
	                                      : c->conf->site_name;
	render_feed(c, &res, "/feed.atom", "/news", "feed", site);
}

void feed_category(struct ctx *c)
{
	struct arena *a = c->r->a;
	const struct db_res *cats;
	struct db_res res;
	int rc;
	long row = site_category(c->r->cap[0], &cats, &rc);
	if (rc == DB_OK && row < 0) {
		page_error(c, 404, NULL);
		return;
	}
	if (rc == DB_OK)
		rc = db_feed_news_in(a, db_ll(cats, (size_t)row, CAT_ID), FEED_ITEMS, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *slug = DB_GET(cats, (size_t)row, CAT_SLUG);
	int en = c->lang == LANG_EN;
	const char *title = arena_printf(
	    a, "%s: %s", en ? c->conf->site_name_en : c->conf->site_name,
	    page_pick(c, DB_GET(cats, (size_t)row, CAT_NAME),
	              DB_GET(cats, (size_t)row, CAT_NAME_EN), NULL));
	render_feed(c, &res, arena_printf(a, "/news/%s/feed.atom", slug),
	            arena_printf(a, "/news/%s", slug),
	            arena_printf(a, "feed/%s", slug), title);
}

void feed_robots(struct ctx *c)
{
	c->res->ctype = "text/plain; charset=utf-8";
	c->res->cache = FEED_CACHE;
	buf_adds(&c->res->out, "User-agent: *\nDisallow: /admin/\n\nSitemap: ");
	buf_adds(&c->res->out, c->conf->site_url);
	buf_adds(&c->res->out, "/sitemap.xml\n");
}
