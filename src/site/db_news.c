/*
 * db_news.c - the SQL of news items.  "Visible to the public" means status
 * 'published' and a publication time that has come.  Lists walk the
 * (status, published_at, id) or (category_id, status, published_at, id)
 * index from a keyset cursor: no OFFSET, so page 500 costs what page 1 does.
 */
#include "site/db_news.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "db/public.h"

#define VISIBLE SQL_NEWS_PUBLIC("n")
/* The plans are pinned: walk the index backwards (or forwards) and stop at
 * LIMIT, one primary-key lookup per row for its category.  Left to itself,
 * MariaDB picks the tiny categories table first and sorts in a temporary
 * table, which made the home page's query cost more CPU than the rest of
 * the request. */
#define FROM_ALL                                                             \
	" FROM news n FORCE INDEX (news_published)"                          \
	" JOIN categories c FORCE INDEX (PRIMARY) ON c.id = n.category_id"
#define FROM_CAT                                                             \
	" FROM news n FORCE INDEX (news_category)"                           \
	" JOIN categories c FORCE INDEX (PRIMARY) ON c.id = n.category_id"
#define OLDER " AND (n.published_at < ? OR (n.published_at = ? AND n.id < ?))"
#define NEWER " AND (n.published_at > ? OR (n.published_at = ? AND n.id > ?))"
#define DESC " ORDER BY n.published_at DESC, n.id DESC LIMIT ?"
#define ASC " ORDER BY n.published_at ASC, n.id ASC LIMIT ?"

static struct db_stmt latest = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(NEWS_LIST_COLS) FROM_ALL " WHERE " VISIBLE DESC, DB_NCOLS(NEWS_LIST_COLS));
static struct db_stmt all_older = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(NEWS_LIST_COLS) FROM_ALL " WHERE " VISIBLE OLDER DESC, DB_NCOLS(NEWS_LIST_COLS));
static struct db_stmt all_newer = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(NEWS_LIST_COLS) FROM_ALL " WHERE " VISIBLE NEWER ASC, DB_NCOLS(NEWS_LIST_COLS));
static struct db_stmt cat_first = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(NEWS_LIST_COLS) FROM_CAT
    " WHERE n.category_id = ? AND " VISIBLE DESC, DB_NCOLS(NEWS_LIST_COLS));
static struct db_stmt cat_older = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(NEWS_LIST_COLS) FROM_CAT
    " WHERE n.category_id = ? AND " VISIBLE OLDER DESC, DB_NCOLS(NEWS_LIST_COLS));
static struct db_stmt cat_newer = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(NEWS_LIST_COLS) FROM_CAT
    " WHERE n.category_id = ? AND " VISIBLE NEWER ASC, DB_NCOLS(NEWS_LIST_COLS));

static struct db_stmt get = DB_READ(
    "SELECT STRAIGHT_JOIN " DB_COLUMNS(NEWS_ITEM_COLS) " FROM news n"
    " JOIN categories c FORCE INDEX (PRIMARY) ON c.id = n.category_id"
    " WHERE n.id = ? AND " VISIBLE, DB_NCOLS(NEWS_ITEM_COLS));

static struct db_stmt tags = DB_READ(
    "SELECT " DB_COLUMNS(TAG_COLS) " FROM news_tags nt"
    " JOIN tags t ON t.id = nt.tag_id WHERE nt.news_id = ? ORDER BY t.name_el",
    DB_NCOLS(TAG_COLS));

static struct db_stmt attachments = DB_READ(
    "SELECT " DB_COLUMNS(FILE_COLS) " FROM news_attachments"
    " WHERE news_id = ? ORDER BY sort_order, id", DB_NCOLS(FILE_COLS));

/* Related items: those sharing the most of this item's tags (its first
 * RELATED_TAGS by id), among the newest RELATED_PER_TAG items of each tag.
 * Each branch of the UNION reads that many entries of the (tag_id,
 * news_id) index backwards and stops: the cost stays the same whether a
 * tag has 50 items or 90 000 (without the bound, one article of a popular
 * tag joined and sorted every item of it: 13-19 s at a million rows).
 * A missing tag slot is bound as 0, which no tag has.  Then the newest of
 * the category fill up the three. */
#define RELATED_TAGS 5
#define RELATED_PER_TAG "100"
#define REL_BRANCH                                                            \
	"(SELECT news_id FROM news_tags FORCE INDEX (news_tags_tag)"          \
	" WHERE tag_id = ? AND news_id <> ? ORDER BY news_id DESC LIMIT " RELATED_PER_TAG ")"
static struct db_stmt item_tags = DB_READ(
    "SELECT tag_id FROM news_tags WHERE news_id = ? ORDER BY tag_id LIMIT 5", 1);
static struct db_stmt related_tags = DB_READ(
    "SELECT " DB_COLUMNS(REL_COLS) " FROM ("
    REL_BRANCH " UNION ALL " REL_BRANCH " UNION ALL " REL_BRANCH
    " UNION ALL " REL_BRANCH " UNION ALL " REL_BRANCH ") o"
    " JOIN news n ON n.id = o.news_id"
    " WHERE " VISIBLE
    " GROUP BY n.id ORDER BY COUNT(*) DESC, n.published_at DESC, n.id DESC LIMIT 3",
    DB_NCOLS(REL_COLS));
static struct db_stmt related_cat = DB_READ(
    "SELECT " DB_COLUMNS(REL_COLS)
    " FROM news n FORCE INDEX (news_category)"
    " WHERE n.category_id = ? AND " VISIBLE " AND n.id <> ?"
    " ORDER BY n.published_at DESC, n.id DESC LIMIT 4", DB_NCOLS(REL_COLS));

static struct db_stmt categories = DB_READ(
    "SELECT " DB_COLUMNS(CAT_COLS) " FROM categories ORDER BY sort_order, id",
    DB_NCOLS(CAT_COLS));

static struct db_stmt without_slug = DB_READ(
    "SELECT id, title FROM news WHERE slug = '' ORDER BY id", 2);

static struct db_stmt set_slug = DB_WRITE(
    "UPDATE news SET slug = ?, updated_at = updated_at WHERE id = ?");

static struct db_stmt count = DB_READ("SELECT COUNT(*) FROM news", 1);

int db_news_latest(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &latest, res, "i", limit);
}

int db_news_page(struct arena *a, long long cat, char dir, const char *at,
                 long long id, long long limit, struct db_res *res)
{
	if (cat == 0) {
		if (at == NULL)
			return db_run(a, &latest, res, "i", limit);
		return db_run(a, dir == 'a' ? &all_newer : &all_older, res, "ssii",
		              at, at, id, limit);
	}
	if (at == NULL)
		return db_run(a, &cat_first, res, "ii", cat, limit);
	return db_run(a, dir == 'a' ? &cat_newer : &cat_older, res, "issii", cat,
	              at, at, id, limit);
}

int db_news_get(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &get, res, "i", id);
}

int db_news_tags(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &tags, res, "i", id);
}

int db_news_attachments(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &attachments, res, "i", id);
}

int db_news_related(struct arena *a, long long id, long long cat,
                    struct db_res *res)
{
	struct db_res tg;
	int rc = db_run(a, &item_tags, &tg, "i", id);
	if (rc != DB_OK)
		return rc;
	long long t[RELATED_TAGS] = { 0 };
	for (size_t i = 0; i < tg.nrows && i < RELATED_TAGS; i++)
		t[i] = db_ll(&tg, i, 0);
	if (tg.nrows == 0)
		*res = (struct db_res){ 0 };
	else if ((rc = db_run(a, &related_tags, res, "iiiiiiiiii", t[0], id, t[1], id,
	                      t[2], id, t[3], id, t[4], id)) != DB_OK)
		return rc;
	if (res->nrows >= 3)
		return rc;
	/* Fill up with the category's newest items not already listed. */
	struct db_res more;
	if ((rc = db_run(a, &related_cat, &more, "ii", cat, id)) != DB_OK)
		return rc;
	size_t nc = res->ncols ? res->ncols : more.ncols, n = res->nrows;
	char **v = arena_calloc(a, 3 * nc * sizeof(char *));
	unsigned long *len = arena_calloc(a, 3 * nc * sizeof(unsigned long));
	for (size_t i = 0; i < n * nc; i++) {
		v[i] = res->v[i];
		len[i] = res->len[i];
	}
	for (size_t r = 0; r < more.nrows && n < 3; r++) {
		int dup = 0;
		for (size_t k = 0; k < n; k++)
			dup |= strcmp(v[k * nc + REL_ID], DB_GET(&more, r, REL_ID)) == 0;
		if (dup)
			continue;
		for (size_t col = 0; col < nc; col++) {
			v[n * nc + col] = more.v[r * nc + col];
			len[n * nc + col] = more.len[r * nc + col];
		}
		n++;
	}
	res->v = v;
	res->len = len;
	res->ncols = nc;
	res->nrows = n;
	return DB_OK;
}

int db_news_categories(struct arena *a, struct db_res *res)
{
	return db_run(a, &categories, res, "");
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
		*n = res.nrows ? db_ll(&res, 0, 0) : 0;
	return rc;
}
