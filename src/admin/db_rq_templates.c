/*
 * db_rq_templates.c (admin) - the SQL of the response templates
 * (db_rq_templates.h).  The list is read by request_templates_order.
 */
#include "admin/db_rq_templates.h"

#include "db/public.h"

static struct db_stmt st_list = DB_READ(
    "SELECT " DB_COLUMNS(RQ_TPL_COLS) " FROM request_templates"
    " ORDER BY sort_order, id LIMIT " SQL_STR(RQ_TPL_MAX), DB_NCOLS(RQ_TPL_COLS));
static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(RQ_TPL_COLS) " FROM request_templates WHERE id = ?",
    DB_NCOLS(RQ_TPL_COLS));
static struct db_stmt st_get_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(RQ_TPL_COLS) " FROM request_templates WHERE id = ? FOR UPDATE");
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO request_templates (title, status, body_el, body_en, sort_order,"
    " create_token) VALUES (?, ?, ?, ?, ?, ?)");
static struct db_stmt st_by_token = DB_READ(
    "SELECT id FROM request_templates WHERE create_token = ?", 1);
static struct db_stmt st_update = DB_WRITE(
    "UPDATE request_templates SET title = ?, status = ?, body_el = ?, body_en = ?,"
    " sort_order = ? WHERE id = ?");
static struct db_stmt st_delete = DB_WRITE("DELETE FROM request_templates WHERE id = ?");

int db_rq_templates(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_list, res, "");
}

int db_rq_template_get(struct arena *a, long long id, int lock, struct db_res *res)
{
	return db_run(a, lock ? &st_get_lock : &st_get, res, "i", id);
}

int db_rq_template_insert(struct arena *a, const struct rq_template *t,
                          const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_insert, &res, "ssssis", t->title, t->status, t->body_el,
	                t->body_en, t->sort_order, token);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	if (rc == DB_DUP && db_run(a, &st_by_token, &res, "s", token) == DB_OK &&
	    res.nrows == 1)
		*id = db_ll(&res, 0, 0);
	return rc;
}

int db_rq_template_update(struct arena *a, long long id, const struct rq_template *t)
{
	return db_run(a, &st_update, NULL, "ssssii", t->title, t->status, t->body_el,
	              t->body_en, t->sort_order, id);
}

int db_rq_template_delete(struct arena *a, long long id)
{
	return db_run(a, &st_delete, NULL, "i", id);
}
