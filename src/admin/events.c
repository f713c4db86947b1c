/*
 * events.c (admin) - editing events (admin/events.h).
 *
 * Follows news.c: one declared form creates and edits; preview (nothing
 * saved), save as a draft, or publish now or at the publication time
 * given (a time to come schedules it: SQL_EVENT_PUBLIC hides it until
 * then); a save renders the Markdown once, stores a revision and writes
 * the audit log in one transaction; the form carries the version it was
 * opened at; a creating form's token is stored with the event.
 */
#include "admin/events.h"
#include "site/search/index.h"

#include <stdlib.h>
#include <string.h>

#include "admin/audit.h"
#include "admin/db_events.h"
#include "admin/editing.h"
#include "admin/revision.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/civil.h"
#include "core/md.h"
#include "core/slug.h"
#include "core/text.h"
#include "db/db.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "site/shared.h"
#include "view/layout.h"

#define LIST_ROWS 50

enum {
	F_TITLE, F_TITLE_EN, F_SUMMARY, F_SUMMARY_EN, F_BODY, F_BODY_EN,
	F_STARTS, F_ENDS, F_PLACE, F_PLACE_EN, F_LAT, F_LON, F_PUBLISH,
	F_VERSION, F__N
};

static const struct fdef fields[F__N] = {
	[F_TITLE] = { .name = "title", .kind = F_TEXT, .flags = F_REQUIRED | F_PAIR,
	              .max = 300, .label = "adm.content.f_title", .err = "adm.content.err_title" },
	[F_TITLE_EN] = { .name = "title_en", .kind = F_TEXT, .max = 300,
	                 .label = "adm.content.f_title_en", .err = "adm.content.err_title" },
	[F_SUMMARY] = { .name = "summary", .kind = F_TEXTAREA, .flags = F_PAIR,
	                .max = 1000, .rows = 3, .label = "adm.content.f_summary",
	                .hint = "adm.events.h_summary", .err = "adm.content.err_summary" },
	[F_SUMMARY_EN] = { .name = "summary_en", .kind = F_TEXTAREA, .max = 1000,
	                   .rows = 3, .label = "adm.content.f_summary_en",
	                   .err = "adm.content.err_summary" },
	[F_BODY] = { .name = "body", .kind = F_TEXTAREA, .flags = F_PAIR,
	             .max = 200000, .rows = 12, .label = "adm.content.f_body",
	             .hint = "adm.content.h_body", .err = "adm.content.err_body" },
	[F_BODY_EN] = { .name = "body_en", .kind = F_TEXTAREA, .max = 200000,
	                .rows = 12, .label = "adm.content.f_body_en",
	                .err = "adm.content.err_body" },
	[F_STARTS] = { .name = "starts_at", .kind = F_DATETIME, .flags = F_REQUIRED | F_PAIR,
	               .label = "adm.events.f_starts", .err = "adm.content.err_datetime",
	               .err_missing = "adm.events.err_starts" },
	[F_ENDS] = { .name = "ends_at", .kind = F_DATETIME,
	             .label = "adm.events.f_ends", .hint = "adm.events.h_ends",
	             .err = "adm.content.err_datetime" },
	[F_PLACE] = { .name = "place", .kind = F_TEXT, .flags = F_PAIR, .max = 300,
	              .label = "adm.events.f_place", .err = "adm.events.err_place" },
	[F_PLACE_EN] = { .name = "place_en", .kind = F_TEXT, .max = 300,
	                 .label = "adm.events.f_place_en", .err = "adm.events.err_place" },
	[F_LAT] = { .name = "lat", .kind = F_TEXT, .flags = F_PAIR, .max = 12,
	            .label = "adm.events.f_lat", .hint = "adm.events.h_lat",
	            .err = "adm.events.err_lat" },
	[F_LON] = { .name = "lon", .kind = F_TEXT, .max = 12,
	            .label = "adm.events.f_lon", .hint = "adm.events.h_lon",
	            .err = "adm.events.err_lon" },
	[F_PUBLISH] = { .name = "publish_at", .kind = F_DATETIME,
	                .label = "adm.content.f_publish", .hint = "adm.content.h_publish",
	                .err = "adm.content.err_datetime" },
	[F_VERSION] = { .name = "version", .kind = F_HIDDEN, .max = 14,
	                .err = "adm.content.err_conflict" },
};

static const struct fbutton buttons[] = {
	{ "preview", "adm.content.b_preview", 1 },
	{ "draft", "adm.content.b_draft", 1 },
	{ "publish", "adm.content.b_publish", 0 },
};

static const char *const rev_labels[] = {
	"title", "adm.content.f_title", "title_en", "adm.content.f_title_en",
	"summary", "adm.content.f_summary", "summary_en", "adm.content.f_summary_en",
	"body", "adm.content.f_body", "body_en", "adm.content.f_body_en",
	"starts_at", "adm.events.f_starts", "ends_at", "adm.events.f_ends",
	"place", "adm.events.f_place", "place_en", "adm.events.f_place_en",
	"lat", "adm.events.f_lat", "lon", "adm.events.f_lon",
	"status", "adm.content.f_status", "publish_at", "adm.content.f_publish",
	NULL,
};

static const struct form form = {
	.id = "event", .submit = "adm.content.b_publish", .fields = fields, .n = F__N,
	.buttons = buttons, .nbuttons = sizeof(buttons) / sizeof(buttons[0]),
};

static const char *val(const struct form_data *fd, int i)
{
	return fd->v[i].s;
}

/* "39.1047", "39,1047" or "-0.5": at most 3 digits, a point (or comma)
 * and at most 6 more (DECIMAL(9,6)), within -lim..lim; the value with a
 * point, or NULL. */
static const char *decimal_in(struct arena *a, const char *s, int lim)
{
	char *t = arena_strdup(a, *s == '+' ? s + 1 : s);
	for (char *p = t; *p; p++)
		if (*p == ',')
			*p = '.';
	const char *p = t + (*t == '-');
	size_t ip = strspn(p, "0123456789");
	if (ip == 0 || ip > 3)
		return NULL;
	p += ip;
	if (*p == '.') {
		size_t fp = strspn(++p, "0123456789");
		if (fp == 0 || fp > 6)
			return NULL;
		p += fp;
	}
	if (*p != '\0')
		return NULL;
	double v = strtod(t, NULL);
	return v >= -lim && v <= lim ? t : NULL;
}

/* The rules a field table cannot say. */
static void check_more(struct arena *a, struct form_data *fd)
{
	if (val(fd, F_STARTS) && val(fd, F_ENDS) && strcmp(val(fd, F_ENDS), val(fd, F_STARTS)) <= 0)
		form_error(fd, "ends_at", "adm.events.err_ends");
	const char *lat = val(fd, F_LAT), *lon = val(fd, F_LON);
	if (lat && (lat = decimal_in(a, lat, 90)) == NULL)
		form_error(fd, "lat", "adm.events.err_lat");
	else if (lat)
		fd->v[F_LAT].s = lat;
	if (lon && (lon = decimal_in(a, lon, 180)) == NULL)
		form_error(fd, "lon", "adm.events.err_lon");
	else if (lon)
		fd->v[F_LON].s = lon;
	/* Both or neither: a point on the map needs the two. */
	if (!fd->v[F_LAT].err && !fd->v[F_LON].err && (fd->v[F_LAT].raw[0] != '\0') !=
	    (fd->v[F_LON].raw[0] != '\0'))
		form_error(fd, fd->v[F_LAT].raw[0] ? "lon" : "lat", "adm.events.err_point");
}

static void fill_from_row(struct form_data *fd, const struct db_res *res)
{
	static const struct { int f; int col; } map[] = {
		{ F_TITLE, EE_TITLE }, { F_TITLE_EN, EE_TITLE_EN },
		{ F_SUMMARY, EE_SUMMARY }, { F_SUMMARY_EN, EE_SUMMARY_EN },
		{ F_BODY, EE_BODY }, { F_BODY_EN, EE_BODY_EN }, { F_STARTS, EE_STARTS },
		{ F_ENDS, EE_ENDS }, { F_PLACE, EE_PLACE }, { F_PLACE_EN, EE_PLACE_EN },
		{ F_LAT, EE_LAT }, { F_LON, EE_LON }, { F_PUBLISH, EE_PUBLISH },
		{ F_VERSION, EE_VERSION },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		const char *v = db_str(res, 0, map[i].col);
		fd->v[map[i].f].raw = v ? v : "";
	}
}

static void fact(tmpl_dict *facts, const char *label, const char *value)
{
	tmpl_dict *f = tmpl_add(facts, "FACT");
	tmpl_set(f, "LABEL", label);
	tmpl_set(f, "VALUE", value);
}

static void render(struct ctx *c, struct form_data *fd, long long id,
                   const struct db_res *row, int preview)
{
	struct arena *a = c->r->a;
	const char *title = id ? T(c, "adm.events.edit_title") : T(c, "adm.events.new_title");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, title), "admin/content_edit.tpl", &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "FORM_LABEL", T(c, "adm.events.form"));
	static const char *const notices[] = {
		"draft", "adm.content.done_draft", "published", "adm.content.done_published",
		"scheduled", "adm.content.done_scheduled", NULL };
	admin_notice(c, d, notices);
	if (id && row != NULL) {
		tmpl_dict *s = tmpl_add(d, "ITEM");
		tmpl_set(s, "BASE", arena_printf(a, "%s/admin/events/%lld", c->lp, id));
		tmpl_set(tmpl_add(s, "PUBLIC"), "URL",
		         arena_printf(a, "%s%s", c->lp,
		                      site_item_path(a, "events", db_str(row, 0, EE_ID),
		                                     db_str(row, 0, EE_SLUG))));
		const char *st = edit_state(db_str(row, 0, EE_STATUS), (int)db_ll(row, 0, EE_FUTURE));
		tmpl_set(s, "STATE", strcmp(st, "scheduled") == 0
		         ? arena_printf(a, "%s %s", T(c, "adm.content.state_scheduled"),
		                        admin_time(c, db_str(row, 0, EE_WHEN)))
		         : T(c, arena_printf(a, "adm.content.s_%s", st)));
	}
	if (preview) {
		tmpl_dict *p = tmpl_add(tmpl_add(d, "PREVIEW"), "ARTICLE");
		int en = c->lang == LANG_EN && val(fd, F_TITLE_EN) != NULL;
		tmpl_set(p, "TITLE", en ? val(fd, F_TITLE_EN) : val(fd, F_TITLE));
		const char *sum = en && val(fd, F_SUMMARY_EN) ? val(fd, F_SUMMARY_EN)
		                                              : val(fd, F_SUMMARY);
		if (sum)
			tmpl_set(tmpl_add(p, "SUMMARY"), "TEXT", sum);
		tmpl_dict *facts = tmpl_add(p, "FACTS");
		const char *when = page_date(c, val(fd, F_STARTS), 1);
		if (val(fd, F_ENDS))
			when = arena_printf(a, "%s – %s", when, page_date(c, val(fd, F_ENDS), 1));
		fact(facts, T(c, "adm.events.f_starts"), when);
		const char *place = en && val(fd, F_PLACE_EN) ? val(fd, F_PLACE_EN) : val(fd, F_PLACE);
		if (place)
			fact(facts, T(c, "adm.events.f_place"), place);
		const char *body = en && val(fd, F_BODY_EN) ? val(fd, F_BODY_EN) : val(fd, F_BODY);
		tmpl_dict *b = page_include(c, p, "BODY", "article_body.tpl");
		tmpl_set(b, "BODY_HTML", md_render(a, body, en ? "/en" : ""));
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

/* The form, posting to action. */
static const struct form *form_to(struct ctx *c, const char *action)
{
	struct form *f = arena_alloc(c->r->a, sizeof(*f));
	*f = form;
	f->action = action;
	return f;
}

void adm_events_new(struct ctx *c)
{
	struct form_data fd;
	form_new(c, form_to(c, "/admin/events/new"), &fd);
	render(c, &fd, 0, NULL, 0);
}

static const struct db_res *load(struct ctx *c, long long id)
{
	return edit_load(c, db_adm_event_get, id, 0, "adm.events.err_missing");
}

void adm_events_edit(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c), r;
	const struct db_res *row = load(c, id);
	if (row == NULL || !edit_revision(c, &r))
		return;
	struct form_data fd;
	form_new(c, form_to(c, r ? arena_printf(a, "/admin/events/%lld?restored=%lld", id, r)
	                          : arena_printf(a, "/admin/events/%lld", id)), &fd);
	fill_from_row(&fd, row);
	if (r && !edit_restore(c, "event", id, r, &fd, "adm.content.restoring"))
		return;
	render(c, &fd, id, row, 0);
}

static const char *summary_of(struct arena *a, const struct db_res *old,
                              const struct adm_event *e)
{
	if (old == NULL)
		return arena_printf(a, "created (%s): %s, %s", e->status, e->title, e->starts_at);
	const char *out = "";
	const char *ost = db_str(old, 0, EE_STATUS);
	if (strcmp(ost, e->status) != 0)
		out = arena_printf(a, "status %s → %s; ", ost, e->status);
	static const struct { int col; const char *name; } cols[] = {
		{ EE_TITLE_EN, "title_en" }, { EE_SUMMARY, "summary" },
		{ EE_SUMMARY_EN, "summary_en" }, { EE_BODY, "body" }, { EE_BODY_EN, "body_en" },
		{ EE_PLACE, "place" }, { EE_PLACE_EN, "place_en" },
	};
	const char *vals[] = { e->title_en, e->summary, e->summary_en, e->body,
	                       e->body_en, e->place, e->place_en };
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const char *o = db_str(old, 0, cols[i].col);
		if (strcmp(o ? o : "", vals[i] ? vals[i] : "") != 0)
			out = arena_printf(a, "%s%s changed; ", out, cols[i].name);
	}
	if (strcmp(db_str(old, 0, EE_TITLE), e->title) != 0)
		out = arena_printf(a, "%stitle \"%s\" → \"%s\"; ", out,
		                   db_str(old, 0, EE_TITLE), e->title);
	return *out ? out : "saved without changes";
}

static void save(struct ctx *c, long long id)
{
	struct arena *a = c->r->a;
	const struct form *f = form_to(c, id ? edit_action(c, arena_printf(a, "/admin/events/%lld", id))
	                                     : "/admin/events/new");
	const struct db_res *row = NULL;
	if (id && (row = load(c, id)) == NULL)
		return;
	struct form_data fd;
	form_parse(c, f, &fd);
	check_more(a, &fd);
	const char *action = form_action(c, f);
	if (action == NULL)
		action = "draft";
	if (fd.nerr || fd.token_bad || strcmp(action, "preview") == 0) {
		int preview = strcmp(action, "preview") == 0 && fd.nerr == 0;
		c->res->status = preview ? 200 : 422;
		render(c, &fd, id, row, preview);
		return;
	}
	struct adm_event e = {
		.title = val(&fd, F_TITLE), .title_en = val(&fd, F_TITLE_EN),
		.summary = val(&fd, F_SUMMARY) ? val(&fd, F_SUMMARY) : "",
		.summary_en = val(&fd, F_SUMMARY_EN),
		.body = val(&fd, F_BODY) ? val(&fd, F_BODY) : "", .body_en = val(&fd, F_BODY_EN),
		.starts_at = val(&fd, F_STARTS), .ends_at = val(&fd, F_ENDS),
		.place = val(&fd, F_PLACE) ? val(&fd, F_PLACE) : "", .place_en = val(&fd, F_PLACE_EN),
		.lat = val(&fd, F_LAT), .lon = val(&fd, F_LON),
		.status = strcmp(action, "publish") == 0 ? "published" : "draft",
		.publish_at = val(&fd, F_PUBLISH),
		.user_id = c->staff->id,
	};
	e.body_html = md_render(a, e.body, "");
	e.body_en_html = e.body_en ? md_render(a, e.body_en, "/en") : NULL;
	e.slug = slug_make(a, e.title);
	int rc = db_begin();
	struct db_res *cur = NULL;
	if (rc == DB_OK && id) {
		cur = arena_alloc(a, sizeof(*cur));
		rc = db_adm_event_get(a, id, 1, cur);
		if (rc == DB_OK && cur->nrows == 0)
			rc = DB_ERR;
		if (rc == DB_OK && strcmp(fd.v[F_VERSION].raw, db_str(cur, 0, EE_VERSION)) != 0) {
			db_rollback();
			form_set(&fd, "version", db_str(cur, 0, EE_VERSION));
			fd.err = "adm.content.err_conflict";
			c->res->status = 409;
			render(c, &fd, id, cur, 0);
			return;
		}
	}
	int dup = 0;
	if (rc == DB_OK && id)
		rc = db_adm_event_update(a, id, &e);
	else if (rc == DB_OK) {
		rc = db_adm_event_insert(a, &e, fd.token, &id);
		if (rc == DB_DUP && id) {
			dup = 1;
			rc = DB_OK;
		}
	}
	if (rc == DB_OK && !dup) {
		struct rev_field rf[] = {
			{ "title", e.title }, { "title_en", e.title_en },
			{ "summary", e.summary }, { "summary_en", e.summary_en },
			{ "body", e.body }, { "body_en", e.body_en },
			{ "starts_at", fd.v[F_STARTS].raw }, { "ends_at", fd.v[F_ENDS].raw },
			{ "place", e.place }, { "place_en", e.place_en },
			{ "lat", e.lat }, { "lon", e.lon }, { "status", e.status },
			{ "publish_at", fd.v[F_PUBLISH].raw },
		};
		rc = revision_save(c, "event", id, edit_restored_note(c), rf,
		                   sizeof(rf) / sizeof(rf[0]));
		if (rc == DB_OK)
			rc = search_index_item(a, SEARCH_EVENT, id);
		if (rc == DB_OK)
			rc = audit_staff(c, cur ? "event_update" : "event_create", "event",
			                 arena_printf(a, "%lld", id), summary_of(a, cur, &e));
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	char now[20];
	civil_now_text(now);
	const char *done = strcmp(e.status, "draft") == 0 ? "draft"
	                 : e.publish_at && strcmp(e.publish_at, now) > 0 ? "scheduled"
	                                                                 : "published";
	admin_redirect(c, arena_printf(a, "/admin/events/%lld?done=%s", id, done));
}

void adm_events_create(struct ctx *c)
{
	save(c, 0);
}

void adm_events_save(struct ctx *c)
{
	save(c, edit_id(c));
}

void adm_events_delete_ask(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	const struct db_res *row = load(c, id);
	if (row == NULL)
		return;
	edit_confirm(c, "adm.events.delete_title", "adm.events.delete_question",
	             arena_printf(a, "%s · %s", db_str(row, 0, EE_TITLE),
	                          page_date(c, db_str(row, 0, EE_STARTS), 1)),
	             arena_printf(a, "/admin/events/%lld/delete", id),
	             arena_printf(a, "/admin/events/%lld", id));
}

void adm_events_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	struct db_res row;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_adm_event_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.events.err_missing");
		return;
	}
	if (rc == DB_OK)
		rc = db_adm_event_delete(a, id);
	if (rc == DB_OK)
		rc = search_unindex_item(a, SEARCH_EVENT, id);
	if (rc == DB_REFERENCED) {
		db_rollback();
		edit_refused(c, 409, "adm.events.delete_title", "adm.content.err_referenced",
		             db_str(&row, 0, EE_TITLE), arena_printf(a, "/admin/events/%lld", id));
		return;
	}
	if (rc == DB_OK)
		rc = audit_staff(c, "event_delete", "event", arena_printf(a, "%lld", id),
		                 arena_printf(a, "deleted (%s): %s", db_str(&row, 0, EE_STATUS),
		                              db_str(&row, 0, EE_TITLE)));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	admin_redirect(c, "/admin/events?done=deleted");
}

static const struct edit_kind kind = {
	"event", "/admin/events", db_adm_event_get, EE_TITLE, "adm.events.err_missing", rev_labels,
};

void adm_events_revisions(struct ctx *c)
{
	edit_revisions(c, &kind);
}

void adm_events_diff(struct ctx *c)
{
	edit_diff(c, &kind);
}

/* ---- the list ---------------------------------------------------------- */

static const char *const whens[] = { "upcoming", "past", "all", NULL };

void adm_events_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *when = req_query(c->r, "when");
	const char *status = req_query(c->r, "status");
	const char *q = req_query(c->r, "q");
	/* The cursor: "after" in the upcoming list (starting order), "before"
	 * in the others (newest first). */
	const char *cursor = req_query(c->r, "at");
	const char *cur_at = NULL;
	long long cur_id = 0;
	if (when == NULL || *when == '\0')
		when = "upcoming";
	int scode = edit_status_code(status);
	q = q ? text_trim(a, q) : "";
	if (!valid_choice(when, whens) || scode < 0 || !valid_text(q, 0, 200, 0) ||
	    (cursor != NULL && !valid_cursor(a, cursor, &cur_at, &cur_id))) {
		page_error(c, 400, "adm.content.err_filter");
		return;
	}
	int w = strcmp(when, "upcoming") == 0 ? 1 : strcmp(when, "past") == 0 ? 2 : 0;
	struct db_res res;
	int rc = db_adm_events_page(a, w, scode, edit_like(a, q), cur_at, cur_id,
	                            LIST_ROWS + 1, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.events.title"), "admin/events_list.tpl", &top);
	static const char *const notices[] = { "deleted", "adm.content.done_deleted", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "Q", q);
	for (size_t i = 0; whens[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "WHEN");
		tmpl_set(o, "V", whens[i]);
		tmpl_set(o, "LABEL", T(c, arena_printf(a, "adm.events.w_%s", whens[i])));
		if (strcmp(when, whens[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; edit_statuses[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "STATUS");
		tmpl_set(o, "V", edit_statuses[i]);
		tmpl_set(o, "LABEL", T(c, arena_printf(a, "adm.content.s_%s", edit_statuses[i])));
		if ((int)i + 1 == scode)
			tmpl_show(o, "SELECTED");
	}
	size_t n = res.nrows > LIST_ROWS ? LIST_ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < n; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/events/%s", c->lp,
			                                db_str(&res, i, EL_ID)));
			tmpl_set(r, "TITLE", db_str(&res, i, EL_TITLE));
			tmpl_set(r, "PLACE", db_str(&res, i, EL_PLACE));
			tmpl_set(r, "STARTS", admin_time(c, db_str(&res, i, EL_STARTS)));
			const char *st = edit_state(db_str(&res, i, EL_STATUS),
			                            (int)db_ll(&res, i, EL_FUTURE));
			tmpl_set(r, "STATUS", strcmp(st, "scheduled") == 0
			         ? arena_printf(a, "%s %s", T(c, "adm.content.state_scheduled"),
			                        admin_time(c, db_str(&res, i, EL_PUBLISH)))
			         : T(c, arena_printf(a, "adm.content.s_%s", st)));
			if (db_ll(&res, i, EL_HAS_EN))
				tmpl_show(r, "EN");
		}
	}
	if (res.nrows > LIST_ROWS) {
		const char *qs = arena_printf(a, "when=%s&", when);
		if (scode)
			qs = arena_printf(a, "%sstatus=%s&", qs, edit_statuses[scode - 1]);
		if (*q)
			qs = arena_printf(a, "%sq=%s&", qs, text_percent_encode(a, q));
		tmpl_set(tmpl_add(d, "MORE"), "URL",
		         arena_printf(a, "%s/admin/events?%sat=%s-%s", c->lp, qs,
		                      db_str(&res, LIST_ROWS - 1, EL_CURSOR),
		                      db_str(&res, LIST_ROWS - 1, EL_ID)));
	}
	admin_render(c, top);
}
