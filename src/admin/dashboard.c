/*
 * dashboard.c - /admin (dashboard.h).  Content panels for those with
 * PERM_CONTENT, feedback for PERM_FEEDBACK, citizens' requests for
 * PERM_REQUESTS (a department user's: their department's), readers'
 * comments waiting for PERM_COMMENTS, the support desk's open cases for
 * PERM_HELP and one's own open tasks for PERM_HELP_TASKS (counts only:
 * nothing of a resident); everyone sees
 * their account's state (no second factor yet: a reminder).
 */
#include "admin/dashboard.h"

#include "admin/db_dashboard.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "http/session.h"
#include "requests/rules.h"
#include "view/layout.h"

static void news_rows(struct ctx *c, tmpl_dict *d, const char *section,
                      const struct db_res *res, int col)
{
	if (res->nrows == 0)
		return;
	tmpl_dict *p = tmpl_add(d, section);
	for (size_t i = 0; i < res->nrows; i++) {
		tmpl_dict *r = tmpl_add(p, "ITEM");
		tmpl_set(r, "TITLE", db_str(res, i, DN_TITLE));
		tmpl_set(r, "URL", arena_printf(c->r->a, "%s/news/%s", c->lp,
		                                db_str(res, i, DN_ID)));
		tmpl_set(r, "WHEN", page_date(c, db_str(res, i, col), 1));
		tmpl_set(r, "WHEN_ISO", page_date_iso(c->r->a, db_str(res, i, col)));
	}
}

void dashboard_page(struct ctx *c)
{
	const struct staff *s = c->staff;
	struct arena *a = c->r->a;
	struct db_res sched = { 0 }, drafts = { 0 }, closing = { 0 }, fb = { 0 };
	int rc = DB_OK;
	int content = (s->perms & PERM_BIT(PERM_CONTENT)) != 0;
	int feedback = (s->perms & PERM_BIT(PERM_FEEDBACK)) != 0;
	if (content && (rc = db_dash_scheduled(a, &sched)) == DB_OK &&
	    (rc = db_dash_drafts(a, &drafts)) == DB_OK)
		rc = db_dash_closing(a, &closing);
	if (rc == DB_OK && feedback)
		rc = db_dash_feedback(a, &fb);
	int requests = (s->perms & PERM_BIT(PERM_REQUESTS)) != 0;
	long long rq_new = 0, rq_overdue = 0, rq_reopened = 0;
	if (rc == DB_OK && requests)
		rc = db_dash_requests(a, RQ_SCOPE(s), &rq_new, &rq_overdue, &rq_reopened);
	int comments = (s->perms & PERM_BIT(PERM_COMMENTS)) != 0;
	long long cm_pending = 0, cm_flagged = 0;
	if (rc == DB_OK && comments)
		rc = db_dash_comments(a, &cm_pending, &cm_flagged);
	int help = (s->perms & PERM_BIT(PERM_HELP)) != 0;
	struct dash_help hp = { 0, 0, 0, 0 };
	if (rc == DB_OK && help)
		rc = db_dash_help(a, &hp);
	int tasks = (s->perms & PERM_BIT(PERM_HELP_TASKS)) != 0;
	long long tk_open = 0, tk_overdue = 0;
	if (rc == DB_OK && tasks)
		rc = db_dash_tasks(a, s->id, &tk_open, &tk_overdue);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.dash.title"), "admin/dashboard.tpl", &top);
	tmpl_set(d, "NAME", s->display_name);
	if (!s->has_totp)
		tmpl_show(d, "NO_TOTP");
	if (content) {
		tmpl_show(d, "CONTENT");
		news_rows(c, d, "SCHEDULED", &sched, DN_WHEN);
		news_rows(c, d, "DRAFTS", &drafts, DN_WHEN);
		news_rows(c, d, "CLOSING", &closing, DN_DEADLINE);
		if (sched.nrows == 0 && drafts.nrows == 0 && closing.nrows == 0)
			tmpl_show(d, "CONTENT_QUIET");
	}
	if (feedback) {
		tmpl_dict *p = tmpl_add(d, "FEEDBACK");
		tmpl_dict *l = fb.nrows ? tmpl_add(p, "LIST") : NULL;
		for (size_t i = 0; i < fb.nrows; i++) {
			tmpl_dict *r = tmpl_add(l, "MSG");
			tmpl_set(r, "AT", admin_time(c, db_str(&fb, i, DF_AT)));
			tmpl_set(r, "PAGE", db_str(&fb, i, DF_PAGE));
			tmpl_set(r, "TEXT", db_str(&fb, i, DF_MESSAGE));
		}
		if (fb.nrows == 0)
			tmpl_show(p, "NONE");
	}
	if (requests) {
		tmpl_dict *p = tmpl_add(d, "REQUESTS");
		if (RQ_SCOPE(s) != 0)
			tmpl_show(p, "SCOPE_DEPT");
		tmpl_set_int(p, "NEW", rq_new);
		tmpl_set_int(p, "OVERDUE", rq_overdue);
		tmpl_set_int(p, "REOPENED", rq_reopened);
	}
	if (comments) {
		tmpl_dict *p = tmpl_add(d, "COMMENTS");
		tmpl_set_int(p, "PENDING", cm_pending);
		tmpl_set_int(p, "FLAGGED", cm_flagged);
	}
	if (help) {
		tmpl_dict *p = tmpl_add(d, "HELP");
		tmpl_set_int(p, "NEW", hp.fresh);
		tmpl_set_int(p, "OVERDUE", hp.overdue);
		tmpl_set_int(p, "UNMATCHED", hp.unmatched);
		if (hp.pharmacy_problem > 0)
			tmpl_set_int(tmpl_add(p, "PHARMACY"), "N", hp.pharmacy_problem);
	}
	if (tasks) {
		tmpl_dict *p = tmpl_add(d, "TASKS");
		tmpl_set_int(p, "OPEN", tk_open);
		tmpl_set_int(p, "OVERDUE", tk_overdue);
	}
	admin_render(c, top);
}
