/*
 * db_escalate.h - the SQL of the daily escalation digest
 * (requests/escalate.c): the day's run taken once, the requests overdue by
 * more than N days (locked until the digest's transaction ends), who is to
 * be told, and marking the requests as escalated today.  Used by
 * agora-admin only; every call but db_esc_take_day belongs to the
 * transaction db_esc_take_day began in.
 */
#ifndef AGORA_DB_ESCALATE_H
#define AGORA_DB_ESCALATE_H

#include "db/db.h"

/* The most requests one digest run lists; more are left for the queue
 * (the digest says so). */
#define ESC_MAX_REQUESTS 5000

/* Take today's ('escalate', CURDATE()) row of job_runs inside the open
 * transaction.  DB_OK: this run is today's; DB_DUP: a run already took it
 * (or another is taking it and committed first). */
int db_esc_take_day(struct arena *a, const char **today);

#define ESC_REQ_COLS(X)                                                      \
	X(ER_ID, "r.id")                                                     \
	X(ER_CODE, "r.code")                                                 \
	X(ER_DEPT, "r.department_id")                                        \
	X(ER_CATEGORY, "r.category_id")                                      \
	X(ER_ADDRESS, "r.address")                                           \
	X(ER_DUE, "DATE_FORMAT(r.due_date, '%Y-%m-%d')")                     \
	X(ER_LATE, "DATEDIFF(CURDATE(), r.due_date)")                        \
	X(ER_STATUS, "r.status")                                             \
	X(ER_FIRST, "r.escalated_on IS NULL")                                \
	X(ER_PRIORITY, "r.priority")
enum { DB_COLS_ENUM(ESC_REQ_COLS, ER__END) };
/* Open requests whose due date is more than days days past, by department
 * (none first), due date and id, at most ESC_MAX_REQUESTS, locked. */
int db_esc_requests(struct arena *a, long long days, struct db_res *res);
/* Mark the same requests as escalated today. */
int db_esc_mark(struct arena *a, long long days, unsigned long long *n);

#define ESC_DEPT_COLS(X)                                                     \
	X(ED_ID, "id")                                                       \
	X(ED_NAME, "name")                                                   \
	X(ED_EMAIL, "email")
enum { DB_COLS_ENUM(ESC_DEPT_COLS, ED__END) };
/* Every department (a short table). */
int db_esc_departments(struct arena *a, struct db_res *res);

#define ESC_CAT_COLS(X)                                                      \
	X(EC_ID, "id")                                                       \
	X(EC_NAME, "name_el")                                                \
	X(EC_NAME_EN, "name_en")
enum { DB_COLS_ENUM(ESC_CAT_COLS, EC__END) };
/* Every category (a short table). */
int db_esc_categories(struct arena *a, struct db_res *res);

#define ESC_USER_COLS(X)                                                     \
	X(EU_EMAIL, "u.email")                                               \
	X(EU_DEPT, "u.department_id")                                        \
	X(EU_DISPATCHER, "MAX(ur.role = 'dispatcher')")                      \
	X(EU_DEPARTMENT, "MAX(ur.role = 'department')")
enum { DB_COLS_ENUM(ESC_USER_COLS, EU__END) };
/* Active staff with an e-mail who are dispatchers or department users. */
int db_esc_users(struct arena *a, struct db_res *res);

#endif
