/*
 * cache.h - the one per-worker cache of query results: a value under a
 * string key, kept for a few seconds.  Direct-mapped: a key has one slot
 * (by hash), a newer entry replaces whatever was there.  An entry owns an
 * arena holding its value, everything the value points to and a copy of
 * its key; replacing an entry frees that arena in one step.  Keys of any
 * length are cached.
 *
 * For what every visitor sees alike (the menu, the alerts, the latest news,
 * an article, a page of the tree): reusing it for a few seconds takes
 * MariaDB, the busiest process, off the hot path; an edit shows within the
 * TTL.  An expired entry is kept until it is replaced, so a caller may
 * choose to serve it while the database is down (cache_lookup).
 */
#ifndef AGORA_CACHE_H
#define AGORA_CACHE_H

#include <time.h>

struct arena;

#define CACHE_SLOTS 64

struct cache_slot {
	const char *key; /* in a */
	time_t at;       /* CLOCK_MONOTONIC seconds */
	struct arena *a;
	void *val;
};

struct cache {
	int ttl; /* seconds */
	struct cache_slot slot[CACHE_SLOTS];
};

/* The value stored under key if it is younger than the TTL, else NULL. */
void *cache_get(struct cache *m, const char *key);
/* The value stored under key whatever its age (NULL if none); *fresh is 1
 * when it is younger than the TTL. */
void *cache_lookup(struct cache *m, const char *key, int *fresh);
/* Store val (allocated in a, which the cache now owns) under key (copied
 * into a).  The previous entry of that slot is freed, so val - not an
 * older pointer from the cache - is what the caller may go on using. */
void cache_put(struct cache *m, const char *key, struct arena *a, void *val);
/* Forget every entry (tests; staff edits made in the same worker). */
void cache_clear(struct cache *m);

#endif
