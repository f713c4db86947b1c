/*
 * search.c - GET /search?q=&page=: full-text search over news, pages and
 * events, with snippets in which the matched words are marked.
 *
 * How Greek is matched.  The index (index.h, migration 0020) keeps each
 * item's words by key (stem.h): folded, so case, accents, diaeresis and
 * final sigma do not matter ('δημος', 'ΔΗΜΟΣ', 'Δήμος' and 'δημοσ' are
 * one word), and with the ending of a Greek noun or adjective taken off,
 * so the forms of one word are found together (δήμος, δήμου, δήμους;
 * Μυτιλήνη, Μυτιλήνης).  Every term of the query is required.  Articles,
 * prepositions and other words of every sentence are not kept (query.c),
 * nor asked for: a query of nothing else answers that its words are too
 * common.
 *
 * User text reaches the database only as bound keys (folded runs of
 * letters and digits).  The same keys find the words to mark in the
 * snippets, with positions kept in the original text, so what is marked is
 * what the index matched.  Every piece of text goes to the template as a
 * value and is escaped there.
 *
 * Cost.  The query's rarest term drives (db_search.c): a page reads about
 * its own ten rows plus the look-ups of the other terms, and the count
 * stops at SEARCH_COUNT_MAX ("more than 500 results"), which is also as
 * far as the pages go (MAX_PAGE of PER_PAGE).
 */
#include "site/search/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "site/shared.h"
#include "core/text.h"
#include "site/search/db_search.h"
#include "site/search/query.h"
#include "site/search/snippet.h"

#define PER_PAGE 10
#define MAX_PAGE 50
#define Q_MIN 2           /* characters */
#define Q_MAX 200         /* characters, as the form's maxlength */

/* ?page=: absent or empty is 1; otherwise 1..MAX_PAGE in plain digits. */
static int parse_page(const char *s, long *page)
{
	*page = 1;
	if (s == NULL || *s == '\0')
		return 1;
	if (strlen(s) > 2)
		return 0;
	long v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > MAX_PAGE)
		return 0;
	*page = v;
	return 1;
}

static const char *result_url(struct ctx *c, const char *type, const char *id,
                              const char *path)
{
	struct arena *a = c->r->a;
	if (path == NULL)
		path = "";
	if (type[0] == 'p')
		return arena_printf(a, "%s/p/%s", c->lp, path);
	return arena_printf(a, "%s%s", c->lp,
	                    site_item_path(a, type[0] == 'n' ? "news" : "events", id, path));
}

static void fill_result(struct ctx *c, tmpl_dict *d, const struct db_res *res,
                        size_t row, const struct term *t, size_t nt)
{
	struct arena *a = c->r->a;
	const char *type = DB_GET(res, row, SEARCH_TYPE);
	int en = c->lang == LANG_EN, fallback;
	tmpl_set(d, "URL", result_url(c, type, DB_GET(res, row, SEARCH_ID),
	                              DB_GET(res, row, SEARCH_PATH)));
	tmpl_show(d, type[0] == 'n' ? "NEWS" : type[0] == 'p' ? "PAGE" : "EVENT");
	const char *title = page_pick(c, DB_GET(res, row, SEARCH_TITLE),
	                              DB_GET(res, row, SEARCH_TITLE_EN), &fallback);
	if (fallback)
		tmpl_show(d, "TITLE_EL");
	snippet_title(a, d, title ? title : "", t, nt);
	const char *when = DB_GET(res, row, SEARCH_DATE);
	/* A page's date is when it was last edited: not worth showing. */
	if (when != NULL && type[0] != 'p') {
		tmpl_show(d, "DATED");
		tmpl_set(d, "DATE", page_date(c, when, type[0] == 'e'));
		tmpl_set(d, "DATETIME", page_date_iso(a, when));
	}
	const char *texts[4];
	size_t ntexts = 0;
	if (en) {
		texts[ntexts++] = DB_GET(res, row, SEARCH_SUMMARY_EN);
		texts[ntexts++] = DB_GET(res, row, SEARCH_BODY_EN);
	}
	texts[ntexts++] = DB_GET(res, row, SEARCH_SUMMARY);
	texts[ntexts++] = DB_GET(res, row, SEARCH_BODY);
	int used = snippet_add(a, d, texts, ntexts, t, nt);
	if (en && used >= 2)
		tmpl_show(d, "SNIPPET_EL");
}

/* The rarest term first, by MariaDB's estimates: it drives the walk
 * (db_search.c). */
static int order_terms(struct arena *a, struct term *t, size_t nt)
{
	long long best = -1;
	size_t bi = 0;
	if (nt < 2)
		return DB_OK;
	for (size_t i = 0; i < nt; i++) {
		long long n;
		int rc = db_search_term_estimate(a, t[i].key, &n);
		if (rc != DB_OK)
			return rc;
		if (best < 0 || n < best) {
			best = n;
			bi = i;
		}
	}
	struct term x = t[0];
	t[0] = t[bi];
	t[bi] = x;
	return DB_OK;
}

/* The hits (the count is their number, SEARCH_COUNT_MAX meaning more) and
 * the texts of the page's; past the last page, no texts. */
static int run(struct arena *a, struct term *t, size_t nt, long page, int en,
               struct db_res *hits, struct db_res *texts, int *cut)
{
	struct search_q sq = { t, nt };
	int rc = order_terms(a, t, nt);
	if (rc == DB_OK)
		rc = db_search_hits(a, &sq, hits);
	*cut = rc == DB_OK && hits->warnings > 0;
	size_t from = (size_t)(page - 1) * PER_PAGE;
	if (rc == DB_OK && hits->nrows > from)
		rc = db_search_texts(a, hits, from, PER_PAGE, en, texts);
	return rc;
}

/* The row of texts of hit i, or -1 (gone since the hits were read). */
static long text_row(const struct db_res *hits, size_t i, const struct db_res *texts)
{
	const char *t = db_str(hits, i, HIT_TYPE), *id = db_str(hits, i, HIT_ID);
	for (size_t r = 0; r < texts->nrows; r++)
		if (strcmp(db_str(texts, r, SEARCH_TYPE), t) == 0 &&
		    strcmp(db_str(texts, r, SEARCH_ID), id) == 0)
			return (long)r;
	return -1;
}

void search_page(struct ctx *c)
{
	struct arena *a = c->r->a;
	long page;
	if (!parse_page(req_query(c->r, "page"), &page)) {
		page_error(c, 400, "search.err_page");
		return;
	}
	const char *raw = req_query(c->r, "q");
	char *q = text_trim(a, raw ? raw : "");
	size_t nchars = text_chars(q);
	/* What the forms show: never more than their maxlength. */
	const char *shown = nchars > Q_MAX ? text_first_chars(a, q, Q_MAX) : q;

	struct term terms[MAX_TERMS];
	size_t nt = 0;
	int had_words = 0;
	struct db_res hits = { 0 }, res = { 0 };
	long long total = 0;
	int cut = 0;
	if (nchars >= Q_MIN && nchars <= Q_MAX) {
		nt = query_terms(a, q, terms, &had_words);
		if (nt > 0) {
			int rc = run(a, terms, nt, page, c->lang == LANG_EN, &hits, &res, &cut);
			if (rc != DB_OK) {
				page_db_error(c, rc);
				return;
			}
			total = (long long)hits.nrows;
		}
	}

	const char *title = *q ? arena_printf(a, "%s: %s", T(c, "search.title"),
	                                      text_first_chars(a, shown, 60))
	                       : T(c, "search.title");
	const char *enc = text_percent_encode(a, q);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, title, "search.tpl",
	                          *q && nchars <= Q_MAX
	                              ? arena_printf(a, "/search?q=%s", enc)
	                              : "/search",
	                          &top);
	/* The header's search box shows the query trimmed and cut to the
	 * form's maxlength.  (Result pages are R_NOINDEX in routes.def: they
	 * are not for search engines, the items are.) */
	tmpl_set(top, "Q", shown);
	tmpl_set(d, "Q", shown);

	if (*q == '\0') {
		tmpl_show(d, "HELP");
	} else if (nchars < Q_MIN) {
		tmpl_show(d, "TOO_SHORT");
		tmpl_show(d, "INVALID");
		tmpl_show(d, "HELP");
	} else if (nchars > Q_MAX) {
		tmpl_show(d, "TOO_LONG");
		tmpl_show(d, "INVALID");
	} else {
		if (total == 0) {
			tmpl_show(d, "NONE");
			if (had_words && nt == 0)
				tmpl_show(d, "COMMON");
			if (cut)
				tmpl_show(d, "CUT");
		} else {
			tmpl_dict *r = tmpl_add(d, "RESULTS");
			tmpl_set(r, "Q", shown);
			tmpl_show(r, total == 1 ? "ONE" : "MANY");
			if (total >= SEARCH_COUNT_MAX) {
				tmpl_show(r, "MORE");
				total = SEARCH_COUNT_MAX - 1;
			} else if (cut) {
				/* Only the best entries of the driver were walked. */
				tmpl_show(r, "AT_LEAST");
			}
			tmpl_set_int(r, "COUNT", total);
			long long from = (page - 1) * PER_PAGE + 1;
			tmpl_set_int(r, "FROM", from);
			long long here = total - (from - 1) < PER_PAGE ? total - (from - 1) : PER_PAGE;
			if (here < 0)
				here = 0;
			tmpl_set_int(r, "TO", from + here - 1);
			long long pages = (total + PER_PAGE - 1) / PER_PAGE;
			if (pages > MAX_PAGE)
				pages = MAX_PAGE;
			if (here == 0) {
				tmpl_show(r, "PAST_END");
				tmpl_set(r, "FIRST_URL",
				         arena_printf(a, "%s/search?q=%s", c->lp, enc));
			} else {
				if (total > PER_PAGE)
					tmpl_show(r, "RANGE");
				tmpl_dict *l = tmpl_add(r, "LIST");
				for (long long i = from - 1; i < from - 1 + here; i++) {
					long row = text_row(&hits, (size_t)i, &res);
					if (row >= 0)
						fill_result(c, tmpl_add(l, "ITEM"), &res, (size_t)row,
						            terms, nt);
				}
			}
			if (pages > 1 && page <= pages) {
				tmpl_dict *pg = tmpl_add(r, "PAGER");
				tmpl_set_int(pg, "PAGE", page);
				tmpl_set_int(pg, "PAGES", pages);
				if (page > 1)
					tmpl_set(tmpl_add(pg, "PREV"), "HREF",
					         page == 2 ? arena_printf(a, "%s/search?q=%s",
					                                  c->lp, enc)
					                   : arena_printf(a, "%s/search?q=%s&page=%ld",
					                                  c->lp, enc, page - 1));
				if (page < pages)
					tmpl_set(tmpl_add(pg, "NEXT"), "HREF",
					         arena_printf(a, "%s/search?q=%s&page=%ld", c->lp,
					                      enc, page + 1));
			}
		}
	}
	page_render(c, top);
}
