/*
 * db_dashboard.h - the dashboard's queries: each a short list from an
 * index, never a count over a whole table.
 */
#ifndef AGORA_DB_DASHBOARD_H
#define AGORA_DB_DASHBOARD_H

#include "db/db.h"

#define DASH_NEWS_COLS(X)                                                    \
	X(DN_ID, "n.id")                                                     \
	X(DN_TITLE, "n.title")                                               \
	X(DN_STATUS, "n.status")                                             \
	X(DN_WHEN, "DATE_FORMAT(n.published_at, '%Y-%m-%d %H:%i:%s')")       \
	X(DN_DEADLINE, "DATE_FORMAT(n.deadline, '%Y-%m-%d %H:%i:%s')")
enum { DB_COLS_ENUM(DASH_NEWS_COLS, DN__END) };

/* Items scheduled to appear from now to the end of today (at most 20). */
int db_dash_scheduled(struct arena *a, struct db_res *res);
/* Drafts, latest changed first (at most 10). */
int db_dash_drafts(struct arena *a, struct db_res *res);
/* Public tenders whose deadline falls in the next seven days (at most 20). */
int db_dash_closing(struct arena *a, struct db_res *res);

#define DASH_FEEDBACK_COLS(X)                                                \
	X(DF_ID, "id")                                                       \
	X(DF_AT, "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s')")             \
	X(DF_PAGE, "page_url")                                               \
	X(DF_MESSAGE, "LEFT(message, 200)")
enum { DB_COLS_ENUM(DASH_FEEDBACK_COLS, DF__END) };
/* Accessibility feedback of the last 30 days, newest first (at most 10). */
int db_dash_feedback(struct arena *a, struct db_res *res);

/* Citizens' requests needing attention, for every department (dept 0) or
 * one (dept > 0; -1 matches none): new (status submitted), overdue (open
 * and past the due date, requests/rules.h) and reopened.  A count over the
 * open requests only, through requests_status / requests_department. */
int db_dash_requests(struct arena *a, long long dept, long long *fresh,
                     long long *overdue, long long *reopened);

/* Readers' comments waiting for a moderator (*pending), of them those
 * hidden by readers' flags (*flagged). */
int db_dash_comments(struct arena *a, long long *pending, long long *flagged);

/* The support desk's open cases (help/): new, past their wanted-by time,
 * online requests not yet matched to a resident, and those whose
 * prescription has a problem with the pharmacists' association. */
struct dash_help {
	long long fresh, overdue, unmatched, pharmacy_problem;
};
int db_dash_help(struct arena *a, struct dash_help *h);

/* A volunteer's or professional's open tasks (assigned to user_id, not
 * closed), and of them those past their wanted-by time. */
int db_dash_tasks(struct arena *a, long long user_id, long long *open, long long *overdue);

#endif
