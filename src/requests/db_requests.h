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

struct rq_new {
	const char *token;
	long long category, department; /* department 0: none */
	long long area;                  /* 0: none */
	const char *description, *address, *name, *email, *phone, *lang;
	const char *due_date;            /* "YYYY-MM-DD" */
	int year;
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
	X(RS_DUE, "DATE_FORMAT(r.due_date, '%Y-%m-%d 00:00:00')")
enum { DB_COLS_ENUM(RQ_SHOW_COLS, RS__END) };
/* The request with this code (0 or 1 row), without personal data; its
 * description NULL when staff hid it. */
int db_rq_get(struct arena *a, const char *code, struct db_res *res);

#define RQ_EVENT_COLS(X)                                                     \
	X(RE_AT, "DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s')")                   \
	X(RE_FROM, "e.status_from") X(RE_TO, "e.status_to") X(RE_REPLY, "e.reply")
enum { DB_COLS_ENUM(RQ_EVENT_COLS, RE__END) };
/* Its public history, oldest first: status changes and public replies
 * (internal notes are never selected). */
int db_rq_events(struct arena *a, long long id, struct db_res *res);

#endif
