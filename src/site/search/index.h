/*
 * index.h - the search index kept in step with the content.  An item's
 * words (title, summary and body in both languages, the body as plain
 * text: plain.h) become one search_terms row per key (stem.h) with the
 * best tier it reached: 3 title, 2 summary, 1 body, and when it is shown
 * (drafts and pages under drafts get none).  Staff forms index an
 * item in the transaction that saves it, so a search never finds what is
 * not committed nor misses what is; agora-admin search reindex rebuilds
 * everything in batches (after SQL loads: the demo, the scale bench).
 * Reads and writes search_terms and reads news, pages and events; nothing
 * else.
 */
#ifndef AGORA_SEARCH_INDEX_H
#define AGORA_SEARCH_INDEX_H

struct arena;

/* Kinds, as search_terms.kind keeps them. */
#define SEARCH_NEWS 'n'
#define SEARCH_PAGE 'p'
#define SEARCH_EVENT 'e'

/* Index kind's item id again from its row as it is now (none if it is
 * gone).  DB_OK, DB_DOWN or DB_ERR; call it inside the saving
 * transaction. */
int search_index_item(struct arena *a, char kind, long long id);
/* Index a page and every page under it again (their visibility follows
 * their ancestors').  DB_OK, DB_DOWN or DB_ERR. */
int search_index_page_tree(struct arena *a, long long id);
/* Drop the entries of a deleted item.  DB_OK, DB_DOWN or DB_ERR. */
int search_unindex_item(struct arena *a, char kind, long long id);
/* Index again the next (at most) batch items of kind after id after, in
 * the caller's transaction; *last is the last id done (0: none was left)
 * and *rows the entries written. */
int search_index_batch(struct arena *a, char kind, long long after, long long batch,
                       long long *last, unsigned long long *rows);

#endif
