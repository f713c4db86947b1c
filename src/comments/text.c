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
#include "core/text.h"
#include "core/utf8.h"

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
		if (word_start(s, i) && (l = text_url_at(s + i, 1)) > 0) {
			n++;
			i += l - 1;
		}
	}
	return n;
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
		if (links && word_start(s, i) && (l = text_url_at(s + i, 1)) > 0) {
			buf_adds(&b, "<a href=\"");
			if (strncasecmp(s + i, "www.", 4) == 0)
				buf_adds(&b, "https://");
			text_html_escape(&b, s + i, l);
			buf_adds(&b, "\" rel=\"nofollow ugc noopener\">");
			text_html_escape(&b, s + i, l);
			buf_adds(&b, "</a>");
			i += l - 1;
			continue;
		}
		text_html_escape(&b, s + i, 1);
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
		char u[4];
		size_t k = utf8_encode(f, u);
		crypto_hash_sha256_update(&st, (const unsigned char *)u, k);
	}
	crypto_hash_sha256_final(&st, out);
}
