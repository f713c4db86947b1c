/*
 * db_stats.h - the SQL of /admin/stats (requests/stats.c): counts of the
 * requests submitted in a period, by month, category, status and area,
 * the median times to the first public reply and to resolution, and the
 * open requests overdue now.  Every query exists twice, for every
 * department and for one (dept > 0; -1 matches none), so that each reads
 * one index range: requests_created (created_at, id) or
 * requests_dept_created (department_id, created_at, id, 0013) for the
 * period, requests_category / requests_area (x_id, created_at, id) for the
 * joins, requests_due or requests_department for "overdue now".
 */
#ifndef AGORA_DB_STATS_H
#define AGORA_DB_STATS_H

#include "db/db.h"
#include "db/public.h"

/* The period: [from, to) as "YYYY-MM-DD HH:MM:SS" local times, and the
 * department (0 all). */
struct stats_scope {
	const char *from, *to;
	long long dept;
};

#define ST_MONTH_COLS(X)                                                     \
	X(SM_MONTH, "DATE_FORMAT(r.created_at, '%Y-%m')")                    \
	X(SM_N, "COUNT(*)")
enum { DB_COLS_ENUM(ST_MONTH_COLS, SM__END) };
/* Months of the period that have requests, in order. */
int db_stats_months(struct arena *a, const struct stats_scope *s, struct db_res *res);

#define ST_NAMED_COLS(X)                                                     \
	X(SN_ID, "x.id")                                                     \
	X(SN_EL, "x.name_el")                                                \
	X(SN_EN, "x.name_en")                                                \
	X(SN_N, "COUNT(r.id)")
enum { DB_COLS_ENUM(ST_NAMED_COLS, SN__END) };
/* Categories in their order with their counts: every active one (or, for
 * a department, those routed to it), and any other that has requests. */
int db_stats_categories(struct arena *a, const struct stats_scope *s, struct db_res *res);
/* Every area in its order with its count (requests without one are the
 * total less these). */
int db_stats_areas(struct arena *a, const struct stats_scope *s, struct db_res *res);

#define ST_STATUS_COLS(X)                                                    \
	X(SS_STATUS, "r.status")                                             \
	X(SS_N, "COUNT(*)")
enum { DB_COLS_ENUM(ST_STATUS_COLS, SS__END) };
/* The statuses that occur, with their counts (any order). */
int db_stats_statuses(struct arena *a, const struct stats_scope *s, struct db_res *res);

/* Medians in minutes (SQL NULL: no such request), and how many requests
 * each is over.  The category is 0 in the overall row. */
/* Medians in minutes (SQL NULL: no such request), and how many requests
 * each is over; the category is 0 in the overall row.  (The same columns
 * with and without PARTITION BY: the SQL is in db_stats.c.) */
enum { SD_CAT, SD_REPLY, SD_REPLIED, SD_RESOLVE, SD_RESOLVED, SD__END };
/* One row per category that has requests in the period. */
int db_stats_medians(struct arena *a, const struct stats_scope *s, struct db_res *res);
/* The same over all the period's requests: one row, or none. */
int db_stats_medians_all(struct arena *a, const struct stats_scope *s, struct db_res *res);

/* Open requests past their due date now (not bound to the period). */
int db_stats_overdue(struct arena *a, long long dept, long long *n);

/*
 * Kept figures (stats_snapshots, migration 0021): one row per scope
 * ("FROM|TO|DEPT"), the result sets packed (db/pack.h).  SNAP_AGE is the
 * row's age in seconds, SNAP_AT when it was computed (local time).
 */
#define SNAP_COLS(X)                                                         \
	X(SNAP_AGE, "TIMESTAMPDIFF(SECOND, computed_at, NOW())")             \
	X(SNAP_AT, SQL_DT("computed_at")) X(SNAP_DATA, "data")
enum { DB_COLS_ENUM(SNAP_COLS, SNAP__END) };
int db_stats_snapshot_get(struct arena *a, const char *scope, struct db_res *res);
/* Claim the recomputing of scope for 30 s: *claimed 1 when this worker
 * got it (0: another one is at it). */
int db_stats_snapshot_claim(struct arena *a, const char *scope, int *claimed);
/* Store the figures of scope and release the claim. */
int db_stats_snapshot_put(struct arena *a, const char *scope, const char *data, size_t len);

#endif
