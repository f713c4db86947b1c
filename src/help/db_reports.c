/*
 * db_reports.c - the SQL of the support desk's reports (db_reports.h).
 * Every count is grouped in SQL over the range of help_cases_created
 * (created_at, id) that the period covers, never over the whole table.
 * Reads help_cases, help_volunteers, users and areas; writes nothing.
 */
#include "help/db_reports.h"

#include "core/arena.h"

#define PERIOD " FROM help_cases WHERE created_at >= ? AND created_at < ?"
#define COUNT_BY(expr)                                                         \
	DB_READ("SELECT " expr " AS k, COUNT(*), NULL" PERIOD " GROUP BY k",     \
	        DB_NCOLS(HR_COUNT_COLS))

static struct db_stmt st_count[HR_BY__MAX] = {
	[HR_BY_TYPE] = COUNT_BY("type"),
	[HR_BY_AREA] = COUNT_BY("area_id"),
	[HR_BY_WEEK] = COUNT_BY("YEARWEEK(created_at, 3)"),
	[HR_BY_STATUS] = COUNT_BY("status"),
	[HR_BY_CHANNEL] = COUNT_BY("channel"),
};

int db_hr_count(struct arena *a, enum hr_by by, const char *from, const char *to,
                struct db_res *res)
{
	if ((int)by < 0 || by >= HR_BY__MAX)
		return DB_ERR;
	return db_run(a, &st_count[by], res, "ss", from, to);
}

/* The period's done cases sorted for the quantiles: a filesort of that
 * range only, cut at limit. */
static struct db_stmt st_durations = DB_READ(
    "SELECT " DB_COLUMNS(HR_DUR_COLS) PERIOD
    " AND status = 'done' AND closed_at IS NOT NULL ORDER BY 1, 2 LIMIT ?",
    DB_NCOLS(HR_DUR_COLS));

int db_hr_durations(struct arena *a, const char *from, const char *to, long long limit,
                    struct db_res *res)
{
	return db_run(a, &st_durations, res, "ssi", from, to, limit);
}

/* The period's counts per assignee are grouped in a derived table over
 * the period's range; each person's open cases through
 * help_cases_assignee. */
static struct db_stmt st_load = DB_READ(
    "SELECT " DB_COLUMNS(HR_LOAD_COLS) " FROM help_volunteers v"
    " JOIN users u ON u.id = v.user_id"
    " LEFT JOIN (SELECT assignee_id, SUM(status = 'done') done,"
    "   SUM(status = 'unreachable') unreach" PERIOD
    "   AND assignee_id IS NOT NULL GROUP BY assignee_id) p ON p.assignee_id = v.user_id"
    " ORDER BY u.display_name, u.id LIMIT ?",
    DB_NCOLS(HR_LOAD_COLS));

int db_hr_load(struct arena *a, const char *from, const char *to, long long limit,
               struct db_res *res)
{
	return db_run(a, &st_load, res, "ssi", from, to, limit);
}

static struct db_stmt st_areas = DB_READ(
    "SELECT " DB_COLUMNS(HR_AREA_COLS) " FROM areas ORDER BY sort_order, id LIMIT 500",
    DB_NCOLS(HR_AREA_COLS));

int db_hr_areas(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_areas, res, "");
}
