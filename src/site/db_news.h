/*
 * db_news.h - queries on news items.  Results are strings in the arena (see
 * db.h); the column order is given for each query.
 */
#ifndef AGORA_DB_NEWS_H
#define AGORA_DB_NEWS_H

#include "db/db.h"

/* Columns of every list of items (db_news_latest, db_news_page) ... */
enum {
	NEWS_ID, NEWS_SLUG, NEWS_TITLE, NEWS_TITLE_EN, NEWS_SUMMARY,
	NEWS_SUMMARY_EN, NEWS_PUBLISHED, NEWS_CATEGORY, NEWS_CATEGORY_EN,
	NEWS_CATEGORY_SLUG, NEWS_DEADLINE, NEWS_LEAD_IMAGE, NEWS_LEAD_ALT,
	NEWS_CURSOR, /* "YYYYMMDDHHMMSS-id": the keyset of the row */
	/* ... and then of db_news_get */
	NEWS_BODY_HTML, NEWS_BODY_EN_HTML, NEWS_UPDATED, NEWS_CATEGORY_ID,
};

/* The newest visible items (published, publication time come), newest
 * first. */
int db_news_latest(struct arena *a, long long limit, struct db_res *res);

/* One page of a list: all categories (category 0) or one category id;
 * older than the cursor (dir 'b', or from the top when at is NULL) newest
 * first, or newer than it (dir 'a') oldest first.  at is
 * "YYYY-MM-DD HH:MM:SS", id the row id of the cursor. */
int db_news_page(struct arena *a, long long category, char dir,
                 const char *at, long long id, long long limit,
                 struct db_res *res);

/* One visible item by id; 0 or 1 rows, columns NEWS_ID..NEWS_CATEGORY_ID. */
int db_news_get(struct arena *a, long long id, struct db_res *res);
/* Its tags: slug, name_el, name_en. */
int db_news_tags(struct arena *a, long long id, struct db_res *res);
/* Its attachments: title, title_en, url, mime, size_bytes. */
int db_news_attachments(struct arena *a, long long id, struct db_res *res);
/* Up to 3 related visible items (shared tags first, then the same
 * category): id, slug, title, title_en, published. */
int db_news_related(struct arena *a, long long id, long long category,
                    struct db_res *res);

/* A category by slug: id, slug, name_el, name_en; 0 or 1 rows. */
int db_news_category(struct arena *a, const char *slug, struct db_res *res);
/* All categories: id, slug, name_el, name_en, in display order. */
int db_news_categories(struct arena *a, struct db_res *res);

/* agora-admin: items whose slug is empty (columns id, title), and setting one. */
int db_news_without_slug(struct arena *a, struct db_res *res);
int db_news_set_slug(struct arena *a, long long id, const char *slug);
/* agora-admin: how many items exist at all. */
int db_news_count(struct arena *a, long long *n);

#endif
