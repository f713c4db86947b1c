/*
 * emit.c - the two syntaxes of an Open311 document (emit.h).
 */
#include "open311/emit.h"

#include <string.h>

#include "core/json.h"

/* XML text: the five entities, and only the characters XML 1.0 allows
 * (tab, newline, carriage return, U+0020 on but U+FFFE and U+FFFF; the
 * text is UTF-8 already checked on input, so the other bytes >= 0x80
 * pass). */
static void xml_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == 0xEF && (unsigned char)s[1] == 0xBF &&
		    ((unsigned char)s[2] == 0xBE || (unsigned char)s[2] == 0xBF)) {
			s += 2; /* U+FFFE, U+FFFF: not XML characters */
			continue;
		}
		switch (ch) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&apos;"); break;
		default:
			if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r')
				buf_addc(b, (char)ch);
		}
	}
}

static int in_list(const struct o311_doc *d)
{
	return d->depth > 0 && d->list[d->depth - 1];
}

/* JSON: the comma before a member or item, and the member's name. */
static void json_key(struct o311_doc *d, const char *name)
{
	if (d->depth > 0) {
		if (!d->empty[d->depth - 1])
			buf_addc(d->b, ',');
		d->empty[d->depth - 1] = 0;
	}
	if (!in_list(d)) {
		json_add_str(d->b, name);
		buf_addc(d->b, ':');
	}
}

static void push(struct o311_doc *d, const char *tag, int list)
{
	if (d->depth >= O311_DEPTH)
		return; /* deeper than any Open311 document: a caller's bug */
	d->tag[d->depth] = tag;
	d->list[d->depth] = (unsigned char)list;
	d->empty[d->depth] = 1;
	d->depth++;
}

void o311_open(struct o311_doc *d, struct buf *b, enum o311_fmt fmt, const char *root,
               int list)
{
	memset(d, 0, sizeof(*d));
	d->b = b;
	d->fmt = fmt;
	if (fmt == O311_XML)
		buf_printf(b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<%s>", root);
	else
		buf_addc(b, list ? '[' : '{');
	push(d, root, list);
}

static void open_container(struct o311_doc *d, const char *name, int list)
{
	if (d->fmt == O311_XML)
		buf_printf(d->b, "<%s>", name);
	else {
		json_key(d, name);
		buf_addc(d->b, list ? '[' : '{');
	}
	push(d, name, list);
}

void o311_obj(struct o311_doc *d, const char *elem)
{
	open_container(d, elem, 0);
}

void o311_list(struct o311_doc *d, const char *name)
{
	open_container(d, name, 1);
}

void o311_end(struct o311_doc *d)
{
	if (d->depth <= 1)
		return;
	d->depth--;
	if (d->fmt == O311_XML)
		buf_printf(d->b, "</%s>", d->tag[d->depth]);
	else
		buf_addc(d->b, d->list[d->depth] ? ']' : '}');
}

void o311_close(struct o311_doc *d)
{
	while (d->depth > 1)
		o311_end(d);
	if (d->depth == 1) {
		d->depth = 0;
		if (d->fmt == O311_XML)
			buf_printf(d->b, "</%s>\n", d->tag[0]);
		else
			buf_adds(d->b, d->list[0] ? "]\n" : "}\n");
	}
}

/* A scalar: raw is the JSON text as it is (a number, true), else a string. */
static void scalar(struct o311_doc *d, const char *name, const char *value, int raw)
{
	if (d->fmt == O311_XML) {
		buf_printf(d->b, "<%s>", name);
		if (value != NULL)
			xml_text(d->b, value);
		buf_printf(d->b, "</%s>", name);
		return;
	}
	json_key(d, name);
	if (value == NULL)
		buf_adds(d->b, "null");
	else if (raw)
		buf_adds(d->b, value);
	else
		json_add_str(d->b, value);
}

void o311_str(struct o311_doc *d, const char *name, const char *value)
{
	scalar(d, name, value, 0);
}

/* A decimal number as JSON writes it: -?digits(.digits)?, no leading zero
 * but a lone 0 (so "006" and "1e5" are not numbers). */
static int plain_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.') {
		s++;
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

void o311_num(struct o311_doc *d, const char *name, const char *value)
{
	scalar(d, name, value != NULL && plain_number(value) ? value : NULL, 1);
}

void o311_bool(struct o311_doc *d, const char *name, int value)
{
	scalar(d, name, value ? "true" : "false", 1);
}

const char *o311_ctype(enum o311_fmt fmt)
{
	return fmt == O311_XML ? "text/xml; charset=utf-8" : "application/json";
}
