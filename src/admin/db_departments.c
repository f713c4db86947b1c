/*
 * db_departments.c (admin) - the SQL of editing the department directory
 * (admin/db_departments.h).
 */
#include "admin/db_departments.h"

#include "core/arena.h"
#include "db/public.h"

static struct db_stmt st_list = DB_READ(
    "SELECT " DB_COLUMNS(ADM_DEPT_LIST_COLS) " FROM departments d"
    " WHERE ? = '' OR d.name LIKE ? ESCAPE '!' OR d.name_en LIKE ? ESCAPE '!'"
    " ORDER BY d.sort_order, d.id LIMIT " SQL_STR(ADM_DEPTS_MAX),
    DB_NCOLS(ADM_DEPT_LIST_COLS));

int db_adm_departments(struct arena *a, const char *like, struct db_res *res)
{
	return db_run(a, &st_list, res, "sss", like, like, like);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(ADM_DEPT_COLS) " FROM departments WHERE id = ?",
    DB_NCOLS(ADM_DEPT_COLS));
/* Locked, no user can be given the department until the commit: the
 * foreign key check of such a write waits for this lock; the count is of
 * the users committed before it. */
static struct db_stmt st_get_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(ADM_DEPT_COLS) " FROM departments WHERE id = ? FOR UPDATE");

int db_adm_department_get(struct arena *a, long long id, int lock,
                          struct db_res *res)
{
	return db_run(a, lock ? &st_get_lock : &st_get, res, "i", id);
}

#define DEPT_SET                                                             \
	" name = ?, name_en = ?, head = ?, phone = ?, email = ?, hours = ?,"  \
	" hours_en = ?, address = ?, address_en = ?, sort_order = ?,"         \
	" updated_by = ?"
#define DEPT_FMT "sssssssssii"
#define DEPT_ARGS(d)                                                         \
	(d)->name, (d)->name_en, (d)->head, (d)->phone, (d)->email,           \
	(d)->hours, (d)->hours_en, (d)->address, (d)->address_en,            \
	(d)->sort_order, (d)->user_id

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO departments SET" DEPT_SET ", create_token = ?");
static struct db_stmt st_by_token = DB_READ(
    "SELECT id FROM departments WHERE create_token = ?", 1);
static struct db_stmt st_update = DB_WRITE(
    "UPDATE departments SET" DEPT_SET " WHERE id = ?");
static struct db_stmt st_delete = DB_WRITE("DELETE FROM departments WHERE id = ?");

int db_adm_department_insert(struct arena *a, const struct adm_department *d,
                             const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_insert, &res, DEPT_FMT "s", DEPT_ARGS(d), token);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	if (rc == DB_DUP && db_run(a, &st_by_token, &res, "s", token) == DB_OK &&
	    res.nrows == 1)
		*id = db_ll(&res, 0, 0);
	return rc;
}

int db_adm_department_update(struct arena *a, long long id,
                             const struct adm_department *d)
{
	return db_run(a, &st_update, NULL, DEPT_FMT "i", DEPT_ARGS(d), id);
}

int db_adm_department_delete(struct arena *a, long long id)
{
	return db_run(a, &st_delete, NULL, "i", id);
}

static struct db_stmt st_page = DB_READ(
    SQL_PAGE_TREE "SELECT t.path FROM page_tree t JOIN pages p ON p.id = t.id"
    " WHERE p.special = 'departments' ORDER BY t.depth, t.id LIMIT 1", 1);

int db_adm_departments_page(struct arena *a, const char **path)
{
	struct db_res res;
	int rc = db_run(a, &st_page, &res, "");
	*path = rc == DB_OK && res.nrows == 1 ? db_str(&res, 0, 0) : NULL;
	return rc;
}
