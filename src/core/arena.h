/*
 * arena.h - per-request memory.  Everything a request allocates comes from its
 * arena and is released in one step by arena_reset() after FCGX_Finish_r().
 * Cleanups (template dictionaries, temp files) registered on the arena run at
 * reset, newest first.  Allocation never returns NULL: out of memory ends the
 * process (the supervisor starts a fresh worker).
 */
#ifndef AGORA_ARENA_H
#define AGORA_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* A new arena whose chunks are at least chunk bytes.  Free with arena_free(). */
struct arena *arena_new(size_t chunk);
/* Run cleanups, free the arena and all its memory. */
void arena_free(struct arena *a);
/* Run cleanups and forget every allocation; keeps the first chunk for reuse. */
void arena_reset(struct arena *a);

/* n bytes aligned for any type; never NULL. */
void *arena_alloc(struct arena *a, size_t n);
/* n zeroed bytes; never NULL. */
void *arena_calloc(struct arena *a, size_t n);
/* Copies, NUL-terminated; s may be NULL (returns NULL). */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);

/* Call fn(p) at the next reset or free. */
void arena_cleanup(struct arena *a, void (*fn)(void *), void *p);

/* Bytes handed out since the last reset (for the log line). */
size_t arena_used(const struct arena *a);

#endif
