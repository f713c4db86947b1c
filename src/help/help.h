/*
 * help.h - the support desk for vulnerable residents (Βοήθεια στο Σπίτι):
 * what every file of src/help/ shares.  The case types, statuses,
 * urgencies and channels as stored (help_cases, sql/migrations/
 * 0016_help.sql) with their message keys (views/i18n/help.*.po), phone
 * numbers as the registry keeps them, and the signed links of volunteers'
 * task messages.  Touches no table.
 *
 * The module's files, by who uses them:
 *   intake.c      /admin/help/new: an operator logs a call
 *   queue.c       /admin/help: the desk's queue, overdue first
 *   case.c        /admin/help/cases/{id}: a case, its status, assignment
 *   people.c      /admin/help/people: the registry of residents
 *   health.c      the only reader of special-category data (audited)
 *   tasks.c       /admin/help/tasks: a volunteer's or professional's own
 *   volunteers.c  /admin/help/volunteers: their registry, suggestions
 *   reports.c     /admin/help/reports: counts, charts, CSV
 *   public.c      /help: the service's page and the online request
 *   pharmacy.c    the prescription's webhook, /api/pharmacy/callback
 *   export.c, purge.c   a resident's data (GDPR access), retention
 *   phone.c       phone numbers: stored, searched, shown, dialled
 *   db_help.c     the queries of cases, residents and history
 */
#ifndef AGORA_HELP_H
#define AGORA_HELP_H

#include "help/phone.h"
#include <stddef.h>

struct arena;

enum help_type { HT_MEDICINES, HT_GROCERIES, HT_MEALS, HT_ERRAND, HT_MEDICAL,
                 HT_PSYCH, HT__MAX };
enum help_status { HS_NEW, HS_ASSIGNED, HS_IN_PROGRESS, HS_DONE, HS_CANCELLED,
                   HS_UNREACHABLE, HS__MAX };

/* NULL-terminated lists of the stored values, in the order of the enums
 * (for declared forms' choices), and their message keys, same order. */
extern const char *const help_types[];       /* "medicines", ... */
extern const char *const help_type_labels[]; /* "help.type.medicines", ... */
extern const char *const help_statuses[];    /* "new", ... */
extern const char *const help_status_labels[];
extern const char *const help_urgencies[];   /* "low", "normal", "urgent" */
extern const char *const help_urgency_labels[];
extern const char *const help_channels[];    /* "phone", "web", "walkin" */
extern const char *const help_channel_labels[];
extern const char *const help_errands[];     /* "bills", "post", "other" */
extern const char *const help_errand_labels[];
extern const char *const help_vulnerabilities[]; /* help_health.vulnerability */
extern const char *const help_vulnerability_labels[];

/* The index of s in a NULL-terminated list, or -1. */
int help_index(const char *const *list, const char *s);
/* The message key of value s of list (labels in the same order), or
 * "help.unknown". */
const char *help_label(const char *const *list, const char *const *labels,
                       const char *s);

/* A case type that a professional takes (medical advice: a doctor;
 * psychological support: a psychologist): 1, else 0 (a volunteer's). */
int help_type_professional(const char *type);
/* The professional kind a type needs ("doctor", "psychologist") or NULL. */
const char *help_type_kind(const char *type);
/* 1 if a case of this status is still open (new, assigned, in progress). */
int help_status_open(const char *status);
/* 1 if a case may go from status from to status to (the statuses'
 * graph: new -> assigned -> in_progress -> done; any open one ->
 * cancelled or unreachable; a closed one reopens to new). */
int help_status_next(const char *from, const char *to);

/* The wanted-by time a case gets from its urgency when the operator
 * gives none: urgent 4 hours, normal 24, low 72 from now, as local
 * "YYYY-MM-DD HH:MM:SS". */
const char *help_wanted_default(struct arena *a, const char *urgency);
/* Local "YYYY-MM-DD HH:MM:SS" as the value of an <input type=
 * "datetime-local"> ("YYYY-MM-DDTHH:MM"); "" for NULL. */
const char *help_dt_input(struct arena *a, const char *dt);

/* The signature of a volunteer's task link (forms_sign over the case and
 * the user it was sent to): the link works only for that user, signed
 * in, so a forwarded message shows nothing to anyone else. */
const char *help_task_sig(struct arena *a, unsigned long long case_id,
                          unsigned long long user_id);
/* 1 if sig is that signature (in constant time). */
int help_task_sig_ok(unsigned long long case_id, unsigned long long user_id,
                     const char *sig);

#endif
