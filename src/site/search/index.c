/*
 * index.c - an item's words as search_terms rows (index.h).
 */
#include "site/search/index.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "db/db.h"
#include "site/search/db_index.h"
#include "site/search/plain.h"
#include "site/search/query.h"

struct entry {
	const char *key;
	size_t nkey;
	int w;
};

struct entries {
	struct entry *v;
	size_t n, cap;
};

static void add_text(struct arena *a, struct entries *e, const char *s, int w,
                     int markdown)
{
	if (s == NULL || *s == '\0')
		return;
	size_t n = strlen(s);
	if (markdown)
		s = search_plain_text(a, s, &n);
	size_t nw;
	struct word *words = query_words(a, s, n, 0, &nw);
	for (size_t i = 0; i < nw; i++) {
		size_t nk;
		const char *k = query_word_key(a, &words[i], &nk);
		if (k == NULL)
			continue;
		if (e->n == e->cap) {
			size_t cap = e->cap ? 2 * e->cap : 256;
			struct entry *v = arena_alloc(a, cap * sizeof(*v));
			if (e->n)
				memcpy(v, e->v, e->n * sizeof(*v));
			e->v = v;
			e->cap = cap;
		}
		e->v[e->n++] = (struct entry){ k, nk, w };
	}
}

/* By key, the best tier first. */
static int by_key(const void *x, const void *y)
{
	const struct entry *p = x, *q = y;
	size_t n = p->nkey < q->nkey ? p->nkey : q->nkey;
	int c = memcmp(p->key, q->key, n);
	if (c == 0)
		c = p->nkey < q->nkey ? -1 : p->nkey > q->nkey;
	return c != 0 ? c : q->w - p->w;
}

/* One item's entries (each key once, with its best tier) into j. */
static void item_json(struct arena *a, struct buf *j, const struct db_res *res,
                      size_t row)
{
	struct entries e = { 0 };
	add_text(a, &e, db_str(res, row, IX_TITLE), 3, 0);
	add_text(a, &e, db_str(res, row, IX_TITLE_EN), 3, 0);
	add_text(a, &e, db_str(res, row, IX_SUMMARY), 2, 0);
	add_text(a, &e, db_str(res, row, IX_SUMMARY_EN), 2, 0);
	add_text(a, &e, db_str(res, row, IX_BODY), 1, 1);
	add_text(a, &e, db_str(res, row, IX_BODY_EN), 1, 1);
	if (e.n > 1)
		qsort(e.v, e.n, sizeof(*e.v), by_key);
	long long id = db_ll(res, row, IX_ID);
	for (size_t i = 0; i < e.n; i++) {
		if (i > 0 && e.v[i].nkey == e.v[i - 1].nkey &&
		    memcmp(e.v[i].key, e.v[i - 1].key, e.v[i].nkey) == 0)
			continue;
		buf_printf(j, "%s[%lld,", j->len > 1 ? "," : "", id);
		json_add_str(j, arena_strndup(a, e.v[i].key, e.v[i].nkey));
		buf_printf(j, ",%d]", e.v[i].w);
	}
}

/* Index kind's items from..to (at most limit) again. */
static int reindex(struct arena *a, char kind, long long from, long long to,
                   long long limit, long long *last, unsigned long long *rows)
{
	struct db_res res;
	*last = 0;
	*rows = 0;
	int rc = db_index_texts(a, kind, from, to, limit, &res);
	if (rc != DB_OK)
		return rc;
	/* The range deleted is the one read: an id between two rows read has
	 * no item, and a limit cut the range at the last row. */
	long long end = res.nrows > 0 ? db_ll(&res, res.nrows - 1, IX_ID) : to;
	if (res.nrows == (size_t)limit)
		to = end;
	rc = db_index_delete(a, kind, from, to);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	struct buf j;
	buf_init(&j, 4096);
	buf_addc(&j, '[');
	for (size_t i = 0; i < res.nrows; i++)
		item_json(a, &j, &res, i);
	buf_addc(&j, ']');
	if (j.len > 2)
		rc = db_index_write(a, kind, j.p, j.len, rows);
	buf_free(&j);
	*last = end;
	return rc;
}

int search_index_item(struct arena *a, char kind, long long id)
{
	long long last;
	unsigned long long rows;
	return reindex(a, kind, id, id, 1, &last, &rows);
}

int search_index_page_tree(struct arena *a, long long id)
{
	struct db_res sub;
	int rc = db_index_subtree(a, id, &sub);
	for (size_t i = 0; rc == DB_OK && i < sub.nrows; i++)
		rc = search_index_item(a, SEARCH_PAGE, db_ll(&sub, i, 0));
	return rc;
}

int search_unindex_item(struct arena *a, char kind, long long id)
{
	return db_index_delete(a, kind, id, id);
}

int search_index_batch(struct arena *a, char kind, long long after, long long batch,
                       long long *last, unsigned long long *rows)
{
	return reindex(a, kind, after + 1, 0xFFFFFFFFLL, batch, last, rows);
}
