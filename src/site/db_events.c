/*
 * db_events.c - the SQL of the events calendar.  "Public" means status
 * 'published'; every list walks the events_starts (status, starts_at, id)
 * index in one direction and stops at LIMIT, without a sort.
 *
 * "Upcoming" means not over yet: ends_at (or starts_at, for an event
 * without an end) is now or later.  Nothing indexes ends_at, so a plain
 * "COALESCE(ends_at, starts_at) >= NOW()" would read every past event's row
 * on each request.  An event is therefore taken to last at most LONGEST:
 * that bounds the index range of upcoming events from below, and an event
 * that started earlier still shows, in the past list (never lost).
 */
#include "site/db_events.h"

#include "db/public.h"

#define LONGEST "INTERVAL 1 YEAR"

#define PUBLIC SQL_EVENT_PUBLIC("e")
#define NOT_OVER "COALESCE(e.ends_at, e.starts_at) >= NOW()"

static struct db_stmt upcoming = DB_READ(
    "SELECT " DB_COLUMNS(EV_LIST_COLS) " FROM events e FORCE INDEX (events_starts)"
    " WHERE " PUBLIC " AND e.starts_at >= NOW() - " LONGEST
    " AND " NOT_OVER
    " ORDER BY e.starts_at, e.id LIMIT ?", DB_NCOLS(EV_LIST_COLS));

/* The complement of upcoming.  starts_at < NOW() is implied (an event
 * that is over has started) and gives the index range its upper end. */
static struct db_stmt past = DB_READ(
    "SELECT " DB_COLUMNS(EV_LIST_COLS) " FROM events e FORCE INDEX (events_starts)"
    " WHERE " PUBLIC " AND e.starts_at < NOW()"
    " AND (e.starts_at < NOW() - " LONGEST " OR NOT (" NOT_OVER "))"
    " AND (e.starts_at < ? OR (e.starts_at = ? AND e.id < ?))"
    " ORDER BY e.starts_at DESC, e.id DESC LIMIT ?", DB_NCOLS(EV_LIST_COLS));

static struct db_stmt feed = DB_READ(
    "SELECT " DB_COLUMNS(EV_LIST_COLS) " FROM events e FORCE INDEX (events_starts)"
    " WHERE " PUBLIC " AND e.starts_at >= NOW() - " LONGEST
    " AND COALESCE(e.ends_at, e.starts_at) >= NOW() - INTERVAL 30 DAY"
    " ORDER BY e.starts_at, e.id LIMIT ?", DB_NCOLS(EV_LIST_COLS));

static struct db_stmt get = DB_READ(
    "SELECT " DB_COLUMNS(EV_ITEM_COLS) " FROM events e WHERE e.id = ? AND " PUBLIC,
    DB_NCOLS(EV_ITEM_COLS));

int db_events_upcoming(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &upcoming, res, "i", limit);
}

int db_events_past(struct arena *a, const char *before, long long before_id,
                   long long limit, struct db_res *res)
{
	/* The first page: a cursor after every possible row. */
	if (before == NULL) {
		before = "9999-12-31 23:59:59";
		before_id = 0xffffffffLL;
	}
	return db_run(a, &past, res, "ssii", before, before, before_id, limit);
}

int db_events_feed(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &feed, res, "i", limit);
}

int db_events_get(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &get, res, "i", id);
}
