/*
 * db_requests.c - the public side's SQL of citizens' requests
 * (db_requests.h).
 */
#include "requests/db_requests.h"

#include <stdio.h>

#include "core/arena.h"

static struct db_stmt st_categories = DB_READ(
    "SELECT " DB_COLUMNS(RQ_CAT_COLS) " FROM request_categories c"
    " JOIN request_groups g ON g.id = c.group_id WHERE c.active = 1"
    " ORDER BY g.sort_order, c.sort_order, c.id", DB_NCOLS(RQ_CAT_COLS));
static struct db_stmt st_areas = DB_READ(
    "SELECT " DB_COLUMNS(RQ_AREA_COLS) " FROM areas ORDER BY sort_order, id",
    DB_NCOLS(RQ_AREA_COLS));

int db_rq_categories(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_categories, res, "");
}

int db_rq_areas(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_areas, res, "");
}

/* The year's next number: the row is locked until the transaction ends,
 * so concurrent submissions wait their turn and a rolled-back one gives
 * its number back. */
static struct db_stmt st_counter = DB_WRITE(
    "INSERT INTO protocol_counters (year, last) VALUES (?, LAST_INSERT_ID(1))"
    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)");
static struct db_stmt st_last = DB_WRITE("SELECT LAST_INSERT_ID()");
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO requests (code, year, protocol_no, token, category_id,"
    " department_id, area_id, description, address, name, email, phone,"
    " consent_at, lang, due_date)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), ?, ?)");
static struct db_stmt st_first_event = DB_WRITE(
    "INSERT INTO request_events (request_id, status_to) VALUES (?, 'submitted')");
static struct db_stmt st_by_token = DB_READ(
    "SELECT code, protocol_no FROM requests WHERE token = ?", 2);

int db_rq_submit(struct arena *a, const struct rq_new *n, const char **code,
                 long long *protocol)
{
	struct db_res res;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_run(a, &st_counter, NULL, "i", (long long)n->year);
	if (rc == DB_OK)
		rc = db_run(a, &st_last, &res, "");
	long long no = rc == DB_OK && res.nrows ? db_ll(&res, 0, 0) : 0;
	*code = arena_printf(a, "%04d-%06lld", n->year, no);
	*protocol = no;
	if (rc == DB_OK)
		rc = db_run(a, &st_insert, &res, "siisssssssssss", *code,
		            (long long)n->year, no, n->token,
		            arena_printf(a, "%lld", n->category),
		            n->department ? arena_printf(a, "%lld", n->department) : NULL,
		            n->area ? arena_printf(a, "%lld", n->area) : NULL,
		            n->description, n->address, n->name, n->email, n->phone,
		            n->lang, n->due_date);
	if (rc == DB_OK)
		rc = db_run(a, &st_first_event, NULL, "i", (long long)res.insert_id);
	if (rc == DB_DUP) {
		db_rollback();
		if (db_run(a, &st_by_token, &res, "s", n->token) == DB_OK && res.nrows) {
			*code = db_str(&res, 0, 0);
			*protocol = db_ll(&res, 0, 1);
		}
		return DB_DUP;
	}
	return db_end(rc);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(RQ_SHOW_COLS) " FROM requests r"
    " JOIN request_categories c ON c.id = r.category_id"
    " LEFT JOIN areas a ON a.id = r.area_id WHERE r.code = ?",
    DB_NCOLS(RQ_SHOW_COLS));
static struct db_stmt st_events = DB_READ(
    "SELECT " DB_COLUMNS(RQ_EVENT_COLS) " FROM request_events e"
    " WHERE e.request_id = ? AND (e.status_to IS NOT NULL OR e.reply IS NOT NULL)"
    " ORDER BY e.id LIMIT 200", DB_NCOLS(RQ_EVENT_COLS));

int db_rq_get(struct arena *a, const char *code, struct db_res *res)
{
	return db_run(a, &st_get, res, "s", code);
}

int db_rq_events(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_events, res, "i", id);
}
