/*
 * outbox.h (admin) - /admin/outbox (PERM_OUTBOX): the queued and failed
 * messages of the mail outbox, newest first, and "retry now" for a failed
 * one.
 */
#ifndef AGORA_ADMIN_OUTBOX_H
#define AGORA_ADMIN_OUTBOX_H

#include "http/ctx.h"

/* GET /admin/outbox[?failed=1][&before=ID]: 50 a page; 400 on a bad
 * filter or cursor. */
void adm_outbox_list(struct ctx *c);
/* POST /admin/outbox/ID/retry (R_CSRF): a failed message queued again to
 * go at once, audit-logged; 303 back to the list, 404 if ID is no failed
 * message. */
void adm_outbox_retry(struct ctx *c);

#endif
