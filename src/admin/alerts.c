/*
 * alerts.c (admin) - editing the site-wide alert banner (admin/alerts.h).
 *
 * An alert shows on every public page from its start to its end
 * (view/layout.c checks the times on each request; site/shared.c keeps
 * the rows SITE_ALERT_TTL seconds per worker).  A start to come schedules
 * it; "end now" unpublishes it.  Like news.c: a declared form for create
 * and edit with a preview rendered on the server, a revision and the
 * audit row in the saving transaction, the version the form was opened
 * at, a creating form's token stored with the alert.
 */
#include "admin/alerts.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/db_alerts.h"
#include "admin/editing.h"
#include "admin/revision.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/civil.h"
#include "core/text.h"
#include "db/db.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "site/shared.h"
#include "view/layout.h"

#define LIST_ROWS 50

enum { F_SEVERITY, F_MESSAGE, F_MESSAGE_EN, F_STARTS, F_ENDS, F_VERSION, F__N };

static const char *const severities[] = { "info", "warning", "critical", NULL };
static const char *const severity_labels[] = {
	"adm.alerts.sev_info", "adm.alerts.sev_warning", "adm.alerts.sev_critical", NULL,
};

static const struct fdef fields[F__N] = {
	[F_SEVERITY] = { .name = "severity", .kind = F_CHOICE, .flags = F_REQUIRED,
	                 .label = "adm.alerts.f_severity", .hint = "adm.alerts.h_severity",
	                 .err = "adm.alerts.err_severity", .choices = severities,
	                 .choice_labels = severity_labels },
	[F_MESSAGE] = { .name = "message", .kind = F_TEXTAREA, .flags = F_REQUIRED | F_PAIR,
	                .max = 500, .rows = 3, .label = "adm.alerts.f_message",
	                .hint = "adm.alerts.h_message", .err = "adm.alerts.err_message" },
	[F_MESSAGE_EN] = { .name = "message_en", .kind = F_TEXTAREA, .max = 500, .rows = 3,
	                   .label = "adm.alerts.f_message_en", .err = "adm.alerts.err_message" },
	[F_STARTS] = { .name = "starts_at", .kind = F_DATETIME, .flags = F_PAIR,
	               .label = "adm.alerts.f_starts", .hint = "adm.alerts.h_starts",
	               .err = "adm.content.err_datetime" },
	[F_ENDS] = { .name = "ends_at", .kind = F_DATETIME, .flags = F_REQUIRED,
	             .label = "adm.alerts.f_ends", .hint = "adm.alerts.h_ends",
	             .err = "adm.content.err_datetime", .err_missing = "adm.alerts.err_ends_missing" },
	[F_VERSION] = { .name = "version", .kind = F_HIDDEN, .max = 14,
	                .err = "adm.content.err_conflict" },
};

static const struct fbutton buttons[] = {
	{ "preview", "adm.content.b_preview", 1 },
	{ "publish", "adm.alerts.b_save", 0 },
};

static const char *const rev_labels[] = {
	"severity", "adm.alerts.f_severity", "message", "adm.alerts.f_message",
	"message_en", "adm.alerts.f_message_en", "starts_at", "adm.alerts.f_starts",
	"ends_at", "adm.alerts.f_ends", NULL,
};

static const struct form form = {
	.id = "alert", .submit = "adm.alerts.b_save", .fields = fields, .n = F__N,
	.buttons = buttons, .nbuttons = sizeof(buttons) / sizeof(buttons[0]),
};

static const char *val(const struct form_data *fd, int i)
{
	return fd->v[i].s;
}

static const struct form *form_to(struct ctx *c, const char *action)
{
	struct form *f = arena_alloc(c->r->a, sizeof(*f));
	*f = form;
	f->action = action;
	return f;
}

/* The message, shortened, to name an alert in titles and lists. */
static const char *name_of(struct arena *a, const char *message)
{
	if (text_chars(message) <= 80)
		return message;
	return arena_printf(a, "%s…", text_first_chars(a, message, 79));
}

static void fill_from_row(struct form_data *fd, const struct db_res *res)
{
	static const struct { int f; int col; } map[] = {
		{ F_SEVERITY, AE_SEVERITY }, { F_MESSAGE, AE_MESSAGE },
		{ F_MESSAGE_EN, AE_MESSAGE_EN }, { F_STARTS, AE_STARTS },
		{ F_ENDS, AE_ENDS }, { F_VERSION, AE_VERSION },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		const char *v = db_str(res, 0, map[i].col);
		fd->v[map[i].f].raw = v ? v : "";
	}
}

/* "Shown now", "Scheduled from ...", "Ended ...". */
static const char *state_text(struct ctx *c, const char *state, const char *starts,
                              const char *ends)
{
	struct arena *a = c->r->a;
	if (strcmp(state, "scheduled") == 0)
		return arena_printf(a, "%s %s", T(c, "adm.alerts.state_scheduled"), admin_time(c, starts));
	if (strcmp(state, "past") == 0)
		return arena_printf(a, "%s %s", T(c, "adm.alerts.state_past"), admin_time(c, ends));
	return arena_printf(a, "%s %s", T(c, "adm.alerts.state_current"), admin_time(c, ends));
}

static void render(struct ctx *c, struct form_data *fd, long long id,
                   const struct db_res *row, int preview)
{
	struct arena *a = c->r->a;
	const char *title = id ? T(c, "adm.alerts.edit_title") : T(c, "adm.alerts.new_title");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, title), "admin/content_edit.tpl", &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "FORM_LABEL", T(c, "adm.alerts.form"));
	static const char *const notices[] = {
		"current", "adm.alerts.done_current", "scheduled", "adm.alerts.done_scheduled",
		"past", "adm.alerts.done_past", "ended", "adm.alerts.done_ended", NULL };
	admin_notice(c, d, notices);
	if (id && row != NULL) {
		tmpl_dict *s = tmpl_add(d, "ITEM");
		tmpl_set(s, "BASE", arena_printf(a, "%s/admin/alerts/%lld", c->lp, id));
		const char *st = db_str(row, 0, AE_STATE);
		tmpl_set(s, "STATE", state_text(c, st, db_str(row, 0, AE_STARTS_DT),
		                                db_str(row, 0, AE_ENDS_DT)));
		if (strcmp(st, "past") != 0)
			tmpl_set(tmpl_add(d, "END_NOW"), "ACTION",
			         arena_printf(a, "%s/admin/alerts/%lld/end", c->lp, id));
	}
	if (preview) {
		tmpl_dict *p = tmpl_add(tmpl_add(d, "PREVIEW"), "BANNER");
		int en = c->lang == LANG_EN && val(fd, F_MESSAGE_EN) != NULL;
		tmpl_set(p, "SEVERITY", val(fd, F_SEVERITY));
		tmpl_set(p, "MESSAGE", en ? val(fd, F_MESSAGE_EN) : val(fd, F_MESSAGE));
		char now[20];
		civil_now_text(now);
		tmpl_set(p, "ISSUED", page_date(c, val(fd, F_STARTS) ? val(fd, F_STARTS) : now, 1));
		tmpl_set(p, "UNTIL", page_date(c, val(fd, F_ENDS), 1));
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_alerts_new(struct ctx *c)
{
	struct form_data fd;
	form_new(c, form_to(c, "/admin/alerts/new"), &fd);
	form_set(&fd, "severity", "warning");
	render(c, &fd, 0, NULL, 0);
}

static const struct db_res *load(struct ctx *c, long long id)
{
	return edit_load(c, db_adm_alert_get, id, 0, "adm.alerts.err_missing");
}

void adm_alerts_edit(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c), r;
	const struct db_res *row = load(c, id);
	if (row == NULL || !edit_revision(c, &r))
		return;
	struct form_data fd;
	form_new(c, form_to(c, r ? arena_printf(a, "/admin/alerts/%lld?restored=%lld", id, r)
	                          : arena_printf(a, "/admin/alerts/%lld", id)), &fd);
	fill_from_row(&fd, row);
	if (r && !edit_restore(c, "alert", id, r, &fd, "adm.content.restoring"))
		return;
	render(c, &fd, id, row, 0);
}

static const char *summary_of(struct arena *a, const struct db_res *old,
                              const struct adm_alert *al)
{
	if (old == NULL)
		return arena_printf(a, "created (%s, %s → %s): %s", al->severity,
		                    al->starts_at, al->ends_at, al->message);
	const char *out = "";
	static const struct { int col; const char *name; } cols[] = {
		{ AE_SEVERITY, "severity" }, { AE_STARTS_DT, "starts_at" }, { AE_ENDS_DT, "ends_at" },
	};
	const char *vals[] = { al->severity, al->starts_at, al->ends_at };
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const char *o = db_str(old, 0, cols[i].col);
		if (strcmp(o ? o : "", vals[i]) != 0)
			out = arena_printf(a, "%s%s %s → %s; ", out, cols[i].name, o ? o : "", vals[i]);
	}
	const char *o = db_str(old, 0, AE_MESSAGE_EN);
	if (strcmp(o ? o : "", al->message_en ? al->message_en : "") != 0)
		out = arena_printf(a, "%smessage_en changed; ", out);
	if (strcmp(db_str(old, 0, AE_MESSAGE), al->message) != 0)
		out = arena_printf(a, "%smessage \"%s\" → \"%s\"; ", out,
		                   db_str(old, 0, AE_MESSAGE), al->message);
	return *out ? out : "saved without changes";
}

static void save(struct ctx *c, long long id)
{
	struct arena *a = c->r->a;
	const struct form *f = form_to(c, id ? edit_action(c, arena_printf(a, "/admin/alerts/%lld", id))
	                                     : "/admin/alerts/new");
	const struct db_res *row = NULL;
	if (id && (row = load(c, id)) == NULL)
		return;
	struct form_data fd;
	form_parse(c, f, &fd);
	char now[20];
	civil_now_text(now);
	const char *starts = val(&fd, F_STARTS) ? val(&fd, F_STARTS) : arena_strdup(a, now);
	if (fd.v[F_STARTS].err == NULL && val(&fd, F_ENDS)) {
		if (strcmp(val(&fd, F_ENDS), starts) <= 0)
			form_error(&fd, "ends_at", "adm.alerts.err_ends");
		else if (!id && strcmp(val(&fd, F_ENDS), now) <= 0)
			form_error(&fd, "ends_at", "adm.alerts.err_ends_past");
	}
	const char *action = form_action(c, f);
	if (action == NULL)
		action = "publish";
	if (fd.nerr || fd.token_bad || strcmp(action, "preview") == 0) {
		int preview = strcmp(action, "preview") == 0 && fd.nerr == 0;
		c->res->status = preview ? 200 : 422;
		render(c, &fd, id, row, preview);
		return;
	}
	struct adm_alert al = {
		.severity = val(&fd, F_SEVERITY), .message = val(&fd, F_MESSAGE),
		.message_en = val(&fd, F_MESSAGE_EN), .starts_at = starts,
		.ends_at = val(&fd, F_ENDS), .user_id = c->staff->id,
	};
	int rc = db_begin();
	struct db_res *cur = NULL;
	if (rc == DB_OK && id) {
		cur = arena_alloc(a, sizeof(*cur));
		rc = db_adm_alert_get(a, id, 1, cur);
		if (rc == DB_OK && cur->nrows == 0)
			rc = DB_ERR;
		if (rc == DB_OK && strcmp(fd.v[F_VERSION].raw, db_str(cur, 0, AE_VERSION)) != 0) {
			db_rollback();
			form_set(&fd, "version", db_str(cur, 0, AE_VERSION));
			fd.err = "adm.content.err_conflict";
			c->res->status = 409;
			render(c, &fd, id, cur, 0);
			return;
		}
	}
	int dup = 0;
	if (rc == DB_OK && id)
		rc = db_adm_alert_update(a, id, &al);
	else if (rc == DB_OK) {
		rc = db_adm_alert_insert(a, &al, fd.token, &id);
		if (rc == DB_DUP && id) {
			dup = 1;
			rc = DB_OK;
		}
	}
	if (rc == DB_OK && !dup) {
		struct rev_field rf[] = {
			{ "severity", al.severity }, { "message", al.message },
			/* An empty start is "now": the time it got. */
			{ "message_en", al.message_en },
			{ "starts_at", arena_printf(a, "%.10sT%.5s", starts, starts + 11) },
			{ "ends_at", fd.v[F_ENDS].raw },
		};
		rc = revision_save(c, "alert", id, edit_restored_note(c), rf,
		                   sizeof(rf) / sizeof(rf[0]));
		if (rc == DB_OK)
			rc = audit_staff(c, cur ? "alert_update" : "alert_create", "alert",
			                 arena_printf(a, "%lld", id), summary_of(a, cur, &al));
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	const char *done = strcmp(al.starts_at, now) > 0 ? "scheduled"
	                 : strcmp(al.ends_at, now) <= 0 ? "past" : "current";
	admin_redirect(c, arena_printf(a, "/admin/alerts/%lld?done=%s", id, done));
}

void adm_alerts_create(struct ctx *c)
{
	save(c, 0);
}

void adm_alerts_save(struct ctx *c)
{
	save(c, edit_id(c));
}

void adm_alerts_end(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	struct db_res row;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_adm_alert_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.alerts.err_missing");
		return;
	}
	/* Ended already: nothing to do, the same answer. */
	int ended = rc == DB_OK && strcmp(db_str(&row, 0, AE_STATE), "past") == 0;
	struct db_res now;
	if (rc == DB_OK && !ended)
		rc = db_adm_alert_end(a, id, c->staff->id);
	if (rc == DB_OK && !ended)
		rc = db_adm_alert_get(a, id, 1, &now);
	if (rc == DB_OK && !ended) {
		struct rev_field rf[] = {
			{ "severity", db_str(&now, 0, AE_SEVERITY) },
			{ "message", db_str(&now, 0, AE_MESSAGE) },
			{ "message_en", db_str(&now, 0, AE_MESSAGE_EN) },
			{ "starts_at", db_str(&now, 0, AE_STARTS) },
			{ "ends_at", db_str(&now, 0, AE_ENDS) },
		};
		rc = revision_save(c, "alert", id, "ended now", rf, sizeof(rf) / sizeof(rf[0]));
		if (rc == DB_OK)
			rc = audit_staff(c, "alert_end", "alert", arena_printf(a, "%lld", id),
			                 arena_printf(a, "ended now (was %s, until %s): %s",
			                              db_str(&row, 0, AE_STATE),
			                              db_str(&row, 0, AE_ENDS_DT),
			                              db_str(&row, 0, AE_MESSAGE)));
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	admin_redirect(c, arena_printf(a, "/admin/alerts/%lld?done=ended", id));
}

void adm_alerts_delete_ask(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	const struct db_res *row = load(c, id);
	if (row == NULL)
		return;
	edit_confirm(c, "adm.alerts.delete_title", "adm.alerts.delete_question",
	             name_of(a, db_str(row, 0, AE_MESSAGE)),
	             arena_printf(a, "/admin/alerts/%lld/delete", id),
	             arena_printf(a, "/admin/alerts/%lld", id));
}

void adm_alerts_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	struct db_res row;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_adm_alert_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.alerts.err_missing");
		return;
	}
	if (rc == DB_OK)
		rc = db_adm_alert_delete(a, id);
	if (rc == DB_OK)
		rc = audit_staff(c, "alert_delete", "alert", arena_printf(a, "%lld", id),
		                 arena_printf(a, "deleted (%s, %s → %s): %s",
		                              db_str(&row, 0, AE_SEVERITY),
		                              db_str(&row, 0, AE_STARTS_DT),
		                              db_str(&row, 0, AE_ENDS_DT),
		                              db_str(&row, 0, AE_MESSAGE)));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	admin_redirect(c, "/admin/alerts?done=deleted");
}

static const struct edit_kind kind = {
	"alert", "/admin/alerts", db_adm_alert_get, AE_MESSAGE, "adm.alerts.err_missing", rev_labels,
};

void adm_alerts_revisions(struct ctx *c)
{
	edit_revisions(c, &kind);
}

void adm_alerts_diff(struct ctx *c)
{
	edit_diff(c, &kind);
}

/* ---- the list: current, scheduled, past ---------------------------------- */

static const char *const states[] = { "current", "scheduled", "past", NULL };

void adm_alerts_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *state = req_query(c->r, "state");
	const char *q = req_query(c->r, "q");
	const char *before = req_query(c->r, "before");
	const char *cur_at = NULL;
	long long cur_id = 0;
	if (state == NULL)
		state = "";
	q = q ? text_trim(a, q) : "";
	if ((*state && !valid_choice(state, states)) || !valid_text(q, 0, 200, 0) ||
	    (before != NULL && !valid_cursor(a, before, &cur_at, &cur_id))) {
		page_error(c, 400, "adm.content.err_filter");
		return;
	}
	struct db_res res;
	int rc = db_adm_alerts_page(a, state, edit_like(a, q), cur_at, cur_id,
	                            LIST_ROWS + 1, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.alerts.title"), "admin/alerts_list.tpl", &top);
	static const char *const notices[] = { "deleted", "adm.alerts.done_deleted", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "Q", q);
	for (size_t i = 0; states[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "STATE");
		tmpl_set(o, "V", states[i]);
		tmpl_set(o, "LABEL", T(c, arena_printf(a, "adm.alerts.s_%s", states[i])));
		if (strcmp(state, states[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	size_t n = res.nrows > LIST_ROWS ? LIST_ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	/* One table per state, in this order; rows keep the list's order. */
	for (size_t s = 0; states[s]; s++) {
		tmpl_dict *sec = NULL;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(db_str(&res, i, AL_STATE), states[s]) != 0)
				continue;
			if (sec == NULL) {
				sec = tmpl_add(d, "SECTION");
				tmpl_set(sec, "ID", states[s]);
				tmpl_set(sec, "HEADING", T(c, arena_printf(a, "adm.alerts.sec_%s", states[s])));
			}
			tmpl_dict *r = tmpl_add(sec, "ROW");
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/alerts/%s", c->lp,
			                                db_str(&res, i, AL_ID)));
			tmpl_set(r, "MESSAGE", name_of(a, db_str(&res, i, AL_MESSAGE)));
			tmpl_set(r, "SEVERITY", T(c, arena_printf(a, "adm.alerts.sev_%s",
			                                          db_str(&res, i, AL_SEVERITY))));
			tmpl_set(r, "STARTS", admin_time(c, db_str(&res, i, AL_STARTS)));
			tmpl_set(r, "ENDS", admin_time(c, db_str(&res, i, AL_ENDS)));
			if (db_ll(&res, i, AL_HAS_EN))
				tmpl_show(r, "EN");
		}
	}
	if (res.nrows > LIST_ROWS) {
		const char *qs = "";
		if (*state)
			qs = arena_printf(a, "state=%s&", state);
		if (*q)
			qs = arena_printf(a, "%sq=%s&", qs, text_percent_encode(a, q));
		tmpl_set(tmpl_add(d, "OLDER"), "URL",
		         arena_printf(a, "%s/admin/alerts?%sbefore=%s-%s", c->lp, qs,
		                      db_str(&res, LIST_ROWS - 1, AL_CURSOR),
		                      db_str(&res, LIST_ROWS - 1, AL_ID)));
	}
	admin_render(c, top);
}
