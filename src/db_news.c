/*
 * db_news.c - the SQL of news items.  "Visible to the public" means status
 * 'published' and a publication time that has come; both lists and the item
 * page use the (status, published_at, id) index.
 */
#include "db_news.h"

#include <stdlib.h>

#define NEWS_COLS                                                      \
	"n.id, n.slug, n.title, n.summary, "                           \
	"DATE_FORMAT(n.published_at, '%Y-%m-%d %H:%i:%s'), c.name_el, c.slug"
#define VISIBLE "n.status = 'published' AND n.published_at <= NOW()"

/* The plan is fixed: walk news_published backwards and stop at LIMIT, one
 * primary-key lookup per row for its category.  Left to itself, MariaDB
 * picks the tiny categories table first and sorts in a temporary table,
 * which made this one query cost more CPU than the rest of the request. */
static struct db_stmt latest = DB_STMT(
    "SELECT STRAIGHT_JOIN " NEWS_COLS
    " FROM news n FORCE INDEX (news_published)"
    " JOIN categories c FORCE INDEX (PRIMARY) ON c.id = n.category_id"
    " WHERE " VISIBLE " ORDER BY n.published_at DESC, n.id DESC LIMIT ?");

static struct db_stmt get = DB_STMT(
    "SELECT STRAIGHT_JOIN " NEWS_COLS ", n.body FROM news n"
    " JOIN categories c FORCE INDEX (PRIMARY) ON c.id = n.category_id"
    " WHERE n.id = ? AND " VISIBLE);

static struct db_stmt without_slug = DB_STMT(
    "SELECT id, title FROM news WHERE slug = '' ORDER BY id");

static struct db_stmt set_slug = DB_STMT(
    "UPDATE news SET slug = ?, updated_at = updated_at WHERE id = ?");

static struct db_stmt count = DB_STMT("SELECT COUNT(*) FROM news");

int db_news_latest(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &latest, res, "i", limit);
}

int db_news_get(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &get, res, "i", id);
}

int db_news_without_slug(struct arena *a, struct db_res *res)
{
	return db_run(a, &without_slug, res, "");
}

int db_news_set_slug(struct arena *a, long long id, const char *slug)
{
	return db_run(a, &set_slug, NULL, "si", slug, id);
}

int db_news_count(struct arena *a, long long *n)
{
	struct db_res res;
	int rc = db_run(a, &count, &res, "");
	if (rc == DB_OK)
		*n = res.nrows ? atoll(DB_GET(&res, 0, 0)) : 0;
	return rc;
}
