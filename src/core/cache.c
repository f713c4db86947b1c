/*
 * cache.c - the per-worker result cache (see cache.h).
 */
#include "core/cache.h"

#include <string.h>

#include "core/arena.h"

static struct cache_slot *slot_of(struct cache *m, const char *key)
{
	unsigned long h = 5381; /* djb2: our own keys, no adversary can do harm */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = h * 33 + *p;
	return &m->slot[h % CACHE_SLOTS];
}

static time_t now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

void *cache_lookup(struct cache *m, const char *key, int *fresh)
{
	struct cache_slot *s = slot_of(m, key);
	*fresh = 0;
	if (s->a == NULL || strcmp(s->key, key) != 0)
		return NULL;
	*fresh = now() - s->at < m->ttl;
	return s->val;
}

void *cache_get(struct cache *m, const char *key)
{
	int fresh;
	void *v = cache_lookup(m, key, &fresh);
	return fresh ? v : NULL;
}

void cache_put(struct cache *m, const char *key, struct arena *a, void *val)
{
	struct cache_slot *s = slot_of(m, key);
	/* Copy the key first: key may point into the entry being replaced. */
	const char *k = arena_strdup(a, key);
	arena_free(s->a);
	s->key = k;
	s->at = now();
	s->a = a;
	s->val = val;
}

void cache_clear(struct cache *m)
{
	for (size_t i = 0; i < CACHE_SLOTS; i++) {
		arena_free(m->slot[i].a);
		m->slot[i] = (struct cache_slot){ 0 };
	}
}
