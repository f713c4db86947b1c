/*
 * db_news.h - queries on news items.  Results are strings in the arena (see
 * db.h); the column order is given for each query.
 */
#ifndef AGORA_DB_NEWS_H
#define AGORA_DB_NEWS_H

#include "db.h"

/* Columns of db_news_latest and db_news_get. */
enum { NEWS_ID, NEWS_SLUG, NEWS_TITLE, NEWS_SUMMARY, NEWS_PUBLISHED,
       NEWS_CATEGORY, NEWS_CATEGORY_SLUG, NEWS_BODY };

/* The newest published items (published_at not in the future), newest
 * first: columns NEWS_ID..NEWS_CATEGORY_SLUG. */
int db_news_latest(struct arena *a, long long limit, struct db_res *res);
/* One published item by id; 0 or 1 rows, columns NEWS_ID..NEWS_BODY. */
int db_news_get(struct arena *a, long long id, struct db_res *res);

/* agora-admin: items whose slug is empty (columns id, title), and setting one. */
int db_news_without_slug(struct arena *a, struct db_res *res);
int db_news_set_slug(struct arena *a, long long id, const char *slug);
/* agora-admin: how many items exist at all. */
int db_news_count(struct arena *a, long long *n);

#endif
