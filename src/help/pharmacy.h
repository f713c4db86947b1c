/*
 * pharmacy.h - the link with the pharmacists' association
 * (docs/pharmacy-api.md).  A medicines case's prescription goes to the
 * association as a signed webhook through the outbox (an operator's
 * "send to the pharmacy" button on the case page); the association
 * answers with signed callbacks to /api/pharmacy/callback, which move the
 * case's pharmacy_state (received, prepared, ready, delivered, problem).
 */
#ifndef AGORA_HELP_PHARMACY_H
#define AGORA_HELP_PHARMACY_H

#include "core/conf.h"
#include "http/ctx.h"

/* 1 if prescriptions can be sent: pharmacy_url is set and pharmacy_secret
 * is long enough (mail/sign.h).  The case page shows its button then. */
int help_pharmacy_enabled(const struct conf *c);

/* Queue case_id's prescription for the association, inside the caller's
 * OPEN transaction: locks the case; it must be a medicines case of a
 * resident of the registry, open, with at least one prescription barcode
 * (read through help/health.h, audited), not sent yet (pharmacy_state
 * 'none', or 'problem' to send again).  Then the webhook row, the case's
 * pharmacy_state 'queued' and a history row.  DB_OK; or DB_ERR with *why
 * a message key (views/i18n/help_pharmacy.*.po: hph.err_*) when the case
 * cannot be sent (nothing written - roll back); or DB_ERR / DB_DOWN with
 * *why NULL when the database failed. */
int help_pharmacy_queue(struct ctx *c, long long case_id, const char **why);

/* POST /admin/help/cases/{id}/pharmacy (PERM_HELP_HEALTH): queue it; 303
 * to the case page with done=pharmacy (also when it was already sent: a
 * second press changes nothing), 404 without the case, 422 with the
 * reason when it cannot be sent. */
void help_pharmacy_send(struct ctx *c);

/* POST /api/pharmacy/callback (public, signed): the association's status
 * update.  JSON answers: 200 {"ok":true,...}; 401 a missing or bad
 * signature, a timestamp outside pharmacy_tolerance, a nonce used before;
 * 400 malformed JSON or fields; 404 an unknown case or one never sent;
 * 409 a move that makes no sense (back from delivered, or backwards);
 * 503 while callbacks are not configured or the database is down.  Every
 * refusal is logged and written to audit_log ("pharmacy_refused"), and
 * changes nothing. */
void pharmacy_callback(struct ctx *c);

#endif
