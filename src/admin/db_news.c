/*
 * db_news.c (admin) - the SQL of editing news items (admin/db_news.h).
 *
 * The list walks an index from the newest publication time down with a
 * keyset cursor: news_published (status, published_at, id) when a status
 * is chosen, news_published_all (published_at, id) otherwise; a text
 * query uses the FULLTEXT index (news_search).
 */
#include "admin/db_news.h"

#include <string.h>

#include "core/arena.h"

/* The join order is pinned (STRAIGHT_JOIN, the category by its key):
 * left to itself, on a few thousand items MariaDB read the four
 * categories first and sorted every item in a temporary table. */
#define LIST_FROM(hint)                                                      \
	"SELECT STRAIGHT_JOIN " DB_COLUMNS(ADM_NEWS_LIST_COLS) " FROM news n " hint \
	" JOIN categories k FORCE INDEX (PRIMARY) ON k.id = n.category_id"
/* Parameters: category twice, then the cursor (at, at, at, id). */
#define LIST_WHERE                                                           \
	" (? = 0 OR n.category_id = ?)"                                      \
	" AND (? IS NULL OR n.published_at < ? OR (n.published_at = ? AND n.id < ?))"
#define LIST_ORDER " ORDER BY n.published_at DESC, n.id DESC LIMIT ?"

static struct db_stmt st_all = DB_READ(
    LIST_FROM("FORCE INDEX (news_published_all)") " WHERE" LIST_WHERE LIST_ORDER,
    DB_NCOLS(ADM_NEWS_LIST_COLS));
static struct db_stmt st_status = DB_READ(
    LIST_FROM("FORCE INDEX (news_published)") " WHERE n.status = ?"
    " AND (? = 0 OR (n.published_at > NOW()) = (? = 1)) AND" LIST_WHERE LIST_ORDER,
    DB_NCOLS(ADM_NEWS_LIST_COLS));
static struct db_stmt st_search = DB_READ(
    LIST_FROM("") " WHERE MATCH (n.title, n.summary, n.body) AGAINST (? IN BOOLEAN MODE)"
    " AND (? = '' OR n.status = ?) AND" LIST_WHERE LIST_ORDER,
    DB_NCOLS(ADM_NEWS_LIST_COLS));

/* "λέξη άλλη" -> "+λέξη* +άλλη*": every word, as a prefix.  Characters
 * that mean something to the boolean parser are dropped. */
static const char *boolean_query(struct arena *a, const char *q)
{
	size_t n = strlen(q);
	char *o = arena_alloc(a, n * 3 + 3), *p = o;
	int in_word = 0;
	for (const char *s = q; *s; s++) {
		if (strchr(" \t+-<>()~*\"@'", *s) != NULL) {
			if (in_word)
				*p++ = '*';
			in_word = 0;
			continue;
		}
		if (!in_word) {
			if (p > o)
				*p++ = ' ';
			*p++ = '+';
		}
		in_word = 1;
		*p++ = *s;
	}
	if (in_word)
		*p++ = '*';
	*p = '\0';
	return o;
}

int db_adm_news_page(struct arena *a, const char *status, long long category,
                     const char *q, const char *at, long long id,
                     long long limit, struct db_res *res)
{
	if (q != NULL && *q) {
		const char *st = strcmp(status, "scheduled") == 0 ? "published" : status;
		return db_run(a, &st_search, res, "sssiisssii", boolean_query(a, q), st,
		              st, category, category, at, at, at, id, limit);
	}
	if (*status == '\0')
		return db_run(a, &st_all, res, "iisssii", category, category, at, at,
		              at, id, limit);
	/* future: 0 any time, 1 scheduled (still to come), 2 published (come). */
	long long future = strcmp(status, "scheduled") == 0 ? 1
	                 : strcmp(status, "published") == 0 ? 2 : 0;
	const char *st = future ? "published" : status;
	return db_run(a, &st_status, res, "siiiisssii", st, future, future, category,
	              category, at, at, at, id, limit);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(ADM_NEWS_COLS) " FROM news WHERE id = ?",
    DB_NCOLS(ADM_NEWS_COLS));
static struct db_stmt st_get_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(ADM_NEWS_COLS) " FROM news WHERE id = ? FOR UPDATE");

int db_adm_news_get(struct arena *a, long long id, int lock, struct db_res *res)
{
	return db_run(a, lock ? &st_get_lock : &st_get, res, "i", id);
}

#define NEWS_SET                                                             \
	" category_id = ?, title = ?, title_en = ?, summary = ?, summary_en = ?,"\
	" body = ?, body_en = ?, body_html = ?, body_en_html = ?, status = ?,"   \
	" published_at = ?, deadline = ?, diavgeia_ada = ?, kimdis_adam = ?,"   \
	" esidis_no = ?, lead_image = ?, lead_image_alt = ?, slug = ?,"         \
	" lead_image_alt_en = ?, lead_image_srcset = ?, lead_image_width = ?,"  \
	" lead_image_height = ?, lead_media_id = ?, updated_by = ?"
#define NEWS_FMT "issssssssssssssssssssssi"
#define NEWS_ARGS(n)                                                         \
	(n)->category, (n)->title, (n)->title_en, (n)->summary, (n)->summary_en,\
	(n)->body, (n)->body_en, (n)->body_html, (n)->body_en_html, (n)->status,\
	(n)->published_at, (n)->deadline, (n)->ada, (n)->adam, (n)->esidis,     \
	(n)->image, (n)->image_alt, (n)->slug, (n)->image_alt_en, (n)->srcset,  \
	(n)->image_w, (n)->image_h, (n)->media_id, (n)->user_id

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO news SET" NEWS_SET ", create_token = ?");
static struct db_stmt st_by_token = DB_READ(
    "SELECT id FROM news WHERE create_token = ?", 1);
static struct db_stmt st_update = DB_WRITE(
    "UPDATE news SET" NEWS_SET " WHERE id = ?");
static struct db_stmt st_delete = DB_WRITE("DELETE FROM news WHERE id = ?");

int db_adm_news_insert(struct arena *a, const struct adm_news *n,
                       const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_insert, &res, NEWS_FMT "s", NEWS_ARGS(n), token);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	if (rc == DB_DUP && db_run(a, &st_by_token, &res, "s", token) == DB_OK &&
	    res.nrows == 1)
		*id = db_ll(&res, 0, 0);
	return rc;
}

int db_adm_news_update(struct arena *a, long long id, const struct adm_news *n)
{
	return db_run(a, &st_update, NULL, NEWS_FMT "i", NEWS_ARGS(n), id);
}

int db_adm_news_delete(struct arena *a, long long id)
{
	return db_run(a, &st_delete, NULL, "i", id);
}

static struct db_stmt st_files = DB_READ(
    "SELECT " DB_COLUMNS(ADM_FILE_COLS) " FROM news_attachments WHERE news_id = ?"
    " ORDER BY sort_order, id", DB_NCOLS(ADM_FILE_COLS));
static struct db_stmt st_file_add = DB_WRITE(
    "INSERT INTO news_attachments (news_id, title, title_en, url, mime, size_bytes,"
    " sort_order) SELECT ?, ?, ?, ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1"
    " FROM news_attachments WHERE news_id = ?");
static struct db_stmt st_file_get = DB_WRITE(
    "SELECT title FROM news_attachments WHERE id = ? AND news_id = ? FOR UPDATE");
static struct db_stmt st_file_del = DB_WRITE(
    "DELETE FROM news_attachments WHERE id = ? AND news_id = ?");

int db_adm_news_files(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_files, res, "i", id);
}

int db_adm_news_file_add(struct arena *a, long long id, const char *title,
                         const char *title_en, const char *url, const char *mime,
                         long long size)
{
	return db_run(a, &st_file_add, NULL, "issssii", id, title, title_en, url,
	              mime, size, id);
}

int db_adm_news_file_remove(struct arena *a, long long id, long long fid,
                            const char **removed)
{
	struct db_res res;
	*removed = "";
	int rc = db_run(a, &st_file_get, &res, "ii", fid, id);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	*removed = db_str(&res, 0, 0);
	return db_run(a, &st_file_del, NULL, "ii", fid, id);
}
