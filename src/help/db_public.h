/*
 * db_public.h - the SQL of the support desk's online request (/help,
 * help/public.c): the villages it offers, a new case from the web with
 * its contact details, and the case a form's one-time token made.
 * Touches help_cases and help_web_contacts (writes), areas (reads).  The
 * health part of a case goes through help/health.h, its history through
 * db_help_event (help/db_help.h).
 */
#ifndef AGORA_DB_HELP_PUBLIC_H
#define AGORA_DB_HELP_PUBLIC_H

#include "db/db.h"

/* The villages, in their order: id, Greek and English name. */
#define HP_AREA_COLS(X) X(HPA_ID, "id") X(HPA_NAME, "name_el") X(HPA_NAME_EN, "name_en")
enum { DB_COLS_ENUM(HP_AREA_COLS, HPA__END) };
int db_hp_areas(struct arena *a, struct db_res *res);

/* What one online request stores.  Strings never NULL ("" for none);
 * area 0: none; hours: how soon it is wanted (wanted_by = NOW() + hours). */
struct hp_new {
	const char *token;       /* the form's one-time token (UNIQUE) */
	const char *type;        /* one of help_types */
	const char *errand;      /* "other" for an errand, else NULL */
	const char *details;     /* the ordinary part ("" for a health type) */
	const char *urgency;     /* one of help_urgencies */
	long long hours;
	long long area;
	const char *caller_name, *caller_phone, *caller_relation;
	const char *name, *phone, *address, *email; /* help_web_contacts */
};

/* Insert the case (channel 'web', status 'new', no resident yet) and its
 * help_web_contacts row, in the caller's open transaction; *id its
 * number.  DB_DUP when the token was already used (nothing written). */
int db_hp_insert(struct arena *a, const struct hp_new *n, long long *id);

/* The case a token made: *id, or 0 when there is none.  DB_OK or DB_*. */
int db_hp_by_token(struct arena *a, const char *token, long long *id);

#endif
