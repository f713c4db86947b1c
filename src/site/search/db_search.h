/*
 * db_search.h - the queries behind /search over the search index
 * (index.h): news, pages and events in one list, best tier first (a term
 * in the title, the summary, the body), then the newest.  Results are
 * strings in the arena (see db.h).
 */
#ifndef AGORA_DB_SEARCH_H
#define AGORA_DB_SEARCH_H

#include "db/db.h"
#include "db/public.h"

/* The hits of a query, best first: type ("n" news, "p" page, "e"
 * event), id, tier, date. */
#define HIT_COLS(X)                                                            \
	X(HIT_TYPE, "s.kind") X(HIT_ID, "s.item_id") X(HIT_W, "s.w")            \
	X(HIT_DATE, "s.d")
enum { DB_COLS_ENUM(HIT_COLS, HIT__END) };

/* Columns of db_search_texts.  SEARCH_PATH is what follows the type's URL
 * prefix: "{slug}" for news and events (may be empty), the slugs of the
 * ancestors and the page joined by '/' for pages.  SEARCH_BODY and
 * SEARCH_BODY_EN are the first SEARCH_BODY_MAX characters of the Markdown
 * source. */
#define SEARCH_BODY_MAX 20000
#define SEARCH_COLS(X)                                                         \
	X(SEARCH_TYPE, "t") X(SEARCH_ID, "id") X(SEARCH_DATE, "d")              \
	X(SEARCH_PATH, "path") X(SEARCH_TITLE, "title")                         \
	X(SEARCH_TITLE_EN, "title_en") X(SEARCH_SUMMARY, "summary")             \
	X(SEARCH_SUMMARY_EN, "summary_en") X(SEARCH_BODY, "body")               \
	X(SEARCH_BODY_EN, "body_en")
enum { DB_COLS_ENUM(SEARCH_COLS, SEARCH__END) };

#define SEARCH_WALK 1000       /* entries of the driver walked at most */
#define SEARCH_COUNT_MAX 501   /* hits listed at most */
#define SEARCH_PAGE_MAX 10     /* texts fetched at once */

struct term;

/* A query: its terms, the driver (the rarest) first. */
struct search_q {
	const struct term *t;
	size_t nt;
};

/* The entries of key as MariaDB estimates them. */
int db_search_term_estimate(struct arena *a, const char *key, long long *n);
/*
 * The public items with every term of q, best first (HIT_COLS), at most
 * SEARCH_COUNT_MAX: news published by now, pages published with every
 * ancestor, events published.  res->warnings is set when the walk
 * stopped after SEARCH_WALK entries of the driver (more may match).
 * DB_OK, DB_DOWN or DB_ERR.
 */
int db_search_hits(struct arena *a, const struct search_q *q, struct db_res *res);
/* The texts of hits from..from+n (n <= SEARCH_PAGE_MAX), in no order;
 * the English ones (title_en, summary_en, body_en) only when en is set,
 * NULL otherwise. */
int db_search_texts(struct arena *a, const struct db_res *hits, size_t from, size_t n,
                    int en, struct db_res *res);

#endif
