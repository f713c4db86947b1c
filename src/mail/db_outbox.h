/*
 * db_outbox.h - what staff see and do with the outbox, shared by
 * /admin/outbox (src/admin/outbox.c) and `agora-admin outbox list|retry`:
 * the queued and failed messages newest first, a page at a time, and
 * "retry now" for a failed one.
 */
#ifndef AGORA_DB_OUTBOX_H
#define AGORA_DB_OUTBOX_H

#include <stddef.h>

struct arena;

struct outbox_item {
	unsigned long long id;
	const char *state, *kind, *rcpt, *subject, *last_error;
	const char *next_try_at, *created_at; /* "YYYY-MM-DD HH:MM:SS" */
	unsigned tries;
};

/* At most limit messages with id < before (0: from the newest), newest
 * first: the failed ones, and the queued ones too unless failed_only.
 * *n gets their count, *more 1 when another page follows.  DB_OK or a
 * DB_* error.  Each state is one backward range of outbox_state (state,
 * id), merged here: no sort of all matches. */
int outbox_page(struct arena *a, int failed_only, unsigned long long before,
                size_t limit, struct outbox_item **items, size_t *n, int *more);

/* A failed message queued again to go at once, with a fresh count of
 * tries (its last error is kept).  Inside or outside a transaction.
 * DB_OK (*changed 1, or 0 when id is no failed message) or a DB_* error. */
int outbox_requeue(struct arena *a, unsigned long long id, int *changed);

#endif
