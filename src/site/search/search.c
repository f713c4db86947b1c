/*
 * search.c - GET /search?q=&page=: full-text search over news, pages and
 * events, with snippets in which the matched words are marked.
 *
 * How Greek is matched.  The FULLTEXT indexes compare tokens with the
 * columns' collation, utf8mb4_unicode_ci, which ignores case, accents,
 * diaeresis and final sigma: on MariaDB 10.11 'δημος', 'ΔΗΜΟΣ', 'Δήμος' and
 * 'δημοσ' find the same rows, in NATURAL LANGUAGE and in BOOLEAN MODE, and
 * so does a prefix 'μυτιληνη*' (which also finds 'Μυτιλήνης').  So no folded
 * column or LIKE scan is needed: the index itself does the folding.  What the
 * index does not do is inflection ('Μυτιλήνη' is not 'Μυτιλήνης'), so every
 * term is required and carries its other forms: "+(μυτιληνη μυτιλην*)" when
 * a common Greek ending leaves a stem of at least 4 letters, "+(δημοσ δημου
 * δημο δημε δημοι δημων δημουσ)" when the stem is shorter (a prefix "δημ*"
 * would find δημόσιο and δημιουργία too), "+word" for words of 2 letters
 * (innodb_ft_min_token_size=2 on our servers).  A plain prefix of the whole
 * word is the fallback for words with no known ending.  This is a rough
 * stemmer, not a dictionary; a better one (or a folded, stemmed column) can
 * replace inflect() without touching the rest.
 *
 * The server drops two kinds of words, and a required term that the index
 * does not hold makes the whole BOOLEAN MODE query find nothing ('+the
 * +δήμος' finds no row): words shorter than the minimum token size and
 * InnoDB's default stop words (English only: "the", "of", ...).  So both are
 * removed from the terms here, before the expression is built.
 *
 * User text never reaches the expression as is: terms are the runs of
 * letters and digits of the query, folded, so none of the operators
 * + - < > ( ) ~ * " @ can be in them; the expression is bound as a
 * parameter.  The same folding (fold() below) finds the words to mark in
 * the snippets, with positions kept in the original text, so what is marked
 * is what the index matched.  Every piece of text goes to the template as a
 * value and is escaped there.
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
	const char *expr = NULL;
	struct db_res res = { 0 };
	unsigned long long total = 0;
	if (nchars >= Q_MIN && nchars <= Q_MAX) {
		nt = query_terms(a, q, terms, &expr, &had_words);
		if (nt > 0) {
			int en = c->lang == LANG_EN;
			int rc = db_search_run(a, expr, en, PER_PAGE,
			                       (page - 1) * PER_PAGE, &res);
			/* Past the last page: the total from the first one. */
			struct db_res first = res;
			if (rc == DB_OK && res.nrows == 0 && page > 1)
				rc = db_search_run(a, expr, en, 1, 0, &first);
			if (rc != DB_OK) {
				page_db_error(c, rc);
				return;
			}
			if (first.nrows > 0)
				total = strtoull(DB_GET(&first, 0, SEARCH_TOTAL), NULL, 10);
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
		} else {
			tmpl_dict *r = tmpl_add(d, "RESULTS");
			tmpl_set(r, "Q", shown);
			tmpl_show(r, total == 1 ? "ONE" : "MANY");
			tmpl_set_int(r, "COUNT", (long long)total);
			long long from = (page - 1) * PER_PAGE + 1;
			tmpl_set_int(r, "FROM", from);
			tmpl_set_int(r, "TO", from + (long long)res.nrows - 1);
			long long pages = ((long long)total + PER_PAGE - 1) / PER_PAGE;
			if (pages > MAX_PAGE)
				pages = MAX_PAGE;
			if (res.nrows == 0) {
				tmpl_show(r, "PAST_END");
				tmpl_set(r, "FIRST_URL",
				         arena_printf(a, "%s/search?q=%s", c->lp, enc));
			} else {
				if (total > PER_PAGE)
					tmpl_show(r, "RANGE");
				tmpl_dict *l = tmpl_add(r, "LIST");
				for (size_t i = 0; i < res.nrows; i++)
					fill_result(c, tmpl_add(l, "ITEM"), &res, i, terms, nt);
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
