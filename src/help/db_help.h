/*
 * db_help.h - the support desk's queries of cases, residents and their
 * history (help_cases, help_beneficiaries, help_case_events,
 * help_web_contacts): the ordinary data only; the special-category
 * tables are help/health.c's.  Every function runs in the caller's
 * transaction when one is open.
 */
#ifndef AGORA_DB_HELP_H
#define AGORA_DB_HELP_H

#include <stddef.h>

#include "db/db.h"
#include "db/public.h"

/* One case with its resident (ordinary data), its village and assignee;
 * times "YYYY-MM-DD HH:MM:SS" local; the resident's columns are NULL for
 * an online request not yet matched (then the W_ columns hold what was
 * sent). */
#define HELP_CASE_COLS(X)                                                      \
	X(HC_ID, "c.id") X(HC_BEN, "c.beneficiary_id") X(HC_TYPE, "c.type")     \
	X(HC_ERRAND, "c.errand") X(HC_DETAILS, "c.details")                     \
	X(HC_URGENCY, "c.urgency") X(HC_WANTED, SQL_DT("c.wanted_by"))          \
	X(HC_CHANNEL, "c.channel") X(HC_STATUS, "c.status")                     \
	X(HC_ASSIGNEE, "c.assignee_id")                                         \
	X(HC_ASSIGNEE_NAME, "(SELECT display_name FROM users WHERE id = c.assignee_id)") \
	X(HC_CALLER, "c.caller_name") X(HC_CALLER_PHONE, "c.caller_phone")      \
	X(HC_CALLER_REL, "c.caller_relation") X(HC_PHARMACY, "c.pharmacy_state") \
	X(HC_PHARMACY_AT, SQL_DT("c.pharmacy_at"))                              \
	X(HC_CREATED, SQL_DT("c.created_at")) X(HC_CLOSED, SQL_DT("c.closed_at")) \
	X(HC_OVERDUE, "(c.wanted_by < NOW() AND c.status IN ('new','assigned','in_progress'))") \
	X(HC_AREA, "c.area_id")                                                 \
	X(HC_AREA_NAME, "(SELECT name_el FROM areas WHERE id = c.area_id)")     \
	X(HC_FIRST, "b.first_name") X(HC_LAST, "b.last_name") X(HC_PHONE, "b.phone") \
	X(HC_PHONE2, "b.phone2") X(HC_ADDRESS, "b.address") X(HC_HOUSEHOLD, "b.household") \
	X(HC_LANG, "b.lang")                                                    \
	X(HC_W_NAME, "w.name") X(HC_W_PHONE, "w.phone") X(HC_W_ADDRESS, "w.address") \
	X(HC_W_AREA, "w.area_id") X(HC_W_EMAIL, "w.email")                      \
	X(HC_ANON, SQL_DT("c.anonymised_at"))
enum { DB_COLS_ENUM(HELP_CASE_COLS, HC__END) };

/* Case id into *res (HELP_CASE_COLS; nrows 0 when there is none). */
int db_help_case(struct arena *a, long long id, struct db_res *res);
/* The same, locked for the caller's transaction (SELECT ... FOR UPDATE). */
int db_help_case_lock(struct arena *a, long long id, struct db_res *res);

/* Append one row to case_id's history: kind one of help_case_events.kind,
 * status the new status (or "" / a pharmacy state), assignee_id (0:
 * none), note (ordinary text, "" none); user_id 0: the system. */
int db_help_event(struct arena *a, long long case_id, long long user_id,
                  const char *kind, const char *status, long long assignee_id,
                  const char *note);

/* A case's history, oldest first (at most 500 rows). */
#define HELP_EVENT_COLS(X)                                                     \
	X(HE_AT, SQL_DT("e.at")) X(HE_USER, "COALESCE(u.display_name, '')")     \
	X(HE_KIND, "e.kind") X(HE_STATUS, "e.status")                           \
	X(HE_ASSIGNEE, "COALESCE((SELECT display_name FROM users WHERE id = e.assignee_id), '')") \
	X(HE_NOTE, "e.note")
enum { DB_COLS_ENUM(HELP_EVENT_COLS, HE__END) };
int db_help_events(struct arena *a, long long case_id, struct db_res *res);

/* ---- the queue (help/queue.c) ----------------------------------------- */

/* Filters: status "open" (new, assigned, in progress), "" (any) or one
 * status; type, "" any; area_id 0 any; overdue 1: open and past their
 * wanted-by time; unmatched 1: online requests not yet matched with a
 * resident; assignee 0 any.  Rows after the keyset (after_at, after_id)
 * in wanted-by order (after_at NULL: from the start), at most limit + 1
 * (the extra one says another page follows). */
struct help_queue_filter {
	const char *status, *type;
	long long area_id, assignee_id;
	int overdue, unmatched;
};
int db_help_queue(struct arena *a, const struct help_queue_filter *f,
                  const char *after_at, long long after_id, size_t limit,
                  struct db_res *res);
/* How many open cases are past their wanted-by time, and how many online
 * requests wait to be matched. */
int db_help_counts(struct arena *a, long long *overdue, long long *unmatched);

/* ---- the registry (help/people.c, intake.c) ----------------------------- */

#define HELP_PERSON_COLS(X)                                                    \
	X(HP_ID, "b.id") X(HP_FIRST, "b.first_name") X(HP_LAST, "b.last_name")   \
	X(HP_PHONE, "b.phone") X(HP_PHONE2, "b.phone2") X(HP_ADDRESS, "b.address") \
	X(HP_AREA, "b.area_id")                                                 \
	X(HP_AREA_NAME, "(SELECT name_el FROM areas WHERE id = b.area_id)")     \
	X(HP_HOUSEHOLD, "b.household") X(HP_LANG, "b.lang")                     \
	X(HP_CONSENT_AT, SQL_DT("b.consent_at")) X(HP_CONSENT_HOW, "b.consent_how") \
	X(HP_CONSENT_BY, "(SELECT display_name FROM users WHERE id = b.consent_by)") \
	X(HP_CREATED, SQL_DT("b.created_at")) X(HP_LAST_CASE, SQL_DT("b.last_case_at")) \
	X(HP_ANON, SQL_DT("b.anonymised_at"))                                   \
	X(HP_OPEN, "(SELECT COUNT(*) FROM help_cases o WHERE o.beneficiary_id = b.id" \
	           " AND o.status IN ('new','assigned','in_progress'))")
enum { DB_COLS_ENUM(HELP_PERSON_COLS, HP__END) };

/* Residents whose phone (or second phone) starts with the digits phone
 * (normalised), or whose last name starts with name (either may be ""),
 * not anonymised, at most limit, by last and first name. */
int db_help_people_find(struct arena *a, const char *phone, const char *name,
                        size_t limit, struct db_res *res);
/* Resident id (HELP_PERSON_COLS; nrows 0 when none). */
int db_help_person(struct arena *a, long long id, struct db_res *res);

struct help_person {
	const char *first, *last, *phone, *phone2, *address, *household, *lang;
	long long area_id;         /* 0: none */
	const char *consent_how;   /* NULL: no consent recorded (then none is set) */
};
/* A new resident, consent recorded now by user_id when p->consent_how is
 * set.  *id gets the new id. */
int db_help_person_add(struct arena *a, const struct help_person *p,
                       long long user_id, long long *id);
/* Update the ordinary fields; consent recorded again (now, by user_id)
 * only when consent_how changes. */
int db_help_person_save(struct arena *a, long long id, const struct help_person *p,
                        long long user_id);
/* A resident's cases, newest first (HELP_CASE_COLS), at most limit. */
int db_help_person_cases(struct arena *a, long long id, size_t limit, struct db_res *res);

/* ---- cases (help/intake.c, case.c, tasks.c) ----------------------------- */

struct help_case_new {
	long long beneficiary_id;  /* 0: none (an online request) */
	long long area_id;         /* 0: none */
	const char *type, *errand, *details, *urgency, *wanted_by, *channel;
	const char *caller_name, *caller_phone, *caller_relation;
	const char *token;         /* the form's one-time token */
};
/* Insert a case (status new) and its "created" history row by user_id;
 * *id the new case.  DB_DUP when the token was used: *id is then the
 * case it made. */
int db_help_case_add(struct arena *a, const struct help_case_new *n,
                     long long user_id, long long *id);
/* The case a form's token made, or 0 (*id). */
int db_help_case_by_token(struct arena *a, const char *token, long long *id);
/* Set the status (closed_at set for done/cancelled/unreachable, cleared
 * when reopened; assignee cleared when going back to new). */
int db_help_case_status(struct arena *a, long long id, const char *status);
/* Assign to user_id (status assigned, assigned_at now). */
int db_help_case_assign(struct arena *a, long long id, long long user_id);
/* Match an online request with resident beneficiary_id: sets it and the
 * village, deletes the help_web_contacts row, stamps the resident's
 * last_case_at. */
int db_help_case_link(struct arena *a, long long id, long long beneficiary_id);
/* Update the ordinary part a desk may correct. */
int db_help_case_edit(struct arena *a, long long id, const char *details,
                      const char *urgency, const char *wanted_by);

/* A user's own cases: open ones by wanted-by time; with closed 1 also the
 * last closed ones (professionals' history), newest first after them. */
int db_help_tasks(struct arena *a, long long user_id, int closed, size_t limit,
                  struct db_res *res);

/* How to reach a staff member about a task: e-mail, the profile's phone
 * and notify preference (NULL when they have no profile). */
#define HELP_CONTACT_COLS(X) X(HK_EMAIL, "u.email") X(HK_NAME, "u.display_name") \
	X(HK_PHONE, "v.phone") X(HK_NOTIFY, "v.notify")
enum { DB_COLS_ENUM(HELP_CONTACT_COLS, HK__END) };
int db_help_contact(struct arena *a, long long user_id, struct db_res *res);

#endif
