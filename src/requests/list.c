/*
 * list.c - the public list and map of citizens' requests, and a request's
 * Atom feed (list.h).
 *
 * /requests lists every request, newest first, filtered by category,
 * status (open, closed, or one status) and community through a GET form
 * that keeps its values, 30 a page with an "older" link carrying the
 * keyset cursor (?after=YYYYmmddHHMMSS-id).  Each item carries its point
 * in data attributes; views/static/js/requests-map.js draws them on a
 * Leaflet map when JavaScript and the tiles are there, and the list itself
 * is the alternative.  The feed has the request's public events only.  No
 * name, e-mail or phone is selected (db_list.c); a description staff hid is
 * replaced by a neutral line.  Bad filters are a 400 with a message.
 */
#include "requests/list.h"

#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "http/valid.h"
#include "requests/db_list.h"
#include "requests/db_requests.h"
#include "requests/follow.h"
#include "view/layout.h"

#define LIST_ITEMS 30
#define EXCERPT_CHARS 200
#define FEED_EVENTS 50

static const char *const statuses[] = {
	"submitted", "acknowledged", "in_progress", "scheduled", "resolved",
	"rejected", "duplicate", "not_ours", "reopened", NULL,
};

static const char *status_key(struct arena *a, const char *s)
{
	return arena_printf(a, "rq.s_%s", s ? s : "submitted");
}

void requests_map_attrs(struct ctx *c, tmpl_dict *d, const char *name)
{
	const struct conf *cf = c->conf;
	if (cf->map_tile_url == NULL || cf->map_tile_url[0] == '\0')
		return;
	tmpl_dict *m = tmpl_add(d, name);
	tmpl_set(m, "TILES", cf->map_tile_url);
	tmpl_set(m, "ATTRIBUTION", cf->map_attribution);
	tmpl_set(m, "LAT", cf->map_lat);
	tmpl_set(m, "LON", cf->map_lon);
	tmpl_set_int(m, "ZOOM", cf->map_zoom);
}

/* The id in s if it is one of the rows' ids (column col), else -1; 0 for
 * an absent or empty s. */
static long long pick_id(const char *s, const struct db_res *rows, int col)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (size_t i = 0; i < rows->nrows; i++)
		if (strcmp(db_str(rows, i, col), s) == 0)
			return db_ll(rows, i, col);
	return -1;
}

/* "a, b" of the filters, for the older link: only the ones set, in the
 * order of the form. */
static const char *query_of(struct arena *a, const char *cat, const char *status,
                            const char *area)
{
	const char *q = "";
	if (cat && *cat)
		q = arena_printf(a, "%s&category=%s", q, text_percent_encode(a, cat));
	if (status && *status)
		q = arena_printf(a, "%s&status=%s", q, text_percent_encode(a, status));
	if (area && *area)
		q = arena_printf(a, "%s&area=%s", q, text_percent_encode(a, area));
	return q;
}

/* One item of the list: its facts, its excerpt or the neutral line, and
 * its point for the map. */
static void fill_item(struct ctx *c, tmpl_dict *it, const struct db_res *res, size_t i)
{
	struct arena *a = c->r->a;
	const char *code = db_str(res, i, RL_CODE);
	const char *cat = page_pick(c, db_str(res, i, RL_CATEGORY),
	                            db_str(res, i, RL_CATEGORY_EN), NULL);
	tmpl_set(it, "CODE", code);
	tmpl_set(it, "URL", arena_printf(a, "%s/requests/%s", c->lp, code));
	tmpl_set(it, "CATEGORY", cat);
	const char *area = db_str(res, i, RL_AREA);
	if (area != NULL)
		tmpl_set(tmpl_add(it, "AREA"), "NAME",
		         page_pick(c, area, db_str(res, i, RL_AREA_EN), NULL));
	const char *st = db_str(res, i, RL_STATUS);
	tmpl_set(it, "STATUS", T(c, status_key(a, st)));
	tmpl_set(it, "STATUS_CLASS", st);
	const char *created = db_str(res, i, RL_CREATED);
	tmpl_set(it, "DATE", page_date(c, created, 0));
	tmpl_set(it, "DATE_ISO", page_date_iso(a, created));
	const char *ex = db_str(res, i, RL_EXCERPT);
	if (ex == NULL) {
		tmpl_show(it, "HIDDEN");
	} else {
		tmpl_dict *e = tmpl_add(it, "EXCERPT");
		/* The reporter's own words, in the language of the form they
		 * used: marked so, on a page in the other language too. */
		const char *lang = db_str(res, i, RL_LANG);
		tmpl_set(e, "LANG", lang && strcmp(lang, "en") == 0 ? "en" : "el");
		if (text_chars(ex) > EXCERPT_CHARS)
			tmpl_set(e, "TEXT", arena_printf(a, "%s…", text_first_chars(a, ex, EXCERPT_CHARS)));
		else
			tmpl_set(e, "TEXT", ex);
	}
	const char *lat = db_str(res, i, RL_LAT), *lon = db_str(res, i, RL_LON);
	if (lat != NULL && lon != NULL) {
		tmpl_dict *p = tmpl_add(it, "POINT");
		tmpl_set(p, "LAT", lat);
		tmpl_set(p, "LON", lon);
	}
}

void requests_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res cats, areas, res;
	int rc = db_rq_categories(a, &cats);
	if (rc == DB_OK)
		rc = db_rq_areas(a, &areas);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *qcat = req_query(c->r, "category");
	const char *qstatus = req_query(c->r, "status");
	const char *qarea = req_query(c->r, "area");
	const char *after = req_query(c->r, "after");
	struct rq_filter f = { 0 };
	f.category = pick_id(qcat, &cats, RC_ID);
	f.area = pick_id(qarea, &areas, RA_ID);
	if (f.category < 0 || f.area < 0) {
		page_error(c, 400, "rqp.err_filter");
		return;
	}
	if (qstatus != NULL && *qstatus) {
		if (strcmp(qstatus, "open") == 0)
			f.statuses = RQ_OPEN_STATUSES;
		else if (strcmp(qstatus, "closed") == 0)
			f.statuses = RQ_CLOSED_STATUSES;
		for (size_t i = 0; f.statuses == NULL && statuses[i]; i++)
			if (strcmp(qstatus, statuses[i]) == 0)
				f.status = statuses[i];
		if (f.status == NULL && f.statuses == NULL) {
			page_error(c, 400, "rqp.err_filter");
			return;
		}
	}
	const char *at = NULL;
	long long id = 0;
	if (after != NULL && !valid_cursor(a, after, &at, &id)) {
		page_error(c, 400, "rqp.err_cursor");
		return;
	}
	rc = db_rq_list(a, &f, at, id, LIST_ITEMS + 1, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	int more = res.nrows > LIST_ITEMS;
	size_t n = more ? LIST_ITEMS : res.nrows;

	tmpl_dict *top;
	tmpl_dict *d = page_start(c, T(c, "rqp.list_title"), "requests/list.tpl",
	                          "/requests", &top);
	/* The filter form, with what was chosen. */
	const char *group = NULL;
	tmpl_dict *g = NULL;
	for (size_t i = 0; i < cats.nrows; i++) {
		const char *gname = page_pick(c, db_str(&cats, i, RC_GROUP),
		                              db_str(&cats, i, RC_GROUP_EN), NULL);
		if (g == NULL || strcmp(group, gname) != 0) {
			g = tmpl_add(d, "CAT_GROUP");
			tmpl_set(g, "LABEL", gname);
			group = gname;
		}
		tmpl_dict *o = tmpl_add(g, "OPTION");
		tmpl_set(o, "V", db_str(&cats, i, RC_ID));
		tmpl_set(o, "LABEL", page_pick(c, db_str(&cats, i, RC_NAME),
		                               db_str(&cats, i, RC_NAME_EN), NULL));
		if (db_ll(&cats, i, RC_ID) == f.category)
			tmpl_show(o, "SELECTED");
	}
	static const char *const sets[] = { "open", "closed", NULL };
	for (size_t i = 0; sets[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "SET_OPTION");
		tmpl_set(o, "V", sets[i]);
		tmpl_set(o, "LABEL", T(c, arena_printf(a, "rqp.status_%s", sets[i])));
		if (qstatus && strcmp(qstatus, sets[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; statuses[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "STATUS_OPTION");
		tmpl_set(o, "V", statuses[i]);
		tmpl_set(o, "LABEL", T(c, status_key(a, statuses[i])));
		if (f.status == statuses[i])
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; i < areas.nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "AREA_OPTION");
		tmpl_set(o, "V", db_str(&areas, i, RA_ID));
		tmpl_set(o, "LABEL", page_pick(c, db_str(&areas, i, RA_NAME),
		                               db_str(&areas, i, RA_NAME_EN), NULL));
		if (db_ll(&areas, i, RA_ID) == f.area)
			tmpl_show(o, "SELECTED");
	}
	if (f.category || f.area || (qstatus && *qstatus))
		tmpl_set(tmpl_add(d, "FILTERED"), "URL", arena_printf(a, "%s/requests", c->lp));
	if (at != NULL)
		tmpl_show(d, "LATER_PAGE");

	size_t points = 0;
	tmpl_dict *list = n ? tmpl_add(d, "LIST") : NULL;
	for (size_t i = 0; i < n; i++) {
		fill_item(c, tmpl_add(list, "ITEM"), &res, i);
		if (db_str(&res, i, RL_LAT) != NULL)
			points++;
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	/* The map (and its scripts) only when some item of this page has a
	 * point and the site has a tile server. */
	if (points > 0 && c->conf->map_tile_url[0] != '\0') {
		requests_map_attrs(c, d, "MAP");
		tmpl_dict *h = page_include(c, top, "HEAD_EXTRA", "requests/map_head.tpl");
		tmpl_set(h, "SCRIPT", "/static/js/requests-map.js");
	}
	const char *q = query_of(a, qcat, qstatus, qarea);
	if (more || at != NULL) {
		tmpl_dict *p = tmpl_add(d, "PAGER");
		if (at != NULL)
			tmpl_set(tmpl_add(p, "NEWEST"), "URL",
			         arena_printf(a, "%s/requests%s%s", c->lp, *q ? "?" : "",
			                      *q ? q + 1 : ""));
		if (more)
			tmpl_set(tmpl_add(p, "OLDER"), "URL",
			         arena_printf(a, "%s/requests?after=%s%s", c->lp,
			                      db_str(&res, n - 1, RL_CURSOR), q));
	}
	page_render(c, top);
}

/* ---- the feed of one request --------------------------------------------- */

void requests_feed(struct ctx *c)
{
	struct arena *a = c->r->a;
	const struct conf *cf = c->conf;
	struct db_res head, ev;
	int rc = db_rq_head(a, c->r->cap[0], &head);
	if (rc == DB_OK && head.nrows == 1)
		rc = db_rq_feed_events(a, db_ll(&head, 0, RH_ID), FEED_EVENTS, &ev);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (head.nrows == 0) {
		page_error(c, 404, "rq.err_missing");
		return;
	}
	int en = c->lang == LANG_EN;
	const char *code = db_str(&head, 0, RH_CODE);
	const char *page = arena_printf(a, "%s%s/requests/%s", cf->site_url, c->lp, code);
	/* tag: URIs (RFC 4151) from the site's host and the event's id, as
	 * the news feeds (site/feed.c): stable whatever the title says. */
	const char *tag = arena_printf(a, "tag:%s,2026:%s", text_url_host(a, cf->site_url),
	                               en ? "en/" : "");
	const char *cat = page_pick(c, db_str(&head, 0, RH_CATEGORY),
	                            db_str(&head, 0, RH_CATEGORY_EN), NULL);
	tmpl_dict *d = tmpl_dict_new(a);
	tmpl_set(d, "LANG", i18n_code(c->lang));
	tmpl_set(d, "FEED_ID", arena_printf(a, "%srequest-%s", tag, code));
	tmpl_set(d, "FEED_TITLE", arena_printf(a, "%s %s: %s", T(c, "rq.show_title"), code, cat));
	tmpl_set(d, "SELF", arena_printf(a, "%s/feed.atom", page));
	tmpl_set(d, "ALTERNATE", page);
	tmpl_set(d, "AUTHOR", en ? cf->site_name_en : cf->site_name);
	tmpl_set(d, "AUTHOR_URI", arena_printf(a, "%s%s/", cf->site_url, c->lp));
	/* Newest first: the first event is the feed's last change; a request
	 * has at least its "submitted" event, else its creation says when. */
	const char *updated = ev.nrows ? db_str(&ev, 0, RF_AT) : db_str(&head, 0, RH_CREATED);
	tmpl_set(d, "UPDATED", page_date_iso(a, updated));
	for (size_t i = 0; i < ev.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "ENTRY");
		const char *to = db_str(&ev, i, RF_TO);
		const char *reply = db_str(&ev, i, RF_REPLY);
		tmpl_set(e, "ID", arena_printf(a, "%srequest-event-%s", tag, db_str(&ev, i, RF_ID)));
		tmpl_set(e, "TITLE", to != NULL ? T(c, status_key(a, to)) : T(c, "rqp.feed_reply"));
		tmpl_set(e, "URL", page);
		tmpl_set(e, "UPDATED", page_date_iso(a, db_str(&ev, i, RF_AT)));
		if (reply != NULL && *reply)
			tmpl_set(tmpl_add(e, "CONTENT"), "TEXT", reply);
	}
	c->res->ctype = "application/atom+xml; charset=utf-8";
	c->res->cache = "max-age=300";
	page_render_file(c, "requests/feed_atom.tpl", d);
}

void requests_show_extras(struct ctx *c, tmpl_dict *top, tmpl_dict *d,
                          const char *code)
{
	struct arena *a = c->r->a;
	const char *feed = arena_printf(a, "%s/requests/%s/feed.atom", c->lp, code);
	tmpl_dict *h = page_include(c, top, "HEAD_EXTRA", "requests/feed_link.tpl");
	tmpl_set(h, "FEED_URL", feed);
	tmpl_set(h, "FEED_TITLE", arena_printf(a, "%s %s", T(c, "rq.show_title"), code));
	tmpl_set(d, "FEED_URL", feed);
	tmpl_set(d, "LIST_URL", arena_printf(a, "%s/requests", c->lp));
	follow_form_fill(c, d, code, NULL);
}
