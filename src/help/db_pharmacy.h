/*
 * db_pharmacy.h - the queries of the link with the pharmacists'
 * association (help/pharmacy.c): a case's pharmacy_state, the nonces of
 * its callbacks (help_pharmacy_nonces) and the e-mail address of a
 * case's assignee.  Every function runs in the caller's transaction
 * when one is open.
 */
#ifndef AGORA_DB_PHARMACY_H
#define AGORA_DB_PHARMACY_H

#include "db/db.h"

/* Record a callback's nonce: DB_OK, DB_DUP when it was used before (a
 * replay), or another DB_* error. */
int db_pharmacy_nonce_add(struct arena *a, const char *nonce);
/* Forget the nonces older than seconds (at most 1000 at a time): a
 * callback that old is refused by its timestamp anyway.  Called by the
 * callback itself and by the purge (help/purge.c may call it too). */
int db_pharmacy_nonces_purge(struct arena *a, unsigned long long seconds);

/* Set case_id's pharmacy_state (one of help_cases.pharmacy_state) and
 * pharmacy_at = NOW(). */
int db_pharmacy_set_state(struct arena *a, long long case_id, const char *state);

/* The webhook of case_id was never delivered: pharmacy_state 'queued'
 * becomes 'problem' (*changed 1); any other state stays (*changed 0: the
 * association answered meanwhile, or the case was sent again). */
int db_pharmacy_undelivered(struct arena *a, long long case_id, int *changed);

/* The e-mail address of staff account user_id into *res (one column;
 * nrows 0 when there is none or the account is disabled). */
int db_pharmacy_user_email(struct arena *a, long long user_id, struct db_res *res);

#endif
