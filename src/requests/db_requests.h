/*
 * db_requests.h - the SQL of citizens' requests seen from the public side:
 * the categories and areas of the form, storing a submission (its
 * protocol number taken in the same transaction), and a request as its
 * tracking page shows it.  No statement here reads the reporter's name,
 * e-mail or phone.
 */
#ifndef AGORA_DB_REQUESTS_H
#define AGORA_DB_REQUESTS_H

#include "db/db.h"
#include "requests/rules.h"
#include "media/media.h"

#define RQ_CAT_COLS(X)                                                       \
	X(RC_ID, "c.id") X(RC_NAME, "c.name_el") X(RC_NAME_EN, "c.name_en")  \
	X(RC_GROUP, "g.name_el") X(RC_GROUP_EN, "g.name_en")                 \
	X(RC_ANON, "c.allow_anonymous") X(RC_SLA, "c.sla_days")              \
	X(RC_DEPT, "c.department_id")
enum { DB_COLS_ENUM(RQ_CAT_COLS, RC__END) };
/* The active categories, by group and order. */
int db_rq_categories(struct arena *a, struct db_res *res);

#define RQ_AREA_COLS(X) X(RA_ID, "id") X(RA_NAME, "name_el") X(RA_NAME_EN, "name_en")
enum { DB_COLS_ENUM(RQ_AREA_COLS, RA__END) };
int db_rq_areas(struct arena *a, struct db_res *res);

/* A category's extra questions, in order (at most 50). */
#define RQ_Q_COLS(X)                                                         \
	X(RQ_QID, "q.id") X(RQ_QKIND, "q.kind") X(RQ_QLABEL, "q.label_el")     \
	X(RQ_QLABEL_EN, "q.label_en") X(RQ_QHINT, "q.hint_el")                 \
	X(RQ_QHINT_EN, "q.hint_en") X(RQ_QREQ, "q.required")                   \
	X(RQ_QMIN, "q.min_value") X(RQ_QMAX, "q.max_value")
enum { DB_COLS_ENUM(RQ_Q_COLS, RQ_Q__END) };
int db_rq_questions(struct arena *a, long long category, struct db_res *res);

/* The choices of those questions, by question and order (at most 500). */
#define RQ_CH_COLS(X)                                                        \
	X(RCH_ID, "h.id") X(RCH_QID, "h.question_id") X(RCH_LABEL, "h.label_el")  \
	X(RCH_LABEL_EN, "h.label_en") X(RCH_STOP, "h.stop_el") X(RCH_STOP_EN, "h.stop_en")
enum { DB_COLS_ENUM(RQ_CH_COLS, RCH__END) };
int db_rq_choices(struct arena *a, long long category, struct db_res *res);

/* Open requests of a category within metres of a point, nearest first
 * (at most 5): what a reporter may follow instead of filing again. */
#define RQ_NEAR_COLS(X)                                                      \
	X(RN_CODE, "r.code") X(RN_STATUS, "r.status")                          \
	X(RN_CREATED, "DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s')")        \
	X(RN_DESCRIPTION, "IF(r.description_hidden, NULL, LEFT(r.description, 200))") \
	X(RN_ADDRESS, "r.address")                                             \
	X(RN_METRES, "ROUND(ST_Distance_Sphere(POINT(r.lon, r.lat), POINT(?, ?)))")
enum { DB_COLS_ENUM(RQ_NEAR_COLS, RN__END) };
int db_rq_near(struct arena *a, long long category, double lat, double lon,
               int metres, struct db_res *res);

struct rq_answer {
	long long question;
	const char *value;  /* as stored: see request_answers */
};

struct rq_new {
	const char *token;
	long long category, department; /* department 0: none */
	long long area;                  /* 0: none */
	const char *description, *address, *name, *email, *phone, *lang;
	const char *lat, *lon;           /* the point, or NULL */
	const char *channel;             /* "web", "phone", "open311" */
	const char *category_label, *category_label_en; /* for the mails */
	long long created_by;            /* the staff user for a caller, or 0 */
	const char *due_date;            /* "YYYY-MM-DD" */
	int year;
	const struct rq_answer *answers;
	size_t nanswers;
	const struct media_out *photos[3]; /* re-encoded, or NULL */
};
/* Store a submission in one transaction: its protocol number, its code
 * and its first history row.  DB_OK with *code; DB_DUP when the token
 * was used already, with *code the request it made. */
int db_rq_submit(struct arena *a, const struct rq_new *n, const char **code,
                 long long *protocol);

#define RQ_SHOW_COLS(X)                                                      \
	X(RS_ID, "r.id") X(RS_CODE, "r.code") X(RS_PROTOCOL, "r.protocol_no") \
	X(RS_YEAR, "r.year")                                                 \
	X(RS_CATEGORY, "c.name_el") X(RS_CATEGORY_EN, "c.name_en")           \
	X(RS_AREA, "a.name_el") X(RS_AREA_EN, "a.name_en")                   \
	X(RS_DESCRIPTION, "IF(r.description_hidden = 0, r.description, NULL)") X(RS_ADDRESS, "r.address")        \
	X(RS_STATUS, "r.status")                                             \
	X(RS_CREATED, "DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s')")      \
	X(RS_DUE, "DATE_FORMAT(r.due_date, '%Y-%m-%d 00:00:00')")            \
	X(RS_HIDDEN, "r.description_hidden") X(RS_LAT, "r.lat") X(RS_LON, "r.lon") \
	X(RS_CONFIRMED, "DATE_FORMAT(r.confirmed_at, '%Y-%m-%d %H:%i:%s')")   \
	X(RS_DEPT, "r.department_id")                                        \
	/* reader comments: open while the request is, and for conf          \
	 * comment_close_days after it was resolved or closed */             \
	X(RS_OPEN, "(" RQ_OPEN_SQL ")")                                       \
	X(RS_CLOSED_DAYS, "DATEDIFF(NOW(), COALESCE(r.resolved_at, r.updated_at))")
enum { DB_COLS_ENUM(RQ_SHOW_COLS, RS__END) };

/* The photos of request id the public may see: one row per file, by
 * position and width. */
#define RQ_PHOTO_COLS(X)                                                     \
	X(RP_POSITION, "p.position") X(RP_SHA256, "m.sha256") X(RP_MIME, "m.mime") \
	X(RP_WIDTH, "m.width") X(RP_HEIGHT, "m.height")                        \
	X(RP_ALT, "i.alt_el") X(RP_ALT_EN, "i.alt_en")
enum { DB_COLS_ENUM(RQ_PHOTO_COLS, RP__END) };
int db_rq_photos(struct arena *a, long long id, struct db_res *res);
/* The request with this code (0 or 1 row), without personal data; its
 * description NULL when staff hid it. */
int db_rq_get(struct arena *a, const char *code, struct db_res *res);

#define RQ_EVENT_COLS(X)                                                     \
	X(RE_AT, "DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s')")                   \
	X(RE_FROM, "e.status_from") X(RE_TO, "e.status_to") X(RE_REPLY, "e.reply") \
	X(RE_ID, "e.id") X(RE_COMMENT, "e.comment_id")
enum { DB_COLS_ENUM(RQ_EVENT_COLS, RE__END) };
/* Its public history, oldest first: status changes and public replies
 * (internal notes are never selected). */
int db_rq_events(struct arena *a, long long id, struct db_res *res);

/* The department's mailbox (departments.email), 0 or 1 row. */
int db_rq_department_mail(struct arena *a, long long department, struct db_res *res);
/* A request's code, "category, address" and its department's mailbox
 * (NULL when none), for the notice of a dispute: 0 or 1 row. */
int db_rq_dispute_facts(struct arena *a, long long id, struct db_res *res);

/* The reporter confirms the fix of request id (dispute 0) or disputes it
 * (1, with an optional comment kept as a note for staff): only while the
 * request is resolved (and, to confirm, not confirmed yet).  *changed 0
 * when there was nothing to do. */
int db_rq_reporter(struct arena *a, long long id, int dispute, const char *comment,
                   int *changed);

#endif
