/*
 * memo.c - the per-worker result cache (see memo.h).
 */
#include "core/memo.h"

#include <string.h>

#include "core/arena.h"

static struct memo_slot *slot_of(struct memo *m, const char *key)
{
	unsigned long h = 5381; /* djb2: short keys, no adversary can do harm */
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = h * 33 + *p;
	return &m->slot[h % MEMO_SLOTS];
}

static time_t now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

void *memo_get(struct memo *m, const char *key)
{
	struct memo_slot *s = slot_of(m, key);
	if (s->a == NULL || strcmp(s->key, key) != 0 || now() - s->at >= m->ttl)
		return NULL;
	return s->val;
}

void memo_put(struct memo *m, const char *key, struct arena *a, void *val)
{
	if (strlen(key) >= MEMO_KEY) {
		arena_free(a);
		return;
	}
	struct memo_slot *s = slot_of(m, key);
	arena_free(s->a);
	strcpy(s->key, key);
	s->at = now();
	s->a = a;
	s->val = val;
}
