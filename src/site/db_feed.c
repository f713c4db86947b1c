/*
 * db_feed.c - the SQL of the Atom feeds and the sitemap.  "Visible" means
 * what the public pages show: news with status 'published' and a
 * publication time that has come, published events, and published pages
 * whose every ancestor is published too (a draft section hides its
 * subtree).  Only public columns are selected.
 */
#include "site/db_feed.h"

#include "db/public.h"
#include "site/db_news.h"

#define VISIBLE SQL_NEWS_PUBLIC("n")

/* A scheduled item may have been saved (updated_at) before it was
 * published: its "updated" is then its publication time. */
#define NEWS_UPDATED "GREATEST(n.updated_at, n.published_at)"

/* The same fixed plan as db_news.c's home list: walk the index backwards,
 * stop at LIMIT, one primary-key lookup per row for the category. */
static struct db_stmt news = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(FEED_COLS)
    " FROM news n FORCE INDEX (news_published)"
    " JOIN categories c FORCE INDEX (PRIMARY) ON c.id = n.category_id"
    " WHERE " VISIBLE " ORDER BY n.published_at DESC, n.id DESC LIMIT ?", DB_NCOLS(FEED_COLS));

static struct db_stmt news_in = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(FEED_COLS)
    " FROM news n FORCE INDEX (news_category)"
    " JOIN categories c FORCE INDEX (PRIMARY) ON c.id = n.category_id"
    " WHERE n.category_id = ? AND " VISIBLE
    " ORDER BY n.published_at DESC, n.id DESC LIMIT ?", DB_NCOLS(FEED_COLS));

/* One index dive per category (news_category). */
static struct db_stmt categories = DB_READ(
    "SELECT " DB_COLUMNS(FEED_CAT_COLS) " FROM categories c ORDER BY c.sort_order, c.id",
    DB_NCOLS(FEED_CAT_COLS));

/* A news item without English (db_news.h) has no English URL in the
 * sitemap: its /en/ page names the Greek one as canonical. */
static struct db_stmt news_urls = DB_READ(
    "SELECT CONCAT('/news/', n.id, IF(n.slug = '', '', CONCAT('-', n.slug))),"
    " DATE_FORMAT(" NEWS_UPDATED ", '%Y-%m-%d'), " SQL_NEWS_HAS_EN("n")
    " FROM news n FORCE INDEX (PRIMARY)"
    " WHERE n.id BETWEEN ? AND ? AND " VISIBLE " ORDER BY n.id", FEED_URL__N);

static struct db_stmt news_max_id = DB_READ("SELECT COALESCE(MAX(id), 0) FROM news", 1);

/* Every public page, by path (db/public.h).  Pages and events keep both
 * URLs: their pages name an English alternate (pages.c, events.c). */
static struct db_stmt page_urls = DB_READ(
    SQL_PAGE_TREE
    "SELECT CONCAT('/p/', path), DATE_FORMAT(updated, '%Y-%m-%d'), 1 FROM page_tree"
    " ORDER BY path", FEED_URL__N);

static struct db_stmt event_urls = DB_READ(
    "SELECT CONCAT('/events/', id, IF(slug = '', '', CONCAT('-', slug))),"
    " DATE_FORMAT(" SQL_SHOWN_UPDATED("e") ", '%Y-%m-%d'), 1"
    " FROM events e WHERE " SQL_EVENT_PUBLIC("e") " ORDER BY starts_at DESC, id DESC"
    " LIMIT ?", FEED_URL__N);

static struct db_stmt lastmods = DB_READ(
    "SELECT " SQL_NEWS_LASTMOD("1", "news_published", "news_public_updated") ","
    " (SELECT DATE_FORMAT(MAX(" SQL_SHOWN_UPDATED("e") "), '%Y-%m-%d') FROM events e"
    "  WHERE " SQL_EVENT_PUBLIC("e") ")", FEED_LASTMOD__N);

int db_feed_news(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &news, res, "i", limit);
}

int db_feed_news_in(struct arena *a, long long cat, long long limit,
                    struct db_res *res)
{
	return db_run(a, &news_in, res, "ii", cat, limit);
}

int db_feed_categories(struct arena *a, struct db_res *res)
{
	return db_run(a, &categories, res, "");
}

int db_feed_news_urls(struct arena *a, long long first, long long last,
                      struct db_res *res)
{
	return db_run(a, &news_urls, res, "ii", first, last);
}

int db_feed_news_max_id(struct arena *a, long long *max)
{
	struct db_res res;
	int rc = db_run(a, &news_max_id, &res, "");
	*max = rc == DB_OK && res.nrows ? db_ll(&res, 0, 0) : 0;
	return rc;
}

int db_feed_page_urls(struct arena *a, struct db_res *res)
{
	return db_run(a, &page_urls, res, "");
}

int db_feed_event_urls(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &event_urls, res, "i", limit);
}

int db_feed_lastmods(struct arena *a, struct db_res *res)
{
	return db_run(a, &lastmods, res, "");
}
