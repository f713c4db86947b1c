/*
 * db_index.c - the SQL of the search index (db_index.h).  One statement
 * writes a whole batch: the entries go as one JSON array, JSON_TABLE turns
 * it into rows, and each row's dates come from its item through the
 * primary key - a batch of 500 news items (about 10 000 entries) is one
 * round trip.  The same join keeps out what the public does not see: a
 * draft, a page under a draft (chain below: each page with whether it and
 * its ancestors are published and the latest of their publication times,
 * down to the depth the router serves).
 */
#include "site/search/db_index.h"

#include "db/public.h"

/* Read with shared locks, in the indexing transaction: a staff save of
 * one of these items waits for the batch to commit (or the batch for the
 * save), so the words written are the item's current ones, and both take
 * the item's row before search_terms' (no deadlock between them). */
#define TEXTS(table)                                                       \
	DB_WRITE("SELECT " DB_COLUMNS(INDEX_TEXT_COLS) " FROM " table         \
	         " WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ? LOCK IN SHARE MODE")

static struct db_stmt texts[] = { TEXTS("news"), TEXTS("pages"), TEXTS("events") };

static struct db_stmt del = DB_WRITE(
    "DELETE FROM search_terms WHERE kind = ? AND item_id BETWEEN ? AND ?");

#define ROWS                                                               \
	" FROM JSON_TABLE(?, '$[*]' COLUMNS ("                              \
	"  i INT UNSIGNED PATH '$[0]',"                                     \
	"  t VARCHAR(96) CHARACTER SET utf8mb4 PATH '$[1]',"                \
	"  w TINYINT UNSIGNED PATH '$[2]')) j"
#define WRITE(kind, join, date, shown, where)                              \
	DB_WRITE("INSERT INTO search_terms (kind, item_id, term, w, d, shown_at)" \
	         " SELECT '" kind "', x.id, CAST(j.t AS BINARY), j.w, " date ", " \
	         shown ROWS " JOIN " join " ON x.id = j.i WHERE " where)

#define NEVER "'1000-01-01 00:00:00'"
#define PAGE_CHAIN                                                          \
	"(WITH RECURSIVE chain (id, ok, shown, depth, updated_at) AS ("       \
	" SELECT id, status = 'published', COALESCE(publish_at, " NEVER "), 1, updated_at" \
	" FROM pages WHERE parent_id IS NULL"                                \
	" UNION ALL"                                                         \
	" SELECT p.id, c.ok AND p.status = 'published',"                     \
	" GREATEST(c.shown, COALESCE(p.publish_at, " NEVER ")), c.depth + 1, p.updated_at" \
	" FROM pages p JOIN chain c ON p.parent_id = c.id"                   \
	" WHERE c.depth < " SQL_STR(PAGE_DEPTH_MAX) ")"                      \
	" SELECT id, ok, shown, updated_at FROM chain) x"

static struct db_stmt write[] = {
	WRITE("n", "news x", "x.published_at", "x.published_at",
	      "x.status = 'published' AND x.published_at IS NOT NULL"),
	WRITE("p", PAGE_CHAIN, "x.updated_at", "x.shown", "x.ok"),
	WRITE("e", "events x", "x.starts_at", "COALESCE(x.publish_at, " NEVER ")",
	      "x.status = 'published'"),
};

/* A page and the pages under it, to the depth the router serves. */
static struct db_stmt subtree = DB_READ(
    "WITH RECURSIVE sub (id, depth) AS (SELECT id, 1 FROM pages WHERE id = ?"
    " UNION ALL SELECT p.id, s.depth + 1 FROM pages p JOIN sub s ON p.parent_id = s.id"
    " WHERE s.depth < " SQL_STR(PAGE_DEPTH_MAX) ") SELECT id, NULL FROM sub", 2);

static int slot(char kind)
{
	return kind == 'n' ? 0 : kind == 'p' ? 1 : 2;
}

int db_index_texts(struct arena *a, char kind, long long from, long long to,
                   long long limit, struct db_res *res)
{
	return db_run(a, &texts[slot(kind)], res, "iii", from, to, limit);
}

int db_index_delete(struct arena *a, char kind, long long from, long long to)
{
	char k[2] = { kind, '\0' };
	return db_run(a, &del, NULL, "sii", k, from, to);
}

int db_index_write(struct arena *a, char kind, const char *json, size_t len,
                   unsigned long long *rows)
{
	struct db_res res = { 0 };
	int rc = db_run(a, &write[slot(kind)], &res, "b", json, len);
	*rows = rc == DB_OK ? res.affected : 0;
	return rc;
}

int db_index_subtree(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &subtree, res, "i", id);
}
