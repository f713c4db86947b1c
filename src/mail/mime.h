/*
 * mime.h - an outbox row as an Internet message (RFC 5322, MIME RFC 2045-
 * 2047): UTF-8 headers as encoded-words, a multipart/alternative of
 * text/plain and text/html in quoted-printable, CRLF line ends, no header
 * line over 78 characters (but a List-Unsubscribe URL longer than that)
 * and no body line over 76.  Pure functions on the arena; no I/O.
 */
#ifndef AGORA_MIME_H
#define AGORA_MIME_H

#include <stddef.h>
#include <time.h>

struct arena;

struct mime_msg {
	const char *from;        /* mail_from: a plain address */
	const char *from_name;   /* mail_from_name, UTF-8, or NULL/"" */
	const char *to;          /* one plain address */
	const char *subject;     /* UTF-8; controls (CR, LF, tab) become spaces */
	const char *text;        /* UTF-8, LF or CRLF line ends */
	const char *html;        /* UTF-8, or NULL: mime_html_from_text(text) */
	const char *unsubscribe; /* one-click URL, or NULL: no List-Unsubscribe */
	const char *message_id;  /* "local@host", without the angle brackets */
	time_t date;
	const char *lang;        /* the html's lang when made from text ("el") */
};

/* The whole message, NUL-terminated, its length in *len.  NULL when from,
 * to or message_id could inject a header or is not an address (CR, LF,
 * spaces, brackets), or text is missing; an unsubscribe URL with a control
 * or a space is left out. */
char *mime_build(struct arena *a, const struct mime_msg *m, size_t *len);

/* "Name: value" with value as RFC 2047 B encoded-words (UTF-8, each at most
 * 75 characters, never splitting a character) on folded lines when it is
 * not plain ASCII; plain ASCII is kept, folded at spaces.  Controls in value
 * become spaces.  Ends with CRLF. */
char *mime_header(struct arena *a, const char *name, const char *value);

/* s in quoted-printable (RFC 2045): CRLF lines of at most 76 characters,
 * '.' at a line start encoded too (SMTP's dot). */
char *mime_qp(struct arena *a, const char *s);

/* An HTML document from plain text: escaped, blank lines as paragraphs,
 * single line breaks as <br>, http(s) URLs as links. */
char *mime_html_from_text(struct arena *a, const char *text, const char *title,
                          const char *lang);

/* The RFC 5322 date of t in the process's zone ("Wed, 02 Dec 2026 04:13:00 +0200"). */
char *mime_date(struct arena *a, time_t t);

#endif
