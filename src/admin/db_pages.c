/*
 * db_pages.c (admin) - the SQL of editing the page tree (admin/db_pages.h).
 */
#include "admin/db_pages.h"

#include "core/arena.h"

#define TREE_SQL "SELECT " DB_COLUMNS(ADM_PAGE_TREE_COLS) " FROM pages" \
	" ORDER BY sort_order, id LIMIT " SQL_STR(ADM_PAGES_MAX)

static struct db_stmt st_tree = DB_READ(TREE_SQL, DB_NCOLS(ADM_PAGE_TREE_COLS));
static struct db_stmt st_tree_lock = DB_WRITE(TREE_SQL " FOR UPDATE");

int db_adm_pages_tree(struct arena *a, const char *like, int lock,
                      struct db_res *res)
{
	return db_run(a, lock ? &st_tree_lock : &st_tree, res, "sss", like, like, like);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(ADM_PAGE_COLS) " FROM pages WHERE id = ?",
    DB_NCOLS(ADM_PAGE_COLS));
static struct db_stmt st_get_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(ADM_PAGE_COLS) " FROM pages WHERE id = ? FOR UPDATE");

int db_adm_page_get(struct arena *a, long long id, int lock, struct db_res *res)
{
	return db_run(a, lock ? &st_get_lock : &st_get, res, "i", id);
}

#define PAGE_SET                                                             \
	" parent_id = NULLIF(?, 0), slug = ?, title = ?, title_en = ?,"       \
	" summary = ?, summary_en = ?, body = ?, body_en = ?, body_html = ?,"  \
	" body_en_html = ?, sort_order = ?, in_menu = ?, status = ?,"         \
	" publish_at = ?, updated_by = ?"
#define PAGE_FMT "isssssssssiissi"
#define PAGE_ARGS(p)                                                         \
	(p)->parent, (p)->slug, (p)->title, (p)->title_en, (p)->summary,      \
	(p)->summary_en, (p)->body, (p)->body_en, (p)->body_html,             \
	(p)->body_en_html, (p)->sort_order, (p)->in_menu, (p)->status,       \
	(p)->publish_at, (p)->user_id

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO pages SET" PAGE_SET ", create_token = ?");
/* A locking read: the newest committed rows, whatever the transaction's
 * snapshot (a twin form's page committed meanwhile is seen). */
static struct db_stmt st_by_token = DB_WRITE(
    "SELECT id FROM pages WHERE create_token = ? LOCK IN SHARE MODE");
static struct db_stmt st_update = DB_WRITE(
    "UPDATE pages SET" PAGE_SET " WHERE id = ?");
static struct db_stmt st_delete = DB_WRITE("DELETE FROM pages WHERE id = ?");

int db_adm_page_by_token(struct arena *a, const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_by_token, &res, "s", token);
	*id = rc == DB_OK && res.nrows == 1 ? db_ll(&res, 0, 0) : 0;
	return rc;
}

int db_adm_page_insert(struct arena *a, const struct adm_page *p,
                       const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_insert, &res, PAGE_FMT "s", PAGE_ARGS(p), token);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	return rc;
}

int db_adm_page_update(struct arena *a, long long id, const struct adm_page *p)
{
	return db_run(a, &st_update, NULL, PAGE_FMT "i", PAGE_ARGS(p), id);
}

int db_adm_page_delete(struct arena *a, long long id)
{
	return db_run(a, &st_delete, NULL, "i", id);
}
