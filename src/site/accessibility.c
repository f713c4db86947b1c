/*
 * accessibility.c - the accessibility statement (the structure of the EU
 * model, Implementing Decision 2018/1523) and its feedback form.
 *
 * The form is a declared form (http/form.h): the field table below is all
 * it says about its fields; parsing, showing it again with what was typed
 * and the errors (422), and the one-time token are shared code.  "Received"
 * only after COMMIT (Post/Redirect/Get with 303); a resubmission stores
 * nothing twice (the token is UNIQUE).  Each message is announced to the
 * staff (feedback_email, else contact_email) by a mail queued in the same
 * transaction (mail/outbox.h): the sender delivers it later, so a mail
 * server that is down never touches the form.
 */
#include "site/accessibility.h"

#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "http/form.h"
#include "mail/outbox.h"
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

/* The staff's notice of one message, in Greek (the staff's language), or
 * NULL when no address is configured. */
static const struct mail *notice(struct ctx *c, const char *name,
                                 const char *email, const char *page_url,
                                 const char *message)
{
	const struct conf *cf = c->conf;
	const char *to = cf->feedback_email[0] ? cf->feedback_email : cf->contact_email;
	if (to[0] == '\0')
		return NULL;
	struct arena *a = c->r->a;
	enum lang el = LANG_EL;
	const char *none = i18n_get(el, "mail.a11y.none");
	struct mail *m = arena_calloc(a, sizeof(*m));
	m->kind = "feedback.new";
	m->to = to;
	m->subject = arena_printf(a, "%s: %s", i18n_get(el, "mail.a11y.subject"),
	                          text_first_chars(a, message, 60));
	m->text = arena_printf(
	    a, "%s\n\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n\n%s:\n%s\n\n%s:\n%s/admin\n",
	    i18n_get(el, "mail.a11y.intro"),
	    i18n_get(el, "mail.a11y.page"), page_url[0] ? page_url : none,
	    i18n_get(el, "mail.a11y.name"), name[0] ? name : none,
	    i18n_get(el, "mail.a11y.email"), email[0] ? email : none,
	    i18n_get(el, "mail.a11y.lang"), i18n_code(c->lang),
	    i18n_get(el, "mail.a11y.message"), message,
	    i18n_get(el, "mail.a11y.link"), cf->site_url);
	return m;
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
	                          i18n_code(c->lang),
	                          notice(c, form_value(&fd, "name")->raw,
	                                 form_value(&fd, "email")->raw,
	                                 form_value(&fd, "page_url")->raw,
	                                 form_value(&fd, "message")->raw));
	if (rc == DB_OK || rc == DB_DUP) {
		c->res->status = 303;
		c->res->location = arena_printf(c->r->a, "%s/accessibility?sent=%s#feedback",
		                                c->lp, rc == DB_OK ? "1" : "dup");
		return;
	}
	page_db_error(c, rc);
}
