/*
 * request_phone.c - phone-in: staff file a citizens' request for a caller
 * (/admin/requests/new, channel "phone").  The same form, questions,
 * stops, point check and requests nearby as the public form
 * (requests/submit.h), without photos, with the caller's consent ticked
 * by the staff member who told them; the request records who filed it
 * (requests.created_by).  Touches only what db_rq_submit stores.
 */
#include "admin/request_phone.h"

#include "admin/ui.h"
#include "core/arena.h"
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

void admin_request_phone(struct ctx *c)
{
	struct rq_form rf;
	struct form_data fd;
	struct rq_check k = { 0 };
	int rc = rq_form_build(c, &rf, rq_category_of(c, 0), 1);
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
	const char *code;
	enum rq_outcome o = rq_form_post(c, &rf, &fd, &k, 1, &code);
	if (o == RQ_SHOW)
		render(c, &fd, &k);
	if (o != RQ_STORED && o != RQ_AGAIN)
		return;
	admin_redirect(c, arena_printf(c->r->a, "/admin/requests/%s?done=%s", code,
	                               o == RQ_STORED ? "phone" : "again"));
}
