/*
 * reporter.c - confirming or disputing a resolved request from the
 * reporter's signed link (reporter.h).
 *
 * GET changes nothing (mail scanners fetch links): it shows the request
 * and, while it is resolved, a form with "fixed" and "still a problem"
 * (with an optional comment).  The POST carries the signature again and a
 * one-time token; confirming sets confirmed_at once, disputing reopens the
 * request (resolved -> reopened) with the reporter's comment as a note for
 * staff.  A second press finds the request no longer resolved, or already
 * confirmed, and says so.  Never cached: the page is the reporter's.
 */
#include "requests/reporter.h"

#include <string.h>

#include "core/arena.h"
#include "http/form.h"
#include "http/req.h"
#include "http/token.h"
#include "requests/db_requests.h"
#include "view/layout.h"

#define SIGN_PURPOSE "request-reporter"

const char *rq_reporter_url(struct arena *a, const char *site_url, const char *code,
                            const char *lang)
{
	return arena_printf(a, "%s%s/requests/%s/reporter?k=%s", site_url,
	                    lang && strcmp(lang, "en") == 0 ? "/en" : "", code,
	                    forms_sign(a, SIGN_PURPOSE, code));
}

enum { RF_COMMENT, RF_K, RF__N };
static const struct fdef fields[RF__N] = {
	[RF_COMMENT] = { .name = "comment", .kind = F_TEXTAREA, .max = 2000, .rows = 4,
	                 .label = "rq.rep_comment", .hint = "rq.rep_comment_hint",
	                 .err = "rq.rep_err_comment" },
	[RF_K] = { .name = "k", .kind = F_HIDDEN, .max = 43 },
};
static const struct fbutton buttons[] = {
	{ "confirm", "rq.rep_confirm", 0 },
	{ "dispute", "rq.rep_dispute", 1 },
};

static void form_of(struct ctx *c, struct form *f, const char *code)
{
	*f = (struct form){ .id = "reporter",
	                    .action = arena_printf(c->r->a, "/requests/%s/reporter", code),
	                    .fields = fields, .n = RF__N, .buttons = buttons, .nbuttons = 2 };
}

/* The request, if the signature is its own; else the answer is sent. */
static int load(struct ctx *c, const char *sig, struct db_res *res)
{
	const char *code = c->r->cap[0];
	c->res->cache = "private, no-store";
	int rc = db_rq_get(c->r->a, code, res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return -1;
	}
	if (res->nrows == 0) {
		page_error(c, 404, "rq.err_missing");
		return -1;
	}
	if (!forms_sign_valid(sig, SIGN_PURPOSE, code)) {
		page_error(c, 403, "rq.rep_err_link");
		return -1;
	}
	return 0;
}

static void render(struct ctx *c, const struct db_res *res, struct form_data *fd,
                   const char *done)
{
	struct arena *a = c->r->a;
	const char *code = db_str(res, 0, RS_CODE);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, form_title(c, fd, T(c, "rq.rep_title")),
	                          "requests/reporter.tpl",
	                          arena_printf(a, "/requests/%s/reporter", code), &top);
	tmpl_set(d, "CODE", code);
	tmpl_set(d, "CATEGORY", page_pick(c, db_str(res, 0, RS_CATEGORY),
	                                  db_str(res, 0, RS_CATEGORY_EN), NULL));
	tmpl_set(d, "ADDRESS", db_str(res, 0, RS_ADDRESS));
	const char *status = db_str(res, 0, RS_STATUS);
	tmpl_set(d, "STATUS", T(c, arena_printf(a, "rq.s_%s", status)));
	if (done != NULL)
		tmpl_set(tmpl_add(d, "DONE"), "TEXT", T(c, done));
	else if (strcmp(status, "resolved") == 0 && db_str(res, 0, RS_CONFIRMED) == NULL) {
		tmpl_show(d, "ASK");
		form_fill(c, d, fd);
	} else
		tmpl_set(tmpl_add(d, "DONE"), "TEXT",
		         T(c, db_str(res, 0, RS_CONFIRMED) ? "rq.rep_already_confirmed"
		                                           : "rq.rep_not_resolved"));
	page_render(c, top);
}

void requests_reporter(struct ctx *c)
{
	struct db_res res;
	const char *sig = req_query(c->r, "k");
	if (load(c, sig, &res) != 0)
		return;
	struct form f;
	struct form_data fd;
	form_of(c, &f, c->r->cap[0]);
	form_new(c, &f, &fd);
	form_set(&fd, "k", sig);
	render(c, &res, &fd, NULL);
}

void requests_reporter_save(struct ctx *c)
{
	struct db_res res;
	if (load(c, req_form(c->r, "k"), &res) != 0)
		return;
	struct form f;
	struct form_data fd;
	form_of(c, &f, c->r->cap[0]);
	form_parse(c, &f, &fd);
	const char *action = form_action(c, &f);
	if (fd.nerr || fd.token_bad || action == NULL) {
		if (action == NULL && !fd.nerr && !fd.token_bad)
			fd.err = "rq.rep_err_action";
		c->res->status = 422;
		render(c, &res, &fd, NULL);
		return;
	}
	int dispute = strcmp(action, "dispute") == 0;
	int changed = 0;
	int rc = db_rq_reporter(c->r->a, db_ll(&res, 0, RS_ID), dispute,
	                        fd.v[RF_COMMENT].s, &changed);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (db_rq_get(c->r->a, c->r->cap[0], &res) != DB_OK || res.nrows == 0) {
		page_db_error(c, DB_ERR);
		return;
	}
	render(c, &res, &fd, !changed ? (dispute ? "rq.rep_not_resolved" : "rq.rep_already_confirmed")
	                     : dispute ? "rq.rep_disputed" : "rq.rep_confirmed");
}
