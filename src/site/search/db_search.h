/*
 * db_search.h - the full-text query behind /search: news, pages and events
 * in one list ordered by relevance.  Results are strings in the arena (see
 * db.h).
 */
#ifndef AGORA_DB_SEARCH_H
#define AGORA_DB_SEARCH_H

#include "db/db.h"
#include "db/public.h"

/* Columns of db_search_run.  SEARCH_PATH is what follows the type's URL
 * prefix: "{slug}" for news and events (may be empty), the slugs of the
 * ancestors and the page joined by '/' for pages.  SEARCH_BODY and
 * SEARCH_BODY_EN are the first SEARCH_BODY_MAX characters of the Markdown
 * source.  SEARCH_TOTAL repeats the number of matching items on every row. */
#define SEARCH_BODY_MAX 20000
#define SEARCH_COLS(X)                                                         \
	X(SEARCH_TYPE, "r.t") X(SEARCH_ID, "r.id")                              \
	X(SEARCH_PATH, "COALESCE(n.slug, e.slug, pt.path)")                     \
	X(SEARCH_TITLE, "COALESCE(n.title, p.title, e.title)")                  \
	X(SEARCH_TITLE_EN, "COALESCE(n.title_en, p.title_en, e.title_en)")      \
	X(SEARCH_SUMMARY, "COALESCE(n.summary, p.summary, e.summary)")          \
	X(SEARCH_SUMMARY_EN, "COALESCE(n.summary_en, p.summary_en, e.summary_en)") \
	X(SEARCH_BODY, "LEFT(COALESCE(n.body, p.body, e.body), "                \
	  SQL_STR(SEARCH_BODY_MAX) ")")                                        \
	X(SEARCH_BODY_EN, "LEFT(COALESCE(n.body_en, p.body_en, e.body_en), "    \
	  SQL_STR(SEARCH_BODY_MAX) ")")                                        \
	X(SEARCH_DATE, SQL_DT("r.d")) X(SEARCH_TOTAL, "r.total")
enum { DB_COLS_ENUM(SEARCH_COLS, SEARCH__END) };

/*
 * One page of items matching expr, an InnoDB BOOLEAN MODE expression that
 * the caller built from its own validated terms (never user text as is).
 * SEARCH_TYPE is "n" (news: published, published_at not in the future), "p"
 * (pages: published, and so are their ancestors) or "e" (events: published).
 * With en set the English columns are searched too and an item matched by
 * either language is listed once.  Rows are ordered by relevance, then the
 * newest first.  DB_OK, DB_DOWN or DB_ERR.
 */
int db_search_run(struct arena *a, const char *expr, int en, long long limit,
                  long long offset, struct db_res *res);

#endif
