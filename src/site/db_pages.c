/*
 * db_pages.c - the SQL of the page tree: a path is resolved one level at a
 * time through the unique (root_key, slug) index.
 */
#include "site/db_pages.h"

#include "db/public.h"

static struct db_stmt child = DB_READ(
    "SELECT " DB_COLUMNS(PG_COLS)
    " FROM pages WHERE root_key = ? AND slug = ? AND " SQL_PAGE_PUBLIC("pages"),
    DB_NCOLS(PG_COLS));

static struct db_stmt children = DB_READ(
    "SELECT " DB_COLUMNS(KID_COLS) " FROM pages"
    " WHERE parent_id = ? AND " SQL_PAGE_PUBLIC("pages") " ORDER BY sort_order, id",
    DB_NCOLS(KID_COLS));

static struct db_stmt departments = DB_READ(
    "SELECT " DB_COLUMNS(DEPT_COLS) " FROM departments ORDER BY sort_order, id",
    DB_NCOLS(DEPT_COLS));

int db_pages_child(struct arena *a, long long parent, const char *slug,
                   struct db_res *res)
{
	return db_run(a, &child, res, "is", parent, slug);
}

int db_pages_children(struct arena *a, long long parent, struct db_res *res)
{
	return db_run(a, &children, res, "i", parent);
}

int db_pages_departments(struct arena *a, struct db_res *res)
{
	return db_run(a, &departments, res, "");
}
