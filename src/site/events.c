/*
 * events.c - the events calendar: the list (upcoming, then past with a
 * keyset pager), the event page, and the iCalendar feeds (all events, one
 * event).  Text comes in the request's language when an English version
 * exists; a field shown in Greek on an English page is marked lang="el"
 * and the page says so once.
 */
#include "site/events.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "site/shared.h"
#include "site/db_events.h"
#include "site/ics.h"
#include "core/text.h"
#include "http/valid.h"

#define UPCOMING_MAX 100
#define PAST_PAGE 20
#define FEED_MAX 500

/* Set key to the localized value; when it is shown in Greek on an English
 * page, show section key_EL (for a lang="el" attribute) and set *fell. */
static const char *set_pick(struct ctx *c, tmpl_dict *d, const char *key,
                            const char *el, const char *en, int *fell)
{
	int fb;
	const char *v = page_pick(c, el, en, &fb);
	if (v == NULL)
		v = "";
	tmpl_set(d, key, v);
	if (fb && *v) {
		tmpl_show(d, arena_printf(c->r->a, "%s_EL", key));
		*fell = 1;
	}
	return v;
}

/* Like set_pick, in section (shown only when the value is not empty). */
static void set_opt(struct ctx *c, tmpl_dict *d, const char *section,
                    const char *key, const char *el, const char *en, int *fell)
{
	const char *v = page_pick(c, el, en, NULL);
	if (v != NULL && *v)
		set_pick(c, tmpl_add(d, section), key, el, en, fell);
}

/* START and START_ISO; with an end after the start, section RANGE with
 * SEP, END and END_ISO: "12 Δεκεμβρίου 2026, 18:00–21:00" on one day,
 * "12 Δεκεμβρίου 2026, 18:00 – 13 Δεκεμβρίου 2026, 02:00" across days. */
static void set_when(struct ctx *c, tmpl_dict *d, const char *start,
                     const char *end)
{
	struct arena *a = c->r->a;
	tmpl_set(d, "START", page_date(c, start, 1));
	tmpl_set(d, "START_ISO", page_date_iso(a, start));
	/* Same format on both sides: string order is time order. */
	if (end == NULL || strlen(end) < 16 || strcmp(end, start) <= 0)
		return;
	int same_day = strncmp(start, end, 10) == 0;
	tmpl_dict *r = tmpl_add(d, "RANGE");
	tmpl_set(r, "SEP", same_day ? "–" : " – ");
	tmpl_set(r, "END", same_day ? arena_strndup(a, end + 11, 5)
	                            : page_date(c, end, 1));
	tmpl_set(r, "END_ISO", page_date_iso(a, end));
}

/* "39.105000" -> "39.105" (DECIMAL(9,6) pads with zeros). */
static const char *trim_decimal(struct arena *a, const char *s)
{
	if (s == NULL || strchr(s, '.') == NULL)
		return s;
	char *t = arena_strdup(a, s);
	size_t n = strlen(t);
	while (n > 0 && t[n - 1] == '0')
		t[--n] = '\0';
	if (n > 0 && t[n - 1] == '.')
		t[--n] = '\0';
	return t;
}

/* One event of a list (or the event page's heading part). */
static void fill_item(struct ctx *c, tmpl_dict *d, struct db_res *res,
                      size_t row, int *fell)
{
	struct arena *a = c->r->a;
	const char *id = DB_GET(res, row, EV_ID);
	tmpl_set(d, "ID", id);
	tmpl_set(d, "URL", arena_printf(a, "%s%s", c->lp,
	                                site_item_path(a, "events", id, DB_GET(res, row, EV_SLUG))));
	set_pick(c, d, "TITLE", DB_GET(res, row, EV_TITLE),
	         DB_GET(res, row, EV_TITLE_EN), fell);
	set_opt(c, d, "HAS_SUMMARY", "SUMMARY", DB_GET(res, row, EV_SUMMARY),
	        DB_GET(res, row, EV_SUMMARY_EN), fell);
	set_opt(c, d, "HAS_PLACE", "PLACE", DB_GET(res, row, EV_PLACE),
	        DB_GET(res, row, EV_PLACE_EN), fell);
	set_when(c, d, DB_GET(res, row, EV_STARTS), DB_GET(res, row, EV_ENDS));
}

void events_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *cursor = req_query(c->r, "before");
	const char *before = NULL;
	long long before_id = 0;
	if (cursor != NULL && !valid_cursor(a, cursor, &before, &before_id)) {
		page_error(c, 400, "events.bad_cursor");
		return;
	}
	struct db_res up, past;
	int rc = DB_OK;
	/* Later pages are about the past only. */
	if (cursor == NULL)
		rc = db_events_upcoming(a, UPCOMING_MAX, &up);
	if (rc == DB_OK)
		rc = db_events_past(a, before, before_id, PAST_PAGE + 1, &past);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}

	const char *canon = cursor == NULL
	                        ? "/events"
	                        : arena_printf(a, "/events?before=%s", cursor);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, cursor == NULL ? T(c, "events.title")
	                                            : T(c, "events.older"),
	                          "events.tpl", canon, &top);
	int fell = 0;
	if (cursor == NULL) {
		tmpl_dict *u = tmpl_add(d, "UPCOMING");
		if (up.nrows == 0)
			tmpl_show(u, "UPCOMING_EMPTY");
		tmpl_dict *l = up.nrows ? tmpl_add(u, "UPCOMING_LIST") : NULL;
		for (size_t i = 0; i < up.nrows; i++)
			fill_item(c, tmpl_add(l, "ITEM"), &up, i, &fell);
		tmpl_show(d, "PAST_HEADING");
	} else {
		tmpl_show(d, "OLDER_HEADING");
		tmpl_show(d, "NEWEST_LINK");
	}
	size_t shown = past.nrows > PAST_PAGE ? PAST_PAGE : past.nrows;
	if (shown == 0)
		tmpl_show(d, cursor == NULL ? "PAST_EMPTY" : "OLDER_EMPTY");
	tmpl_dict *l = shown ? tmpl_add(d, "PAST_LIST") : NULL;
	for (size_t i = 0; i < shown; i++)
		fill_item(c, tmpl_add(l, "ITEM"), &past, i, &fell);
	if (past.nrows > PAST_PAGE) {
		tmpl_dict *m = tmpl_add(d, "OLDER");
		tmpl_set(m, "CURSOR", arena_printf(a, "%s-%s",
		                                   DB_GET(&past, shown - 1, EV_CURSOR),
		                                   DB_GET(&past, shown - 1, EV_ID)));
	}
	if (fell)
		page_fallback_note(c, d);
	page_render(c, top);
}

/* The body in the request's language: rendered HTML when there is some,
 * else the Markdown source as plain text (not rendered yet). */
static void set_body(struct ctx *c, tmpl_dict *d, struct db_res *res, int *fell)
{
	const char *html = DB_GET(res, 0, EV_BODY_HTML);
	const char *text = DB_GET(res, 0, EV_BODY);
	const char *html_en = DB_GET(res, 0, EV_BODY_EN_HTML);
	const char *text_en = DB_GET(res, 0, EV_BODY_EN);
	int el = 0;
	if (c->lang == LANG_EN) {
		if ((html_en != NULL && *html_en) || (text_en != NULL && *text_en)) {
			html = html_en;
			text = text_en;
		} else {
			el = 1;
		}
	}
	tmpl_dict *b;
	if (html != NULL && *html) {
		b = tmpl_add(d, "BODY");
		tmpl_set(b, "BODY_HTML", html);
	} else if (text != NULL && *text) {
		b = tmpl_add(d, "BODY_PLAIN");
		tmpl_set(b, "BODY_TEXT", text);
	} else {
		return;
	}
	if (el) {
		tmpl_show(b, "BODY_EL");
		*fell = 1;
	}
}

/* The published event of the route's id into *res; 1, or 0 when the
 * answer (404, 503, 500) has been given. */
static int load_event(struct ctx *c, struct db_res *res)
{
	int rc = db_events_get(c->r->a, atoll(c->r->cap[0]), res); /* [0-9]{1,10} */
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (res->nrows == 0) {
		page_error(c, 404, "events.missing");
		return 0;
	}
	return 1;
}

void event_show(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res;
	if (!load_event(c, &res))
		return;
	const char *sid = DB_GET(&res, 0, EV_ID);
	const char *slug = DB_GET(&res, 0, EV_SLUG);
	const char *canon = site_item_path(a, "events", sid, slug);
	if (page_redirect_canonical(c, sid, slug, canon))
		return;
	const char *title = page_pick(c, DB_GET(&res, 0, EV_TITLE),
	                              DB_GET(&res, 0, EV_TITLE_EN), NULL);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, title, "event.tpl", canon, &top);
	page_description(c, top, page_pick(c, DB_GET(&res, 0, EV_SUMMARY),
	                                   DB_GET(&res, 0, EV_SUMMARY_EN), NULL));
	int fell = 0;
	fill_item(c, d, &res, 0, &fell);
	set_body(c, d, &res, &fell);
	const char *lat = trim_decimal(a, DB_GET(&res, 0, EV_LAT));
	const char *lon = trim_decimal(a, DB_GET(&res, 0, EV_LON));
	if (lat != NULL && lon != NULL) {
		tmpl_dict *g = tmpl_add(d, "GEO");
		tmpl_set(g, "LAT", lat);
		tmpl_set(g, "LON", lon);
		tmpl_set(g, "OSM_URL",
		         arena_printf(a, "https://www.openstreetmap.org/"
		                         "?mlat=%s&mlon=%s#map=17/%s/%s",
		                      lat, lon, lat, lon));
	}
	if (strcmp(DB_GET(&res, 0, EV_PAST), "1") == 0)
		tmpl_show(d, "ENDED");
	if (fell)
		page_fallback_note(c, d);
	page_render(c, top);
}

/* text/calendar as a download named filename. */
static void calendar_headers(struct ctx *c, const char *filename)
{
	/* filename is ours (events.ics, event-<id>.ics), never the request's. */
	c->res->ctype = "text/calendar; charset=utf-8";
	c->res->disposition = arena_printf(c->r->a, "attachment; filename=\"%s\"",
	                                   filename);
}

static void calendar_begin(struct ctx *c)
{
	const char *site = c->lang == LANG_EN ? c->conf->site_name_en
	                                      : c->conf->site_name;
	ics_begin(&c->res->out, arena_printf(c->r->a, "%s: %s", site,
	                                     T(c, "events.title")));
}

static void calendar_event(struct ctx *c, struct db_res *res, size_t row,
                           const char *host)
{
	struct arena *a = c->r->a;
	const char *id = DB_GET(res, row, EV_ID);
	const char *stamp = DB_GET(res, row, EV_STAMP);
	struct ics_event e = {
		.uid = arena_printf(a, "event-%s@%s", id, host),
		.stamp = stamp != NULL ? (time_t)atoll(stamp) : 0,
		.start = DB_GET(res, row, EV_STARTS),
		.end = DB_GET(res, row, EV_ENDS),
		.summary = page_pick(c, DB_GET(res, row, EV_TITLE),
		                     DB_GET(res, row, EV_TITLE_EN), NULL),
		.description = page_pick(c, DB_GET(res, row, EV_SUMMARY),
		                         DB_GET(res, row, EV_SUMMARY_EN), NULL),
		.location = page_pick(c, DB_GET(res, row, EV_PLACE),
		                      DB_GET(res, row, EV_PLACE_EN), NULL),
		.lat = trim_decimal(a, DB_GET(res, row, EV_LAT)),
		.lon = trim_decimal(a, DB_GET(res, row, EV_LON)),
		.url = arena_printf(a, "%s%s%s", c->conf->site_url, c->lp,
		                    site_item_path(a, "events", id, DB_GET(res, row, EV_SLUG))),
	};
	ics_event(&c->res->out, &e);
}

void events_ics(struct ctx *c)
{
	struct db_res res;
	int rc = db_events_feed(c->r->a, FEED_MAX, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *host = text_url_host(c->r->a, c->conf->site_url);
	calendar_headers(c, "events.ics");
	calendar_begin(c);
	for (size_t i = 0; i < res.nrows; i++)
		calendar_event(c, &res, i, host);
	ics_end(&c->res->out);
}

void event_ics(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res;
	if (!load_event(c, &res))
		return;
	calendar_headers(c, arena_printf(a, "event-%s.ics", DB_GET(&res, 0, EV_ID)));
	calendar_begin(c);
	calendar_event(c, &res, 0, text_url_host(a, c->conf->site_url));
	ics_end(&c->res->out);
}
