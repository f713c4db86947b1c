/*
 * form.h - declared forms (kcgi's kvalid, with its keeping of what was
 * typed).  A form is a table of fields; form_parse() reads a request
 * against it and gives each field its value as typed (to show again) and
 * either its typed value or the message key of what is wrong.  Fields the
 * table does not declare are never looked at.  form_fill() puts the whole
 * form into a template dictionary for views/form.tpl: every value as
 * typed, each error beside its field (aria-invalid, aria-describedby), an
 * error summary on top linking to each field (the GOV.UK pattern), and the
 * one-time token.  A table can be built at run time from database rows
 * (per-category questions) and goes through the same code.
 */
#ifndef AGORA_FORM_H
#define AGORA_FORM_H

#include <stddef.h>

#include "http/ctx.h"
#include "view/tmpl.h"

enum fkind {
	F_TEXT,     /* one line; min/max in characters */
	F_TEXTAREA, /* several lines (CRLF kept as LF); min/max in characters */
	F_EMAIL,
	F_PHONE,
	F_INT,      /* min/max: the range */
	F_DATETIME, /* <input type="datetime-local">, a real date */
	F_CHOICE,   /* one of choices[] (a <select>) */
	F_CHECKBOX, /* "1" when ticked */
	F_FILE,     /* an upload; max in bytes, types[] the allowed types */
	F_PASSWORD, /* taken as typed (not trimmed), never shown again */
	F_HIDDEN,   /* <input type="hidden">: no label, shown again as sent */
	F_MULTI,    /* any of choices[] (checkboxes in a fieldset); the value
	             * is the chosen ones in choices' order, "\n"-separated */
};

enum fflag {
	F_REQUIRED = 1 << 0,
	F_NUMERIC = 1 << 1,  /* F_TEXT typed on a numeric keypad (codes) */
	F_PAIR = 1 << 2,     /* shown beside the next field (Greek | English) */
	F_TRAP = 1 << 3,     /* a honeypot: off screen, out of the tab order
	                      * and hidden from screen readers, so only a
	                      * script fills it; its label says to leave it */
};

struct fdef {
	const char *name;     /* the field's name, and its id "f-<name>" */
	enum fkind kind;
	unsigned flags;       /* enum fflag */
	long long min, max;
	const char *label;    /* message key */
	const char *err;      /* message key when invalid (or too long) */
	const char *err_missing; /* message key when required and empty; NULL: err */
	const char *autocomplete; /* HTML autocomplete token or NULL */
	const char *hint;     /* message key of a hint under the label, or NULL */
	const char *label_text; /* or the label itself (a question from a row) */
	const char *hint_text;  /* or the hint itself */
	int rows;             /* F_TEXTAREA: its height in lines (6 if 0) */
	const char *const *choices; /* F_CHOICE: values, NULL-terminated */
	const char *const *choice_labels; /* message keys, same order */
	const char *const *choice_text;   /* or the labels themselves (from rows) */
	const char *const *types;   /* F_FILE: allowed types, NULL-terminated */
};

/* A submit button: several let one form do several things (save as a
 * draft, publish, preview); the one pressed arrives as field "action". */
struct fbutton {
	const char *value;    /* "action" field value */
	const char *label;    /* message key */
	int secondary;        /* shown as a secondary button */
};

struct form {
	const char *id;       /* token name and element id ("a11y") */
	const char *prefix;   /* of the fields' element ids, "f-<prefix><name>"
	                       * (NULL: none), for a page with two forms */
	const char *action;   /* path the form posts to, without /en */
	const char *submit;   /* message key of the button */
	int level;            /* heading level of the error summary (2 if 0) */
	const struct fdef *fields;
	size_t n;
	const struct fbutton *buttons; /* NULL: one button labelled submit */
	size_t nbuttons;
};

/* One field as received. */
struct fval {
	const char *raw;      /* as typed (trimmed), "" when absent: shown again */
	const char *s;        /* valid text value, NULL when empty or invalid */
	long long i;          /* F_INT; F_CHECKBOX 1/0 */
	const struct upload *file; /* F_FILE */
	const char *err;      /* message key, NULL when valid */
};

/* The parsed form: one fval per declared field, and the token's state. */
struct form_data {
	const struct form *f;
	struct fval *v;       /* f->n entries, in the arena */
	const char *token;    /* the token to put in the form shown again */
	int token_bad;        /* the one sent was missing, forged or expired */
	int nerr;             /* fields in error (the token not counted) */
	int too_large;        /* a file was over max_file (see form_status) */
	int too_many;         /* the token was sent more than FORM_TOKEN_TRIES
	                       * times to this worker (token_bad is set too) */
	const char *err;      /* a message key about the whole form, set by
	                       * the handler (wrong password), or NULL */
	const char *autofocus; /* the field to focus when the page opens (a
	                        * form that is the page's task), or NULL */
};

/* How many times a visitor may send one form (one token) to a worker: a
 * few corrections, a double click and a retry after a timeout fit. */
#define FORM_TOKEN_TRIES 10

/* A fresh form: every field empty, a new token. */
void form_new(struct ctx *c, const struct form *f, struct form_data *fd);
/* Read c's request body against f.  Returns the number of problems (fields
 * in error, plus one for a bad token); 0 means every value is valid and the
 * token is one this site issued. */
int form_parse(struct ctx *c, const struct form *f, struct form_data *fd);
/* The status to answer a form with problems: 429 when its token was sent
 * too often (too_many), 413 when a file was too large, else 422. */
int form_status(const struct form_data *fd);
/* The button pressed: one of f->buttons' values, or NULL (none, or not
 * one of them). */
const char *form_action(const struct ctx *c, const struct form *f);
/* Set field name's value as typed (to show a form filled from stored
 * data); the value is used as is. */
void form_set(struct form_data *fd, const char *name, const char *raw);
/* Mark field name invalid with message key err (a rule the table cannot
 * say, found by the handler). */
void form_error(struct form_data *fd, const char *name, const char *err);
/* 1 if value is one of an F_MULTI value's "\n"-separated choices (a
 * choice also stands alone when the question is F_CHOICE). */
int form_multi_has(const char *list, const char *value);
/* The value of field name (NULL if not declared). */
const struct fval *form_value(const struct form_data *fd, const char *name);
/* Put the form into d's include marker FORM (views/form.tpl).  With a
 * staff session the session's CSRF token goes in too (http/session.h). */
void form_fill(struct ctx *c, tmpl_dict *d, const struct form_data *fd);
/* The page title to use: "Σφάλμα: <title>" when the form has problems
 * (so a screen reader hears it first), else title. */
const char *form_title(struct ctx *c, const struct form_data *fd,
                       const char *title);

#endif
