/*
 * text.c - UTF-8 text rules shared by the pages, feeds and forms (text.h).
 */
#include "core/text.h"

#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/utf8.h"

size_t text_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

char *text_first_chars(struct arena *a, const char *s, size_t max)
{
	size_t i = 0, c = 0;
	while (s[i] && c < max) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		c++;
	}
	return arena_strndup(a, s, i);
}

/* 1 if a white-space character starts s (n bytes left); *len its bytes. */
static int is_space(const char *s, size_t n, size_t *len)
{
	unsigned cp;
	int k = utf8_decode(s, n, &cp);
	*len = k > 0 ? (size_t)k : 1;
	return k > 0 && (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 ||
	                 (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 ||
	                 cp == 0x202F || cp == 0x205F || cp == 0xFEFF);
}

char *text_trim(struct arena *a, const char *s)
{
	size_t n = strlen(s), i = 0, k, end = 0;
	while (i < n && is_space(s + i, n - i, &k))
		i += k;
	for (size_t j = i; j < n; j += k)
		if (!is_space(s + j, n - j, &k))
			end = j + k;
	return arena_strndup(a, s + i, end > i ? end - i : 0);
}

char *text_percent_encode(struct arena *a, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *o = arena_alloc(a, strlen(s) * 3 + 1), *p = o;
	for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
		if ((*u >= 'a' && *u <= 'z') || (*u >= 'A' && *u <= 'Z') ||
		    (*u >= '0' && *u <= '9') || *u == '-' || *u == '.' ||
		    *u == '_' || *u == '~') {
			*p++ = (char)*u;
		} else {
			*p++ = '%';
			*p++ = hex[*u >> 4];
			*p++ = hex[*u & 15];
		}
	}
	*p = '\0';
	return o;
}

const char *text_url_host(struct arena *a, const char *url)
{
	const char *p = url != NULL ? strstr(url, "://") : NULL;
	p = p != NULL ? p + 3 : url != NULL ? url : "";
	size_t n = strcspn(p, "/?#");
	const char *at = memchr(p, '@', n); /* user:password@ */
	if (at != NULL) {
		n -= (size_t)(at + 1 - p);
		p = at + 1;
	}
	size_t h;
	if (n > 0 && p[0] == '[') { /* [IPv6]:port */
		const char *close = memchr(p, ']', n);
		h = close != NULL ? (size_t)(close - p) + 1 : n;
	} else {
		const char *colon = memchr(p, ':', n);
		h = colon != NULL ? (size_t)(colon - p) : n;
	}
	if (h == 0)
		return "localhost";
	char *s = arena_strndup(a, p, h);
	for (char *q = s; *q; q++)
		if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	return s;
}

size_t text_url_at(const char *s, int www)
{
	size_t pre;
	if (strncasecmp(s, "https://", 8) == 0)
		pre = 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		pre = 7;
	else if (www && strncasecmp(s, "www.", 4) == 0)
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

void text_html_escape(struct buf *b, const char *s, size_t n)
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
