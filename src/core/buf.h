/*
 * buf.h - a growable byte buffer on the heap.  A worker keeps one response
 * buffer for its whole life and resets it between requests, so the steady
 * state allocates nothing.  Growth failure ends the process.
 */
#ifndef AGORA_BUF_H
#define AGORA_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *p;    /* always NUL-terminated when cap > 0 */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b, size_t cap);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);
/* Make room for n more bytes; returns a pointer to the free space. */
char *buf_reserve(struct buf *b, size_t n);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);

#endif
