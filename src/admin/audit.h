/*
 * audit.h - the audit log: every staff write and every sign-in event, one
 * row each in audit_log, which the workers' database account may append
 * to and read but never change (agora-admin grants).  Writes go in the
 * same transaction as the change they describe, so a change and its
 * record commit or vanish together.  The pages that show the log (with
 * filters, and as CSV) are audit_list and audit_csv.
 */
#ifndef AGORA_AUDIT_H
#define AGORA_AUDIT_H

#include "http/ctx.h"

/* Append one row: who is c's staff member (or, for sign-in events before
 * there is a session, user_id/username as given: 0/"" when unknown), the
 * action ("login_failed", "news_update"), the object ("news", "42") and a
 * summary of the change in words (before -> after).  The client address
 * is the request's.  Returns the DB status. */
int audit_write(struct ctx *c, long long user_id, const char *username,
                const char *action, const char *object_type,
                const char *object_id, const char *summary);
/* The same for c's signed-in staff member. */
int audit_staff(struct ctx *c, const char *action, const char *object_type,
                const char *object_id, const char *summary);

/* GET /admin/audit: the log, newest first, filtered and paged. */
void audit_list(struct ctx *c);
/* GET /admin/audit.csv: the same rows (same filters) as CSV. */
void audit_csv(struct ctx *c);

#endif
