/*
 * form.c - declared forms: parsing a request against a field table and
 * showing the form again (form.h).  The rules for each kind of value are
 * the validators of valid.c; what is shown is views/form.tpl.
 */
#include "http/form.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "http/session.h"
#include "http/token.h"
#include "http/valid.h"

/* CRLF and lone CR become LF: what browsers send for a textarea. */
static char *lf_only(struct arena *a, const char *s)
{
	char *o = arena_alloc(a, strlen(s) + 1), *p = o;
	for (; *s; s++) {
		if (*s == '\r') {
			*p++ = '\n';
			if (s[1] == '\n')
				s++;
		} else {
			*p++ = *s;
		}
	}
	*p = '\0';
	return o;
}

static const struct upload *file_of(const struct req *r, const char *name)
{
	for (const struct upload *u = r->files; u; u = u->next)
		if (strcmp(u->name, name) == 0)
			return u;
	return NULL;
}

/* F_MULTI: the chosen values in choices' order, "\n"-separated ("" and
 * *empty when none); NULL when a value sent is not one of choices. */
static const char *multi_raw(const struct req *r, const struct fdef *d, int *empty)
{
	size_t n = 0;
	for (; d->choices[n]; n++)
		;
	char *on = arena_calloc(r->a, n + 1);
	for (const struct field *f = r->form; f; f = f->next) {
		if (strcmp(f->name, d->name) != 0)
			continue;
		size_t i = 0;
		while (i < n && strcmp(f->val, d->choices[i]) != 0)
			i++;
		if (i == n)
			return NULL;
		on[i] = 1;
	}
	const char *out = "";
	for (size_t i = 0; i < n; i++)
		if (on[i])
			out = *out ? arena_printf(r->a, "%s\n%s", out, d->choices[i])
			           : d->choices[i];
	*empty = *out == '\0';
	return out;
}

/* Check one field's value; sets v->s / v->i / v->file or v->err. */
static void check(struct ctx *c, const struct fdef *d, struct fval *v)
{
	struct arena *a = c->r->a;
	const char *err = d->err;
	int empty;
	if (d->kind == F_FILE) {
		v->file = file_of(c->r, d->name);
		empty = v->file == NULL || v->file->len == 0;
		v->raw = "";
	} else if (d->kind == F_MULTI) {
		v->raw = multi_raw(c->r, d, &empty);
		if (v->raw == NULL) {
			v->raw = "";
			v->err = err;
			return;
		}
	} else {
		const char *in = req_form(c->r, d->name);
		v->raw = d->kind == F_PASSWORD ? arena_strdup(a, in ? in : "")
		                               : text_trim(a, in ? in : "");
		if (d->kind == F_TEXTAREA)
			v->raw = lf_only(a, v->raw);
		empty = v->raw[0] == '\0';
	}
	if (empty) {
		if (d->kind == F_FILE)
			v->file = NULL;
		if (d->flags & F_REQUIRED)
			v->err = d->err_missing ? d->err_missing : err;
		return;
	}
	int ok = 0;
	switch (d->kind) {
	case F_TEXT:
	case F_HIDDEN:
	case F_PASSWORD:
	case F_TEXTAREA:
		ok = valid_text(v->raw, (size_t)d->min, (size_t)d->max,
		                d->kind == F_TEXTAREA);
		break;
	case F_EMAIL:
		ok = valid_email(v->raw);
		break;
	case F_PHONE:
		ok = valid_phone(v->raw);
		break;
	case F_INT:
		ok = valid_int(v->raw, d->min, d->max, &v->i);
		break;
	case F_DATETIME: {
		const char *dt;
		if ((ok = valid_datetime(a, v->raw, &dt)))
			v->s = dt;
		break;
	}
	case F_CHOICE:
		ok = valid_choice(v->raw, d->choices);
		break;
	case F_CHECKBOX:
		ok = strcmp(v->raw, "1") == 0;
		v->i = ok;
		break;
	case F_MULTI:
		ok = 1;
		break;
	case F_FILE:
		ok = !v->file->oversize && (long long)v->file->len <= d->max &&
		     (d->types == NULL || valid_choice(v->file->ctype, d->types));
		break;
	}
	if (!ok) {
		v->err = err;
		v->s = NULL;
		v->file = NULL;
		return;
	}
	if (v->s == NULL && d->kind != F_FILE)
		v->s = v->raw;
}

void form_new(struct ctx *c, const struct form *f, struct form_data *fd)
{
	fd->f = f;
	fd->v = arena_calloc(c->r->a, (f->n ? f->n : 1) * sizeof(*fd->v));
	for (size_t i = 0; i < f->n; i++)
		fd->v[i].raw = "";
	fd->token = forms_token(c->r->a, f->id);
	fd->token_bad = 0;
	fd->nerr = 0;
	fd->err = NULL;
	fd->too_large = 0;
	fd->autofocus = NULL;
}

/* How often a visitor's form token was sent to this worker: a direct-
 * mapped table of recent tokens (a collision forgets the older one), so
 * that one fetched form cannot be sent again and again - each time
 * parsed, and an upload decoded - past FORM_TOKEN_TRIES.  Per worker, so
 * the limit is that many tries times the workers, at most; nginx's
 * per-address limits (agora_post, agora_comments) come first. */
#define TOKEN_SLOTS 4096
static struct {
	char token[44];
	unsigned tries;
} seen[TOKEN_SLOTS];

static int tried_too_often(const char *t)
{
	size_t n = strlen(t);
	if (n == 0 || n >= sizeof(seen[0].token))
		return 0;
	unsigned long h = 5381;
	for (size_t i = 0; i < n; i++)
		h = h * 33 + (unsigned char)t[i];
	size_t k = h % TOKEN_SLOTS;
	if (strcmp(seen[k].token, t) != 0) {
		memcpy(seen[k].token, t, n + 1);
		seen[k].tries = 0;
	}
	return ++seen[k].tries > FORM_TOKEN_TRIES;
}

int form_parse(struct ctx *c, const struct form *f, struct form_data *fd)
{
	fd->f = f;
	fd->v = arena_calloc(c->r->a, (f->n ? f->n : 1) * sizeof(*fd->v));
	fd->nerr = 0;
	fd->err = NULL;
	fd->too_large = 0;
	fd->too_many = 0;
	fd->autofocus = NULL;
	for (size_t i = 0; i < f->n; i++) {
		check(c, &f->fields[i], &fd->v[i]);
		fd->nerr += fd->v[i].err != NULL;
		if (f->fields[i].kind == F_FILE && fd->v[i].err != NULL) {
			const struct upload *u = file_of(c->r, f->fields[i].name);
			fd->too_large |= u != NULL && (u->oversize || (long long)u->len > f->fields[i].max);
		}
	}
	const char *t = req_form(c->r, "token");
	fd->token_bad = !forms_token_valid(t, f->id);
	/* A bad token gets a fresh one: the corrected form can be sent. */
	fd->token = fd->token_bad ? forms_token(c->r->a, f->id) : t;
	/* A visitor's token sent too often keeps its token: reloading the
	 * page gives a fresh one.  (Staff forms are not counted: they are
	 * signed in, and one page may parse several forms.) */
	if (!fd->token_bad && c->staff == NULL && tried_too_often(t))
		fd->token_bad = fd->too_many = 1;
	return fd->nerr + fd->token_bad;
}

int form_status(const struct form_data *fd)
{
	return fd->too_many ? 429 : fd->too_large ? 413 : 422;
}

const char *form_action(const struct ctx *c, const struct form *f)
{
	const char *v = req_form(c->r, "action");
	for (size_t i = 0; v != NULL && i < f->nbuttons; i++)
		if (strcmp(v, f->buttons[i].value) == 0)
			return f->buttons[i].value;
	return NULL;
}

void form_set(struct form_data *fd, const char *name, const char *raw)
{
	for (size_t i = 0; i < fd->f->n; i++)
		if (strcmp(fd->f->fields[i].name, name) == 0)
			fd->v[i].raw = raw ? raw : "";
}

void form_error(struct form_data *fd, const char *name, const char *err)
{
	for (size_t i = 0; i < fd->f->n; i++)
		if (strcmp(fd->f->fields[i].name, name) == 0) {
			if (fd->v[i].err == NULL)
				fd->nerr++;
			fd->v[i].err = err;
			fd->v[i].s = NULL;
		}
}

const struct fval *form_value(const struct form_data *fd, const char *name)
{
	for (size_t i = 0; i < fd->f->n; i++)
		if (strcmp(fd->f->fields[i].name, name) == 0)
			return &fd->v[i];
	return NULL;
}

static const char *input_type(enum fkind k)
{
	switch (k) {
	case F_EMAIL: return "email";
	case F_PHONE: return "tel";
	case F_INT: return "text"; /* inputmode="numeric": no spinner */
	case F_DATETIME: return "datetime-local";
	case F_CHECKBOX: return "checkbox";
	case F_FILE: return "file";
	case F_PASSWORD: return "password";
	default: return "text";
	}
}

int form_multi_has(const char *list, const char *value)
{
	size_t n = strlen(value);
	for (const char *p = list; *p; ) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && memcmp(p, value, n) == 0)
			return 1;
		if (e == NULL)
			break;
		p = e + 1;
	}
	return 0;
}

static void fill_field(struct ctx *c, tmpl_dict *fd_dict, const struct fdef *d,
                       const struct fval *v, const char *pfx, const char *focus)
{
	struct arena *a = c->r->a;
	if (d->kind == F_HIDDEN) {
		tmpl_dict *h = tmpl_add(fd_dict, "HIDDEN");
		tmpl_set(h, "NAME", d->name);
		tmpl_set(h, "VALUE", v->raw);
		return;
	}
	tmpl_dict *x = tmpl_add(fd_dict, "FIELD");
	tmpl_set(x, "NAME", d->name);
	if (focus != NULL && strcmp(focus, d->name) == 0)
		tmpl_show(x, "AUTOFOCUS");
	if (d->flags & F_TRAP)
		tmpl_show(x, "TRAP");
	if (d->kind == F_TEXTAREA)
		tmpl_set_int(x, "ROWS", d->rows ? d->rows : 6);
	const char *label = d->label_text ? d->label_text : T(c, d->label);
	const char *hint = d->hint_text ? d->hint_text : d->hint ? T(c, d->hint) : NULL;
	/* A group of checkboxes has a legend, not a label: its label, hint
	 * and error go inside its fieldset. */
	tmpl_dict *lx = d->kind == F_MULTI ? tmpl_add(x, "MULTI") : tmpl_add(x, "LABELLED");
	tmpl_set(lx, "NAME", d->name);
	tmpl_set(lx, "LABEL", label);
	if (d->flags & F_REQUIRED)
		tmpl_show(lx, "REQUIRED");
	if (v->err != NULL)
		tmpl_set(tmpl_add(lx, "INVALID"), "TEXT", T(c, v->err));
	if (hint != NULL)
		tmpl_set(tmpl_add(lx, "HINT"), "TEXT", hint);
	const char *kind;
	switch (d->kind) {
	case F_TEXTAREA: kind = "TEXTAREA"; break;
	case F_CHOICE: kind = "SELECT"; break;
	case F_CHECKBOX: kind = "CHECKBOX"; break;
	case F_MULTI: kind = "BOXES"; break;
	default: kind = "INPUT"; break;
	}
	tmpl_dict *k = tmpl_add(d->kind == F_MULTI ? lx : x, kind);
	tmpl_set(k, "TYPE", input_type(d->kind));
	tmpl_set(k, "VALUE", d->kind == F_PASSWORD ? "" : v->raw);
	if (d->flags & F_TRAP)
		tmpl_show(k, "UNTABBED");
	if (d->autocomplete != NULL || (d->flags & F_TRAP))
		tmpl_set(tmpl_add(k, "AUTOCOMPLETE"), "V",
		         d->autocomplete ? d->autocomplete : "off");
	if (d->kind == F_INT || (d->flags & F_NUMERIC))
		tmpl_show(k, "NUMERIC");
	if ((d->kind == F_TEXT || d->kind == F_EMAIL || d->kind == F_PHONE) &&
	    d->max > 0)
		tmpl_set_int(tmpl_add(k, "MAXLENGTH"), "N", d->max);
	if (d->kind == F_CHECKBOX && strcmp(v->raw, "1") == 0)
		tmpl_show(k, "CHECKED");
	for (size_t i = 0; (d->kind == F_CHOICE || d->kind == F_MULTI) && d->choices[i]; i++) {
		tmpl_dict *o = tmpl_add(k, "OPTION");
		tmpl_set(o, "V", d->choices[i]);
		tmpl_set(o, "NAME", d->name);
		/* The first box has the field's id: the error summary links to it. */
		tmpl_set(o, "ID", i == 0 ? arena_printf(a, "f-%s%s", pfx, d->name)
		                         : arena_printf(a, "f-%s%s-%zu", pfx, d->name, i + 1));
		tmpl_set(o, "LABEL", d->choice_text ? d->choice_text[i]
		                   : d->choice_labels ? T(c, d->choice_labels[i])
		                   : d->choices[i]);
		if (d->kind == F_CHOICE ? strcmp(v->raw, d->choices[i]) == 0
		                        : form_multi_has(v->raw, d->choices[i]))
			tmpl_show(o, d->kind == F_CHOICE ? "SELECTED" : "CHECKED");
	}
	if (d->flags & F_REQUIRED)
		tmpl_show(k, "REQUIRED");
	/* aria-describedby: the error first, then the hint. */
	if (v->err != NULL || hint != NULL)
		tmpl_set(tmpl_add(k, "DESCRIBED"), "IDS",
		         arena_printf(a, "%s%s%s",
		                      v->err ? arena_printf(a, "f-%s%s-error", pfx, d->name) : "",
		                      v->err && hint ? " " : "",
		                      hint ? arena_printf(a, "f-%s%s-hint", pfx, d->name) : ""));
	if (v->err != NULL)
		tmpl_show(k, "INVALID");
}

void form_fill(struct ctx *c, tmpl_dict *d, const struct form_data *fd)
{
	const struct form *f = fd->f;
	tmpl_dict *x = tmpl_include(d, c->lang, "FORM", "form.tpl");
	tmpl_set(x, "ID", f->id);
	/* Element ids are "f-" PFX name: unique with several forms on a page. */
	const char *pfx = f->prefix ? f->prefix : "";
	tmpl_set(x, "PFX", pfx);
	tmpl_set(x, "ACTION", arena_printf(c->r->a, "%s%s", c->lp, f->action));
	tmpl_set(x, "TOKEN", fd->token);
	if (c->staff != NULL)
		tmpl_set(tmpl_add(x, "CSRF"), "V", c->staff->csrf);
	for (size_t i = 0; i < f->n; i++)
		if (f->fields[i].kind == F_FILE) {
			tmpl_show(x, "MULTIPART");
			break;
		}
	if (fd->nerr > 0 || fd->token_bad || fd->err != NULL) {
		tmpl_dict *s = tmpl_add(x, "ERRORS");
		tmpl_set(s, "ID", f->id);
		tmpl_set_int(s, "LEVEL", f->level ? f->level : 2);
		if (fd->token_bad)
			tmpl_set(tmpl_add(s, "FORM_ERROR"), "TEXT",
			         T(c, fd->too_many ? "form.err_too_many" : "form.err_token"));
		if (fd->err != NULL)
			tmpl_set(tmpl_add(s, "FORM_ERROR"), "TEXT", T(c, fd->err));
		for (size_t i = 0; i < f->n; i++) {
			if (fd->v[i].err == NULL)
				continue;
			tmpl_dict *e = tmpl_add(s, "ERROR");
			tmpl_set(e, "FIELD", f->fields[i].name);
			tmpl_set(e, "TEXT", f->fields[i].label_text
			         ? arena_printf(c->r->a, "%s: %s", f->fields[i].label_text,
			                        T(c, fd->v[i].err))
			         : T(c, fd->v[i].err));
		}
	}
	/* Fields in rows: one each, or two side by side (F_PAIR). */
	for (size_t i = 0; i < f->n; i++) {
		if (f->fields[i].kind == F_HIDDEN) {
			fill_field(c, x, &f->fields[i], &fd->v[i], pfx, fd->autofocus);
			continue;
		}
		tmpl_dict *row = tmpl_add(x, "ROW");
		int pair = (f->fields[i].flags & F_PAIR) && i + 1 < f->n;
		if (pair)
			tmpl_show(row, "PAIR");
		fill_field(c, row, &f->fields[i], &fd->v[i], pfx, fd->autofocus);
		if (pair) {
			i++;
			fill_field(c, row, &f->fields[i], &fd->v[i], pfx, fd->autofocus);
		}
	}
	if (f->nbuttons == 0)
		tmpl_set(tmpl_add(x, "BUTTON"), "LABEL", T(c, f->submit));
	for (size_t i = 0; i < f->nbuttons; i++) {
		tmpl_dict *b = tmpl_add(x, "BUTTON");
		tmpl_set(b, "LABEL", T(c, f->buttons[i].label));
		tmpl_set(tmpl_add(b, "NAMED"), "V", f->buttons[i].value);
		if (f->buttons[i].secondary)
			tmpl_show(b, "SECONDARY");
	}
}

const char *form_title(struct ctx *c, const struct form_data *fd,
                       const char *title)
{
	if (fd->nerr == 0 && !fd->token_bad && fd->err == NULL)
		return title;
	return arena_printf(c->r->a, "%s %s", T(c, "err.title_prefix"), title);
}
