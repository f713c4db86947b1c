/*
 * pack.h - result sets as bytes and back, to keep figures computed once
 * (stats_snapshots) and show them again without the queries.  The format
 * is this program's own; a caller that keeps it writes PACK_VERSION as the
 * blob's first byte and checks it.  A blob that does not parse is refused
 * (the caller computes afresh).  Pure.
 */
#ifndef AGORA_PACK_H
#define AGORA_PACK_H

#include <stddef.h>

#include "db/db.h"

struct arena;
struct buf;

/* Append res (rows, columns, each value or NULL) to b. */
void db_res_pack(struct buf *b, const struct db_res *res);
/* Read the next result set from p[*off..n) into res (values in the arena,
 * NUL-terminated as db_run gives them); *off moves past it.  0 done, -1 a
 * blob that is not one. */
int db_res_unpack(struct arena *a, const char *p, size_t n, size_t *off, struct db_res *res);

#define PACK_VERSION 1

#endif
