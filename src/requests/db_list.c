/*
 * db_list.c - the public list's and the request feed's SQL (db_list.h).
 *
 * The list's plans are pinned with FORCE INDEX: each walks an index of
 * 0009/0010 whose leading column is the one equality it has -
 * requests_category (category_id, created_at, id), requests_area
 * (area_id, created_at, id), requests_status (status, created_at, id) or
 * requests_created (created_at, id) - backwards from the cursor, filtering
 * the other conditions on the way, and stops at LIMIT.  The first page
 * passes a cursor after every row, so one statement serves every page and
 * page 5000 costs what page 1 does.  (Filters that are rare within their
 * index's range, say an area and a closed status, read more rows of that
 * range; they never sort it.)
 */
#include "requests/db_list.h"


#define FROM_(index)                                                          \
	" FROM requests r FORCE INDEX (" index ")"                            \
	" JOIN request_categories c FORCE INDEX (PRIMARY) ON c.id = r.category_id" \
	" LEFT JOIN areas a ON a.id = r.area_id"
#define SET_ " AND (? = '' OR FIND_IN_SET(r.status, ?))"
#define OLDER_ " AND (r.created_at < ? OR (r.created_at = ? AND r.id < ?))"
#define DESC_ " ORDER BY r.created_at DESC, r.id DESC LIMIT ?"
#define SELECT_ "SELECT STRAIGHT_JOIN " DB_COLUMNS(RQ_LIST_COLS)

static struct db_stmt st_by_category = DB_READ(
    SELECT_ FROM_("requests_category") " WHERE r.category_id = ?"
    " AND (? = 0 OR r.area_id = ?)" SET_ OLDER_ DESC_, DB_NCOLS(RQ_LIST_COLS));
static struct db_stmt st_by_area = DB_READ(
    SELECT_ FROM_("requests_area") " WHERE r.area_id = ?" SET_ OLDER_ DESC_,
    DB_NCOLS(RQ_LIST_COLS));
static struct db_stmt st_by_status = DB_READ(
    SELECT_ FROM_("requests_status") " WHERE r.status = ?" OLDER_ DESC_,
    DB_NCOLS(RQ_LIST_COLS));
static struct db_stmt st_by_time = DB_READ(
    SELECT_ FROM_("requests_created") " WHERE 1 = 1" SET_ OLDER_ DESC_,
    DB_NCOLS(RQ_LIST_COLS));

/* After every row: the first page. */
#define CURSOR_END_AT "9999-12-31 23:59:59"
#define CURSOR_END_ID 9999999999LL

int db_rq_list(struct arena *a, const struct rq_filter *f, const char *at,
               long long id, long long limit, struct db_res *res)
{
	if (at == NULL) {
		at = CURSOR_END_AT;
		id = CURSOR_END_ID;
	}
	const char *set = f->status ? f->status : f->statuses ? f->statuses : "";
	if (f->category)
		return db_run(a, &st_by_category, res, "iiissssii", f->category,
		              f->area, f->area, set, set, at, at, id, limit);
	if (f->area)
		return db_run(a, &st_by_area, res, "issssii", f->area, set, set,
		              at, at, id, limit);
	if (f->status)
		return db_run(a, &st_by_status, res, "sssii", f->status, at, at,
		              id, limit);
	return db_run(a, &st_by_time, res, "ssssii", set, set, at, at, id, limit);
}

static struct db_stmt st_feed_events = DB_READ(
    "SELECT " DB_COLUMNS(RQ_FEED_COLS) " FROM request_events e"
    " WHERE e.request_id = ? AND (e.status_to IS NOT NULL OR e.reply IS NOT NULL)"
    " ORDER BY e.id DESC LIMIT ?", DB_NCOLS(RQ_FEED_COLS));

int db_rq_feed_events(struct arena *a, long long request_id, long long limit,
                      struct db_res *res)
{
	return db_run(a, &st_feed_events, res, "ii", request_id, limit);
}

static struct db_stmt st_head = DB_READ(
    "SELECT " DB_COLUMNS(RQ_HEAD_COLS) " FROM requests r"
    " JOIN request_categories c ON c.id = r.category_id WHERE r.code = ?",
    DB_NCOLS(RQ_HEAD_COLS));

int db_rq_head(struct arena *a, const char *code, struct db_res *res)
{
	return db_run(a, &st_head, res, "s", code);
}
