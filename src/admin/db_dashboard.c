/*
 * db_dashboard.c - the dashboard's queries (db_dashboard.h).  Each reads a
 * range of an index: news_published (status, published_at, id),
 * news_updated, news_category, accessibility_feedback's primary key, and
 * for requests the open statuses of requests_status or requests_department,
 * for the support desk the open statuses of help_cases_queue (status,
 * wanted_by, id) or one assignee's of help_cases_assignee.
 */
#include "admin/db_dashboard.h"

#include "requests/rules.h"

static struct db_stmt st_scheduled = DB_READ(
    "SELECT " DB_COLUMNS(DASH_NEWS_COLS) " FROM news n"
    " WHERE n.status = 'published' AND n.published_at > NOW()"
    " AND n.published_at < CURDATE() + INTERVAL 1 DAY"
    " ORDER BY n.published_at, n.id LIMIT 20", DB_NCOLS(DASH_NEWS_COLS));
static struct db_stmt st_drafts = DB_READ(
    "SELECT " DB_COLUMNS(DASH_NEWS_COLS) " FROM news n"
    " WHERE n.status = 'draft' ORDER BY n.published_at DESC, n.id DESC LIMIT 10",
    DB_NCOLS(DASH_NEWS_COLS));
static struct db_stmt st_closing = DB_READ(
    "SELECT " DB_COLUMNS(DASH_NEWS_COLS) " FROM news n"
    " JOIN categories k ON k.id = n.category_id AND k.slug = 'prokirixeis'"
    " WHERE n.status = 'published' AND n.published_at <= NOW()"
    " AND n.deadline >= NOW() AND n.deadline < NOW() + INTERVAL 7 DAY"
    " ORDER BY n.deadline, n.id LIMIT 20", DB_NCOLS(DASH_NEWS_COLS));
static struct db_stmt st_feedback = DB_READ(
    "SELECT " DB_COLUMNS(DASH_FEEDBACK_COLS) " FROM accessibility_feedback"
    " WHERE created_at > NOW() - INTERVAL 30 DAY ORDER BY id DESC LIMIT 10",
    DB_NCOLS(DASH_FEEDBACK_COLS));

int db_dash_scheduled(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_scheduled, res, "");
}

int db_dash_drafts(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_drafts, res, "");
}

int db_dash_closing(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_closing, res, "");
}

int db_dash_feedback(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_feedback, res, "");
}

#define DASH_REQUESTS(scope)                                                 \
	DB_READ("SELECT COUNT(CASE WHEN r.status = 'submitted' THEN 1 END),"  \
	        " COUNT(CASE WHEN r.due_date < CURDATE() THEN 1 END),"       \
	        " COUNT(CASE WHEN r.status = 'reopened' THEN 1 END)"          \
	        " FROM requests r WHERE " RQ_OPEN_SQL scope, 3)
static struct db_stmt st_requests_all = DASH_REQUESTS("");
static struct db_stmt st_requests_dept = DASH_REQUESTS(" AND r.department_id = ?");

int db_dash_requests(struct arena *a, long long dept, long long *fresh,
                     long long *overdue, long long *reopened)
{
	struct db_res res;
	int rc = dept == 0 ? db_run(a, &st_requests_all, &res, "")
	                   : db_run(a, &st_requests_dept, &res, "i", dept);
	int ok = rc == DB_OK && res.nrows == 1;
	*fresh = ok ? db_ll(&res, 0, 0) : 0;
	*overdue = ok ? db_ll(&res, 0, 1) : 0;
	*reopened = ok ? db_ll(&res, 0, 2) : 0;
	return rc;
}

/* Two probes of index comments_status (status, id) and comments_digest. */
static struct db_stmt st_comments = DB_READ(
    "SELECT (SELECT COUNT(*) FROM comments WHERE status = 'pending'),"
    " (SELECT COUNT(*) FROM comments WHERE status = 'pending' AND hidden_by_flags = 1)", 2);

int db_dash_comments(struct arena *a, long long *pending, long long *flagged)
{
	struct db_res res;
	int rc = db_run(a, &st_comments, &res, "");
	int ok = rc == DB_OK && res.nrows == 1;
	*pending = ok ? db_ll(&res, 0, 0) : 0;
	*flagged = ok ? db_ll(&res, 0, 1) : 0;
	return rc;
}

/* Three ranges of help_cases_queue: the open cases, the few of the table. */
static struct db_stmt st_help = DB_READ(
    "SELECT COUNT(CASE WHEN status = 'new' THEN 1 END),"
    " COUNT(CASE WHEN wanted_by < NOW() THEN 1 END),"
    " COUNT(CASE WHEN beneficiary_id IS NULL THEN 1 END),"
    " COUNT(CASE WHEN pharmacy_state = 'problem' THEN 1 END)"
    " FROM help_cases WHERE status IN ('new', 'assigned', 'in_progress')", 4);

int db_dash_help(struct arena *a, struct dash_help *h)
{
	struct db_res res;
	int rc = db_run(a, &st_help, &res, "");
	int ok = rc == DB_OK && res.nrows == 1;
	h->fresh = ok ? db_ll(&res, 0, 0) : 0;
	h->overdue = ok ? db_ll(&res, 0, 1) : 0;
	h->unmatched = ok ? db_ll(&res, 0, 2) : 0;
	h->pharmacy_problem = ok ? db_ll(&res, 0, 3) : 0;
	return rc;
}

static struct db_stmt st_tasks = DB_READ(
    "SELECT COUNT(*), COUNT(CASE WHEN wanted_by < NOW() THEN 1 END) FROM help_cases"
    " WHERE assignee_id = ? AND status IN ('assigned', 'in_progress')", 2);

int db_dash_tasks(struct arena *a, long long user_id, long long *open, long long *overdue)
{
	struct db_res res;
	int rc = db_run(a, &st_tasks, &res, "i", user_id);
	int ok = rc == DB_OK && res.nrows == 1;
	*open = ok ? db_ll(&res, 0, 0) : 0;
	*overdue = ok ? db_ll(&res, 0, 1) : 0;
	return rc;
}
