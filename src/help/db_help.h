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

#endif
