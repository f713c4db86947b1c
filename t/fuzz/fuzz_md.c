/*
 * fuzz_md.c - libFuzzer target for md_render() (core/md.c: cmark-gfm with
 * its table, strikethrough and autolink extensions, the language prefix
 * of site links, the platform's links, headings renumbered and tables
 * given row headers).  The input's first byte picks the link prefix (0:
 * NULL, 1: "", 2: "/en", mod 3); the rest, up to a NUL, is the Markdown.
 * Text that is not valid UTF-8 is skipped: md_render is only given what
 * req.c checked (the staff forms) or what the database holds.
 *
 * The HTML must be valid UTF-8 and well formed, made only of what md.c
 * and cmark-gfm write: the elements below with their attributes, each
 * value quoted and escaped, nothing raw but "<!-- raw HTML omitted -->",
 * elements closed in order, no link inside a link, text without a raw
 * '<' or '>' and with '&' only in entities; no href or src with a
 * javascript:, vbscript:, file: or (but images) data: scheme; headings
 * from h2 to h6, the first an h2 and none more than one level below the
 * one before; every body row of a table headed by <th scope="row"> and
 * every header cell <th scope="col">.  With the prefix "/en", a link to
 * the site's own pages is under /en.  See README.md for how to build and
 * run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/md.h"
#include "core/utf8.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

/* The elements cmark-gfm writes with these options, and their attributes. */
static const struct {
	const char *name;
	int is_void;
	const char *attrs; /* " a b " */
} elems[] = {
	{ "p", 0, "" }, { "h2", 0, "" }, { "h3", 0, "" }, { "h4", 0, "" },
	{ "h5", 0, "" }, { "h6", 0, "" }, { "blockquote", 0, "" }, { "ul", 0, "" },
	{ "ol", 0, " start " }, { "li", 0, "" }, { "pre", 0, "" },
	{ "code", 0, " class " }, { "em", 0, "" }, { "strong", 0, "" },
	{ "a", 0, " href title " }, { "img", 1, " src alt title " }, { "del", 0, "" },
	{ "hr", 1, "" }, { "br", 1, "" }, { "table", 0, "" }, { "thead", 0, "" },
	{ "tbody", 0, "" }, { "tr", 0, "" }, { "th", 0, " align scope " },
	{ "td", 0, " align " },
};
#define NELEMS (sizeof(elems) / sizeof(elems[0]))
#define RAW_OMITTED "<!-- raw HTML omitted -->"

/* 1 if s (n bytes) starts an entity: &name; or &#digits; or &#xhex; */
static size_t entity(const char *s)
{
	size_t i = 1;
	if (s[i] == '#') {
		i++;
		if (s[i] == 'x' || s[i] == 'X')
			i++;
	}
	size_t k = i;
	while ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	       (s[i] >= '0' && s[i] <= '9'))
		i++;
	return i > k && s[i] == ';' ? i + 1 : 0;
}

/* A URL's value as a browser reads its scheme: entities &amp; decoded
 * enough to see it, leading spaces and controls skipped. */
static int dangerous(const char *v, size_t n, int image)
{
	char u[64];
	size_t o = 0;
	for (size_t i = 0; i < n && o < sizeof(u) - 1; i++) {
		if (o == 0 && (unsigned char)v[i] <= ' ')
			continue;
		if (strncmp(v + i, "&amp;", 5) == 0) {
			u[o++] = '&';
			i += 4;
			continue;
		}
		if ((unsigned char)v[i] == '\t' || v[i] == '\n' || v[i] == '\r')
			continue; /* browsers drop these inside a scheme */
		u[o++] = v[i];
	}
	u[o] = '\0';
	if (strncasecmp(u, "javascript:", 11) == 0 || strncasecmp(u, "vbscript:", 9) == 0 ||
	    strncasecmp(u, "file:", 5) == 0)
		return 1;
	if (strncasecmp(u, "data:", 5) == 0)
		return !image || !(strncasecmp(u + 5, "image/png", 9) == 0 ||
		                   strncasecmp(u + 5, "image/gif", 9) == 0 ||
		                   strncasecmp(u + 5, "image/jpeg", 10) == 0 ||
		                   strncasecmp(u + 5, "image/webp", 10) == 0);
	return 0;
}

static void check_html(const char *h, const char *prefix)
{
	/* Open elements: as deep as the input nests (">>>>" is a blockquote
	 * per byte), but each start tag takes at least three bytes of output. */
	size_t len = strlen(h), cap = len / 3 + 1, depth = 0;
	size_t *stack = malloc(cap * sizeof(*stack));
	CHECK(stack != NULL);
	int in_thead = 0, in_tbody = 0, row_cells = 0, last_heading = 1, links = 0;
	CHECK(utf8_valid(h, len));
	for (const char *p = h; *p;) {
		if (*p == '&') {
			size_t k = entity(p);
			CHECK(k > 0);
			p += k;
			continue;
		}
		CHECK(*p != '>');
		if (*p != '<') {
			p++;
			continue;
		}
		if (strncmp(p, RAW_OMITTED, sizeof(RAW_OMITTED) - 1) == 0) {
			p += sizeof(RAW_OMITTED) - 1;
			continue;
		}
		int closing = p[1] == '/';
		const char *q = p + 1 + closing;
		size_t nl = strspn(q, "abcdefghijklmnopqrstuvwxyz0123456789");
		size_t e = 0;
		while (e < NELEMS && !(strlen(elems[e].name) == nl && strncmp(elems[e].name, q, nl) == 0))
			e++;
		CHECK(e < NELEMS); /* no <script, <h1, <iframe, ... */
		const char *name = elems[e].name;
		q += nl;
		if (closing) {
			CHECK(*q == '>' && depth > 0 && stack[depth - 1] == e);
			depth--;
			if (strcmp(name, "thead") == 0)
				in_thead = 0;
			else if (strcmp(name, "tbody") == 0)
				in_tbody = 0;
			else if (strcmp(name, "a") == 0)
				links--;
			p = q + 1;
			continue;
		}
		/* Attributes: name="value", each allowed for the element. */
		int scope_row = 0, scope_col = 0;
		while (*q == ' ') {
			q++;
			if (*q == '/')
				break;
			size_t an = strspn(q, "abcdefghijklmnopqrstuvwxyz");
			char key[16];
			CHECK(an > 0 && an < sizeof(key));
			key[0] = ' ';
			memcpy(key + 1, q, an);
			key[an + 1] = ' ';
			key[an + 2] = '\0';
			CHECK(strstr(elems[e].attrs, key) != NULL);
			CHECK(q[an] == '=' && q[an + 1] == '"');
			const char *v = q + an + 2, *end = strchr(v, '"');
			CHECK(end != NULL);
			for (const char *x = v; x < end; x++) {
				CHECK(*x != '<' && *x != '>');
				if (*x == '&') {
					size_t k = entity(x);
					CHECK(k > 0 && x + k <= end);
				}
			}
			if ((an == 4 && strncmp(q, "href", 4) == 0) || (an == 3 && strncmp(q, "src", 3) == 0))
				CHECK(!dangerous(v, (size_t)(end - v), an == 3));
			if (an == 4 && strncmp(q, "href", 4) == 0 && prefix != NULL &&
			    strcmp(prefix, "/en") == 0 && v[0] == '/' && v[1] != '/' &&
			    strncmp(v, "/static/", 8) != 0 && strncmp(v, "/media/", 7) != 0)
				CHECK(strncmp(v, "/en", 3) == 0 && strchr("/?#\"", v[3]) != NULL);
			if (an == 5 && strncmp(q, "scope", 5) == 0) {
				scope_row = strncmp(v, "row\"", 4) == 0;
				scope_col = strncmp(v, "col\"", 4) == 0;
				CHECK(scope_row || scope_col);
			}
			q = end + 1;
		}
		if (elems[e].is_void) {
			CHECK(strncmp(q, "/>", 2) == 0);
			p = q + 2;
		} else {
			CHECK(*q == '>');
			p = q + 1;
			CHECK(depth < cap);
			stack[depth++] = e;
		}
		if (name[0] == 'h' && name[1] >= '2' && name[1] <= '6') {
			int level = name[1] - '0';
			CHECK(level <= last_heading + 1);
			last_heading = level;
		} else if (strcmp(name, "a") == 0) {
			CHECK(links == 0); /* no link in a link */
			links++;
		} else if (strcmp(name, "thead") == 0) {
			in_thead = 1;
		} else if (strcmp(name, "tbody") == 0) {
			in_tbody = 1;
		} else if (strcmp(name, "tr") == 0) {
			row_cells = 0;
		} else if (strcmp(name, "th") == 0 || strcmp(name, "td") == 0) {
			if (in_thead)
				CHECK(name[1] == 'h' && scope_col);
			if (in_tbody && row_cells == 0)
				CHECK(name[1] == 'h' && scope_row);
			if (in_tbody && row_cells > 0)
				CHECK(name[1] == 'd');
			row_cells++;
		}
	}
	CHECK(depth == 0);
	free(stack);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static const char *const prefixes[] = { NULL, "", "/en" };
	if (size == 0)
		return 0;
	if (a == NULL)
		a = arena_new(1 << 16);
	arena_reset(a);
	const char *prefix = prefixes[data[0] % 3];
	size_t n = strnlen((const char *)data + 1, size - 1);
	if (!utf8_valid((const char *)data + 1, n))
		return 0; /* what staff type is (req.c checks it), and the database's */
	char *md = malloc(n + 1); /* exact size: overreads hit the redzone */
	if (md == NULL)
		return 0;
	memcpy(md, data + 1, n);
	md[n] = '\0';
	const char *html = md_render(a, md, prefix);
	CHECK(html != NULL);
	check_html(html, prefix);
	free(md);
	return 0;
}
