/*
 * db_help.c - the queries of the support desk's ordinary data: cases,
 * residents, history (see db_help.h).  Never the special-category
 * tables (help/health.c).
 */
#include "help/db_help.h"

#define CASE_FROM                                                              \
	" FROM help_cases c LEFT JOIN help_beneficiaries b ON b.id = c.beneficiary_id" \
	" LEFT JOIN help_web_contacts w ON w.case_id = c.id WHERE c.id = ?"

static struct db_stmt st_case = DB_READ(
    "SELECT " DB_COLUMNS(HELP_CASE_COLS) CASE_FROM, DB_NCOLS(HELP_CASE_COLS));
static struct db_stmt st_case_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(HELP_CASE_COLS) CASE_FROM " FOR UPDATE");

int db_help_case(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_case, res, "i", id);
}

int db_help_case_lock(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_case_lock, res, "i", id);
}

static struct db_stmt st_event = DB_WRITE(
    "INSERT INTO help_case_events (case_id, user_id, kind, status, assignee_id, note)"
    " VALUES (?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?)");

int db_help_event(struct arena *a, long long case_id, long long user_id,
                  const char *kind, const char *status, long long assignee_id,
                  const char *note)
{
	return db_run(a, &st_event, NULL, "iissis", case_id, user_id, kind,
	              status ? status : "", assignee_id, note ? note : "");
}

static struct db_stmt st_events = DB_READ(
    "SELECT " DB_COLUMNS(HELP_EVENT_COLS) " FROM help_case_events e"
    " LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ? ORDER BY e.id LIMIT 500",
    DB_NCOLS(HELP_EVENT_COLS));

int db_help_events(struct arena *a, long long case_id, struct db_res *res)
{
	return db_run(a, &st_events, res, "i", case_id);
}
