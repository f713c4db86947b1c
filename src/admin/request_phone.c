/*
 * request_phone.c - phone-in: staff file a citizens' request for a caller
 * (/admin/requests/new, channel "phone").  The same form, questions,
 * stops, point check and requests nearby as the public form
 * (requests/submit.h), without photos, with the caller's consent ticked
 * by the staff member who told them; the request records who filed it
 * (requests.created_by).  Touches only what db_rq_submit stores.
 */
#include "admin/request_phone.h"

#include <stdlib.h>
#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "http/req.h"
#include "http/session.h"
#include "requests/submit.h"
#include "view/layout.h"

static void render(struct ctx *c, const struct form_data *fd, const struct rq_check *k)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "rq.phone_title")),
	                           "admin/request_phone.tpl", &top);
	rq_form_extras(c, d, fd, k);
	form_fill(c, d, fd);
	admin_render(c, top);
}

static long long category_of(const char *s)
{
	return s != NULL && *s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 6
	       ? atoll(s) : 0;
}

void admin_request_phone(struct ctx *c)
{
	struct rq_form rf;
	struct form_data fd;
	struct rq_check k = { 0 };
	int rc = rq_form_build(c, &rf, category_of(req_query(c->r, "category")), 1);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	rq_form_new(c, &rf, &fd);
	render(c, &fd, &k);
}

void admin_request_phone_save(struct ctx *c)
{
	struct rq_form rf;
	struct form_data fd;
	struct rq_check k;
	struct rq_new n;
	int rc = rq_form_build(c, &rf, category_of(req_form(c->r, "category")), 1);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	int status = rq_form_check(c, &rf, &fd, &n, &k);
	if (status >= 500) {
		page_db_error(c, status == 503 ? DB_DOWN : DB_ERR);
		return;
	}
	if (status != 0) {
		c->res->status = status;
		render(c, &fd, &k);
		return;
	}
	n.created_by = c->staff->id;
	const char *code;
	long long protocol;
	rc = db_rq_submit(c->r->a, &n, &code, &protocol);
	if (rc != DB_OK && rc != DB_DUP) {
		page_db_error(c, rc);
		return;
	}
	admin_redirect(c, arena_printf(c->r->a, "/admin/requests/%s?done=%s", code,
	                               rc == DB_OK ? "phone" : "again"));
}
