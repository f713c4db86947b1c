/*
 * departments.c (admin) - editing the department directory
 * (admin/departments.h).  The directory is shown on the public page marked
 * 'departments' (site/pages.c, cached a few seconds per worker).  Like
 * news.c: a declared form for create and edit with a preview rendered on
 * the server, a revision and the audit row in the saving transaction, the
 * version the form was opened at, a creating form's token stored with the
 * department.  A department staff users belong to (users.department_id)
 * is not deleted: the page says so, before and after asking.
 */
#include "admin/departments.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/db_departments.h"
#include "admin/editing.h"
#include "admin/revision.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/text.h"
#include "db/db.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "site/shared.h"
#include "view/layout.h"

enum {
	F_NAME, F_NAME_EN, F_HEAD, F_SORT, FD_PHONE, FD_EMAIL, F_HOURS, F_HOURS_EN,
	F_ADDRESS, F_ADDRESS_EN, F_VERSION, F__N
};

static const struct fdef fields[F__N] = {
	[F_NAME] = { .name = "name", .kind = F_TEXT, .flags = F_REQUIRED | F_PAIR,
	             .max = 300, .label = "adm.depts.f_name", .err = "adm.depts.err_name" },
	[F_NAME_EN] = { .name = "name_en", .kind = F_TEXT, .max = 300,
	                .label = "adm.depts.f_name_en", .err = "adm.depts.err_name" },
	[F_HEAD] = { .name = "head", .kind = F_TEXT, .flags = F_PAIR, .max = 200,
	             .label = "adm.depts.f_head", .hint = "adm.depts.h_head",
	             .err = "adm.depts.err_head" },
	[F_SORT] = { .name = "sort_order", .kind = F_INT, .min = 0, .max = 65535,
	             .label = "adm.depts.f_sort", .hint = "adm.depts.h_sort",
	             .err = "adm.depts.err_sort" },
	[FD_PHONE] = { .name = "phone", .kind = F_PHONE, .flags = F_PAIR, .max = 40,
	              .label = "adm.depts.f_phone", .hint = "adm.depts.h_phone",
	              .err = "adm.depts.err_phone" },
	[FD_EMAIL] = { .name = "email", .kind = F_EMAIL, .max = 254,
	              .label = "adm.depts.f_email", .err = "adm.depts.err_email" },
	[F_HOURS] = { .name = "hours", .kind = F_TEXT, .flags = F_PAIR, .max = 200,
	              .label = "adm.depts.f_hours", .hint = "adm.depts.h_hours",
	              .err = "adm.depts.err_hours" },
	[F_HOURS_EN] = { .name = "hours_en", .kind = F_TEXT, .max = 200,
	                 .label = "adm.depts.f_hours_en", .err = "adm.depts.err_hours" },
	[F_ADDRESS] = { .name = "address", .kind = F_TEXT, .flags = F_PAIR, .max = 300,
	                .label = "adm.depts.f_address", .err = "adm.depts.err_address" },
	[F_ADDRESS_EN] = { .name = "address_en", .kind = F_TEXT, .max = 300,
	                   .label = "adm.depts.f_address_en", .err = "adm.depts.err_address" },
	[F_VERSION] = { .name = "version", .kind = F_HIDDEN, .max = 14,
	                .err = "adm.content.err_conflict" },
};

static const struct fbutton buttons[] = {
	{ "preview", "adm.content.b_preview", 1 },
	{ "save", "adm.depts.b_save", 0 },
};

static const char *const rev_labels[] = {
	"name", "adm.depts.f_name", "name_en", "adm.depts.f_name_en",
	"head", "adm.depts.f_head", "sort_order", "adm.depts.f_sort",
	"phone", "adm.depts.f_phone", "email", "adm.depts.f_email",
	"hours", "adm.depts.f_hours", "hours_en", "adm.depts.f_hours_en",
	"address", "adm.depts.f_address", "address_en", "adm.depts.f_address_en",
	NULL,
};

static const struct form form = {
	.id = "department", .submit = "adm.depts.b_save", .fields = fields, .n = F__N,
	.buttons = buttons, .nbuttons = sizeof(buttons) / sizeof(buttons[0]),
};

static const char *val(const struct form_data *fd, int i)
{
	return fd->v[i].s;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static const struct form *form_to(struct ctx *c, const char *action)
{
	struct form *f = arena_alloc(c->r->a, sizeof(*f));
	*f = form;
	f->action = action;
	return f;
}

static void fill_from_row(struct form_data *fd, const struct db_res *res)
{
	static const struct { int f; int col; } map[] = {
		{ F_NAME, DE_NAME }, { F_NAME_EN, DE_NAME_EN }, { F_HEAD, DE_HEAD },
		{ F_SORT, DE_SORT }, { FD_PHONE, DE_PHONE }, { FD_EMAIL, DE_EMAIL },
		{ F_HOURS, DE_HOURS }, { F_HOURS_EN, DE_HOURS_EN },
		{ F_ADDRESS, DE_ADDRESS }, { F_ADDRESS_EN, DE_ADDRESS_EN },
		{ F_VERSION, DE_VERSION },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		fd->v[map[i].f].raw = or_empty(db_str(res, 0, map[i].col));
}

/* The public page of the directory, for "view on the site" (NULL: none). */
static const char *public_url(struct ctx *c)
{
	const char *path;
	if (db_adm_departments_page(c->r->a, &path) != DB_OK || path == NULL)
		return NULL;
	return arena_printf(c->r->a, "%s/p/%s", c->lp, path);
}

static void render(struct ctx *c, struct form_data *fd, long long id,
                   const struct db_res *row, int preview)
{
	struct arena *a = c->r->a;
	const char *title = id ? T(c, "adm.depts.edit_title") : T(c, "adm.depts.new_title");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, title), "admin/content_edit.tpl", &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "FORM_LABEL", T(c, "adm.depts.form"));
	static const char *const notices[] = { "saved", "adm.depts.done_saved", NULL };
	admin_notice(c, d, notices);
	if (id && row != NULL) {
		tmpl_dict *s = tmpl_add(d, "ITEM");
		tmpl_set(s, "BASE", arena_printf(a, "%s/admin/departments/%lld", c->lp, id));
		long long users = db_ll(row, 0, DE_USERS);
		tmpl_set(s, "STATE", users ? arena_printf(a, "%s: %lld", T(c, "adm.depts.users"), users)
		                           : T(c, "adm.depts.no_users"));
		const char *url = public_url(c);
		if (url)
			tmpl_set(tmpl_add(s, "PUBLIC"), "URL", url);
	}
	if (preview) {
		tmpl_dict *p = tmpl_add(tmpl_add(d, "PREVIEW"), "DEPT");
		tmpl_set(p, "NAME", page_pick(c, val(fd, F_NAME), val(fd, F_NAME_EN), NULL));
		tmpl_set(p, "HEAD", or_empty(val(fd, F_HEAD)));
		tmpl_set(p, "PHONE", or_empty(val(fd, FD_PHONE)));
		tmpl_set(p, "EMAIL", or_empty(val(fd, FD_EMAIL)));
		tmpl_set(p, "HOURS", or_empty(page_pick(c, val(fd, F_HOURS), val(fd, F_HOURS_EN), NULL)));
		tmpl_set(p, "ADDRESS", or_empty(page_pick(c, val(fd, F_ADDRESS),
		                                          val(fd, F_ADDRESS_EN), NULL)));
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_departments_new(struct ctx *c)
{
	struct form_data fd;
	form_new(c, form_to(c, "/admin/departments/new"), &fd);
	form_set(&fd, "sort_order", "0");
	render(c, &fd, 0, NULL, 0);
}

static const struct db_res *load(struct ctx *c, long long id)
{
	return edit_load(c, db_adm_department_get, id, 0, "adm.depts.err_missing");
}

void adm_departments_edit(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c), r;
	const struct db_res *row = load(c, id);
	if (row == NULL || !edit_revision(c, &r))
		return;
	struct form_data fd;
	form_new(c, form_to(c, r ? arena_printf(a, "/admin/departments/%lld?restored=%lld", id, r)
	                          : arena_printf(a, "/admin/departments/%lld", id)), &fd);
	fill_from_row(&fd, row);
	if (r && !edit_restore(c, "department", id, r, &fd, "adm.content.restoring"))
		return;
	render(c, &fd, id, row, 0);
}

static const char *summary_of(struct arena *a, const struct db_res *old,
                              const struct adm_department *dp)
{
	if (old == NULL)
		return arena_printf(a, "created: %s", dp->name);
	static const struct { int col; const char *name; } cols[] = {
		{ DE_NAME_EN, "name_en" }, { DE_HEAD, "head" }, { DE_PHONE, "phone" },
		{ DE_EMAIL, "email" }, { DE_HOURS, "hours" }, { DE_HOURS_EN, "hours_en" },
		{ DE_ADDRESS, "address" }, { DE_ADDRESS_EN, "address_en" },
	};
	const char *vals[] = { dp->name_en, dp->head, dp->phone, dp->email, dp->hours,
	                       dp->hours_en, dp->address, dp->address_en };
	const char *out = "";
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const char *o = or_empty(db_str(old, 0, cols[i].col));
		if (strcmp(o, or_empty(vals[i])) != 0)
			out = arena_printf(a, "%s%s \"%s\" → \"%s\"; ", out, cols[i].name, o,
			                   or_empty(vals[i]));
	}
	if (db_ll(old, 0, DE_SORT) != dp->sort_order)
		out = arena_printf(a, "%sorder %lld → %lld; ", out, db_ll(old, 0, DE_SORT),
		                   dp->sort_order);
	if (strcmp(db_str(old, 0, DE_NAME), dp->name) != 0)
		out = arena_printf(a, "%sname \"%s\" → \"%s\"; ", out, db_str(old, 0, DE_NAME),
		                   dp->name);
	return *out ? out : "saved without changes";
}

static void save(struct ctx *c, long long id)
{
	struct arena *a = c->r->a;
	const struct form *f = form_to(c, id ? edit_action(c, arena_printf(a, "/admin/departments/%lld", id))
	                                     : "/admin/departments/new");
	const struct db_res *row = NULL;
	if (id && (row = load(c, id)) == NULL)
		return;
	struct form_data fd;
	form_parse(c, f, &fd);
	const char *action = form_action(c, f);
	if (action == NULL)
		action = "save";
	if (fd.nerr || fd.token_bad || strcmp(action, "preview") == 0) {
		int preview = strcmp(action, "preview") == 0 && fd.nerr == 0;
		c->res->status = preview ? 200 : 422;
		render(c, &fd, id, row, preview);
		return;
	}
	/* The columns are NOT NULL DEFAULT '' but the English ones. */
	struct adm_department dp = {
		.name = val(&fd, F_NAME), .name_en = val(&fd, F_NAME_EN),
		.head = or_empty(val(&fd, F_HEAD)), .phone = or_empty(val(&fd, FD_PHONE)),
		.email = or_empty(val(&fd, FD_EMAIL)), .hours = or_empty(val(&fd, F_HOURS)),
		.hours_en = val(&fd, F_HOURS_EN), .address = or_empty(val(&fd, F_ADDRESS)),
		.address_en = val(&fd, F_ADDRESS_EN),
		.sort_order = fd.v[F_SORT].s ? fd.v[F_SORT].i : 0,
		.user_id = c->staff->id,
	};
	int rc = db_begin();
	struct db_res *cur = NULL;
	if (rc == DB_OK && id) {
		cur = arena_alloc(a, sizeof(*cur));
		rc = db_adm_department_get(a, id, 1, cur);
		if (rc == DB_OK && cur->nrows == 0)
			rc = DB_ERR;
		if (rc == DB_OK && strcmp(fd.v[F_VERSION].raw, db_str(cur, 0, DE_VERSION)) != 0) {
			db_rollback();
			form_set(&fd, "version", db_str(cur, 0, DE_VERSION));
			fd.err = "adm.content.err_conflict";
			c->res->status = 409;
			render(c, &fd, id, cur, 0);
			return;
		}
	}
	int dup = 0;
	if (rc == DB_OK && id)
		rc = db_adm_department_update(a, id, &dp);
	else if (rc == DB_OK) {
		rc = db_adm_department_insert(a, &dp, fd.token, &id);
		if (rc == DB_DUP && id) {
			dup = 1;
			rc = DB_OK;
		}
	}
	if (rc == DB_OK && !dup) {
		struct rev_field rf[] = {
			{ "name", dp.name }, { "name_en", dp.name_en }, { "head", dp.head },
			{ "sort_order", arena_printf(a, "%lld", dp.sort_order) },
			{ "phone", dp.phone }, { "email", dp.email }, { "hours", dp.hours },
			{ "hours_en", dp.hours_en }, { "address", dp.address },
			{ "address_en", dp.address_en },
		};
		rc = revision_save(c, "department", id, edit_restored_note(c), rf,
		                   sizeof(rf) / sizeof(rf[0]));
		if (rc == DB_OK)
			rc = audit_staff(c, cur ? "department_update" : "department_create",
			                 "department", arena_printf(a, "%lld", id),
			                 summary_of(a, cur, &dp));
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	admin_redirect(c, arena_printf(a, "/admin/departments/%lld?done=saved", id));
}

void adm_departments_create(struct ctx *c)
{
	save(c, 0);
}

void adm_departments_save(struct ctx *c)
{
	save(c, edit_id(c));
}

/* The refusal while staff users belong to it. */
static void refuse(struct ctx *c, long long id, const char *name)
{
	edit_refused(c, 409, "adm.depts.delete_title", "adm.depts.err_has_users", name,
	             arena_printf(c->r->a, "/admin/departments/%lld", id));
}

void adm_departments_delete_ask(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	const struct db_res *row = load(c, id);
	if (row == NULL)
		return;
	if (db_ll(row, 0, DE_USERS) > 0) {
		refuse(c, id, db_str(row, 0, DE_NAME));
		return;
	}
	edit_confirm(c, "adm.depts.delete_title", "adm.depts.delete_question",
	             db_str(row, 0, DE_NAME), arena_printf(a, "/admin/departments/%lld/delete", id),
	             arena_printf(a, "/admin/departments/%lld", id));
}

void adm_departments_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	struct db_res row;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_adm_department_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.depts.err_missing");
		return;
	}
	/* Checked first; the foreign key (users.department_id, or any other
	 * table's) is the backstop, answered the same way. */
	if (rc == DB_OK && db_ll(&row, 0, DE_USERS) > 0)
		rc = DB_REFERENCED;
	if (rc == DB_OK)
		rc = db_adm_department_delete(a, id);
	if (rc == DB_REFERENCED) {
		db_rollback();
		refuse(c, id, db_str(&row, 0, DE_NAME));
		return;
	}
	if (rc == DB_OK)
		rc = audit_staff(c, "department_delete", "department", arena_printf(a, "%lld", id),
		                 arena_printf(a, "deleted: %s", db_str(&row, 0, DE_NAME)));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	admin_redirect(c, "/admin/departments?done=deleted");
}

static const struct edit_kind kind = {
	"department", "/admin/departments", db_adm_department_get, DE_NAME, "adm.depts.err_missing", rev_labels,
};

void adm_departments_revisions(struct ctx *c)
{
	edit_revisions(c, &kind);
}

void adm_departments_diff(struct ctx *c)
{
	edit_diff(c, &kind);
}

void adm_departments_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *q = req_query(c->r, "q");
	q = q ? text_trim(a, q) : "";
	if (!valid_text(q, 0, 200, 0)) {
		page_error(c, 400, "adm.content.err_filter");
		return;
	}
	struct db_res res;
	int rc = db_adm_departments(a, edit_like(a, q), &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.depts.title"), "admin/departments_list.tpl", &top);
	static const char *const notices[] = { "deleted", "adm.depts.done_deleted", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "Q", q);
	const char *url = public_url(c);
	if (url)
		tmpl_set(tmpl_add(d, "PUBLIC"), "URL", url);
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < res.nrows; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/departments/%s", c->lp,
			                                db_str(&res, i, DL_ID)));
			tmpl_set(r, "NAME", db_str(&res, i, DL_NAME));
			tmpl_set(r, "PHONE", db_str(&res, i, DL_PHONE));
			tmpl_set(r, "EMAIL", db_str(&res, i, DL_EMAIL));
			tmpl_set(r, "SORT", db_str(&res, i, DL_SORT));
			tmpl_set(r, "USERS", db_str(&res, i, DL_USERS));
			if (db_ll(&res, i, DL_HAS_EN))
				tmpl_show(r, "EN");
		}
	}
	admin_render(c, top);
}
