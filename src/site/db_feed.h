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
#include "db/public.h"

/* Columns of db_feed_news and db_feed_news_in.  The times are Unix
 * timestamps (MariaDB reads the DATETIME columns in its session time zone),
 * so the handler can write them with the right UTC offset whatever the
 * worker's own zone.  FEED_UPDATED is never earlier than FEED_PUBLISHED. */
#define FEED_COLS(X)                                                          \
	X(FEED_ID, "n.id") X(FEED_SLUG, "n.slug") X(FEED_TITLE, "n.title")     \
	X(FEED_TITLE_EN, "n.title_en") X(FEED_SUMMARY, "n.summary")            \
	X(FEED_SUMMARY_EN, "n.summary_en") X(FEED_BODY_HTML, "n.body_html")    \
	X(FEED_BODY_EN_HTML, "n.body_en_html")                                 \
	X(FEED_PUBLISHED, "UNIX_TIMESTAMP(n.published_at)")                    \
	X(FEED_UPDATED, "UNIX_TIMESTAMP(GREATEST(n.updated_at, n.published_at))") \
	X(FEED_CAT_SLUG, "c.slug") X(FEED_CAT_NAME, "c.name_el")               \
	X(FEED_CAT_NAME_EN, "c.name_en")
enum { DB_COLS_ENUM(FEED_COLS, FEED__END) };

/* The limit newest visible news items, newest first. */
int db_feed_news(struct arena *a, long long limit, struct db_res *res);
/* The same, in the category with id cat. */
int db_feed_news_in(struct arena *a, long long cat, long long limit,
                    struct db_res *res);

/* ---- the sitemap ---- */

/* The date of the newest change to the visible news items matching cond
 * (SQL, on alias n): the later of the newest publication, one step down
 * the index pub, and the newest edit, one step down the index upd (which
 * holds updated_at and published_at: migration 0018).  A walk down an
 * index that stops at the first visible row, never a MAX over the rows. */
#define SQL_NEWS_LASTMOD(cond, pub, upd)                                      \
	"DATE_FORMAT(GREATEST("                                                \
	"(SELECT n.published_at FROM news n FORCE INDEX (" pub ") WHERE " cond   \
	" AND " SQL_NEWS_PUBLIC("n") " ORDER BY n.published_at DESC LIMIT 1),"   \
	"(SELECT n.updated_at FROM news n FORCE INDEX (" upd ") WHERE " cond     \
	" AND " SQL_NEWS_PUBLIC("n") " ORDER BY n.updated_at DESC LIMIT 1)"      \
	"), '%Y-%m-%d')"

/* Every category in menu order with the date ("2026-11-27") of its
 * newest visible item, NULL when it has none. */
#define FEED_CAT_COLS(X) X(FEED_CATEGORY_SLUG, "c.slug")                      \
	X(FEED_CATEGORY_LASTMOD, SQL_NEWS_LASTMOD("n.category_id = c.id",       \
	  "news_category", "news_cat_updated"))
enum { DB_COLS_ENUM(FEED_CAT_COLS, FEED_CAT__END) };
int db_feed_categories(struct arena *a, struct db_res *res);

/* Columns of the three lists below: the path after the language prefix
 * ("/news/37-slug", "/p/dimos/istoria", "/events/3-slug"), the date of
 * the last change ("2026-11-27") and "1" when the English page is in
 * English ("0": a news item without English, whose /en/ page shows the
 * Greek and is not listed). */
enum { FEED_URL_PATH, FEED_URL_LASTMOD, FEED_URL_HAS_EN, FEED_URL__N };

/* The visible news items with ids from first to last, by id: one child
 * file of the sitemap (a range of the primary key, never an OFFSET). */
int db_feed_news_urls(struct arena *a, long long first, long long last,
                      struct db_res *res);
/* The highest news id (0 when there is none): how many child files. */
int db_feed_news_max_id(struct arena *a, long long *max);
/* Every published page whose ancestors are all published, by path. */
int db_feed_page_urls(struct arena *a, struct db_res *res);
/* The limit latest published events (by start), latest first. */
int db_feed_event_urls(struct arena *a, long long limit, struct db_res *res);

/* Columns of db_feed_lastmods: the dates of the newest visible news item
 * and the newest change to a published event (either NULL when none). */
enum { FEED_LASTMOD_NEWS, FEED_LASTMOD_EVENTS, FEED_LASTMOD__N };
int db_feed_lastmods(struct arena *a, struct db_res *res);

#endif
