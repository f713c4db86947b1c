/*
 * db_search.c - the SQL of the search.  Each table's FULLTEXT index
 * (migration 0002: news_search, pages_search, events_search and their _en
 * twins) is asked in its own branch of a UNION ALL, which lets InnoDB use the
 * index for every branch (an OR of two MATCH on one table would scan the
 * table).  The union is grouped by item, so an item found in both languages
 * counts once with its better score, and COUNT(*) OVER () gives the total
 * without a second query.  Only the page of ten ids is then joined back to
 * the tables for titles, text and page paths.
 *
 * MATCH ... AGAINST compares tokens with the column's collation,
 * utf8mb4_unicode_ci, which ignores Greek case, accents and final sigma:
 * 'δημος', 'ΔΗΜΟΣ' and 'Δήμος' find the same rows, also with a trailing '*'
 * (checked on MariaDB 10.11; see search.c).
 */
#include "site/search/db_search.h"

#include "db/public.h"


#define AGAINST " AGAINST (? IN BOOLEAN MODE)"
#define NEWS_VISIBLE SQL_NEWS_PUBLIC("n")

/* A branch returns (t, id, d, s): type, id, date for ordering, score. */
#define NEWS_BRANCH(cols)                                                 \
	"SELECT 'n' AS t, n.id AS id, n.published_at AS d, MATCH(" cols ")" \
	AGAINST " AS s FROM news n WHERE MATCH(" cols ")" AGAINST          \
	" AND " NEWS_VISIBLE

/* A page is found when it is in the public tree (db/public.h: it and
 * every ancestor published, down to the deepest level the router serves). */
#define PAGES_BRANCH(cols)                                                \
	"SELECT 'p', p.id, p.updated_at, MATCH(" cols ")" AGAINST           \
	" FROM pages p JOIN page_tree pt ON pt.id = p.id"                  \
	" WHERE MATCH(" cols ")" AGAINST

#define EVENTS_BRANCH(cols)                                               \
	"SELECT 'e', e.id, e.starts_at, MATCH(" cols ")" AGAINST            \
	" FROM events e WHERE MATCH(" cols ")" AGAINST                      \
	" AND " SQL_EVENT_PUBLIC("e")

#define EL_COLS(t) t ".title, " t ".summary, " t ".body"
#define EN_COLS(t) t ".title_en, " t ".summary_en, " t ".body_en"

#define OUTER(branches)                                                   \
	SQL_PAGE_TREE                                                      \
	"SELECT " DB_COLUMNS(SEARCH_COLS) " FROM ("                         \
	" SELECT t, id, MAX(d) AS d, MAX(s) AS s, COUNT(*) OVER () AS total"\
	" FROM (" branches ") u GROUP BY t, id"                            \
	" ORDER BY s DESC, d DESC, t, id LIMIT ? OFFSET ?) r"               \
	" LEFT JOIN news n ON r.t = 'n' AND n.id = r.id"                   \
	" LEFT JOIN pages p ON r.t = 'p' AND p.id = r.id"                  \
	" LEFT JOIN page_tree pt ON r.t = 'p' AND pt.id = r.id"            \
	" LEFT JOIN events e ON r.t = 'e' AND e.id = r.id"                 \
	" ORDER BY r.s DESC, r.d DESC, r.t, r.id"

/* Greek: three indexes, two bindings of the expression each. */
static struct db_stmt search_el = DB_READ(OUTER(
    NEWS_BRANCH(EL_COLS("n")) " UNION ALL " PAGES_BRANCH(EL_COLS("p"))
    " UNION ALL " EVENTS_BRANCH(EL_COLS("e"))), DB_NCOLS(SEARCH_COLS));

/* English: the same and the three _en indexes. */
static struct db_stmt search_en = DB_READ(OUTER(
    NEWS_BRANCH(EL_COLS("n")) " UNION ALL " NEWS_BRANCH(EN_COLS("n"))
    " UNION ALL " PAGES_BRANCH(EL_COLS("p"))
    " UNION ALL " PAGES_BRANCH(EN_COLS("p"))
    " UNION ALL " EVENTS_BRANCH(EL_COLS("e"))
    " UNION ALL " EVENTS_BRANCH(EN_COLS("e"))), DB_NCOLS(SEARCH_COLS));

int db_search_run(struct arena *a, const char *expr, int en, long long limit,
                  long long offset, struct db_res *res)
{
	const char *q = expr;
	if (en)
		return db_run(a, &search_en, res, "ssssssssssssii", q, q, q, q, q,
		              q, q, q, q, q, q, q, limit, offset);
	return db_run(a, &search_el, res, "ssssssii", q, q, q, q, q, q, limit,
	              offset);
}
