/*
 * memo.h - a small per-worker cache of query results, keyed by a string,
 * each entry kept for a few seconds.  Direct-mapped: a key has one slot
 * (by hash), a newer entry replaces whatever was there.  An entry owns an
 * arena holding everything its value points to; replacing or expiring it
 * frees that arena in one step.
 *
 * For what every visitor sees alike (an article, a page of the tree):
 * reusing it for a few seconds takes MariaDB, the busiest process, off the
 * hot path; an edit shows within the TTL.
 */
#ifndef AGORA_MEMO_H
#define AGORA_MEMO_H

#include <time.h>

struct arena;

#define MEMO_SLOTS 64
#define MEMO_KEY 160

struct memo_slot {
	char key[MEMO_KEY];
	time_t at;
	struct arena *a;
	void *val;
};

struct memo {
	int ttl; /* seconds */
	struct memo_slot slot[MEMO_SLOTS];
};

/* The value stored under key if it is younger than the TTL, else NULL.
 * Keys longer than MEMO_KEY - 1 bytes are never cached. */
void *memo_get(struct memo *m, const char *key);
/* Store val (allocated in a, which the memo now owns) under key. */
void memo_put(struct memo *m, const char *key, struct arena *a, void *val);

#endif
