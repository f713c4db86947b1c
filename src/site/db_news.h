/*
 * db_news.h - queries on news items.  Results are strings in the arena (see
 * db.h); the column order is given for each query.
 */
#ifndef AGORA_DB_NEWS_H
#define AGORA_DB_NEWS_H

#include "db/db.h"

#include "db/public.h"

/* 1 when an item exists in English - an English title and an English
 * text - else 0.  An item without them is shown in Greek on its English
 * page (with a note), is marked "(in Greek)" in English lists and is not
 * offered to search engines as English (canonical URL, alternates,
 * sitemap).  t is the table's alias. */
#define SQL_NEWS_HAS_EN(t)                                                  \
	"(COALESCE(" t ".title_en, '') <> '' AND COALESCE(" t ".body_en_html, '') <> '')"

/* Columns of every list of items (db_news_latest, db_news_page) ... */
#define NEWS_LIST_COLS(X)                                                   \
	X(NEWS_ID, "n.id") X(NEWS_SLUG, "n.slug")                           \
	X(NEWS_TITLE, "n.title") X(NEWS_TITLE_EN, "n.title_en")             \
	X(NEWS_SUMMARY, "n.summary") X(NEWS_SUMMARY_EN, "n.summary_en")     \
	X(NEWS_PUBLISHED, SQL_DT("n.published_at"))                         \
	X(NEWS_CATEGORY, "c.name_el") X(NEWS_CATEGORY_EN, "c.name_en")      \
	X(NEWS_CATEGORY_SLUG, "c.slug") X(NEWS_DEADLINE, SQL_DT("n.deadline")) \
	X(NEWS_LEAD_IMAGE, "n.lead_image") X(NEWS_LEAD_ALT, "n.lead_image_alt") \
	X(NEWS_HAS_EN, SQL_NEWS_HAS_EN("n"))                                \
	X(NEWS_COMMENTS, "n.comment_count")                                 \
	/* "YYYYMMDDHHMMSS-id": the keyset of the row */                    \
	X(NEWS_CURSOR, "CONCAT(DATE_FORMAT(n.published_at, '%Y%m%d%H%i%s'), '-', n.id)")
/* ... and of one item (db_news_get): the same, its text and where it is
 * published in the state's registries (migration 0003: the Diavgeia
 * decision number, ΑΔΑ; the ΚΗΜΔΗΣ notice number, ΑΔΑΜ; the ΕΣΗΔΗΣ system
 * number; each NULL when it has none). */
#define NEWS_ITEM_COLS(X) NEWS_LIST_COLS(X)                                 \
	X(NEWS_BODY_HTML, "n.body_html") X(NEWS_BODY_EN_HTML, "n.body_en_html") \
	X(NEWS_UPDATED, SQL_DT("n.updated_at")) X(NEWS_CATEGORY_ID, "n.category_id") \
	X(NEWS_DIAVGEIA_ADA, "n.diavgeia_ada") X(NEWS_KIMDIS_ADAM, "n.kimdis_adam") \
	X(NEWS_ESIDIS_NO, "n.esidis_no")                                    \
	X(NEWS_LEAD_ALT_EN, "n.lead_image_alt_en")                          \
	X(NEWS_LEAD_SRCSET, "n.lead_image_srcset")                          \
	X(NEWS_LEAD_W, "n.lead_image_width") X(NEWS_LEAD_H, "n.lead_image_height") \
	/* reader comments (0015): the category's moderation, the article's \
	 * own closing, its age in days for conf comment_close_days */      \
	X(NEWS_COMMENT_MODE, "c.comment_moderation")                        \
	X(NEWS_COMMENTS_CLOSED, "n.comments_closed")                        \
	X(NEWS_AGE_DAYS, "DATEDIFF(NOW(), n.published_at)")
enum { DB_COLS_ENUM(NEWS_ITEM_COLS, NEWS__END) };

/* A tag (db_news_tags). */
#define TAG_COLS(X) X(TAG_SLUG, "t.slug") X(TAG_NAME, "t.name_el") X(TAG_NAME_EN, "t.name_en")
enum { DB_COLS_ENUM(TAG_COLS, TAG__END) };
/* An attachment (db_news_attachments). */
#define FILE_COLS(X) X(FILE_TITLE, "title") X(FILE_TITLE_EN, "title_en") \
	X(FILE_URL, "url") X(FILE_MIME, "mime") X(FILE_SIZE, "size_bytes")
enum { DB_COLS_ENUM(FILE_COLS, FILE__END) };
/* A related item (db_news_related). */
#define REL_COLS(X) X(REL_ID, "n.id") X(REL_SLUG, "n.slug") X(REL_TITLE, "n.title") \
	X(REL_TITLE_EN, "n.title_en") X(REL_PUBLISHED, SQL_DT("n.published_at")) \
	X(REL_HAS_EN, SQL_NEWS_HAS_EN("n"))
enum { DB_COLS_ENUM(REL_COLS, REL__END) };
/* A news category (db_news_categories). */
#define CAT_COLS(X) X(CAT_ID, "id") X(CAT_SLUG, "slug") X(CAT_NAME, "name_el") \
	X(CAT_NAME_EN, "name_en")
enum { DB_COLS_ENUM(CAT_COLS, CAT__END) };

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

/* One visible item by id; 0 or 1 rows of NEWS_ITEM_COLS. */
int db_news_get(struct arena *a, long long id, struct db_res *res);
/* Its tags (TAG_COLS). */
int db_news_tags(struct arena *a, long long id, struct db_res *res);
/* Its attachments (FILE_COLS). */
int db_news_attachments(struct arena *a, long long id, struct db_res *res);
/* Up to 3 related visible items (shared tags first, then the same
 * category), REL_COLS. */
int db_news_related(struct arena *a, long long id, long long category,
                    struct db_res *res);

/* All categories (CAT_COLS), in display order. */
int db_news_categories(struct arena *a, struct db_res *res);

/* agora-admin: items whose slug is empty (columns id, title), and setting one. */
int db_news_without_slug(struct arena *a, struct db_res *res);
int db_news_set_slug(struct arena *a, long long id, const char *slug);
/* agora-admin: how many items exist at all. */
int db_news_count(struct arena *a, long long *n);

#endif
