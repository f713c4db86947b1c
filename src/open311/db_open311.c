/*
 * db_open311.c - the Open311 API's SQL (db_open311.h).  Reads
 * request_categories, request_groups, request_questions, departments
 * (names), requests (public columns), request_events (public replies),
 * request_photos and the media tables.
 */
#include "open311/db_open311.h"

#include "requests/rules.h"

#define SVC_FROM                                                              \
	" FROM request_categories c JOIN request_groups g ON g.id = c.group_id" \
	" LEFT JOIN departments d ON d.id = c.department_id WHERE c.active = 1"

static struct db_stmt st_services = DB_READ(
    "SELECT " DB_COLUMNS(O311_SVC_COLS) SVC_FROM
    " ORDER BY g.sort_order, c.sort_order, c.id", DB_NCOLS(O311_SVC_COLS));
static struct db_stmt st_service = DB_READ(
    "SELECT " DB_COLUMNS(O311_SVC_COLS) SVC_FROM " AND c.id = ?", DB_NCOLS(O311_SVC_COLS));

int db_o311_services(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_services, res, "");
}

int db_o311_service(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_service, res, "i", id);
}

#define RQ_SELECT "SELECT STRAIGHT_JOIN " DB_COLUMNS(O311_RQ_COLS)
#define RQ_JOIN " JOIN request_categories c FORCE INDEX (PRIMARY) ON c.id = r.category_id"

static struct db_stmt st_request = DB_READ(
    RQ_SELECT " FROM requests r" RQ_JOIN " WHERE r.code = ?", DB_NCOLS(O311_RQ_COLS));

int db_o311_request(struct arena *a, const char *code, struct db_res *res)
{
	return db_run(a, &st_request, res, "s", code);
}

static struct db_stmt st_by_token = DB_READ(
    "SELECT code, NULL FROM requests WHERE token = ? AND channel = 'open311'", 2);

int db_o311_by_token(struct arena *a, const char *token, struct db_res *res)
{
	return db_run(a, &st_by_token, res, "s", token);
}

/* The filters both orders share: the services, open or closed. */
#define RQ_FILTERS                                                            \
	" AND (? = '' OR FIND_IN_SET(r.category_id, ?))"                      \
	" AND (? = '' OR (? = 'open') = (" RQ_OPEN_SQL "))"

static struct db_stmt st_created = DB_READ(
    RQ_SELECT " FROM requests r FORCE INDEX (requests_created)" RQ_JOIN
    " WHERE r.created_at >= ? AND r.created_at < ?" RQ_FILTERS
    " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?", DB_NCOLS(O311_RQ_COLS));
static struct db_stmt st_updated = DB_READ(
    RQ_SELECT " FROM requests r FORCE INDEX (requests_updated)" RQ_JOIN
    " WHERE r.updated_at >= ? AND r.updated_at < ?" RQ_FILTERS
    " ORDER BY r.updated_at, r.id LIMIT ? OFFSET ?", DB_NCOLS(O311_RQ_COLS));

int db_o311_requests(struct arena *a, const struct o311_filter *f, long long offset,
                     long long limit, struct db_res *res)
{
	return db_run(a, f->by_update ? &st_updated : &st_created, res, "ssssssii", f->from,
	              f->to, f->services, f->services, f->status, f->status, limit, offset);
}
