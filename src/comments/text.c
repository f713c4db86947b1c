/*
 * text.c (comments) - a comment's text as HTML, its links and its hash
 * (text.h).  Pure functions over the arena; no database, no request.
 */
#include "comments/text.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/fold.h"
#include "core/utf8.h"

/* The length of the web address starting at s (after a word boundary),
 * or 0 if none starts there.  It runs to the first space, control
 * character or < > " (never part of an address in running text), less
 * the punctuation that ends a sentence after it. */
static size_t link_at(const char *s)
{
	size_t pre;
	if (strncasecmp(s, "https://", 8) == 0)
		pre = 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		pre = 7;
	else if (strncasecmp(s, "www.", 4) == 0)
		pre = 4;
	else
		return 0;
	size_t n = pre;
	while (s[n] != '\0' && (unsigned char)s[n] > ' ' && !strchr("<>\"'`", s[n]))
		n++;
	while (n > pre && strchr(".,;:!?)]}", s[n - 1]))
		n--;
	return n > pre ? n : 0;
}

/* 1 if position i of s begins a word (start, or after a space or an
 * opening bracket). */
static int word_start(const char *s, size_t i)
{
	return i == 0 || (unsigned char)s[i - 1] <= ' ' || strchr("([{\"'", s[i - 1]);
}

size_t comment_count_links(const char *s)
{
	size_t n = 0;
	for (size_t i = 0; s[i] != '\0'; i++) {
		size_t l;
		if (word_start(s, i) && (l = link_at(s + i)) > 0) {
			n++;
			i += l - 1;
		}
	}
	return n;
}

static void put_escaped(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&#39;"); break;
		case '\r': break;
		default: buf_addc(b, s[i]);
		}
	}
}

char *comment_html(struct arena *a, const char *s, int links)
{
	struct buf b;
	buf_init(&b, strlen(s) + 64);
	int breaks = 0;
	for (size_t i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\n') {
			if (breaks++ < 2)
				buf_adds(&b, "<br>\n");
			continue;
		}
		if (s[i] == '\r')
			continue;
		breaks = 0;
		size_t l;
		if (links && word_start(s, i) && (l = link_at(s + i)) > 0) {
			buf_adds(&b, "<a href=\"");
			if (strncasecmp(s + i, "www.", 4) == 0)
				buf_adds(&b, "https://");
			put_escaped(&b, s + i, l);
			buf_adds(&b, "\" rel=\"nofollow ugc noopener\">");
			put_escaped(&b, s + i, l);
			buf_adds(&b, "</a>");
			i += l - 1;
			continue;
		}
		put_escaped(&b, s + i, 1);
	}
	char *out = arena_strndup(a, b.p, b.len);
	buf_free(&b);
	return out;
}

void comment_hash(const char *s, unsigned char out[32])
{
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	size_t len = strlen(s);
	int space = 0, any = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		int n = utf8_decode(s + i, len - i, &cp);
		if (n <= 0) { /* cannot happen: input was checked; skip a byte */
			i++;
			continue;
		}
		i += (size_t)n;
		unsigned f = fold_char(cp, NULL);
		if (f == FOLD_IGNORABLE)
			continue;
		if (f == FOLD_NOT_WORD) {
			space = any;
			continue;
		}
		if (space) {
			crypto_hash_sha256_update(&st, (const unsigned char *)" ", 1);
			space = 0;
		}
		any = 1;
		/* the folded code point as UTF-8 */
		unsigned char u[4];
		size_t k;
		if (f < 0x80) { u[0] = (unsigned char)f; k = 1; }
		else if (f < 0x800) { u[0] = (unsigned char)(0xC0 | f >> 6); u[1] = (unsigned char)(0x80 | (f & 0x3F)); k = 2; }
		else if (f < 0x10000) { u[0] = (unsigned char)(0xE0 | f >> 12); u[1] = (unsigned char)(0x80 | (f >> 6 & 0x3F)); u[2] = (unsigned char)(0x80 | (f & 0x3F)); k = 3; }
		else { u[0] = (unsigned char)(0xF0 | f >> 18); u[1] = (unsigned char)(0x80 | (f >> 12 & 0x3F)); u[2] = (unsigned char)(0x80 | (f >> 6 & 0x3F)); u[3] = (unsigned char)(0x80 | (f & 0x3F)); k = 4; }
		crypto_hash_sha256_update(&st, u, k);
	}
	crypto_hash_sha256_final(&st, out);
}
