/*
 * pack.c - result sets as bytes (pack.h): for each set its row and column
 * counts, then every value as a 32-bit length (0xFFFFFFFF for NULL) and
 * its bytes, little-endian.
 */
#include "db/pack.h"

#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"

#define NUL_LEN 0xFFFFFFFFu
#define MAX_CELLS (1u << 20)

static void put32(struct buf *b, uint32_t v)
{
	unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8),
	                       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
	buf_add(b, x, 4);
}

static int get32(const char *p, size_t n, size_t *off, uint32_t *v)
{
	if (*off > n || n - *off < 4)
		return -1;
	const unsigned char *x = (const unsigned char *)p + *off;
	*v = (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
	*off += 4;
	return 0;
}

void db_res_pack(struct buf *b, const struct db_res *res)
{
	put32(b, (uint32_t)res->nrows);
	put32(b, (uint32_t)res->ncols);
	for (size_t i = 0; i < res->nrows * res->ncols; i++) {
		if (res->v[i] == NULL) {
			put32(b, NUL_LEN);
			continue;
		}
		put32(b, (uint32_t)res->len[i]);
		buf_add(b, res->v[i], res->len[i]);
	}
}

int db_res_unpack(struct arena *a, const char *p, size_t n, size_t *off, struct db_res *res)
{
	uint32_t rows, cols;
	memset(res, 0, sizeof(*res));
	if (get32(p, n, off, &rows) || get32(p, n, off, &cols) ||
	    (cols == 0 && rows != 0) || (cols != 0 && rows > MAX_CELLS / cols))
		return -1;
	size_t cells = (size_t)rows * cols;
	res->nrows = rows;
	res->ncols = cols;
	res->v = arena_calloc(a, (cells ? cells : 1) * sizeof(*res->v));
	res->len = arena_calloc(a, (cells ? cells : 1) * sizeof(*res->len));
	for (size_t i = 0; i < cells; i++) {
		uint32_t l;
		if (get32(p, n, off, &l))
			return -1;
		if (l == NUL_LEN)
			continue;
		if (l > n - *off)
			return -1;
		res->v[i] = arena_strndup(a, p + *off, l);
		res->len[i] = l;
		*off += l;
	}
	return 0;
}
