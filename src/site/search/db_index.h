/*
 * db_index.h - the SQL that keeps search_terms (migration 0020) in step
 * with news, pages and events: an item's texts by id range, and its
 * entries deleted or written.  Only index.c calls these.
 */
#ifndef AGORA_DB_INDEX_H
#define AGORA_DB_INDEX_H

#include "db/db.h"

#define INDEX_TEXT_COLS(X)                                                  \
	X(IX_ID, "id") X(IX_TITLE, "title") X(IX_TITLE_EN, "title_en")       \
	X(IX_SUMMARY, "summary") X(IX_SUMMARY_EN, "summary_en")              \
	X(IX_BODY, "body") X(IX_BODY_EN, "body_en")
enum { DB_COLS_ENUM(INDEX_TEXT_COLS, IX__END) };

/* The texts of kind's ('n', 'p' or 'e') items with from <= id <= to, at
 * most limit of them, by id. */
int db_index_texts(struct arena *a, char kind, long long from, long long to,
                   long long limit, struct db_res *res);
/* Delete the entries of kind's items with from <= id <= to. */
int db_index_delete(struct arena *a, char kind, long long from, long long to);
/* Write the entries in json, an array of [id, "key", tier] (the dates of
 * each are read from its item's row; those of items the public does not
 * see are left out); *rows the number written. */
int db_index_write(struct arena *a, char kind, const char *json, size_t len,
                   unsigned long long *rows);
/* The page id and every page under it (column 0). */
int db_index_subtree(struct arena *a, long long id, struct db_res *res);

#endif
