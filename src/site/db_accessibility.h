/*
 * db_accessibility.h - what the accessibility feedback form stores.
 */
#ifndef AGORA_DB_ACCESSIBILITY_H
#define AGORA_DB_ACCESSIBILITY_H

#include "db/db.h"

struct mail;

/* Store one message in one transaction, with notice (or NULL) queued in
 * the outbox in the same transaction (notified_at set).  A notice the
 * outbox refuses is logged and left out: the feedback is stored all the
 * same.  DB_OK after COMMIT; DB_DUP when this token was already used (the
 * message is stored once); DB_DOWN / DB_ERR otherwise. */
int db_a11y_feedback(struct arena *a, const char *token, const char *name,
                     const char *email, const char *page_url,
                     const char *message, const char *lang,
                     const struct mail *notice);

#endif
