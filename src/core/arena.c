/*
 * arena.c - a chunked bump allocator with cleanups, one per request.
 * The first chunk is kept across resets, so a worker serving small pages
 * makes no malloc calls at all in its steady state.
 */
#include "core/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

#define ALIGN 16

struct chunk {
	struct chunk *next;
	size_t size;      /* usable bytes after the header */
	size_t used;
	max_align_t data[]; /* aligned start */
};

struct cleanup {
	void (*fn)(void *);
	void *p;
	struct cleanup *next;
};

struct arena {
	struct chunk *head;  /* current chunk; the first one is last in the list */
	struct chunk *first;
	size_t chunk;
	size_t used;
	struct cleanup *cleanups;
};

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (p == NULL) {
		log_error("msg=\"out of memory\" bytes=%zu", n);
		abort();
	}
	return p;
}

static struct chunk *chunk_new(size_t size)
{
	struct chunk *c = xmalloc(sizeof(*c) + size);
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

struct arena *arena_new(size_t chunk)
{
	struct arena *a = xmalloc(sizeof(*a));
	if (chunk < 1024)
		chunk = 1024;
	a->chunk = chunk;
	a->first = a->head = chunk_new(chunk);
	a->used = 0;
	a->cleanups = NULL;
	return a;
}

static void run_cleanups(struct arena *a)
{
	while (a->cleanups != NULL) {
		struct cleanup *c = a->cleanups;
		a->cleanups = c->next; /* a cleanup may not re-register */
		c->fn(c->p);
	}
}

void arena_reset(struct arena *a)
{
	run_cleanups(a);
	struct chunk *c = a->head;
	while (c != a->first) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = a->first;
	a->first->used = 0;
	a->used = 0;
}

void arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->first);
	free(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need < n) { /* overflow */
		log_error("msg=\"arena request too large\" bytes=%zu", n);
		abort();
	}
	struct chunk *c = a->head;
	if (c->size - c->used < need) {
		size_t size = need > a->chunk ? need : a->chunk;
		c = chunk_new(size);
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += need;
	a->used += need;
	return p;
}

void *arena_calloc(struct arena *a, size_t n)
{
	void *p = arena_alloc(a, n);
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	if (s == NULL)
		return NULL;
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void arena_cleanup(struct arena *a, void (*fn)(void *), void *p)
{
	struct cleanup *c = arena_alloc(a, sizeof(*c));
	c->fn = fn;
	c->p = p;
	c->next = a->cleanups;
	a->cleanups = c;
}

size_t arena_used(const struct arena *a)
{
	return a->used;
}
