/*
 * request.c (admin) - one citizens' request for staff (admin/requests.h):
 * everything about it, personal data included, its photos and extra
 * answers, its full history; the one form that handles it (status, a
 * public reply, an internal note, department, assignee, category,
 * priority), and hiding the description or a photo from the public.
 *
 * The form is declared (http/form.h) and built per request: its choices
 * are rows (departments, categories, the assignees of the request's
 * department, the response templates).  Its "insert" button fills the
 * public reply from a template with the request's fields, in the
 * request's language, and shows the form again: no JavaScript.  Saving is
 * one transaction on the request's locked row: the version the form was
 * opened at (updated_at and the last history row) must still be the
 * row's, else 409 with the form as typed; a public change is written by
 * db_rq_adm_publish (the place its mail belongs), every other change is a
 * staff-only history row with its change_note.
 */
#include "admin/requests.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/audit.h"
#include "admin/db_rq_templates.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/text.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "requests/submit.h"
#include "view/layout.h"

#define NONE "—"

/* What the form is built from. */
struct rq_page {
	struct db_res req, cats, depts, users, tpls;
	const char **cat_ids, **cat_names, **dept_ids, **dept_names;
	const char **user_ids, **user_names, **tpl_ids, **tpl_names;
};

static const char *const set_statuses[] = {
	"acknowledged", "in_progress", "scheduled", "resolved", "rejected",
	"duplicate", "not_ours", "reopened", NULL,
};
static const char *const set_labels[] = {
	"rq.s_acknowledged", "rq.s_in_progress", "rq.s_scheduled", "rq.s_resolved",
	"rq.s_rejected", "rq.s_duplicate", "rq.s_not_ours", "rq.s_reopened",
};
static const char *const prio_v[] = { "1", "2", "3", NULL };
static const char *const prio_l[] = { "adm.rq.p_1", "adm.rq.p_2", "adm.rq.p_3" };

static const struct fbutton buttons[] = {
	{ "save", "adm.rq.b_save", 0 },
	{ "insert", "adm.rq.b_insert", 1 },
};

static int is_closed(const char *s)
{
	return strcmp(s, "resolved") == 0 || strcmp(s, "rejected") == 0 ||
	       strcmp(s, "duplicate") == 0 || strcmp(s, "not_ours") == 0;
}

static const char *or_none(const char *s)
{
	return s != NULL && *s ? s : NONE;
}

/* Column col of res's rows as a NULL-terminated list, and names from
 * (el, en) in the request's language. */
static void choice_lists(struct ctx *c, const struct db_res *res, int idc, int el, int en,
                         const char ***ids, const char ***names)
{
	struct arena *a = c->r->a;
	*ids = arena_alloc(a, (res->nrows + 1) * sizeof(**ids));
	*names = arena_alloc(a, (res->nrows + 1) * sizeof(**names));
	for (size_t i = 0; i < res->nrows; i++) {
		(*ids)[i] = db_str(res, i, idc);
		(*names)[i] = en >= 0 ? page_pick(c, db_str(res, i, el), db_str(res, i, en), NULL)
		                      : db_str(res, i, el);
	}
	(*ids)[res->nrows] = (*names)[res->nrows] = NULL;
}

/* The request of the route within the caller's scope, and the rows its
 * form needs.  1, or 0 when answered (404, database). */
static int load(struct ctx *c, struct rq_page *p)
{
	struct arena *a = c->r->a;
	const char *code = c->r->cap[0];
	struct rq_scope s = rq_scope_of(c);
	if (!rq_code_ok(code)) {
		page_error(c, 404, "adm.rq.err_missing");
		return 0;
	}
	int rc = db_rq_adm_get(a, &s, code, 0, &p->req);
	if (rc == DB_OK && p->req.nrows == 0) {
		page_error(c, 404, "adm.rq.err_missing");
		return 0;
	}
	if (rc == DB_OK)
		rc = db_rq_adm_categories(a, &p->cats);
	if (rc == DB_OK)
		rc = db_rq_adm_departments(a, &p->depts);
	if (rc == DB_OK)
		rc = db_rq_adm_assignees(a, db_ll(&p->req, 0, RA2_DEPT_ID), &p->users);
	if (rc == DB_OK)
		rc = db_rq_templates(a, &p->tpls);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	choice_lists(c, &p->cats, RK_ID, RK_NAME, RK_NAME_EN, &p->cat_ids, &p->cat_names);
	choice_lists(c, &p->depts, RD_ID, RD_NAME, RD_NAME_EN, &p->dept_ids, &p->dept_names);
	choice_lists(c, &p->users, RU_ID, RU_NAME, -1, &p->user_ids, &p->user_names);
	choice_lists(c, &p->tpls, RT_ID, RT_TITLE, -1, &p->tpl_ids, &p->tpl_names);
	return 1;
}

enum { X_VERSION, X_STATUS, X_DUP, X_TEMPLATE, X_REPLY, X_NOTE, X_DEPT, X_ASSIGNEE,
       X_CATEGORY, X_PRIORITY, X__N };

static void build_form(struct ctx *c, const struct rq_page *p, struct form *f)
{
	struct arena *a = c->r->a;
	struct fdef *x = arena_calloc(a, X__N * sizeof(*x));
	x[X_VERSION] = (struct fdef){ .name = "version", .kind = F_HIDDEN, .max = 40,
	    .err = "adm.rq.err_conflict" };
	x[X_STATUS] = (struct fdef){ .name = "status", .kind = F_CHOICE,
	    .label = "adm.rq.f_status", .hint = "adm.rq.h_status", .err = "adm.rq.err_status",
	    .choices = set_statuses, .choice_labels = set_labels };
	x[X_DUP] = (struct fdef){ .name = "duplicate_of", .kind = F_TEXT, .flags = F_NUMERIC,
	    .max = 11, .label = "adm.rq.f_duplicate", .hint = "adm.rq.h_duplicate",
	    .err = "adm.rq.err_duplicate" };
	x[X_TEMPLATE] = (struct fdef){ .name = "template", .kind = F_CHOICE,
	    .label = "adm.rq.f_template", .hint = "adm.rq.h_template",
	    .err = "adm.rq.err_template", .choices = p->tpl_ids, .choice_text = p->tpl_names };
	x[X_REPLY] = (struct fdef){ .name = "reply", .kind = F_TEXTAREA, .max = 4000,
	    .rows = 6, .label = "adm.rq.f_reply", .hint = "adm.rq.h_reply",
	    .err = "adm.rq.err_reply" };
	x[X_NOTE] = (struct fdef){ .name = "note", .kind = F_TEXTAREA, .max = 4000,
	    .rows = 4, .label = "adm.rq.f_note", .hint = "adm.rq.h_note",
	    .err = "adm.rq.err_note" };
	x[X_DEPT] = (struct fdef){ .name = "department", .kind = F_CHOICE,
	    .label = "adm.rq.f_department", .err = "adm.rq.err_department",
	    .choices = p->dept_ids, .choice_text = p->dept_names };
	x[X_ASSIGNEE] = (struct fdef){ .name = "assignee", .kind = F_CHOICE,
	    .label = "adm.rq.f_assignee", .hint = "adm.rq.h_assignee",
	    .err = "adm.rq.err_assignee", .choices = p->user_ids, .choice_text = p->user_names };
	x[X_CATEGORY] = (struct fdef){ .name = "category", .kind = F_CHOICE,
	    .flags = F_REQUIRED, .label = "adm.rq.f_category", .hint = "adm.rq.h_category",
	    .err = "adm.rq.err_category", .choices = p->cat_ids, .choice_text = p->cat_names };
	x[X_PRIORITY] = (struct fdef){ .name = "priority", .kind = F_CHOICE,
	    .flags = F_REQUIRED, .label = "adm.rq.f_priority", .err = "adm.rq.err_priority",
	    .choices = prio_v, .choice_labels = prio_l };
	*f = (struct form){
		.id = "request", .submit = "adm.rq.b_save",
		.action = arena_printf(a, "/admin/requests/%s", db_str(&p->req, 0, RA2_CODE)),
		.fields = x, .n = X__N, .buttons = buttons,
		.nbuttons = sizeof(buttons) / sizeof(buttons[0]),
	};
}

static const char *raw_or_empty(const char *s)
{
	return s ? s : "";
}

/* The form as the row says (nothing typed yet). */
static void prefill(struct form_data *fd, const struct db_res *r)
{
	fd->v[X_VERSION].raw = db_str(r, 0, RA2_VERSION);
	fd->v[X_DEPT].raw = raw_or_empty(db_str(r, 0, RA2_DEPT_ID));
	fd->v[X_ASSIGNEE].raw = raw_or_empty(db_str(r, 0, RA2_ASSIGNEE_ID));
	fd->v[X_CATEGORY].raw = db_str(r, 0, RA2_CAT_ID);
	fd->v[X_PRIORITY].raw = db_str(r, 0, RA2_PRIORITY);
}

static void set_fact(tmpl_dict *d, const char *label, const char *value)
{
	tmpl_dict *f = tmpl_add(d, "FACT");
	tmpl_set(f, "LABEL", label);
	tmpl_set(f, "VALUE", value);
}

static void render(struct ctx *c, struct rq_page *p, struct form_data *fd)
{
	struct arena *a = c->r->a;
	const struct db_res *r = &p->req;
	const char *code = db_str(r, 0, RA2_CODE);
	long long id = db_ll(r, 0, RA2_ID);
	struct db_res ev, ans, ph;
	int rc = db_rq_adm_events(a, id, &ev);
	if (rc == DB_OK)
		rc = db_rq_adm_answers(a, id, &ans);
	if (rc == DB_OK)
		rc = db_rq_adm_photos(a, id, &ph);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *title = arena_printf(a, "%s %s", T(c, "adm.rq.one_title"), code);
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, title), "admin/requests_show.tpl", &top);
	tmpl_set(d, "HEADING", title);
	static const char *const notices[] = {
		"saved", "adm.rq.done_saved", "hidden", "adm.rq.done_hidden",
		"shown", "adm.rq.done_shown", NULL,
	};
	admin_notice(c, d, notices);
	tmpl_set(d, "CODE", code);
	tmpl_set(d, "PUBLIC_URL", arena_printf(a, "%s/requests/%s", c->lp, code));
	tmpl_set(d, "BASE", arena_printf(a, "%s/admin/requests/%s", c->lp, code));
	tmpl_set(d, "CSRF", c->staff->csrf);
	const char *status = db_str(r, 0, RA2_STATUS);
	set_fact(d, T(c, "adm.rq.c_status"), T(c, rq_status_key(a, status)));
	set_fact(d, T(c, "adm.rq.protocol"), arena_printf(a, "%s/%s", db_str(r, 0, RA2_PROTOCOL),
	                                                  db_str(r, 0, RA2_YEAR)));
	set_fact(d, T(c, "adm.rq.c_category"), page_pick(c, db_str(r, 0, RA2_CAT),
	                                                 db_str(r, 0, RA2_CAT_EN), NULL));
	set_fact(d, T(c, "adm.rq.c_department"),
	         or_none(page_pick(c, db_str(r, 0, RA2_DEPT), db_str(r, 0, RA2_DEPT_EN), NULL)));
	set_fact(d, T(c, "adm.rq.c_area"),
	         or_none(page_pick(c, db_str(r, 0, RA2_AREA), db_str(r, 0, RA2_AREA_EN), NULL)));
	set_fact(d, T(c, "adm.rq.address"), db_str(r, 0, RA2_ADDRESS));
	const char *lat = db_str(r, 0, RA2_LAT);
	if (lat != NULL) {
		tmpl_dict *pt = tmpl_add(d, "POINT");
		tmpl_set(pt, "LAT", lat);
		tmpl_set(pt, "LON", db_str(r, 0, RA2_LON));
	}
	set_fact(d, T(c, "adm.rq.c_created"), admin_time(c, db_str(r, 0, RA2_CREATED)));
	const char *due = rq_day(c, db_str(r, 0, RA2_DUE));
	set_fact(d, T(c, "adm.rq.c_due"), db_ll(r, 0, RA2_OVERDUE)
	         ? arena_printf(a, "%s (%s)", due, T(c, "adm.rq.overdue")) : due);
	set_fact(d, T(c, "adm.rq.c_priority"), T(c, rq_priority_key(db_ll(r, 0, RA2_PRIORITY))));
	set_fact(d, T(c, "adm.rq.c_assignee"), or_none(db_str(r, 0, RA2_ASSIGNEE)));
	set_fact(d, T(c, "adm.rq.c_channel"),
	         T(c, arena_printf(a, "adm.rq.ch_%s", db_str(r, 0, RA2_CHANNEL))));
	if (db_str(r, 0, RA2_CREATED_BY))
		set_fact(d, T(c, "adm.rq.created_by"), db_str(r, 0, RA2_CREATED_BY));
	const char *dup = db_str(r, 0, RA2_DUP_CODE);
	if (dup != NULL) {
		tmpl_dict *du = tmpl_add(d, "DUPLICATE");
		tmpl_set(du, "CODE", dup);
		tmpl_set(du, "URL", arena_printf(a, "%s/admin/requests/%s", c->lp, dup));
	}
	if (db_str(r, 0, RA2_FIRST_REPLY))
		set_fact(d, T(c, "adm.rq.first_reply"), admin_time(c, db_str(r, 0, RA2_FIRST_REPLY)));
	if (db_str(r, 0, RA2_RESOLVED))
		set_fact(d, T(c, "adm.rq.resolved"), admin_time(c, db_str(r, 0, RA2_RESOLVED)));
	if (db_str(r, 0, RA2_CONFIRMED))
		set_fact(d, T(c, "adm.rq.confirmed"), admin_time(c, db_str(r, 0, RA2_CONFIRMED)));
	/* The reporter: staff only. */
	tmpl_set(d, "NAME", or_none(db_str(r, 0, RA2_NAME)));
	const char *email = db_str(r, 0, RA2_EMAIL);
	if (email && *email)
		tmpl_set(tmpl_add(d, "EMAIL"), "V", email);
	const char *phone = db_str(r, 0, RA2_PHONE);
	if (phone && *phone) {
		tmpl_dict *pd = tmpl_add(d, "PHONE");
		tmpl_set(pd, "V", phone);
		tmpl_set(pd, "TEL", page_tel(a, phone));
	}
	tmpl_set(d, "LANG_NAME", T(c, strcmp(db_str(r, 0, RA2_LANG), "en") == 0
	                              ? "adm.rq.lang_en" : "adm.rq.lang_el"));
	tmpl_set(d, "DESCRIPTION", db_str(r, 0, RA2_DESCRIPTION));
	tmpl_show(d, db_ll(r, 0, RA2_DESC_HIDDEN) ? "DESC_HIDDEN" : "DESC_SHOWN");
	if (ans.nrows) {
		tmpl_dict *ad = tmpl_add(d, "ANSWERS");
		for (size_t i = 0; i < ans.nrows; i++) {
			tmpl_dict *x = tmpl_add(ad, "ANSWER");
			tmpl_set(x, "LABEL", page_pick(c, db_str(&ans, i, RNA_LABEL),
			                               db_str(&ans, i, RNA_LABEL_EN), NULL));
			tmpl_set(x, "VALUE", db_str(&ans, i, RNA_VALUE));
		}
	}
	if (ph.nrows) {
		tmpl_dict *pd = tmpl_add(d, "PHOTOS");
		for (size_t i = 0; i < ph.nrows; i++) {
			tmpl_dict *x = tmpl_add(pd, "PHOTO");
			tmpl_set(x, "POS", db_str(&ph, i, RPA_POS));
			const char *file = db_str(&ph, i, RPA_FILE);
			if (file)
				tmpl_set(tmpl_add(x, "IMG"), "SRC", arena_printf(a, "/media/%s", file));
			tmpl_set(x, "ALT", or_none(db_str(&ph, i, RPA_ALT)));
			tmpl_show(x, db_ll(&ph, i, RPA_HIDDEN) ? "HIDDEN" : "SHOWN");
		}
	}
	for (size_t i = 0; i < ev.nrows; i++) {
		tmpl_dict *x = tmpl_add(d, "EVENT");
		tmpl_set(x, "AT", admin_time(c, db_str(&ev, i, RV_AT)));
		tmpl_set(x, "AT_ISO", page_date_iso(a, db_str(&ev, i, RV_AT)));
		const char *src = db_str(&ev, i, RV_SOURCE);
		const char *who = db_str(&ev, i, RV_USER);
		const char *to = db_str(&ev, i, RV_TO), *from = db_str(&ev, i, RV_FROM);
		/* The first row, written by the public form, names nobody. */
		if (who == NULL && from == NULL && to != NULL && strcmp(to, "submitted") == 0)
			src = "reporter";
		tmpl_set(x, "WHO", who ? who : T(c, arena_printf(a, "adm.rq.src_%s", src)));
		if (to != NULL)
			tmpl_set(tmpl_add(x, "STATUS"), "TEXT", from
			         ? arena_printf(a, "%s → %s", T(c, rq_status_key(a, from)),
			                        T(c, rq_status_key(a, to)))
			         : T(c, rq_status_key(a, to)));
		if (db_str(&ev, i, RV_REPLY))
			tmpl_set(tmpl_add(x, "REPLY"), "TEXT", db_str(&ev, i, RV_REPLY));
		if (db_str(&ev, i, RV_NOTE))
			tmpl_set(tmpl_add(x, "NOTE"), "TEXT", db_str(&ev, i, RV_NOTE));
		if (db_str(&ev, i, RV_CHANGE))
			tmpl_set(tmpl_add(x, "CHANGE"), "TEXT", db_str(&ev, i, RV_CHANGE));
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_rq_show(struct ctx *c)
{
	struct rq_page p;
	if (!load(c, &p))
		return;
	struct form f;
	struct form_data fd;
	build_form(c, &p, &f);
	form_new(c, &f, &fd);
	prefill(&fd, &p.req);
	render(c, &p, &fd);
}

/* ---- inserting a template ---------------------------------------------------- */

/* body with {code}, {category}, {address}, {due_date}, {department}
 * replaced by the request's, in its language. */
static const char *substitute(struct ctx *c, const struct db_res *r, const char *body)
{
	struct arena *a = c->r->a;
	int en = strcmp(db_str(r, 0, RA2_LANG), "en") == 0;
	const char *cat_en = db_str(r, 0, RA2_CAT_EN), *dept_en = db_str(r, 0, RA2_DEPT_EN);
	const char *dept = en && dept_en && *dept_en ? dept_en : db_str(r, 0, RA2_DEPT);
	const struct { const char *key, *val; } subs[] = {
		{ "{code}", db_str(r, 0, RA2_CODE) },
		{ "{category}", en && cat_en && *cat_en ? cat_en : db_str(r, 0, RA2_CAT) },
		{ "{address}", db_str(r, 0, RA2_ADDRESS) },
		{ "{due_date}", rq_day(c, db_str(r, 0, RA2_DUE)) },
		{ "{department}", or_none(dept) },
	};
	struct buf b;
	buf_init(&b, strlen(body) + 256);
	for (const char *s = body; *s;) {
		size_t k = 0, n = sizeof(subs) / sizeof(subs[0]);
		for (; k < n; k++)
			if (strncmp(s, subs[k].key, strlen(subs[k].key)) == 0)
				break;
		if (k < n) {
			buf_adds(&b, subs[k].val ? subs[k].val : "");
			s += strlen(subs[k].key);
		} else
			buf_addc(&b, *s++);
	}
	char *out = arena_strdup(a, b.p);
	buf_free(&b);
	return out;
}

static void insert_template(struct ctx *c, struct rq_page *p, struct form_data *fd)
{
	const struct fval *t = &fd->v[X_TEMPLATE];
	if (t->s == NULL) {
		form_error(fd, "template", "adm.rq.err_template");
		c->res->status = 422;
		render(c, p, fd);
		return;
	}
	for (size_t i = 0; i < p->tpls.nrows; i++) {
		if (strcmp(db_str(&p->tpls, i, RT_ID), t->s) != 0)
			continue;
		int en = strcmp(db_str(&p->req, 0, RA2_LANG), "en") == 0;
		const char *body = db_str(&p->tpls, i, en ? RT_BODY_EN : RT_BODY);
		if (body == NULL || *body == '\0')
			body = db_str(&p->tpls, i, RT_BODY);
		const char *text = substitute(c, &p->req, body);
		const char *typed = fd->v[X_REPLY].raw;
		form_set(fd, "reply", *typed ? arena_printf(c->r->a, "%s\n\n%s", typed, text) : text);
		const char *ts = db_str(&p->tpls, i, RT_STATUS);
		if (fd->v[X_STATUS].raw[0] == '\0' && ts != NULL && valid_choice(ts, set_statuses))
			form_set(fd, "status", ts);
		break;
	}
	render(c, p, fd);
}

/* ---- saving ---------------------------------------------------------------------- */

/* The name of the row of res whose column idc is id (NULL: none). */
static const char *name_in(struct ctx *c, const struct db_res *res, int idc, int el,
                           int en, const char *id)
{
	for (size_t i = 0; id != NULL && i < res->nrows; i++)
		if (strcmp(db_str(res, i, idc), id) == 0)
			return en >= 0 ? page_pick(c, db_str(res, i, el), db_str(res, i, en), NULL)
			               : db_str(res, i, el);
	return NULL;
}

static int same(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

static int row_of(const struct db_res *res, int idc, const char *id)
{
	for (size_t i = 0; id != NULL && i < res->nrows; i++)
		if (strcmp(db_str(res, i, idc), id) == 0)
			return (int)i;
	return -1;
}

/* The checks the table cannot make, before any write. */
static void check_rules(struct ctx *c, const struct rq_page *p, struct form_data *fd,
                        long long *dup_id)
{
	const char *cur = db_str(&p->req, 0, RA2_STATUS);
	const char *st = fd->v[X_STATUS].s;
	*dup_id = 0;
	if (st != NULL && strcmp(st, cur) == 0)
		st = NULL; /* the status it has: no change */
	if (st != NULL && is_closed(st) && fd->v[X_REPLY].s == NULL)
		form_error(fd, "reply", "adm.rq.err_reply_needed");
	if (st != NULL && strcmp(st, "reopened") == 0 && !is_closed(cur))
		form_error(fd, "status", "adm.rq.err_reopen");
	if (st != NULL && strcmp(st, "duplicate") == 0) {
		const char *code = fd->v[X_DUP].s;
		struct rq_scope s = rq_scope_of(c);
		if (code == NULL || !rq_code_ok(code) ||
		    strcmp(code, db_str(&p->req, 0, RA2_CODE)) == 0) {
			form_error(fd, "duplicate_of", "adm.rq.err_duplicate");
		} else if (db_rq_adm_id_of(c->r->a, &s, code, dup_id) != DB_OK || *dup_id == 0) {
			form_error(fd, "duplicate_of", "adm.rq.err_duplicate_missing");
		}
	}
}

/* The change_note lines (Greek: the history is the municipality's record). */
static const char *change(struct arena *a, const char *what, const char *from,
                          const char *to)
{
	return arena_printf(a, "%s: %s → %s", what, or_none(from), or_none(to));
}

static void conflict(struct ctx *c, struct rq_page *p, struct form_data *fd,
                     const char *version)
{
	form_set(fd, "version", version);
	fd->err = "adm.rq.err_conflict";
	c->res->status = 409;
	render(c, p, fd);
}

void adm_rq_save(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct rq_page p;
	if (!load(c, &p))
		return;
	struct form f;
	struct form_data fd;
	build_form(c, &p, &f);
	form_parse(c, &f, &fd);
	const char *action = form_action(c, &f);
	if (action != NULL && strcmp(action, "insert") == 0) {
		insert_template(c, &p, &fd);
		return;
	}
	long long dup_id = 0;
	if (fd.nerr == 0 && !fd.token_bad)
		check_rules(c, &p, &fd, &dup_id);
	const struct db_res *r = &p.req;
	const char *cur_status = db_str(r, 0, RA2_STATUS);
	const char *st = fd.v[X_STATUS].s;
	if (st != NULL && strcmp(st, cur_status) == 0)
		st = NULL;
	const char *reply = fd.v[X_REPLY].s, *note = fd.v[X_NOTE].s;
	const char *dept = fd.v[X_DEPT].s, *assignee = fd.v[X_ASSIGNEE].s;
	const char *cat = fd.v[X_CATEGORY].s, *prio = fd.v[X_PRIORITY].s;
	const char *cur_dept = db_str(r, 0, RA2_DEPT_ID), *cur_as = db_str(r, 0, RA2_ASSIGNEE_ID);
	const char *cur_cat = db_str(r, 0, RA2_CAT_ID), *cur_prio = db_str(r, 0, RA2_PRIORITY);
	if (fd.nerr == 0 && !fd.token_bad && st == NULL && reply == NULL && note == NULL &&
	    same(dept, cur_dept) && same(assignee, cur_as) && same(cat, cur_cat) &&
	    same(prio, cur_prio))
		fd.err = "adm.rq.err_nothing";
	if (fd.nerr || fd.token_bad || fd.err) {
		c->res->status = 422;
		render(c, &p, &fd);
		return;
	}
	/* Routing: a new category goes to its department unless a department
	 * is chosen in the same change; its service level gives a new due
	 * date, counted from the day the request came. */
	int cat_changed = !same(cat, cur_cat), dept_chosen = !same(dept, cur_dept);
	const char *new_dept = dept;
	const char *new_due = db_str(r, 0, RA2_DUE);
	if (cat_changed) {
		int k = row_of(&p.cats, RK_ID, cat);
		const char *cd = db_str(&p.cats, (size_t)k, RK_DEPT);
		if (!dept_chosen && cd != NULL)
			new_dept = cd;
		int y, m, dd;
		if (sscanf(db_str(r, 0, RA2_CREATED_DAY), "%d-%d-%d", &y, &m, &dd) == 3)
			new_due = requests_due_date(a, y, m, dd, (int)db_ll(&p.cats, (size_t)k, RK_SLA));
	}
	struct rq_scope s = rq_scope_of(c);
	long long id = db_ll(r, 0, RA2_ID);
	struct db_res cur;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_rq_adm_get(a, &s, db_str(r, 0, RA2_CODE), 1, &cur);
	if (rc == DB_OK && cur.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.rq.err_missing");
		return;
	}
	if (rc == DB_OK && strcmp(fd.v[X_VERSION].raw, db_str(&cur, 0, RA2_VERSION)) != 0) {
		db_rollback();
		conflict(c, &p, &fd, db_str(&cur, 0, RA2_VERSION));
		return;
	}
	/* The assignee must be one of the (new) department's. */
	const char *new_as = assignee;
	const char *as_note = NULL;
	if (rc == DB_OK && !same(new_dept, cur_dept) && new_as != NULL) {
		struct db_res ok;
		rc = db_rq_adm_assignees(a, new_dept ? atoll(new_dept) : 0, &ok);
		if (rc == DB_OK && row_of(&ok, RU_ID, new_as) < 0) {
			if (same(new_as, cur_as)) {
				new_as = NULL; /* they stay with the old department */
			} else {
				db_rollback();
				form_error(&fd, "assignee", "adm.rq.err_assignee_dept");
				c->res->status = 422;
				render(c, &p, &fd);
				return;
			}
		}
	}
	long long uid = c->staff->id;
	long long event = 0;
	if (rc == DB_OK && (st != NULL || reply != NULL))
		rc = db_rq_adm_publish(a, &s, id, cur_status, st, reply, note, dup_id, uid, &event);
	else if (rc == DB_OK && note != NULL)
		rc = db_rq_adm_event(a, id, note, NULL, uid);
	if (rc == DB_OK && !same(new_dept, cur_dept))
		rc = db_rq_adm_event(a, id, NULL, change(a, "Τμήμα", db_str(r, 0, RA2_DEPT),
		    name_in(c, &p.depts, RD_ID, RD_NAME, -1, new_dept)), uid);
	if (rc == DB_OK && !same(new_as, cur_as)) {
		struct db_res all;
		const char *to = NULL;
		if (new_as != NULL && (rc = db_rq_adm_assignees(a, new_dept ? atoll(new_dept) : 0,
		                                                &all)) == DB_OK)
			to = name_in(c, &all, RU_ID, RU_NAME, -1, new_as);
		if (new_as != NULL && to == NULL)
			to = name_in(c, &p.users, RU_ID, RU_NAME, -1, new_as);
		as_note = change(a, "Ανάθεση", db_str(r, 0, RA2_ASSIGNEE), to);
		if (rc == DB_OK)
			rc = db_rq_adm_event(a, id, NULL, as_note, uid);
	}
	if (rc == DB_OK && cat_changed)
		rc = db_rq_adm_event(a, id, NULL, arena_printf(a, "%s; %s",
		    change(a, "Κατηγορία", db_str(r, 0, RA2_CAT),
		           name_in(c, &p.cats, RK_ID, RK_NAME, -1, cat)),
		    change(a, "Προθεσμία", rq_day(c, db_str(r, 0, RA2_DUE)), rq_day(c, new_due))), uid);
	if (rc == DB_OK && !same(prio, cur_prio))
		rc = db_rq_adm_event(a, id, NULL, change(a, "Προτεραιότητα",
		    i18n_get(LANG_EL, rq_priority_key(atoll(cur_prio))),
		    i18n_get(LANG_EL, rq_priority_key(atoll(prio)))), uid);
	if (rc == DB_OK && (cat_changed || !same(new_dept, cur_dept) || !same(new_as, cur_as) ||
	                    !same(prio, cur_prio)))
		rc = db_rq_adm_route(a, &s, id, atoll(cat), new_dept ? atoll(new_dept) : 0,
		                     new_as ? atoll(new_as) : 0, atoll(prio), new_due);
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	/* A department user who sent it to another department no longer
	 * reaches it: back to their queue, which says where it went. */
	if (!s.all && (new_dept == NULL || atoll(new_dept) != s.dept)) {
		admin_redirect(c, arena_printf(a, "/admin/requests?done=moved"));
		return;
	}
	admin_redirect(c, arena_printf(a, "/admin/requests/%s?done=saved", db_str(r, 0, RA2_CODE)));
}

/* ---- hiding from the public ---------------------------------------------------------- */

void adm_rq_hide(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *code = c->r->cap[0];
	const char *target = req_form(c->r, "target");
	const char *hide = req_form(c->r, "hidden");
	struct rq_scope s = rq_scope_of(c);
	if (!rq_code_ok(code)) {
		page_error(c, 404, "adm.rq.err_missing");
		return;
	}
	long long pos = 0;
	int hidden = hide != NULL && strcmp(hide, "1") == 0;
	if (target == NULL || hide == NULL || (strcmp(hide, "1") != 0 && strcmp(hide, "0") != 0) ||
	    (strcmp(target, "description") != 0 &&
	     (strncmp(target, "photo-", 6) != 0 || !valid_int(target + 6, 1, 3, &pos)))) {
		page_error(c, 400, "adm.rq.err_visibility");
		return;
	}
	struct db_res cur, ph;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_rq_adm_get(a, &s, code, 1, &cur);
	if (rc == DB_OK && cur.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.rq.err_missing");
		return;
	}
	long long id = rc == DB_OK ? db_ll(&cur, 0, RA2_ID) : 0;
	int found = pos == 0;
	if (rc == DB_OK && pos > 0 && (rc = db_rq_adm_photos(a, id, &ph)) == DB_OK)
		found = row_of(&ph, RPA_POS, arena_printf(a, "%lld", pos)) >= 0;
	if (rc == DB_OK && !found) {
		db_rollback();
		page_error(c, 404, "adm.rq.err_no_photo");
		return;
	}
	unsigned long long affected = 0;
	const char *what = pos ? arena_printf(a, "Φωτογραφία %lld", pos) : "Περιγραφή";
	const char *summary = arena_printf(a, "%s: %s", what,
	                                   hidden ? "κρυφή από το κοινό" : "ορατή στο κοινό");
	if (rc == DB_OK)
		rc = db_rq_adm_hide(a, &s, id, (int)pos, hidden, &affected);
	if (rc == DB_OK && affected > 0) {
		rc = db_rq_adm_event(a, id, NULL, summary, c->staff->id);
		if (rc == DB_OK)
			rc = audit_staff(c, hidden ? "request_hide" : "request_show", "request", code,
			                 summary);
	}
	admin_commit(c, rc, arena_printf(a, "/admin/requests/%s?done=%s", code,
	                                 hidden ? "hidden" : "shown"));
}
