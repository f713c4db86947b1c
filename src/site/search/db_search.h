/*
 * db_search.h - the full-text query behind /search: news, pages and events
 * in one list ordered by relevance.  Results are strings in the arena (see
 * db.h).
 */
#ifndef AGORA_DB_SEARCH_H
#define AGORA_DB_SEARCH_H

#include "db/db.h"

/* Columns of db_search_run.  SEARCH_PATH is what follows the type's URL
 * prefix: "{slug}" for news and events (may be empty), the slugs of the
 * ancestors and the page joined by '/' for pages.  SEARCH_BODY and
 * SEARCH_BODY_EN are the first SEARCH_BODY_MAX characters of the Markdown
 * source.  SEARCH_TOTAL repeats the number of matching items on every row. */
enum { SEARCH_TYPE, SEARCH_ID, SEARCH_PATH, SEARCH_TITLE, SEARCH_TITLE_EN,
       SEARCH_SUMMARY, SEARCH_SUMMARY_EN, SEARCH_BODY, SEARCH_BODY_EN,
       SEARCH_DATE, SEARCH_TOTAL };

#define SEARCH_BODY_MAX 20000

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
