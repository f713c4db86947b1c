/*
 * db_rq_admin.h - the SQL of handling citizens' requests on the staff side
 * (/admin/requests: admin/requests.c, admin/request.c): the queue and its
 * CSV (one keyset page at a time), one request with everything about it
 * (personal data included: staff only), and the writes of its handling.
 *
 * Scope.  Every statement here that reads or writes a request takes the
 * caller's scope (struct rq_scope) as its first two parameters and says
 * SQL_RQ_SCOPE: a user without PERM_REQUESTS_ALL reaches only the requests
 * of their own department, whatever else the statement is asked.
 */
#ifndef AGORA_ADMIN_DB_RQ_ADMIN_H
#define AGORA_ADMIN_DB_RQ_ADMIN_H

#include "db/db.h"

/* Who is asking: all departments, or dept alone (0: none - nothing). */
struct rq_scope {
	long long all;
	long long dept;
};
#define SQL_RQ_SCOPE(t) "(? <> 0 OR " t ".department_id = ?)"

/* The statuses that end a request; the others are "open". */
#define SQL_RQ_CLOSED "('resolved','rejected','duplicate','not_ours')"

enum rq_sort { RQ_SORT_NEW, RQ_SORT_OLD, RQ_SORT_DUE, RQ_SORT_PRIORITY, RQ_SORT__MAX };

/* The queue's filters, as query parameters (requests.c parses them). */
struct rq_filter {
	const char *status;   /* "" any, "open", or one status */
	long long category, department, area; /* 0: any */
	long long assignee;   /* 0 any, -1 nobody, else the user */
	int overdue;          /* open and due before today (the zone's) */
	const char *channel;  /* "" any */
	long long priority;   /* 0 any */
	enum rq_sort sort;
	/* The keyset cursor: the last row shown (has_after 0: the first page). */
	int has_after;
	const char *after_at; /* created_at "YYYY-MM-DD HH:MM:SS" or due "YYYY-MM-DD" */
	long long after_prio, after_id;
};

#define RQA_Q_COLS(X)                                                         \
	X(RQ_ID, "r.id") X(RQ_CODE, "r.code")                                \
	X(RQ_CREATED, "DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s')")      \
	X(RQ_CAT, "c.name_el") X(RQ_CAT_EN, "c.name_en")                     \
	X(RQ_AREA, "a.name_el") X(RQ_AREA_EN, "a.name_en")                   \
	X(RQ_STATUS, "r.status") X(RQ_PRIORITY, "r.priority")                \
	X(RQ_ASSIGNEE, "u.display_name")                                     \
	X(RQ_DUE, "DATE_FORMAT(r.due_date, '%Y-%m-%d')")                     \
	X(RQ_OVERDUE, "r.status NOT IN " SQL_RQ_CLOSED " AND r.due_date < CURDATE()") \
	X(RQ_CHANNEL, "r.channel")                                           \
	X(RQ_DEPT, "d.name") X(RQ_DEPT_EN, "d.name_en")                      \
	X(RQ_ADDRESS, "r.address") X(RQ_DESCRIPTION, "r.description")
enum { DB_COLS_ENUM(RQA_Q_COLS, RQ__END) };

/* One page of the queue: at most limit rows after f's cursor, in f's
 * order, within scope. */
int db_rq_adm_queue(struct arena *a, const struct rq_scope *s,
                    const struct rq_filter *f, long long limit,
                    struct db_res *res);

#define RQ_A_COLS(X)                                                         \
	X(RA2_ID, "r.id") X(RA2_CODE, "r.code") X(RA2_PROTOCOL, "r.protocol_no") \
	X(RA2_YEAR, "r.year") X(RA2_STATUS, "r.status") X(RA2_CHANNEL, "r.channel") \
	X(RA2_CAT_ID, "r.category_id") X(RA2_CAT, "c.name_el") X(RA2_CAT_EN, "c.name_en") \
	X(RA2_DEPT_ID, "r.department_id") X(RA2_DEPT, "d.name") X(RA2_DEPT_EN, "d.name_en") \
	X(RA2_AREA, "a.name_el") X(RA2_AREA_EN, "a.name_en")                 \
	X(RA2_ADDRESS, "r.address") X(RA2_DESCRIPTION, "r.description")      \
	X(RA2_DESC_HIDDEN, "r.description_hidden")                           \
	X(RA2_NAME, "r.name") X(RA2_EMAIL, "r.email") X(RA2_PHONE, "r.phone") \
	X(RA2_LANG, "r.lang") X(RA2_PRIORITY, "r.priority")                  \
	X(RA2_ASSIGNEE_ID, "r.assignee_id") X(RA2_ASSIGNEE, "u.display_name") \
	X(RA2_DUP_CODE, "o.code")                                            \
	X(RA2_LAT, "r.lat") X(RA2_LON, "r.lon")                              \
	X(RA2_CREATED, "DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s')")     \
	X(RA2_CREATED_DAY, "DATE_FORMAT(r.created_at, '%Y-%m-%d')")          \
	X(RA2_DUE, "DATE_FORMAT(r.due_date, '%Y-%m-%d')")                    \
	X(RA2_OVERDUE, "r.status NOT IN " SQL_RQ_CLOSED " AND r.due_date < CURDATE()") \
	X(RA2_FIRST_REPLY, "DATE_FORMAT(r.first_reply_at, '%Y-%m-%d %H:%i:%s')") \
	X(RA2_RESOLVED, "DATE_FORMAT(r.resolved_at, '%Y-%m-%d %H:%i:%s')")   \
	X(RA2_CONFIRMED, "DATE_FORMAT(r.confirmed_at, '%Y-%m-%d %H:%i:%s')") \
	X(RA2_CREATED_BY, "cb.display_name")                                 \
	X(RA2_VERSION, "CONCAT(DATE_FORMAT(r.updated_at, '%Y%m%d%H%i%s'), '-',"  \
	               " (SELECT COALESCE(MAX(e.id), 0) FROM request_events e"  \
	               " WHERE e.request_id = r.id))")
enum { DB_COLS_ENUM(RQ_A_COLS, RA2__END) };

/* The request with this code within scope (0 or 1 row); with lock, FOR
 * UPDATE (inside a transaction). */
int db_rq_adm_get(struct arena *a, const struct rq_scope *s, const char *code,
                  int lock, struct db_res *res);

#define RQ_EV_COLS(X)                                                        \
	X(RV_ID, "e.id") X(RV_AT, "DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s')")   \
	X(RV_FROM, "e.status_from") X(RV_TO, "e.status_to")                  \
	X(RV_REPLY, "e.reply") X(RV_NOTE, "e.note")                          \
	X(RV_CHANGE, "e.change_note") X(RV_SOURCE, "e.source")               \
	X(RV_USER, "u.display_name")
enum { DB_COLS_ENUM(RQ_EV_COLS, RV__END) };
/* The whole history of request id (the caller found it in scope), oldest
 * first, at most RQ_EVENTS_MAX rows. */
#define RQ_EVENTS_MAX 1000
int db_rq_adm_events(struct arena *a, long long id, struct db_res *res);

#define RQA_ANS_COLS(X) X(RNA_LABEL, "q.label_el") X(RNA_LABEL_EN, "q.label_en") \
	X(RNA_VALUE, "x.value")
enum { DB_COLS_ENUM(RQA_ANS_COLS, RNA__END) };
/* The answers to the category's extra questions, in the questions' order. */
int db_rq_adm_answers(struct arena *a, long long id, struct db_res *res);

#define RQA_PHOTO_COLS(X) X(RPA_POS, "p.position") X(RPA_HIDDEN, "p.hidden")    \
	X(RPA_ALT, "i.alt_el")                                                 \
	X(RPA_FILE, "(SELECT CONCAT(m.sha256, '.', ELT(FIELD(m.mime, 'image/jpeg',"  \
	           " 'image/png', 'image/webp'), 'jpg', 'png', 'webp'))"           \
	           " FROM media_variants v JOIN media m ON m.sha256 = v.sha256"    \
	           " WHERE v.item_id = p.item_id AND m.mime <> 'application/pdf'"  \
	           " ORDER BY m.width DESC LIMIT 1)")
enum { DB_COLS_ENUM(RQA_PHOTO_COLS, RPA__END) };
/* Its photos (up to 3), by position: the widest variant as "sha256.ext". */
int db_rq_adm_photos(struct arena *a, long long id, struct db_res *res);

#define RQ_NAMED_COLS(X) X(RD_ID, "id") X(RD_NAME, "name") X(RD_NAME_EN, "name_en")
enum { DB_COLS_ENUM(RQ_NAMED_COLS, RD__END) };
/* The departments (directory order), the areas. */
int db_rq_adm_departments(struct arena *a, struct db_res *res);
int db_rq_adm_areas(struct arena *a, struct db_res *res);

#define RQ_CATS_COLS(X) X(RK_ID, "id") X(RK_NAME, "name_el") X(RK_NAME_EN, "name_en") \
	X(RK_DEPT, "department_id") X(RK_SLA, "sla_days")
enum { DB_COLS_ENUM(RQ_CATS_COLS, RK__END) };
/* Every category, inactive ones too (a request may be in one). */
int db_rq_adm_categories(struct arena *a, struct db_res *res);

#define RQ_USER_COLS(X) X(RU_ID, "u.id") X(RU_NAME, "u.display_name")       \
	X(RU_USERNAME, "u.username")
enum { DB_COLS_ENUM(RQ_USER_COLS, RU__END) };
/* Who may be given a request of department dept (0: none): the active
 * users with the role 'department' there, and the dispatchers. */
int db_rq_adm_assignees(struct arena *a, long long dept, struct db_res *res);

/* The id of the request with this code within scope, or 0. */
int db_rq_adm_id_of(struct arena *a, const struct rq_scope *s, const char *code,
                    long long *id);

/*
 * A public change of request id - a change of status, a public reply, or
 * both - with an internal note when given: the request's row (status,
 * first_reply_at at the first reply, resolved_at, duplicate_of) and its
 * history row, inside the caller's transaction.  status_to NULL keeps the
 * status; reply/note NULL for none; dup the original of a duplicate (0:
 * none).  *event the new request_events id.  The one place a change the
 * reporter and the followers are told of is written: their mail belongs
 * here, in this transaction (the outbox).
 */
int db_rq_adm_publish(struct arena *a, const struct rq_scope *s, long long id,
                      const char *status_from, const char *status_to,
                      const char *reply, const char *note, long long dup,
                      long long user_id, long long *event);

/* A staff-only history row: an internal note and/or a change_note. */
int db_rq_adm_event(struct arena *a, long long id, const char *note,
                    const char *change_note, long long user_id);

/* The routing fields of request id at once (category, department 0 for
 * none, assignee 0 for nobody, priority, due date "YYYY-MM-DD"). */
int db_rq_adm_route(struct arena *a, const struct rq_scope *s, long long id,
                    long long category, long long dept, long long assignee,
                    long long priority, const char *due);

/* Hide (1) or show (0) the description, or photo position pos (> 0). */
int db_rq_adm_hide(struct arena *a, const struct rq_scope *s, long long id,
                   int pos, int hidden, unsigned long long *affected);

#endif
