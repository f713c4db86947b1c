/*
 * buf.c - growable heap buffer; doubling growth, abort on out of memory.
 */
#include "core/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

void buf_init(struct buf *b, size_t cap)
{
	b->p = NULL;
	b->len = b->cap = 0;
	if (cap > 0)
		buf_reserve(b, cap);
}

void buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap > 0)
		b->p[0] = '\0';
}

char *buf_reserve(struct buf *b, size_t n)
{
	if (b->cap - b->len <= n) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap - b->len <= n) {
			if (cap > SIZE_MAX / 2) {
				log_error("msg=\"buffer too large\"");
				abort();
			}
			cap *= 2;
		}
		char *p = realloc(b->p, cap);
		if (p == NULL) {
			log_error("msg=\"out of memory\" bytes=%zu", cap);
			abort();
		}
		b->p = p;
		b->cap = cap;
		b->p[b->len] = '\0';
	}
	return b->p + b->len;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	char *dst = buf_reserve(b, n);
	if (n > 0)
		memcpy(dst, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	char *dst = buf_reserve(b, 64);
	int n = vsnprintf(dst, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->cap - b->len) {
		dst = buf_reserve(b, (size_t)n + 1);
		vsnprintf(dst, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}
