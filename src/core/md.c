/*
 * md.c - cmark-gfm with the table, strikethrough and autolink extensions;
 * headings renumbered under the page's own h1, tables given row headers,
 * and every mention of the citizens' service platform made a link to it
 * (see md.h).
 */
#include "core/md.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

static void prefix_links(cmark_node *doc, const char *prefix)
{
	size_t pl = strlen(prefix);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		const char *url = cmark_node_get_url(n);
		if (url == NULL || url[0] != '/' || url[1] == '/' ||
		    strncmp(url, "/static/", 8) == 0 || strncmp(url, "/media/", 7) == 0 ||
		    (strncmp(url, prefix, pl) == 0 && strchr("/?#", url[pl]) != NULL))
			continue;
		size_t ul = strlen(url);
		char *nu = malloc(pl + ul + 1);
		if (nu == NULL)
			abort();
		memcpy(nu, prefix, pl);
		memcpy(nu + pl, url, ul + 1);
		cmark_node_set_url(n, nu);
		free(nu);
	}
	cmark_iter_free(it);
}

/* The page's title is its one h1, so a body's headings start at h2 and go
 * one level deeper at a time: each heading's level is its depth among the
 * headings above it that are higher (a smaller original level) plus 2.
 * "### A / #### B / ## C" becomes h2 / h3 / h2, "# A / ## B" h2 / h3, and
 * "## A / #### B" h2 / h3.  HTML stops at h6. */
static void renumber_headings(cmark_node *doc)
{
	int stack[7], depth = 0;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		int level = cmark_node_get_heading_level(n);
		while (depth > 0 && stack[depth - 1] >= level)
			depth--;
		if (depth < 5)
			stack[depth++] = level;
		else
			stack[depth - 1] = level;
		cmark_node_set_heading_level(n, depth + 1);
	}
	cmark_iter_free(it);
}

/* "πλατφόρμα εξυπηρέτησης πολιτών" in its cases and number (with
 * "ηλεκτρονική" or "των" or not), "citizens' service platform". */
static const char platform_re[] =
    "(?:ηλεκτρονικ\\w+\\s+)?πλατφόρμ\\w*\\s+(?:ηλεκτρονικής\\s+)?εξυπηρέτησης\\s+"
    "(?:των\\s+)?πολιτών"
    "|citizens(?:['’])?\\s+(?:service|services)\\s+platform";

/* 1 if n is inside a link, a heading or an image (text not to link). */
static int in_no_link(cmark_node *n)
{
	for (cmark_node *p = cmark_node_parent(n); p != NULL; p = cmark_node_parent(p)) {
		cmark_node_type t = cmark_node_get_type(p);
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_HEADING || t == CMARK_NODE_IMAGE)
			return 1;
	}
	return 0;
}

/* Each mention of the platform in a text node becomes a link to the
 * request form (prefix + /requests/new): the node is split around it. */
static void link_platform(cmark_node *doc, const char *prefix)
{
	static pcre2_code *re;
	if (re == NULL) {
		int err;
		PCRE2_SIZE off;
		re = pcre2_compile((PCRE2_SPTR)platform_re, PCRE2_ZERO_TERMINATED,
		                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
		if (re == NULL)
			abort();
	}
	/* The text nodes first: the tree changes as they are split. */
	size_t n = 0, cap = 16;
	cmark_node **texts = malloc(cap * sizeof(*texts));
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while (texts != NULL && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *t = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(t) != CMARK_NODE_TEXT ||
		    in_no_link(t))
			continue;
		if (n == cap) {
			cmark_node **m = realloc(texts, (cap *= 2) * sizeof(*texts));
			if (m == NULL)
				abort();
			texts = m;
		}
		texts[n++] = t;
	}
	cmark_iter_free(it);
	if (texts == NULL)
		abort();
	char *url = malloc(strlen(prefix) + sizeof("/requests/new"));
	if (url == NULL)
		abort();
	sprintf(url, "%s/requests/new", prefix);
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
	for (size_t i = 0; md != NULL && i < n; i++) {
		cmark_node *t = texts[i];
		const char *s = cmark_node_get_literal(t);
		if (s == NULL || pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL) < 0)
			continue;
		/* Split: before | link(match) | after, and go on in "after". */
		char *rest = strdup(s);
		if (rest == NULL)
			abort();
		cmark_node *cur = t;
		const char *p = rest;
		while (pcre2_match(re, (PCRE2_SPTR)p, strlen(p), 0, 0, md, NULL) >= 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			char *before = strndup(p, ov[0]), *match = strndup(p + ov[0], ov[1] - ov[0]);
			if (before == NULL || match == NULL)
				abort();
			cmark_node_set_literal(cur, before);
			cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
			cmark_node *lt = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_url(link, url);
			cmark_node_set_literal(lt, match);
			cmark_node_append_child(link, lt);
			cmark_node_insert_after(cur, link);
			cmark_node *after = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(after, p + ov[1]);
			cmark_node_insert_after(link, after);
			free(before);
			free(match);
			cur = after;
			p += ov[1];
		}
		free(rest);
	}
	pcre2_match_data_free(md);
	free(url);
	free(texts);
}

/* GFM tables have one header row; staff tables name each row in their
 * first column (a deadline's stage, a route, a service and its number),
 * so that column is made of row headers: the first cell of every body row
 * becomes <th scope="row">, and the header row's cells <th scope="col">.
 * html is cmark-gfm's output, where "<tr>\n<td", "<th" and "</td>" can
 * only be tags: text is escaped and raw HTML suppressed.  A new string
 * (malloc), or NULL when out of memory. */
static char *row_headers(const char *html)
{
	static const char row[] = "<tr>\n<td", col[] = "<th";
	size_t n = 0;
	for (const char *p = html; (p = strstr(p, "<t")) != NULL; p++)
		n++;
	/* each tag grows by at most strlen(" scope=\"row\"") */
	char *out = malloc(strlen(html) + n * 12 + 1), *o = out;
	if (out == NULL)
		return NULL;
	int thead = 0, open_row_header = 0;
	for (const char *p = html; *p;) {
		if (strncmp(p, "<thead>", 7) == 0)
			thead = 1;
		else if (strncmp(p, "</thead>", 8) == 0)
			thead = 0;
		if (thead && strncmp(p, col, 3) == 0 && (p[3] == '>' || p[3] == ' ')) {
			o += sprintf(o, "<th scope=\"col\"");
			p += 3;
		} else if (!thead && strncmp(p, row, sizeof(row) - 1) == 0) {
			o += sprintf(o, "<tr>\n<th scope=\"row\"");
			p += sizeof(row) - 1;
			open_row_header = 1;
		} else if (open_row_header && strncmp(p, "</td>", 5) == 0) {
			o += sprintf(o, "</th>");
			p += 5;
			open_row_header = 0;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return out;
}

char *md_render(struct arena *a, const char *md, const char *link_prefix)
{
	static int registered;
	if (!registered) {
		cmark_gfm_core_extensions_ensure_registered();
		registered = 1;
	}
	if (md == NULL)
		return arena_strdup(a, "");
	/* No CMARK_OPT_UNSAFE: raw HTML and dangerous URLs are not passed
	 * through.  SMART gives Greek typography its proper quotes/dashes. */
	int opts = CMARK_OPT_DEFAULT | CMARK_OPT_SMART;
	cmark_parser *p = cmark_parser_new(opts);
	static const char *const exts[] = { "table", "strikethrough", "autolink" };
	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		cmark_syntax_extension *e = cmark_find_syntax_extension(exts[i]);
		if (e != NULL)
			cmark_parser_attach_syntax_extension(p, e);
	}
	cmark_parser_feed(p, md, strlen(md));
	cmark_node *doc = cmark_parser_finish(p);
	if (link_prefix != NULL && *link_prefix)
		prefix_links(doc, link_prefix);
	link_platform(doc, link_prefix ? link_prefix : "");
	renumber_headings(doc);
	char *html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p));
	char *rows = NULL;
	if (html != NULL && strstr(html, "<table>") != NULL &&
	    (rows = row_headers(html)) == NULL)
		abort();
	char *out = arena_strdup(a, rows ? rows : html ? html : "");
	free(rows);
	free(html);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return out;
}
