/*
 * db_feed.h - the queries behind the Atom feeds and the sitemap.  Every row
 * they return is public: published news items whose time has come,
 * published pages (and only those whose ancestors are all published),
 * published events.  No column of staff users, feedback or anything else
 * personal is ever selected here.  Results are strings in the arena (see
 * db.h); the column order is given for each query.
 */
#ifndef AGORA_DB_FEED_H
#define AGORA_DB_FEED_H

#include "db/db.h"

/* Columns of db_feed_news and db_feed_news_in.  The times are Unix
 * timestamps (MariaDB reads the DATETIME columns in its session time zone),
 * so the handler can write them with the right UTC offset whatever the
 * worker's own zone.  FEED_UPDATED is never earlier than FEED_PUBLISHED. */
enum { FEED_ID, FEED_SLUG, FEED_TITLE, FEED_TITLE_EN, FEED_SUMMARY,
       FEED_SUMMARY_EN, FEED_BODY_HTML, FEED_BODY_EN_HTML, FEED_PUBLISHED,
       FEED_UPDATED, FEED_CAT_SLUG, FEED_CAT_NAME, FEED_CAT_NAME_EN };

/* The limit newest visible news items, newest first. */
int db_feed_news(struct arena *a, long long limit, struct db_res *res);
/* The same, in the category with id cat. */
int db_feed_news_in(struct arena *a, long long cat, long long limit,
                    struct db_res *res);

/* Columns of db_feed_category and db_feed_categories. */
enum { FEED_CATEGORY_ID, FEED_CATEGORY_SLUG, FEED_CATEGORY_NAME,
       FEED_CATEGORY_NAME_EN, FEED_CATEGORY_LASTMOD };

/* The category with this slug: 0 or 1 rows, columns FEED_CATEGORY_ID ..
 * FEED_CATEGORY_NAME_EN. */
int db_feed_category(struct arena *a, const char *slug, struct db_res *res);

/* ---- the sitemap ---- */

/* Every category in menu order; FEED_CATEGORY_LASTMOD is the date
 * ("2026-11-27") of its newest visible item, NULL when it has none. */
int db_feed_categories(struct arena *a, struct db_res *res);

/* Columns of the three lists below: the path after the language prefix
 * ("/news/37-slug", "/p/dimos/istoria", "/events/3-slug"), the date of
 * the last change ("2026-11-27") and "1" when the English page is in
 * English ("0": a news item without English, whose /en/ page shows the
 * Greek and is not listed). */
enum { FEED_URL_PATH, FEED_URL_LASTMOD, FEED_URL_HAS_EN };

/* The limit newest visible news items, newest first. */
int db_feed_news_urls(struct arena *a, long long limit, struct db_res *res);
/* Every published page whose ancestors are all published, by path. */
int db_feed_page_urls(struct arena *a, struct db_res *res);
/* The limit latest published events (by start), latest first. */
int db_feed_event_urls(struct arena *a, long long limit, struct db_res *res);

/* Columns of db_feed_lastmods: the dates of the newest visible news item
 * and the newest change to a published event (either NULL when none). */
enum { FEED_LASTMOD_NEWS, FEED_LASTMOD_EVENTS };
int db_feed_lastmods(struct arena *a, struct db_res *res);

#endif
