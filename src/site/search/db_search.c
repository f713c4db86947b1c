/*
 * db_search.c - the SQL of the search, over search_terms (migration 0020,
 * kept by index.c).
 *
 * The hits: a walk down search_terms_rank of one term, the driver, from
 * the top - best tier, then newest - keeping what is shown by now (the
 * index holds only what the public may see, and when it appears) and what
 * has every other term (a primary-key look-up each), stopped at
 * SEARCH_COUNT_MAX rows: the count and every page's ids in one statement
 * that reads about as many entries as it returns, whatever the number of
 * matches.  The driver is the query's rarest term (MariaDB's estimate of
 * each term's range: two index dives), so the look-ups are few.  The walk
 * is bounded too: LIMIT ... ROWS EXAMINED stops it after about SEARCH_WALK
 * entries of the driver (with their look-ups) and answers what it found,
 * with a warning - when every term is common and they are seldom together
 * (the page then says "at least").  One statement per number of terms, so
 * none checks a term the query has not.  Then one statement fetches the
 * texts of the page's ten.
 */
#include "site/search/db_search.h"

#include <string.h>

#include "site/search/query.h"

#define STR_(x) #x
#define STR(x) STR_(x)

#define RANK " ORDER BY s.w DESC, s.d DESC, s.kind DESC, s.item_id DESC"

#define FROM_WALK " FROM search_terms s WHERE s.term = ? AND s.shown_at <= NOW()"

/* A look-up by the whole primary key for each row walked.  Not EXISTS:
 * MariaDB turns that into a semi-join and reads every entry of the other
 * term first; a scalar subquery stays a look-up. */
#define O1                                                                  \
	" AND (SELECT 1 FROM search_terms x WHERE x.kind = s.kind"           \
	" AND x.item_id = s.item_id AND x.term = ?) IS NOT NULL"
#define O2 O1 O1
#define O3 O2 O1
#define O4 O3 O1
#define O5 O4 O1
#define O6 O5 O1
#define O7 O6 O1

/* Each walked entry is examined once, and once more for each other term:
 * the budget is SEARCH_WALK entries' worth (a literal in the SQL). */
#define HITS(others, budget)                                                \
	DB_READ("SELECT " DB_COLUMNS(HIT_COLS) FROM_WALK others RANK          \
	        " LIMIT " STR(SEARCH_COUNT_MAX) " ROWS EXAMINED " budget,     \
	        DB_NCOLS(HIT_COLS))

static struct db_stmt st_hits[MAX_TERMS] = {
	HITS("", "1000"), HITS(O1, "2000"), HITS(O2, "3000"), HITS(O3, "4000"),
	HITS(O4, "5000"), HITS(O5, "6000"), HITS(O6, "7000"), HITS(O7, "8000"),
};
_Static_assert(SEARCH_WALK == 1000, "the budgets above are SEARCH_WALK * terms");

_Static_assert(MAX_TERMS == 8, "db_search.c has statements for 1 to 8 terms");

/* MariaDB's own estimate of a term's entries (two dives into
 * search_terms_rank): column 8 of EXPLAIN is "rows". */
static struct db_stmt term_estimate = DB_READ(
    "EXPLAIN SELECT 1 FROM search_terms WHERE term = ?", 0);

/* The texts of up to SEARCH_PAGE_MAX items of each kind (id 0 for
 * fewer), each checked again against what the public may see (db/public.h:
 * the index's own rule is the same, this keeps a stale entry harmless).
 * A page's path comes from a walk up from it: its parent, that one's, ...
 * each published, to the top (parent_id NULL) - at most ten pages times
 * PAGE_DEPTH_MAX primary-key look-ups, where SQL_PAGE_TREE would build the
 * whole public tree for every search.  A page under a draft never reaches
 * the top and is left out, as in the tree.  News and events by their
 * primary key, whatever the optimizer thinks of a small table's status
 * index (it chose that at the demo's size).  In Greek the English texts
 * are not read (fill_result uses them only in English): NULL instead. */
#define IDS10 " IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define PAGE_UP                                                             \
	"WITH RECURSIVE up (leaf, parent_id, path, depth) AS ("                 \
	" SELECT p.id, p.parent_id, CAST(p.slug AS CHAR(1000)), 1 FROM pages p" \
	" WHERE p.id" IDS10 " AND " SQL_PAGE_PUBLIC("p")                        \
	" UNION ALL"                                                            \
	" SELECT u.leaf, q.parent_id, CONCAT(q.slug, '/', u.path), u.depth + 1" \
	" FROM up u JOIN pages q ON q.id = u.parent_id"                         \
	" WHERE " SQL_PAGE_PUBLIC("q") " AND u.depth < " SQL_STR(PAGE_DEPTH_MAX) ") "
#define TEXT_BRANCH(kind, t, from, where, date, path, en)                    \
	"SELECT '" kind "', " t ".id, " date ", CAST(" path " AS CHAR(1000)), " t ".title, " \
	en(t ".title_en") ", " t ".summary, " en(t ".summary_en") ", LEFT(" t ".body, " \
	SQL_STR(SEARCH_BODY_MAX) "), " en("LEFT(" t ".body_en, " SQL_STR(SEARCH_BODY_MAX) ")") \
	", NULL FROM " from " WHERE " where
#define EN(col) col
#define EL(col) "NULL"
#define TEXTS(en)                                                            \
	DB_READ(PAGE_UP                                                          \
	    TEXT_BRANCH("n", "n", "news n FORCE INDEX (PRIMARY)", "n.id" IDS10 " AND " SQL_NEWS_PUBLIC("n"), \
	                SQL_DT("n.published_at"), "n.slug", en)                 \
	    " UNION ALL "                                                        \
	    TEXT_BRANCH("p", "p", "up JOIN pages p ON p.id = up.leaf", "up.parent_id IS NULL", \
	                SQL_DT("p.updated_at"), "up.path", en)                  \
	    " UNION ALL "                                                        \
	    TEXT_BRANCH("e", "e", "events e FORCE INDEX (PRIMARY)", "e.id" IDS10 " AND " SQL_EVENT_PUBLIC("e"), \
	                SQL_DT("e.starts_at"), "e.slug", en),                   \
	    DB_NCOLS(SEARCH_COLS))
static struct db_stmt texts[2] = { TEXTS(EL), TEXTS(EN) };

_Static_assert(SEARCH_PAGE_MAX == 10, "texts binds 10 ids of each kind");

int db_search_term_estimate(struct arena *a, const char *key, long long *n)
{
	struct db_res res;
	int rc = db_run(a, &term_estimate, &res, "s", key);
	*n = rc == DB_OK && res.nrows && res.ncols > 8 ? db_ll(&res, 0, 8) : 0;
	return rc;
}

int db_search_hits(struct arena *a, const struct search_q *q, struct db_res *res)
{
	static const char fmt[] = "ssssssss";
	size_t nt = q->nt < 1 ? 1 : q->nt > MAX_TERMS ? MAX_TERMS : q->nt;
	const char *k[MAX_TERMS] = { 0 };
	for (size_t i = 0; i < nt; i++)
		k[i] = q->t[i].key;
	/* db_run reads as many arguments as fmt names. */
	return db_run(a, &st_hits[nt - 1], res, fmt + MAX_TERMS - nt, k[0], k[1], k[2], k[3], k[4],
	              k[5], k[6], k[7]);
}

int db_search_texts(struct arena *a, const struct db_res *hits, size_t from, size_t n,
                    int en, struct db_res *res)
{
	long long ids[3][SEARCH_PAGE_MAX];
	size_t m[3] = { 0, 0, 0 };
	for (size_t i = from; i < from + n && i < hits->nrows; i++) {
		const char *t = db_str(hits, i, HIT_TYPE);
		int k = t[0] == 'n' ? 0 : t[0] == 'p' ? 1 : 2;
		if (m[k] < SEARCH_PAGE_MAX)
			ids[k][m[k]++] = db_ll(hits, i, HIT_ID);
	}
	for (int k = 0; k < 3; k++)
		for (size_t j = m[k]; j < SEARCH_PAGE_MAX; j++)
			ids[k][j] = 0;   /* no item has id 0 */
#define TEN(k) ids[k][0], ids[k][1], ids[k][2], ids[k][3], ids[k][4], ids[k][5], \
	ids[k][6], ids[k][7], ids[k][8], ids[k][9]
	/* The pages' ids first: they are the walk's (PAGE_UP). */
	return db_run(a, &texts[en != 0], res, "iiiiiiiiiiiiiiiiiiiiiiiiiiiiii", TEN(1), TEN(0),
	              TEN(2));
#undef TEN
}
