/*
 * db_stats.c - the statistics' SQL (db_stats.h).  Reads requests,
 * request_categories and areas; writes only stats_snapshots (migration
 * 0021).
 *
 * How it scales: each count reads the period's index range once (a year
 * of a busy municipality is some tens of thousands of entries, a million
 * rows in a period still one range scan) and groups in the server.  The
 * medians use MariaDB's MEDIAN() window function: the server sorts the
 * period's times per category (n log n over the rows of the period, one
 * number each, nothing sent to the worker but one row per category), so
 * the worker's memory never depends on the number of requests.
 */
#include "requests/db_stats.h"

#include "requests/rules.h"

#define RANGE " r.created_at >= ? AND r.created_at < ?"
#define DEPT " AND r.department_id = ?"

/* A statement for every department and one for a department. */
struct pair {
	struct db_stmt all, one;
};

#define MONTHS(scope)                                                        \
	DB_READ("SELECT " DB_COLUMNS(ST_MONTH_COLS) " FROM requests r WHERE" RANGE scope \
	        " GROUP BY 1 ORDER BY 1", DB_NCOLS(ST_MONTH_COLS))
static struct pair st_months = { MONTHS(""), MONTHS(DEPT) };

#define STATUSES(scope)                                                      \
	DB_READ("SELECT " DB_COLUMNS(ST_STATUS_COLS) " FROM requests r WHERE" RANGE scope \
	        " GROUP BY r.status", DB_NCOLS(ST_STATUS_COLS))
static struct pair st_statuses = { STATUSES(""), STATUSES(DEPT) };

#define AREAS(scope)                                                         \
	DB_READ("SELECT " DB_COLUMNS(ST_NAMED_COLS) " FROM areas x"          \
	        " LEFT JOIN requests r ON r.area_id = x.id AND" RANGE scope     \
	        " GROUP BY x.id, x.name_el, x.name_en, x.sort_order"           \
	        " ORDER BY x.sort_order, x.id", DB_NCOLS(ST_NAMED_COLS))
static struct pair st_areas = { AREAS(""), AREAS(DEPT) };

/* Categories: every active one, for a department those routed to it, and
 * always those with requests (a retired category, one re-routed). */
#define CATEGORIES(scope, keep)                                              \
	DB_READ("SELECT " DB_COLUMNS(ST_NAMED_COLS) " FROM request_categories x" \
	        " LEFT JOIN requests r ON r.category_id = x.id AND" RANGE scope \
	        " GROUP BY x.id, x.name_el, x.name_en, x.sort_order, x.active, x.department_id" \
	        " HAVING COUNT(r.id) > 0 OR " keep                             \
	        " ORDER BY x.sort_order, x.id", DB_NCOLS(ST_NAMED_COLS))
static struct pair st_categories = {
	CATEGORIES("", "x.active = 1"),
	CATEGORIES(DEPT, "(x.active = 1 AND x.department_id = ?)"),
};

#define MEDIANS(cat, part, scope)                                            \
	DB_READ("SELECT DISTINCT " cat ","                                   \
	        " MEDIAN(TIMESTAMPDIFF(MINUTE, r.created_at, r.first_reply_at)) OVER (" part "),"  \
	        " COUNT(r.first_reply_at) OVER (" part "),"                    \
	        " MEDIAN(TIMESTAMPDIFF(MINUTE, r.created_at, r.resolved_at)) OVER (" part "),"     \
	        " COUNT(r.resolved_at) OVER (" part "), NULL"                  \
	        " FROM requests r WHERE" RANGE scope, SD__END + 1)
static struct pair st_medians = {
	MEDIANS("r.category_id", "PARTITION BY r.category_id", ""),
	MEDIANS("r.category_id", "PARTITION BY r.category_id", DEPT),
};
static struct pair st_medians_all = {
	MEDIANS("0", "", ""),
	MEDIANS("0", "", DEPT),
};

static struct pair st_overdue = {
	DB_READ("SELECT COUNT(*) FROM requests r WHERE " RQ_OVERDUE_SQL, 1),
	DB_READ("SELECT COUNT(*) FROM requests r WHERE " RQ_OVERDUE_SQL DEPT, 1),
};

static int run(struct arena *a, struct pair *p, const struct stats_scope *s,
               struct db_res *res)
{
	if (s->dept == 0)
		return db_run(a, &p->all, res, "ss", s->from, s->to);
	return db_run(a, &p->one, res, "ssi", s->from, s->to, s->dept);
}

int db_stats_months(struct arena *a, const struct stats_scope *s, struct db_res *res)
{
	return run(a, &st_months, s, res);
}

int db_stats_statuses(struct arena *a, const struct stats_scope *s, struct db_res *res)
{
	return run(a, &st_statuses, s, res);
}

int db_stats_areas(struct arena *a, const struct stats_scope *s, struct db_res *res)
{
	return run(a, &st_areas, s, res);
}

int db_stats_categories(struct arena *a, const struct stats_scope *s, struct db_res *res)
{
	if (s->dept == 0)
		return db_run(a, &st_categories.all, res, "ss", s->from, s->to);
	return db_run(a, &st_categories.one, res, "ssii", s->from, s->to, s->dept, s->dept);
}

int db_stats_medians(struct arena *a, const struct stats_scope *s, struct db_res *res)
{
	return run(a, &st_medians, s, res);
}

int db_stats_medians_all(struct arena *a, const struct stats_scope *s, struct db_res *res)
{
	return run(a, &st_medians_all, s, res);
}

int db_stats_overdue(struct arena *a, long long dept, long long *n)
{
	struct db_res res;
	int rc = dept == 0 ? db_run(a, &st_overdue.all, &res, "")
	                   : db_run(a, &st_overdue.one, &res, "i", dept);
	*n = rc == DB_OK && res.nrows ? db_ll(&res, 0, 0) : 0;
	return rc;
}

/* ---- kept figures (stats_snapshots) ------------------------------------ */

static struct db_stmt snap_get = DB_READ(
    "SELECT " DB_COLUMNS(SNAP_COLS) " FROM stats_snapshots WHERE scope = ?",
    DB_NCOLS(SNAP_COLS));

/* A new row claimed at once; an old one claimed when nobody holds it
 * (affected rows: 1 inserted, 2 changed, 0 held by another worker). */
static struct db_stmt snap_claim = DB_WRITE(
    "INSERT INTO stats_snapshots (scope, computed_at, claimed_until, data)"
    " VALUES (?, '2000-01-01 00:00:00', NOW() + INTERVAL 30 SECOND, '')"
    " ON DUPLICATE KEY UPDATE claimed_until ="
    " IF(claimed_until IS NULL OR claimed_until < NOW(), VALUES(claimed_until), claimed_until)");

static struct db_stmt snap_put = DB_WRITE(
    "UPDATE stats_snapshots SET computed_at = NOW(), claimed_until = NULL, data = ?"
    " WHERE scope = ?");

/* Periods nobody asked for in a day go. */
static struct db_stmt snap_old = DB_WRITE(
    "DELETE FROM stats_snapshots WHERE computed_at < NOW() - INTERVAL 1 DAY"
    " AND (claimed_until IS NULL OR claimed_until < NOW())");

int db_stats_snapshot_get(struct arena *a, const char *scope, struct db_res *res)
{
	return db_run(a, &snap_get, res, "s", scope);
}

int db_stats_snapshot_claim(struct arena *a, const char *scope, int *claimed)
{
	struct db_res res = { 0 };
	int rc = db_run(a, &snap_claim, &res, "s", scope);
	*claimed = rc == DB_OK && res.affected > 0;
	return rc;
}

int db_stats_snapshot_put(struct arena *a, const char *scope, const char *data, size_t len)
{
	int rc = db_run(a, &snap_put, NULL, "bs", data, len, scope);
	if (rc == DB_OK)
		rc = db_run(a, &snap_old, NULL, "");
	return rc;
}
