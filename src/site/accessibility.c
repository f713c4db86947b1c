/*
 * accessibility.c - the accessibility statement (the structure of the EU
 * model, Implementing Decision 2018/1523) and its feedback form.
 *
 * The form follows the portal's rules for public forms: declared fields
 * with limits, the form shown again with what was typed and an error
 * summary (422) when something is wrong, "received" only after COMMIT
 * (Post/Redirect/Get with 303), and a one-time token so a resubmission
 * stores nothing twice.
 */
#include "site/accessibility.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "site/db_forms.h"
#include "core/utf8.h"

/* The form's fields and their limits in characters. */
static const struct field_rule {
	const char *name;
	size_t max;
	int required;
} rules[] = {
	{ "name", 200, 0 },
	{ "email", 254, 0 },
	{ "page_url", 500, 0 },
	{ "message", 4000, 1 },
};

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A plausible address: local@domain.tld, no spaces or controls. */
static int email_ok(const char *e)
{
	const char *at = strchr(e, '@');
	if (at == NULL || at == e || strchr(at + 1, '@') != NULL)
		return 0;
	const char *dot = strrchr(at, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		return 0;
	for (const char *p = e; *p; p++)
		if ((unsigned char)*p <= ' ')
			return 0;
	return 1;
}

static void render(struct ctx *c, const char *values[4], const char *errors[4],
                   const char *token, const char *notice)
{
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, T(c, "a11y.title"), "accessibility.tpl",
	                          "/accessibility", &top);
	tmpl_set(d, "CONTACT_EMAIL", c->conf->contact_email);
	tmpl_set(d, "CONTACT_PHONE", c->conf->contact_phone);
	tmpl_set(d, "TOKEN", token);
	if (notice != NULL) {
		tmpl_dict *n = tmpl_add(d, "NOTICE");
		tmpl_set(n, "TEXT", T(c, notice));
	}
	int any = 0;
	for (size_t i = 0; i < 4; i++) {
		char key[32];
		snprintf(key, sizeof(key), "V_%s", rules[i].name);
		for (char *k = key; *k; k++)
			if (*k >= 'a' && *k <= 'z')
				*k = (char)(*k - 32);
		tmpl_set(d, key, values ? values[i] : "");
		if (errors != NULL && errors[i] != NULL) {
			any = 1;
			tmpl_dict *e = tmpl_add(d, "ERROR");
			tmpl_set(e, "FIELD", rules[i].name);
			tmpl_set(e, "TEXT", T(c, errors[i]));
			/* The field itself shows its error too. */
			char sect[40];
			snprintf(sect, sizeof(sect), "%s_INVALID", key + 2);
			tmpl_dict *f = tmpl_add(d, sect);
			tmpl_set(f, "TEXT", T(c, errors[i]));
		}
	}
	if (any)
		tmpl_show(d, "ERRORS");
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
	render(c, NULL, NULL, forms_token(c->r->a, "a11y"), notice);
}

void accessibility_post(struct ctx *c)
{
	const char *values[4], *errors[4] = { NULL, NULL, NULL, NULL };
	int bad = 0;
	for (size_t i = 0; i < 4; i++) {
		const char *v = req_form(c->r, rules[i].name);
		values[i] = v ? v : "";
		/* Trim surrounding white space: what people paste has it. */
		while (*values[i] == ' ' || *values[i] == '\t' || *values[i] == '\n' ||
		       *values[i] == '\r')
			values[i]++;
		size_t n = strlen(values[i]);
		while (n > 0 && strchr(" \t\r\n", values[i][n - 1]))
			n--;
		values[i] = arena_strndup(c->r->a, values[i], n);
		if (rules[i].required && n == 0)
			errors[i] = "a11y.err_message";
		else if (chars(values[i]) > rules[i].max)
			errors[i] = i == 3 ? "a11y.err_message" : "a11y.err_long";
		bad |= errors[i] != NULL;
	}
	if (errors[1] == NULL && values[1][0] != '\0' && !email_ok(values[1])) {
		errors[1] = "a11y.err_email";
		bad = 1;
	}
	const char *token = req_form(c->r, "token");
	if (!forms_token_valid(token, "a11y")) {
		/* Show the form again with a fresh token: nothing is lost. */
		c->res->status = 422;
		render(c, values, errors, forms_token(c->r->a, "a11y"), "a11y.err_token");
		return;
	}
	if (bad) {
		c->res->status = 422;
		render(c, values, errors, token, NULL);
		return;
	}
	int rc = db_forms_a11y_feedback(c->r->a, token, values[0], values[1],
	                                values[2], values[3], i18n_code(c->lang));
	if (rc == DB_OK || rc == DB_DUP) {
		c->res->status = 303;
		c->res->location = arena_printf(c->r->a, "%s/accessibility?sent=%s#feedback",
		                                c->lp, rc == DB_OK ? "1" : "dup");
		return;
	}
	page_db_error(c, rc);
}
