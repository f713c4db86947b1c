/*
 * md.c - cmark-gfm with the table, strikethrough and autolink extensions.
 */
#include "core/md.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
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
	char *html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p));
	char *out = arena_strdup(a, html ? html : "");
	free(html);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return out;
}
