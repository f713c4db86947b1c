/*
 * rq_templates.c (admin) - the response templates of citizens' requests
 * (/admin/requests/templates, PERM_REQUESTS_ALL; admin/requests.h): the
 * list, a declared form to create and edit one (title, the status it
 * suits, the Greek and English bodies with their {code}, {category},
 * {address}, {due_date} and {department} placeholders, order), delete
 * after a confirmation.  Each write is audit-logged in its transaction;
 * a creating form's one-time token is stored with the template, so
 * sending it twice makes one.
 */
#include "admin/requests.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/db_rq_templates.h"
#include "admin/editing.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "http/form.h"
#include "http/session.h"
#include "view/layout.h"

enum { T_TITLE, T_STATUS, T_BODY, T_BODY_EN, T_SORT, T__N };

static const char *const st_labels[] = {
	"rq.s_submitted", "rq.s_acknowledged", "rq.s_in_progress", "rq.s_scheduled",
	"rq.s_resolved", "rq.s_rejected", "rq.s_duplicate", "rq.s_not_ours", "rq.s_reopened",
};

static const struct fdef fields[T__N] = {
	[T_TITLE] = { .name = "title", .kind = F_TEXT, .flags = F_REQUIRED, .max = 150,
	              .label = "adm.rqt.f_title", .err = "adm.rqt.err_title" },
	[T_STATUS] = { .name = "status", .kind = F_CHOICE, .label = "adm.rqt.f_status",
	               .hint = "adm.rqt.h_status", .err = "adm.rqt.err_status",
	               .choices = rq_statuses, .choice_labels = st_labels },
	[T_BODY] = { .name = "body_el", .kind = F_TEXTAREA, .flags = F_REQUIRED, .max = 4000,
	             .rows = 8, .label = "adm.rqt.f_body", .hint = "adm.rqt.h_body",
	             .err = "adm.rqt.err_body" },
	[T_BODY_EN] = { .name = "body_en", .kind = F_TEXTAREA, .max = 4000, .rows = 8,
	                .label = "adm.rqt.f_body_en", .hint = "adm.rqt.h_body_en",
	                .err = "adm.rqt.err_body" },
	[T_SORT] = { .name = "sort_order", .kind = F_INT, .min = 0, .max = 65535,
	             .label = "adm.rqt.f_sort", .err = "adm.rqt.err_sort" },
};

static const struct form *form_to(struct ctx *c, const char *action)
{
	struct form *f = arena_alloc(c->r->a, sizeof(*f));
	*f = (struct form){ .id = "rq_template", .action = action, .submit = "adm.rqt.b_save",
	                    .fields = fields, .n = T__N };
	return f;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static void render(struct ctx *c, struct form_data *fd, long long id)
{
	const char *title = T(c, id ? "adm.rqt.edit_title" : "adm.rqt.new_title");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, title), "admin/content_edit.tpl", &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "FORM_LABEL", title);
	static const char *const notices[] = { "saved", "adm.rqt.done_saved", NULL };
	admin_notice(c, d, notices);
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_rq_templates(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_rq_templates(a, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.rqt.title"), "admin/requests_templates.tpl", &top);
	static const char *const notices[] = { "deleted", "adm.rqt.done_deleted", NULL };
	admin_notice(c, d, notices);
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < res.nrows; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/requests/templates/%s", c->lp,
			                                db_str(&res, i, RT_ID)));
			tmpl_set(r, "TITLE", db_str(&res, i, RT_TITLE));
			const char *st = db_str(&res, i, RT_STATUS);
			tmpl_set(r, "STATUS", st ? T(c, rq_status_key(a, st)) : T(c, "adm.rqt.any"));
			tmpl_set(r, "SORT", db_str(&res, i, RT_SORT));
			if (*or_empty(db_str(&res, i, RT_BODY_EN)))
				tmpl_show(r, "EN");
		}
	}
	admin_render(c, top);
}

void adm_rq_tpl_new(struct ctx *c)
{
	struct form_data fd;
	form_new(c, form_to(c, "/admin/requests/templates/new"), &fd);
	form_set(&fd, "sort_order", "0");
	render(c, &fd, 0);
}

static const struct db_res *load(struct ctx *c, long long id)
{
	return edit_load(c, db_rq_template_get, id, 0, "adm.rqt.err_missing");
}

void adm_rq_tpl_edit(struct ctx *c)
{
	long long id = edit_id(c);
	const struct db_res *row = load(c, id);
	if (row == NULL)
		return;
	struct form_data fd;
	form_new(c, form_to(c, arena_printf(c->r->a, "/admin/requests/templates/%lld", id)), &fd);
	static const struct { int f, col; } map[] = {
		{ T_TITLE, RT_TITLE }, { T_STATUS, RT_STATUS }, { T_BODY, RT_BODY },
		{ T_BODY_EN, RT_BODY_EN }, { T_SORT, RT_SORT },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		fd.v[map[i].f].raw = or_empty(db_str(row, 0, map[i].col));
	render(c, &fd, id);
}

static void save(struct ctx *c, long long id)
{
	struct arena *a = c->r->a;
	int creating = id == 0;
	const struct form *f = form_to(c, id ? arena_printf(a, "/admin/requests/templates/%lld", id)
	                                     : "/admin/requests/templates/new");
	if (id && load(c, id) == NULL)
		return;
	struct form_data fd;
	form_parse(c, f, &fd);
	if (fd.nerr || fd.token_bad) {
		c->res->status = 422;
		render(c, &fd, id);
		return;
	}
	struct rq_template t = {
		.title = fd.v[T_TITLE].s, .status = fd.v[T_STATUS].s, .body_el = fd.v[T_BODY].s,
		.body_en = or_empty(fd.v[T_BODY_EN].s),
		.sort_order = fd.v[T_SORT].s ? fd.v[T_SORT].i : 0,
	};
	int rc = db_begin(), dup = 0;
	struct db_res cur;
	if (rc == DB_OK && id) {
		rc = db_rq_template_get(a, id, 1, &cur);
		if (rc == DB_OK && cur.nrows == 0) {
			db_rollback();
			page_error(c, 404, "adm.rqt.err_missing");
			return;
		}
		if (rc == DB_OK)
			rc = db_rq_template_update(a, id, &t);
	} else if (rc == DB_OK) {
		rc = db_rq_template_insert(a, &t, fd.token, &id);
		if (rc == DB_DUP && id) {
			dup = 1;
			rc = DB_OK;
		}
	}
	if (rc == DB_OK && !dup)
		rc = audit_staff(c, creating ? "rq_template_create" : "rq_template_update",
		                 "rq_template", arena_printf(a, "%lld", id),
		                 arena_printf(a, "%s (%s)", t.title, t.status ? t.status : "any"));
	admin_commit(c, rc, arena_printf(a, "/admin/requests/templates/%lld?done=saved", id));
}

void adm_rq_tpl_create(struct ctx *c)
{
	save(c, 0);
}

void adm_rq_tpl_save(struct ctx *c)
{
	save(c, edit_id(c));
}

void adm_rq_tpl_delete_ask(struct ctx *c)
{
	long long id = edit_id(c);
	const struct db_res *row = load(c, id);
	if (row == NULL)
		return;
	struct arena *a = c->r->a;
	edit_confirm(c, "adm.rqt.delete_title", "adm.rqt.delete_question",
	             db_str(row, 0, RT_TITLE),
	             arena_printf(a, "/admin/requests/templates/%lld/delete", id),
	             arena_printf(a, "/admin/requests/templates/%lld", id));
}

void adm_rq_tpl_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	struct db_res row;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_rq_template_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.rqt.err_missing");
		return;
	}
	if (rc == DB_OK)
		rc = db_rq_template_delete(a, id);
	if (rc == DB_OK)
		rc = audit_staff(c, "rq_template_delete", "rq_template", arena_printf(a, "%lld", id),
		                 arena_printf(a, "deleted: %s", db_str(&row, 0, RT_TITLE)));
	admin_commit(c, rc, "/admin/requests/templates?done=deleted");
}
