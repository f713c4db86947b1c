/*
 * db_rq_admin.c - the staff side's SQL of citizens' requests
 * (db_rq_admin.h).
 *
 * The queue is one statement per order.  Each filter is written as
 * "(? = 0 OR condition)": the server substitutes a prepared statement's
 * parameters before it optimizes each execution, so a filter that is not
 * given folds away and the optimizer sees only the conditions that are
 * there; with the ORDER BY matching an index (0009, 0010, 0012: by
 * department, status, category, area, assignee, or the whole table) and a
 * LIMIT, a page reads about its own rows from the cursor on, never the
 * whole set of matches, and nothing counts or skips (no OFFSET).
 */
#include "admin/db_rq_admin.h"

#include <stddef.h>
#include <string.h>

#include "core/arena.h"
#include "requests/notify.h"
#include "requests/rules.h"

#define Q_FROM_H(hint)                                                       \
	" FROM requests r " hint " JOIN request_categories c ON c.id = r.category_id" \
	" LEFT JOIN areas a ON a.id = r.area_id"                              \
	" LEFT JOIN departments d ON d.id = r.department_id"                  \
	" LEFT JOIN users u ON u.id = r.assignee_id"
#define Q_WHERE                                                              \
	" WHERE " SQL_RQ_SCOPE("r")                                          \
	" AND (? = '' OR r.status = ?)"                                      \
	" AND (? = 0 OR " RQ_OPEN_SQL ")"                                    \
	" AND (? = 0 OR r.category_id = ?)"                                  \
	" AND (? = 0 OR r.department_id = ?)"                                \
	" AND (? = 0 OR r.area_id = ?)"                                      \
	" AND (? <= 0 OR r.assignee_id = ?)"                                 \
	" AND (? >= 0 OR r.assignee_id IS NULL)"                             \
	" AND (? = 0 OR " RQ_OVERDUE_SQL ")"                                 \
	" AND (? = '' OR r.channel = ?)"                                     \
	" AND (? = 0 OR r.priority = ?)"
/* STRAIGHT_JOIN: the requests first, down the index of the filter and
 * the order, stopping at LIMIT; left to itself MariaDB read the eight
 * categories first and sorted every request in a temporary table. */
#define Q_SELECT_H(hint) "SELECT STRAIGHT_JOIN " DB_COLUMNS(RQA_Q_COLS) Q_FROM_H(hint) Q_WHERE
#define Q_SELECT Q_SELECT_H("")
#define Q_NEW(sel) DB_READ(sel                                               \
	" AND (? = 0 OR r.created_at < ? OR (r.created_at = ? AND r.id < ?))" \
	" ORDER BY r.created_at DESC, r.id DESC LIMIT ?", DB_NCOLS(RQA_Q_COLS))
#define Q_OLD(sel) DB_READ(sel                                               \
	" AND (? = 0 OR r.created_at > ? OR (r.created_at = ? AND r.id > ?))" \
	" ORDER BY r.created_at, r.id LIMIT ?", DB_NCOLS(RQA_Q_COLS))
#define Q_DUE(sel) DB_READ(sel                                               \
	" AND (? = 0 OR r.due_date > ? OR (r.due_date = ? AND r.id > ?))"     \
	" ORDER BY r.due_date, r.id LIMIT ?", DB_NCOLS(RQA_Q_COLS))

/* The open (or overdue) requests, the queue's usual view: read through
 * the indexes that start with is_open (migration 0019), named, because
 * left to itself MariaDB walks the whole table's requests_created index
 * backwards hoping to meet 50 open ones soon - and at 300 000 requests
 * with a few hundred open it reads them all (0.4 s for one page). */
#define OPEN_BY_CREATED "FORCE INDEX (requests_open_dept, requests_open)"
#define OPEN_BY_DUE "FORCE INDEX (requests_open_dept_due, requests_open_due)"
static struct db_stmt st_queue_open[RQ_SORT__MAX] = {
	[RQ_SORT_NEW] = Q_NEW(Q_SELECT_H(OPEN_BY_CREATED)),
	[RQ_SORT_OLD] = Q_OLD(Q_SELECT_H(OPEN_BY_CREATED)),
	[RQ_SORT_DUE] = Q_DUE(Q_SELECT_H(OPEN_BY_DUE)),
};

static struct db_stmt st_queue[RQ_SORT__MAX] = {
	[RQ_SORT_NEW] = Q_NEW(Q_SELECT),
	[RQ_SORT_OLD] = Q_OLD(Q_SELECT),
	[RQ_SORT_DUE] = Q_DUE(Q_SELECT),
	/* Urgent first, and within a priority the oldest first. */
	[RQ_SORT_PRIORITY] = DB_READ(Q_SELECT
	    " AND (? = 0 OR r.priority > ? OR (r.priority = ? AND"
	    " (r.created_at > ? OR (r.created_at = ? AND r.id > ?))))"
	    " ORDER BY r.priority, r.created_at, r.id LIMIT ?", DB_NCOLS(RQA_Q_COLS)),
};

int db_rq_adm_queue(struct arena *a, const struct rq_scope *s,
                    const struct rq_filter *f, long long limit,
                    struct db_res *res)
{
	int open = strcmp(f->status, "open") == 0;
	const char *one = open ? "" : f->status;
	long long after = f->has_after;
	const char *at = f->has_after ? f->after_at : "1970-01-01";
	long long assignee = f->assignee;
#define Q_ARGS s->all, s->dept, one, one, (long long)open, f->category, f->category, \
	f->department, f->department, f->area, f->area, assignee, assignee, assignee, \
	(long long)f->overdue, f->channel, f->channel, f->priority, f->priority
#define Q_FMT "iissiiiiiiiiiiissii"
	if (f->sort == RQ_SORT_PRIORITY)
		return db_run(a, &st_queue[f->sort], res, Q_FMT "iiissii", Q_ARGS,
		              after, f->after_prio, f->after_prio, at, at, f->after_id, limit);
	struct db_stmt *st = (open || f->overdue) && f->sort != RQ_SORT_PRIORITY
	                         ? &st_queue_open[f->sort] : &st_queue[f->sort];
	return db_run(a, st, res, Q_FMT "issii", Q_ARGS, after, at, at, f->after_id, limit);
#undef Q_ARGS
#undef Q_FMT
}

#define A_FROM                                                               \
	" FROM requests r JOIN request_categories c ON c.id = r.category_id"  \
	" LEFT JOIN areas a ON a.id = r.area_id"                              \
	" LEFT JOIN departments d ON d.id = r.department_id"                  \
	" LEFT JOIN users u ON u.id = r.assignee_id"                          \
	" LEFT JOIN users cb ON cb.id = r.created_by"                         \
	" LEFT JOIN requests o ON o.id = r.duplicate_of"                      \
	" WHERE r.code = ? AND " SQL_RQ_SCOPE("r")
static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(RQ_A_COLS) A_FROM, DB_NCOLS(RQ_A_COLS));
/* The request's own row only: FOR UPDATE on the joined SELECT would lock
 * its category, department and users too, and a public submission in
 * that category (its foreign key check) would wait for the staff save. */
static struct db_stmt st_lock = DB_WRITE(
    "SELECT r.id FROM requests r WHERE r.code = ? AND " SQL_RQ_SCOPE("r") " FOR UPDATE");

int db_rq_adm_get(struct arena *a, const struct rq_scope *s, const char *code,
                  int lock, struct db_res *res)
{
	/* Locked first: the read that follows is the transaction's first
	 * consistent read, so it sees the row as the lock found it. */
	if (lock) {
		int rc = db_run(a, &st_lock, res, "sii", code, s->all, s->dept);
		if (rc != DB_OK || res->nrows == 0)
			return rc;
	}
	return db_run(a, &st_get, res, "sii", code, s->all, s->dept);
}

static struct db_stmt st_events = DB_READ(
    "SELECT " DB_COLUMNS(RQ_EV_COLS) " FROM request_events e"
    " LEFT JOIN users u ON u.id = e.user_id WHERE e.request_id = ?"
    " ORDER BY e.id LIMIT 1000", DB_NCOLS(RQ_EV_COLS));
static struct db_stmt st_answers = DB_READ(
    "SELECT " DB_COLUMNS(RQA_ANS_COLS) " FROM request_answers x"
    " JOIN request_questions q ON q.id = x.question_id WHERE x.request_id = ?"
    " ORDER BY q.sort_order, q.id", DB_NCOLS(RQA_ANS_COLS));
static struct db_stmt st_photos = DB_READ(
    "SELECT " DB_COLUMNS(RQA_PHOTO_COLS) " FROM request_photos p"
    " JOIN media_items i ON i.id = p.item_id WHERE p.request_id = ?"
    " ORDER BY p.position", DB_NCOLS(RQA_PHOTO_COLS));

int db_rq_adm_events(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_events, res, "i", id);
}

int db_rq_adm_answers(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_answers, res, "i", id);
}

int db_rq_adm_photos(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_photos, res, "i", id);
}

static struct db_stmt st_depts = DB_READ(
    "SELECT " DB_COLUMNS(RQ_NAMED_COLS) " FROM departments"
    " ORDER BY sort_order, id LIMIT 1000", DB_NCOLS(RQ_NAMED_COLS));
static struct db_stmt st_areas = DB_READ(
    "SELECT id, name_el, name_en, NULL FROM areas ORDER BY sort_order, id LIMIT 1000",
    DB_NCOLS(RQ_NAMED_COLS));
static struct db_stmt st_cats = DB_READ(
    "SELECT " DB_COLUMNS(RQ_CATS_COLS) " FROM request_categories"
    " ORDER BY sort_order, id LIMIT 1000", DB_NCOLS(RQ_CATS_COLS));
/* Through user_roles_role (role, user_id): the holders of two roles, each
 * user's row by its key. */
static struct db_stmt st_assignees = DB_READ(
    "SELECT " DB_COLUMNS(RQ_USER_COLS) " FROM users u WHERE u.active = 1 AND u.id IN"
    " (SELECT r.user_id FROM user_roles r WHERE r.role = 'dispatcher'"
    "  UNION SELECT r.user_id FROM user_roles r JOIN users v ON v.id = r.user_id"
    "  WHERE r.role = 'department' AND v.department_id = ?)"
    " ORDER BY u.display_name, u.id LIMIT 500", DB_NCOLS(RQ_USER_COLS));

int db_rq_adm_departments(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_depts, res, "");
}

int db_rq_adm_areas(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_areas, res, "");
}

int db_rq_adm_categories(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_cats, res, "");
}

int db_rq_adm_assignees(struct arena *a, long long dept, struct db_res *res)
{
	return db_run(a, &st_assignees, res, "i", dept);
}

static struct db_stmt st_id_of = DB_READ(
    "SELECT r.id FROM requests r WHERE r.code = ? AND " SQL_RQ_SCOPE("r"), 1);

int db_rq_adm_id_of(struct arena *a, const struct rq_scope *s, const char *code,
                    long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_id_of, &res, "sii", code, s->all, s->dept);
	*id = rc == DB_OK && res.nrows == 1 ? db_ll(&res, 0, 0) : 0;
	return rc;
}

/* A status of NULL keeps the request's; resolved_at is the time of the
 * last resolution (cleared when it reopens); duplicate_of is kept only
 * while the request is a duplicate. */
static struct db_stmt st_publish = DB_WRITE(
    "UPDATE requests r SET"
    " r.status = COALESCE(?, r.status),"
    " r.first_reply_at = IF(? <> 0, COALESCE(r.first_reply_at, NOW()), r.first_reply_at),"
    " r.resolved_at = CASE ? WHEN 'resolved' THEN NOW() WHEN 'reopened' THEN NULL"
    "                 ELSE r.resolved_at END,"
    " r.duplicate_of = CASE WHEN ? IS NULL THEN r.duplicate_of"
    "                  WHEN ? = 'duplicate' THEN ? ELSE NULL END"
    " WHERE r.id = ? AND " SQL_RQ_SCOPE("r"));
static struct db_stmt st_event = DB_WRITE(
    "INSERT INTO request_events (request_id, status_from, status_to, reply, note,"
    " change_note, user_id, source) VALUES (?, ?, ?, ?, ?, ?, ?, 'staff')");

int db_rq_adm_publish(struct arena *a, const struct rq_scope *s, long long id,
                      const char *status_from, const char *status_to,
                      const char *reply, const char *note, long long dup,
                      long long user_id, long long *event)
{
	struct db_res res;
	const char *st = status_to ? status_to : "";
	int rc = db_run(a, &st_publish, &res, "sisssiiii", status_to,
	                (long long)(reply != NULL), st, status_to, st,
	                dup ? dup : (long long)0, id, s->all, s->dept);
	if (rc == DB_OK)
		rc = db_run(a, &st_event, &res, "isssssi", id,
		            status_to ? status_from : NULL, status_to, reply, note, NULL, user_id);
	*event = rc == DB_OK ? (long long)res.insert_id : 0;
	/* The reporter's and the followers' mail, in this transaction. */
	if (rc == DB_OK)
		rc = rq_notify_update(a, id, *event);
	return rc;
}

int db_rq_adm_event(struct arena *a, long long id, const char *note,
                    const char *change_note, long long user_id)
{
	return db_run(a, &st_event, NULL, "isssssi", id, NULL, NULL, NULL, note,
	              change_note, user_id);
}

static struct db_stmt st_route = DB_WRITE(
    "UPDATE requests r SET r.category_id = ?, r.department_id = ?, r.assignee_id = ?,"
    " r.priority = ?, r.due_date = ? WHERE r.id = ? AND " SQL_RQ_SCOPE("r"));

int db_rq_adm_route(struct arena *a, const struct rq_scope *s, long long id,
                    long long category, long long dept, long long assignee,
                    long long priority, const char *due)
{
	return db_run(a, &st_route, NULL, "issisiii", category,
	              dept ? arena_printf(a, "%lld", dept) : NULL,
	              assignee ? arena_printf(a, "%lld", assignee) : NULL,
	              priority, due, id, s->all, s->dept);
}

static struct db_stmt st_hide_desc = DB_WRITE(
    "UPDATE requests r SET r.description_hidden = ? WHERE r.id = ? AND "
    SQL_RQ_SCOPE("r"));
static struct db_stmt st_hide_photo = DB_WRITE(
    "UPDATE request_photos p JOIN requests r ON r.id = p.request_id"
    " SET p.hidden = ? WHERE p.request_id = ? AND p.position = ? AND "
    SQL_RQ_SCOPE("r"));

int db_rq_adm_hide(struct arena *a, const struct rq_scope *s, long long id,
                   int pos, int hidden, unsigned long long *affected)
{
	struct db_res res;
	int rc = pos > 0
	    ? db_run(a, &st_hide_photo, &res, "iiiii", (long long)hidden, id,
	             (long long)pos, s->all, s->dept)
	    : db_run(a, &st_hide_desc, &res, "iiii", (long long)hidden, id, s->all, s->dept);
	*affected = rc == DB_OK ? res.affected : 0;
	return rc;
}
