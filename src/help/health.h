/*
 * health.h - the support desk's special-category data (GDPR Art. 9):
 * residents' vulnerability and health (help_health), a case's
 * prescriptions and health details (help_case_health) and professionals'
 * notes (help_health_notes).  This file's functions are the only code
 * that reads those tables.  Each read first checks who asks, then writes
 * one audit_log row ("help_health_read", the object, why) and returns the
 * data only when that row was written: no read without its record.
 *
 * Who may read:
 *   - PERM_HELP_HEALTH (operators): every case and resident;
 *   - a professional (PERM_HELP_TASKS, role professional) the case they
 *     are assigned, while they hold it, and its resident's health row.
 * Volunteers never: their task shows the ordinary part only.
 *
 * The one other reader is help/export.c, a resident's access request
 * (GDPR Art. 15), which writes its own audit row before it reads; and
 * help/purge.c deletes from these tables (retention), reading nothing.
 */
#ifndef AGORA_HELP_HEALTH_H
#define AGORA_HELP_HEALTH_H

#include "db/db.h"
#include "http/ctx.h"

struct help_case_health {
	int present;              /* a row exists */
	const char *prescriptions; /* barcode numbers, one per line ("" none) */
	const char *amka;          /* "" when not given */
	const char *details;
};

struct help_person_health {
	int present;
	const char *vulnerability; /* SET value: "elderly_alone,chronic" */
	const char *conditions;
	const char *amka;
};

struct help_health_note {
	const char *at;           /* "YYYY-MM-DD HH:MM:SS" local */
	const char *author;       /* display name, "" when the account is gone */
	const char *body;
};

/* 1 if c's user may read the health data of a case of this type whose
 * assignee is assignee_id (0: none): see above.  No database access. */
int help_health_may(const struct ctx *c, const char *type, long long assignee_id);
/* 1 if c's user may read every case's and resident's (PERM_HELP_HEALTH). */
int help_health_all(const struct ctx *c);

/* Read case_id's health part into *h, writing the audit row first; why
 * is a short reason in the row ("case page", "pharmacy", "export").
 * The caller checked help_health_may.  DB_OK (h->present 0 when there
 * is no row) or a DB_* error: nothing is returned without its record. */
int help_health_case_read(struct ctx *c, long long case_id, const char *why,
                          struct help_case_health *h);
/* The same for a resident's health row. */
int help_health_person_read(struct ctx *c, long long beneficiary_id, const char *why,
                            struct help_person_health *h);
/* A case's professional notes, oldest first, at most 200. */
int help_health_notes_read(struct ctx *c, long long case_id, const char *why,
                           struct help_health_note **notes, size_t *n);

/* Writes, in the caller's open transaction, each with its audit row
 * ("help_health_write"): the row is replaced (an empty one is deleted). */
int help_health_case_write(struct ctx *c, long long case_id,
                           const struct help_case_health *h);
int help_health_person_write(struct ctx *c, long long beneficiary_id,
                             const struct help_person_health *h);
int help_health_note_add(struct ctx *c, long long case_id, const char *body);

#endif
