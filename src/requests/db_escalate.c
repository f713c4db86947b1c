/*
 * db_escalate.c - the escalation digest's SQL (db_escalate.h).  Reads
 * requests (through requests_due: status, due_date, id), departments,
 * request_categories, users and user_roles (staff tables of a few hundred
 * rows); writes job_runs and requests.escalated_on.
 *
 * The requests are locked with FOR UPDATE alone, without joins, so that
 * the names of categories and departments are read without locking those
 * rows (a submission's foreign-key check on its category would otherwise
 * wait for the digest).
 */
#include "requests/db_escalate.h"

#include "requests/rules.h"

static struct db_stmt st_take = DB_WRITE(
    "INSERT INTO job_runs (job, day) VALUES ('escalate', CURDATE())");
static struct db_stmt st_today = DB_WRITE("SELECT DATE_FORMAT(CURDATE(), '%Y-%m-%d')");

int db_esc_take_day(struct arena *a, const char **today)
{
	struct db_res res;
	int rc = db_run(a, &st_today, &res, "");
	*today = rc == DB_OK && res.nrows ? db_str(&res, 0, 0) : "";
	if (rc == DB_OK)
		rc = db_run(a, &st_take, NULL, "");
	return rc;
}

#define OVERDUE_BY " FROM requests r WHERE " RQ_OPEN_SQL                     \
	" AND r.due_date < CURDATE() - INTERVAL ? DAY"
#define STR_(x) #x
#define STR(x) STR_(x)
#define IN_ORDER " ORDER BY r.department_id, r.due_date, r.id LIMIT " STR(ESC_MAX_REQUESTS)

static struct db_stmt st_requests = DB_WRITE(
    "SELECT " DB_COLUMNS(ESC_REQ_COLS) OVERDUE_BY IN_ORDER " FOR UPDATE");
/* The same rows, in the same order and number (they are locked). */
static struct db_stmt st_mark = DB_WRITE(
    "UPDATE requests r SET r.escalated_on = CURDATE(), r.updated_at = r.updated_at"
    " WHERE " RQ_OPEN_SQL " AND r.due_date < CURDATE() - INTERVAL ? DAY" IN_ORDER);

int db_esc_requests(struct arena *a, long long days, struct db_res *res)
{
	return db_run(a, &st_requests, res, "i", days);
}

int db_esc_mark(struct arena *a, long long days, unsigned long long *n)
{
	struct db_res res;
	int rc = db_run(a, &st_mark, &res, "i", days);
	*n = rc == DB_OK ? res.affected : 0;
	return rc;
}

static struct db_stmt st_departments = DB_READ(
    "SELECT " DB_COLUMNS(ESC_DEPT_COLS) " FROM departments ORDER BY sort_order, id",
    DB_NCOLS(ESC_DEPT_COLS));
static struct db_stmt st_categories = DB_READ(
    "SELECT " DB_COLUMNS(ESC_CAT_COLS) " FROM request_categories",
    DB_NCOLS(ESC_CAT_COLS));
static struct db_stmt st_users = DB_READ(
    "SELECT " DB_COLUMNS(ESC_USER_COLS) " FROM users u"
    " JOIN user_roles ur ON ur.user_id = u.id AND ur.role IN ('dispatcher', 'department')"
    " WHERE u.active = 1 AND u.email <> ''"
    " GROUP BY u.id, u.email, u.department_id ORDER BY u.id",
    DB_NCOLS(ESC_USER_COLS));

int db_esc_departments(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_departments, res, "");
}

int db_esc_categories(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_categories, res, "");
}

int db_esc_users(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_users, res, "");
}
