/*
 * snippet.c - titles and snippets of search results (snippet.h).
 */
#include "site/search/snippet.h"

#include <string.h>

#include "core/arena.h"
#include "site/search/plain.h"


/* Add s[from..to) as repetitions of section (PART or TPART): T parts for
 * plain text, M parts for matched words. */
static void add_parts(tmpl_dict *d, const char *section, const char *s,
                      size_t from, size_t to, const struct word *w,
                      size_t w0, size_t w1, const struct term *t, size_t nt)
{
	size_t pos = from;
	for (size_t i = w0; i < w1; i++) {
		if (!query_word_matches(&w[i], t, nt))
			continue;
		if (w[i].start > pos) {
			tmpl_dict *p = tmpl_add(d, section);
			tmpl_show(p, "T");
			tmpl_set_n(p, "S", s + pos, w[i].start - pos);
		}
		tmpl_dict *p = tmpl_add(d, section);
		tmpl_show(p, "M");
		tmpl_set_n(p, "S", s + w[i].start, w[i].end - w[i].start);
		pos = w[i].end;
	}
	if (to > pos) {
		tmpl_dict *p = tmpl_add(d, section);
		tmpl_show(p, "T");
		tmpl_set_n(p, "S", s + pos, to - pos);
	}
}

/* The title with its matched words marked. */
void snippet_title(struct arena *a, tmpl_dict *d, const char *title,
                      const struct term *t, size_t nt)
{
	size_t n = strlen(title), nw;
	struct word *w = query_words(a, title, n, 0, &nw);
	add_parts(d, "TPART", title, 0, n, w, 0, nw, t, nt);
}

/* A snippet of about SNIPPET_WORDS words from the first of texts[] that has
 * a match, around its first match; if none has, the start of the first
 * non-empty one.  Returns the index of the text used, or -1 (no text). */
int snippet_add(struct arena *a, tmpl_dict *item,
                       const char *const texts[], size_t ntexts,
                       const struct term *t, size_t nt)
{
	int fallback = -1;
	const char *fb_s = NULL;
	size_t fb_n = 0;
	for (size_t k = 0; k < ntexts; k++) {
		if (texts[k] == NULL || texts[k][0] == '\0')
			continue;
		size_t n, nw;
		const char *s = search_plain_text(a, texts[k], &n);
		if (n == 0)
			continue;
		if (fallback < 0) {
			fallback = (int)k;
			fb_s = s;
			fb_n = n;
		}
		size_t m;
		struct word *w = query_words_to_match(a, s, n, t, nt, SNIPPET_WORDS, &nw, &m);
		if (m == nw)
			continue;
		size_t w0 = m > SNIPPET_BEFORE ? m - SNIPPET_BEFORE : 0;
		size_t w1 = w0 + SNIPPET_WORDS < nw ? w0 + SNIPPET_WORDS : nw;
		if (w1 - w0 < SNIPPET_WORDS && w0 > 0)
			w0 = w1 > SNIPPET_WORDS ? w1 - SNIPPET_WORDS : 0;
		tmpl_dict *sn = tmpl_add(item, "SNIPPET");
		if (w0 > 0) {
			tmpl_dict *p = tmpl_add(sn, "PART");
			tmpl_show(p, "T");
			tmpl_set(p, "S", "… ");
		}
		add_parts(sn, "PART", s, w0 ? w[w0].start : 0,
		          w1 < nw ? w[w1 - 1].end : n, w, w0, w1, t, nt);
		if (w1 < nw) {
			tmpl_dict *p = tmpl_add(sn, "PART");
			tmpl_show(p, "T");
			tmpl_set(p, "S", " …");
		}
		return (int)k;
	}
	if (fallback < 0)
		return -1;
	size_t nw;
	struct word *w = query_words(a, fb_s, fb_n, SNIPPET_WORDS + 1, &nw);
	tmpl_dict *sn = tmpl_add(item, "SNIPPET");
	tmpl_dict *p = tmpl_add(sn, "PART");
	tmpl_show(p, "T");
	if (nw > SNIPPET_WORDS) {
		tmpl_set_n(p, "S", fb_s, w[SNIPPET_WORDS - 1].end);
		p = tmpl_add(sn, "PART");
		tmpl_show(p, "T");
		tmpl_set(p, "S", " …");
	} else {
		tmpl_set_n(p, "S", fb_s, fb_n);
	}
	return fallback;
}

/* ---- the page -------------------------------------------------------------------- */
