/*
 * accessibility.c - the accessibility statement (the structure of the EU
 * model, Implementing Decision 2018/1523) and its feedback form.
 *
 * The form is a declared form (http/form.h): the field table below is all
 * it says about its fields; parsing, showing it again with what was typed
 * and the errors (422), and the one-time token are shared code.  "Received"
 * only after COMMIT (Post/Redirect/Get with 303); a resubmission stores
 * nothing twice (the token is UNIQUE).
 */
#include "site/accessibility.h"

#include <string.h>

#include "core/arena.h"
#include "http/form.h"
#include "site/db_accessibility.h"

static const struct fdef fields[] = {
	{ .name = "name", .kind = F_TEXT, .max = 200, .label = "a11y.f_name",
	  .err = "a11y.err_long", .autocomplete = "name" },
	{ .name = "email", .kind = F_EMAIL, .max = 254, .label = "a11y.f_email",
	  .err = "a11y.err_email", .autocomplete = "email" },
	{ .name = "page_url", .kind = F_TEXT, .max = 500, .label = "a11y.f_page",
	  .err = "a11y.err_long" },
	{ .name = "message", .kind = F_TEXTAREA, .flags = F_REQUIRED, .min = 1,
	  .max = 4000, .label = "a11y.f_message", .err = "a11y.err_message" },
};

static const struct form feedback = {
	.id = "a11y", .action = "/accessibility#feedback", .submit = "a11y.f_submit",
	.level = 3, .fields = fields, .n = sizeof(fields) / sizeof(fields[0]),
};

static void render(struct ctx *c, const struct form_data *fd, const char *notice)
{
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, form_title(c, fd, T(c, "a11y.title")),
	                          "accessibility.tpl", "/accessibility", &top);
	tmpl_set(d, "CONTACT_EMAIL", c->conf->contact_email);
	tmpl_set(d, "CONTACT_PHONE", c->conf->contact_phone);
	tmpl_set(d, "CONTACT_TEL", page_tel(c->r->a, c->conf->contact_phone));
	if (notice != NULL)
		tmpl_set(tmpl_add(d, "NOTICE"), "TEXT", T(c, notice));
	form_fill(c, d, fd);
	page_render(c, top);
}

void accessibility_statement(struct ctx *c)
{
	const char *sent = req_query(c->r, "sent");
	const char *notice = NULL;
	if (sent != NULL && strcmp(sent, "dup") == 0)
		notice = "a11y.already";
	else if (sent != NULL && strcmp(sent, "1") == 0)
		notice = "a11y.thanks";
	struct form_data fd;
	form_new(c, &feedback, &fd);
	render(c, &fd, notice);
}

void accessibility_post(struct ctx *c)
{
	struct form_data fd;
	if (form_parse(c, &feedback, &fd) != 0) {
		c->res->status = 422;
		render(c, &fd, NULL);
		return;
	}
	int rc = db_a11y_feedback(c->r->a, fd.token, form_value(&fd, "name")->raw,
	                          form_value(&fd, "email")->raw,
	                          form_value(&fd, "page_url")->raw,
	                          form_value(&fd, "message")->raw,
	                          i18n_code(c->lang));
	if (rc == DB_OK || rc == DB_DUP) {
		c->res->status = 303;
		c->res->location = arena_printf(c->r->a, "%s/accessibility?sent=%s#feedback",
		                                c->lp, rc == DB_OK ? "1" : "dup");
		return;
	}
	page_db_error(c, rc);
}
