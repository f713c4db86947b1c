/*
 * mime.c - building the Internet message of an outbox row: RFC 2047
 * encoded-words for UTF-8 headers, quoted-printable bodies, the
 * multipart/alternative frame and the headers bulk mail needs
 * (List-Unsubscribe, Auto-Submitted).  Pure string work on the arena.
 */
#include "mail/mime.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/text.h"
#include "mail/outbox.h"

/* An encoded word "=?UTF-8?B?...?=" is 12 characters of frame; 42 bytes
 * are 56 of base64: 68 in all, so "Subject: " and the first word (77)
 * stay within 78, and every word within RFC 2047's 75. */
#define WORD_BYTES 42
#define LINE_MAX_HDR 78
#define LINE_MAX_QP 76

static char *done(struct arena *a, struct buf *b, size_t *len)
{
	char *o = arena_strndup(a, b->p ? b->p : "", b->len);
	if (len != NULL)
		*len = b->len;
	buf_free(b);
	return o;
}

static int is_ascii_printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/* Bytes of the UTF-8 sequence starting with lead byte c (1 for a stray
 * continuation byte, which is then never split either). */
static size_t seq_len(unsigned char c)
{
	return c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

static void add_b64(struct buf *b, const char *s, size_t n)
{
	size_t cap = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
	char *o = buf_reserve(b, cap);
	sodium_bin2base64(o, cap, (const unsigned char *)s, n,
	                  sodium_base64_VARIANT_ORIGINAL);
	b->len += strlen(o);
	b->p[b->len] = '\0';
}

/* value with controls as spaces. */
static char *flatten(struct arena *a, const char *v)
{
	char *o = arena_strdup(a, v ? v : "");
	for (char *p = o; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	return o;
}

/* Encoded words of s, the first after col characters already on the line. */
static void add_words(struct buf *b, const char *s, size_t col)
{
	size_t n = strlen(s), i = 0;
	int first = 1;
	while (i < n) {
		size_t j = i;
		while (j < n && j - i + seq_len((unsigned char)s[j]) <= WORD_BYTES)
			j += seq_len((unsigned char)s[j]);
		if (j > n)
			j = n;
		if (!first || col + 68 > LINE_MAX_HDR)
			buf_adds(b, "\r\n ");
		buf_adds(b, "=?UTF-8?B?");
		add_b64(b, s + i, j - i);
		buf_adds(b, "?=");
		first = 0;
		i = j;
	}
}

/* Plain ASCII folded before a space where a line would pass 78. */
static void add_folded(struct buf *b, const char *s, size_t col)
{
	while (*s) {
		size_t w = strcspn(s + 1, " ") + 1; /* the next word with its space */
		if (col + w > LINE_MAX_HDR && s[0] == ' ' && col > 1) {
			buf_adds(b, "\r\n");
			col = 0;
		}
		buf_add(b, s, w);
		col += w;
		s += w;
	}
}

static void header(struct buf *b, const char *name, const char *value)
{
	buf_adds(b, name);
	buf_adds(b, ": ");
	size_t col = strlen(name) + 2;
	if (is_ascii_printable(value))
		add_folded(b, value, col);
	else
		add_words(b, value, col);
	buf_adds(b, "\r\n");
}

char *mime_header(struct arena *a, const char *name, const char *value)
{
	struct buf b;
	buf_init(&b, 128);
	header(&b, name, flatten(a, value));
	return done(a, &b, NULL);
}

char *mime_qp(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b;
	buf_init(&b, strlen(s) * 3 / 2 + 16);
	size_t col = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\r' && p[1] == '\n')
			continue; /* the LF makes the line end */
		if (*p == '\n') {
			buf_adds(&b, "\r\n");
			col = 0;
			continue;
		}
		char enc[4];
		size_t w;
		int at_end = p[1] == '\0' || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
		if ((*p >= 33 && *p <= 126 && *p != '=' && !(*p == '.' && col == 0)) ||
		    ((*p == ' ' || *p == '\t') && !at_end)) {
			enc[0] = (char)*p;
			w = 1;
		} else {
			enc[0] = '=';
			enc[1] = hex[*p >> 4];
			enc[2] = hex[*p & 15];
			w = 3;
		}
		/* Room for it and, unless the line ends after it, a soft break. */
		if (col + w > LINE_MAX_QP - (at_end ? 0 : 1)) {
			buf_adds(&b, "=\r\n");
			col = 0;
			if (enc[0] == '.' && w == 1) {
				memcpy(enc, "=2E", 3);
				w = 3;
			}
		}
		buf_add(&b, enc, w);
		col += w;
	}
	if (col > 0)
		buf_adds(&b, "\r\n");
	return done(a, &b, NULL);
}

/* One line's text with its URLs as links. */
static void add_line(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, from = 0;
	while (i < n) {
		size_t u = (i == 0 || (unsigned char)s[i - 1] <= ' ' || s[i - 1] == '(')
		               ? text_url_at(s + i, 0) : 0;
		if (u > n - i)
			u = n - i;
		if (u == 0) {
			i++;
			continue;
		}
		text_html_escape(b, s + from, i - from);
		buf_adds(b, "<a href=\"");
		text_html_escape(b, s + i, u);
		buf_adds(b, "\">");
		text_html_escape(b, s + i, u);
		buf_adds(b, "</a>");
		i += u;
		from = i;
	}
	text_html_escape(b, s + from, n - from);
}

char *mime_html_from_text(struct arena *a, const char *text, const char *title,
                          const char *lang)
{
	struct buf b;
	buf_init(&b, strlen(text) * 2 + 256);
	buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"");
	text_html_escape(&b, lang && *lang ? lang : "el", strlen(lang && *lang ? lang : "el"));
	buf_adds(&b, "\">\n<head><meta charset=\"utf-8\"><title>");
	text_html_escape(&b, title ? title : "", strlen(title ? title : ""));
	buf_adds(&b, "</title></head>\n<body>\n");
	const char *p = text;
	int open = 0, lines = 0;
	while (*p) {
		size_t n = strcspn(p, "\n");
		size_t k = n;
		while (k > 0 && (p[k - 1] == '\r' || p[k - 1] == ' '))
			k--;
		if (k == 0) {
			if (open)
				buf_adds(&b, "</p>\n");
			open = 0;
		} else {
			if (!open) {
				buf_adds(&b, "<p>");
				lines = 0;
			} else if (lines > 0) {
				buf_adds(&b, "<br>\n");
			}
			open = 1;
			add_line(&b, p, k);
			lines++;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	if (open)
		buf_adds(&b, "</p>\n");
	buf_adds(&b, "</body>\n</html>\n");
	return done(a, &b, NULL);
}

char *mime_date(struct arena *a, time_t t)
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	localtime_r(&t, &tm);
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	return arena_printf(a, "%s, %02d %s %04d %02d:%02d:%02d %c%02ld%02ld",
	                    days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
	                    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec,
	                    sign, off / 60, off % 60);
}

/* A display name as an RFC 5322 phrase: plain letters, digits and spaces as
 * they are, anything else as encoded-words. */
static void add_mailbox(struct buf *b, struct arena *a, const char *name,
                        const char *addr)
{
	buf_adds(b, "From: ");
	name = name ? flatten(a, name) : "";
	int plain = 1;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == ' '))
			plain = 0;
	if (*name == '\0') {
		buf_printf(b, "%s\r\n", addr);
		return;
	}
	if (plain && strlen(name) + strlen(addr) + 9 <= LINE_MAX_HDR)
		buf_adds(b, name);
	else if (plain)
		add_folded(b, name, 6);
	else
		add_words(b, name, 6);
	buf_printf(b, "\r\n <%s>\r\n", addr);
}

static int id_ok(const char *s)
{
	if (s == NULL || strchr(s, '@') == NULL || strlen(s) > 200)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f ||
		    strchr("<>\"\\", *s))
			return 0;
	return 1;
}

static int url_ok(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f ||
		    *s == '<' || *s == '>')
			return 0;
	return 1;
}

static void part(struct buf *b, const char *boundary, const char *type,
                 const char *qp)
{
	buf_printf(b, "--%s\r\nContent-Type: %s; charset=utf-8\r\n"
	              "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
	           boundary, type);
	buf_adds(b, qp);
}

char *mime_build(struct arena *a, const struct mime_msg *m, size_t *len)
{
	if (!outbox_address_ok(m->from) || !outbox_address_ok(m->to) ||
	    !id_ok(m->message_id) || m->text == NULL)
		return NULL;
	const char *subject = flatten(a, m->subject);
	const char *html = m->html ? m->html
	                           : mime_html_from_text(a, m->text, subject, m->lang);
	unsigned char raw[12];
	char hex[sizeof(raw) * 2 + 1];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
	/* "=_" never occurs in quoted-printable text. */
	const char *boundary = arena_printf(a, "=_agora_%s", hex);

	struct buf b;
	buf_init(&b, strlen(m->text) * 4 + strlen(html) * 2 + 1024);
	add_mailbox(&b, a, m->from_name, m->from);
	buf_printf(&b, "To: %s\r\n", m->to);
	header(&b, "Subject", subject);
	buf_printf(&b, "Date: %s\r\n", mime_date(a, m->date));
	buf_printf(&b, "Message-ID: <%s>\r\n", m->message_id);
	buf_adds(&b, "MIME-Version: 1.0\r\n");
	buf_adds(&b, "Auto-Submitted: auto-generated\r\n");
	if (m->unsubscribe != NULL && *m->unsubscribe && url_ok(m->unsubscribe)) {
		buf_printf(&b, "List-Unsubscribe: <%s>\r\n", m->unsubscribe);
		buf_adds(&b, "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
	}
	buf_printf(&b, "Content-Type: multipart/alternative;\r\n boundary=\"%s\"\r\n\r\n",
	           boundary);
	buf_adds(&b, "This is a message in MIME format.\r\n\r\n");
	part(&b, boundary, "text/plain", mime_qp(a, m->text));
	buf_adds(&b, "\r\n");
	part(&b, boundary, "text/html", mime_qp(a, html));
	buf_printf(&b, "\r\n--%s--\r\n", boundary);
	return done(a, &b, len);
}
