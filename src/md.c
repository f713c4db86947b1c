/*
 * md.c - cmark-gfm with the table, strikethrough and autolink extensions.
 */
#include "md.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

char *md_render(struct arena *a, const char *md)
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
	char *html = cmark_render_html(doc, opts, cmark_parser_get_syntax_extensions(p));
	char *out = arena_strdup(a, html ? html : "");
	free(html);
	cmark_node_free(doc);
	cmark_parser_free(p);
	return out;
}
