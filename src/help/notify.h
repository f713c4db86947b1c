/*
 * notify.h - telling a volunteer or professional of a task they were
 * given: by e-mail and/or SMS (their profile's choice), through the
 * outbox in the caller's transaction.  The message carries the type of
 * help, the wanted-by time and a signed link to the task; never the
 * resident's name, address, phone or anything of their health.
 */
#ifndef AGORA_HELP_NOTIFY_H
#define AGORA_HELP_NOTIFY_H

#include "http/ctx.h"

/* The task link for user_id: SITE_URL/admin/help/tasks/ID?k=SIG. */
const char *help_task_url(struct ctx *c, long long case_id, long long user_id);

/* Queue the messages for case_id given to user_id (type and wanted_by as
 * stored), and a history row "notified" saying by what.  DB_OK (also
 * when the user has no address: nothing is queued, the row says so). */
int help_notify_assigned(struct ctx *c, long long case_id, long long user_id,
                         const char *type, const char *wanted_by);

#endif
