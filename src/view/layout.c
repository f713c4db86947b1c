/*
 * layout.c - the site layout, error pages and Greek dates.
 *
 * Every HTML page is views/layout.tpl with the page's own template included
 * as CONTENT.  Site-wide values (name, contact details) are set once here, so
 * a handler only fills its own content dictionary.
 */
#include "view/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/civil.h"
#include "db/db.h"
#include "core/log.h"
#include "site/shared.h"

/* "22513 50500" -> "+302251350500" for a tel: link (Greek numbers have
 * ten digits; anything else is passed through without spaces). */
const char *page_tel(struct arena *a, const char *phone)
{
	char *d = arena_alloc(a, strlen(phone) + 4), *p = d;
	size_t digits = 0;
	for (const char *s = phone; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s != '+')
			continue;
		*p++ = *s;
	}
	*p = '\0';
	if (digits == 10 && d[0] != '+')
		return arena_printf(a, "+30%s", d);
	return d;
}

/* current: 0 no, 1 this very page (aria-current="page"), 2 a page inside
 * this section (aria-current="true"). */
static void nav_item(struct ctx *c, tmpl_dict *d, const char *href,
                     const char *label, int current)
{
	tmpl_dict *n = tmpl_add(d, "NAV");
	tmpl_set(n, "HREF", arena_printf(c->r->a, "%s%s", c->lp, href));
	tmpl_set(n, "LABEL", label);
	if (current)
		tmpl_set(tmpl_add(n, "CURRENT"), "KIND", current == 1 ? "page" : "true");
}

/* 1 if path is href, 2 if it is below it, else 0. */
static int section_of(const char *path, const char *href)
{
	size_t hl = strlen(href);
	if (strncmp(path, href, hl) != 0)
		return 0;
	return path[hl] == '\0' ? 1 : path[hl] == '/' ? 2 : 0;
}

/* Home, the top-level pages marked in_menu, news, events, requests. */
static void nav(struct ctx *c, tmpl_dict *d)
{
	struct arena *a = c->r->a;
	const char *path = c->r->path;
	nav_item(c, d, "/", T(c, "nav.home"), c->page == PAGE_HOME);
	const struct db_res *m = site_menu();
	for (size_t i = 0; i < m->nrows; i++) {
		const char *slug = DB_GET(m, i, MENU_SLUG);
		const char *href = arena_printf(a, "/p/%s", slug);
		const char *label = page_pick(c, DB_GET(m, i, MENU_TITLE),
		                              DB_GET(m, i, MENU_TITLE_EN), NULL);
		nav_item(c, d, href, label, section_of(path, href));
	}
	nav_item(c, d, "/news", T(c, "nav.news"), section_of(path, "/news"));
	nav_item(c, d, "/events", T(c, "nav.events"), section_of(path, "/events"));
	/* The public list of requests (requests/list.c); /requests/new and the
	 * tracking pages are inside it. */
	nav_item(c, d, "/requests", T(c, "rqp.nav"), section_of(path, "/requests"));
}

/* The alerts whose time has come and not passed: each says when it was
 * issued (its start) and until when it holds, and is numbered for the id
 * its region is labelled by. */
static void alerts(struct ctx *c, tmpl_dict *d)
{
	const struct db_res *al = site_alerts();
	if (al->nrows == 0)
		return;
	char now[20];
	civil_now_text(now);
	int n = 0;
	for (size_t i = 0; i < al->nrows; i++) {
		/* Same format on both sides: string order is time order. */
		if (strcmp(DB_GET(al, i, ALERT_STARTS), now) > 0 ||
		    strcmp(DB_GET(al, i, ALERT_ENDS), now) <= 0)
			continue;
		tmpl_dict *x = tmpl_add(d, "ALERT");
		tmpl_set_int(x, "N", ++n);
		tmpl_set(x, "SEVERITY", DB_GET(al, i, ALERT_SEVERITY));
		tmpl_set(x, "MESSAGE", page_pick(c, DB_GET(al, i, ALERT_MESSAGE),
		                                 DB_GET(al, i, ALERT_MESSAGE_EN), NULL));
		tmpl_set(x, "ISSUED", page_date(c, DB_GET(al, i, ALERT_STARTS), 1));
		tmpl_set(x, "ISSUED_ISO", page_date_iso(c->r->a, DB_GET(al, i, ALERT_STARTS)));
		tmpl_set(x, "UNTIL", page_date(c, DB_GET(al, i, ALERT_ENDS), 1));
		tmpl_set(x, "UNTIL_ISO", page_date_iso(c->r->a, DB_GET(al, i, ALERT_ENDS)));
	}
}

/* page_start and page_start_greek: has_en 0 for a page whose content
 * exists in Greek only. */
static tmpl_dict *start(struct ctx *c, const char *title, const char *content,
                        const char *canonical, int has_en, tmpl_dict **top)
{
	const struct conf *cf = c->conf;
	struct arena *a = c->r->a;
	int en = c->lang == LANG_EN;
	tmpl_dict *d = tmpl_dict_new(a);
	tmpl_set_global(d, "SITE_NAME", en ? cf->site_name_en : cf->site_name);
	tmpl_set_global(d, "LP", c->lp);
	tmpl_set_global(d, "LANG", i18n_code(c->lang));
	tmpl_set_global(d, "SITE_URL", cf->site_url);
	tmpl_set(d, "TITLE", title);
	/* <meta name="description">: the site's own, until the handler sets
	 * DESCRIPTION on the top dictionary to the page's summary. */
	tmpl_set(d, "DESCRIPTION",
	         arena_printf(a, "%s: %s", en ? cf->site_name_en : cf->site_name,
	                      T(c, "site.description")));
	tmpl_set(d, "CONTACT_ADDRESS",
	         en && cf->contact_address_en[0] ? cf->contact_address_en
	                                         : cf->contact_address);
	tmpl_set(d, "CONTACT_PHONE", cf->contact_phone);
	tmpl_set(d, "CONTACT_TEL", page_tel(a, cf->contact_phone));
	tmpl_set(d, "CONTACT_EMAIL", cf->contact_email);
	/* The same page in the other language, or its home page. */
	const char *other_lp = en ? "" : "/en";
	const char *here = canonical ? canonical : "/";
	tmpl_set(d, "OTHER_LANG_URL", arena_printf(a, "%s%s", other_lp, here));
	if (canonical != NULL) {
		/* Content in Greek only is not offered as English: the Greek
		 * page is the canonical one of both URLs, and neither names an
		 * English alternate (the sitemap agrees: feed.c). */
		tmpl_dict *l = tmpl_add(d, "CANONICAL");
		const char *el = arena_printf(a, "%s%s", cf->site_url, canonical);
		tmpl_set(l, "URL", has_en ? arena_printf(a, "%s%s%s", cf->site_url,
		                                         c->lp, canonical)
		                          : el);
		tmpl_set(l, "URL_EL", el);
		if (has_en)
			tmpl_set(tmpl_add(l, "ALT_EN"), "URL_EN",
			         arena_printf(a, "%s/en%s", cf->site_url, canonical));
	}
	nav(c, d);
	alerts(c, d);
	*top = d;
	if (route_has(c->page, R_NOINDEX))
		page_include(c, d, "HEAD_EXTRA", "noindex.tpl");
	return page_include(c, d, "CONTENT", content);
}

tmpl_dict *page_start(struct ctx *c, const char *title, const char *content,
                      const char *canonical, tmpl_dict **top)
{
	return start(c, title, content, canonical, 1, top);
}

tmpl_dict *page_start_greek(struct ctx *c, const char *title,
                            const char *content, const char *canonical,
                            tmpl_dict **top)
{
	return start(c, title, content, canonical, 0, top);
}

void page_description(struct ctx *c, tmpl_dict *top, const char *summary)
{
	(void)c;
	if (summary != NULL && *summary)
		tmpl_set(top, "DESCRIPTION", summary);
}

tmpl_dict *page_include(struct ctx *c, tmpl_dict *d, const char *name,
                        const char *file)
{
	return tmpl_include(d, c->lang, name, file);
}

void page_render_file(struct ctx *c, const char *file, tmpl_dict *d)
{
	if (tmpl_render(file, c->lang, d, &c->res->out) != 0) {
		/* The layout itself may be what failed: answer in plain text. */
		log_msg(LOG_ERROR, c->r->rid,
		        "msg=\"template failed\" tpl=%s page=%d", file, (int)c->page);
		resp_clear_body(c->res);
		c->res->status = 500;
		c->res->ctype = "text/plain; charset=utf-8";
		c->res->cache = NULL;
		buf_adds(&c->res->out, "Εσωτερικό σφάλμα. Internal error.\n");
	}
}

void page_render(struct ctx *c, tmpl_dict *top)
{
	page_render_file(c, "layout.tpl", top);
}

void page_error(struct ctx *c, int status, const char *msg)
{
	struct arena *a = c->r->a;
	const char *tkey = arena_printf(a, "err.%d.title", status);
	const char *title = i18n_find(c->lang, tkey);
	const char *text = i18n_find(c->lang, arena_printf(a, "err.%d.text", status));
	if (title == NULL)
		title = T(c, "err.generic");
	resp_clear_body(c->res);
	c->res->status = status;
	c->res->ctype = "text/html; charset=utf-8";
	c->res->location = NULL;
	tmpl_dict *top;
	/* "Σφάλμα: ..." / "Error: ...": the title is what a screen reader
	 * announces first, and what the tab shows. */
	tmpl_dict *d = page_start(c, arena_printf(a, "%s %s", T(c, "err.title_prefix"), title),
	                          "error.tpl", NULL, &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "MESSAGE", msg != NULL ? T(c, msg) : text ? text : "");
	tmpl_set_int(d, "STATUS", status);
	page_render(c, top);
}

void page_db_error(struct ctx *c, int rc)
{
	if (rc == DB_DOWN) {
		c->res->retry_after = 30;
		page_error(c, 503, NULL);
	} else {
		page_error(c, 500, NULL);
	}
}

const char *page_date(struct ctx *c, const char *dt, int with_time)
{
	int y, m, d, hh = 0, mm = 0;
	if (dt == NULL || sscanf(dt, "%4d-%2d-%2d %2d:%2d", &y, &m, &d, &hh, &mm) < 3 ||
	    m < 1 || m > 12)
		return dt;
	static const char *const keys[] = { "months.1", "months.2", "months.3",
		"months.4", "months.5", "months.6", "months.7", "months.8",
		"months.9", "months.10", "months.11", "months.12" };
	const char *month = T(c, keys[m - 1]);
	if (with_time)
		return arena_printf(c->r->a, "%d %s %d, %02d:%02d", d, month, y, hh, mm);
	return arena_printf(c->r->a, "%d %s %d", d, month, y);
}

const char *page_pick(struct ctx *c, const char *el, const char *en,
                      int *fallback)
{
	if (fallback != NULL)
		*fallback = 0;
	if (c->lang != LANG_EN)
		return el;
	if (en != NULL && *en)
		return en;
	if (fallback != NULL)
		*fallback = 1;
	return el;
}

const char *page_pick_html(struct ctx *c, const char *el, const char *en,
                           int *fallback)
{
	int fb;
	const char *html = page_pick(c, el, en, &fb);
	if (fallback != NULL)
		*fallback = fb;
	if (!fb || html == NULL || strstr(html, "href=\"/") == NULL)
		return html;
	static const char *const keep[] = { "en/", "static/", "media/", "/" };
	const char *out = "", *p = html, *q;
	while ((q = strstr(p, "href=\"/")) != NULL) {
		q += 7; /* after href="/ */
		int skip = 0;
		for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
			skip |= strncmp(q, keep[i], strlen(keep[i])) == 0;
		out = arena_printf(c->r->a, "%s%.*s%s", out, (int)(q - 1 - p), p, skip ? "/" : "/en/");
		p = q;
	}
	return arena_printf(c->r->a, "%s%s", out, p);
}

int page_redirect_canonical(struct ctx *c, const char *id, const char *slug,
                            const char *canonical)
{
	const char *want = c->r->cap[1] ? c->r->cap[1] : "";
	if (strcmp(slug, want) == 0 && strcmp(c->r->cap[0], id) == 0)
		return 0;
	c->res->status = 301;
	c->res->location = arena_printf(c->r->a, "%s%s", c->lp, canonical);
	c->res->cache = "max-age=3600";
	return 1;
}

void page_fallback_note(struct ctx *c, tmpl_dict *d)
{
	tmpl_show(d, "FALLBACK");
	tmpl_set(d, "FALLBACK_LANG", "el");
}

const char *page_date_iso(struct arena *a, const char *dt)
{
	int y, mo, d, h, mi, se = 0;
	if (dt == NULL || sscanf(dt, "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) < 5)
		return dt;
	/* A local time of the municipality's zone (the worker's TZ): with its
	 * UTC offset, which mktime finds for that date (summer or winter). */
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                 .tm_hour = h, .tm_min = mi, .tm_sec = se, .tm_isdst = -1 };
	if (mktime(&tm) == (time_t)-1)
		return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, se);
	long off = tm.tm_gmtoff;
	return arena_printf(a, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", y, mo, d,
	                    h, mi, se, off < 0 ? '-' : '+', labs(off) / 3600,
	                    labs(off) % 3600 / 60);
}
