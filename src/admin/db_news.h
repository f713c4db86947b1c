/*
 * db_news.h (admin) - the SQL of editing news items: the staff list (every
 * status, keyset pages), one item with every editable column, and the
 * writes.  The public side's queries are site/db_news.h.
 */
#ifndef AGORA_ADMIN_DB_NEWS_H
#define AGORA_ADMIN_DB_NEWS_H

#include "db/db.h"

#define ADM_NEWS_LIST_COLS(X)                                                \
	X(NL_ID, "n.id")                                                     \
	X(NL_TITLE, "n.title")                                               \
	X(NL_CATEGORY, "k.name_el")                                          \
	X(NL_STATUS, "n.status")                                             \
	X(NL_AT, "DATE_FORMAT(n.published_at, '%Y-%m-%d %H:%i:%s')")         \
	X(NL_FUTURE, "n.published_at > NOW()")                               \
	X(NL_CURSOR, "DATE_FORMAT(n.published_at, '%Y%m%d%H%i%s')")          \
	X(NL_HAS_EN, "n.title_en IS NOT NULL AND n.title_en <> ''")
enum { DB_COLS_ENUM(ADM_NEWS_LIST_COLS, NL__END) };

/* One page of the staff list, newest publication time first, below the
 * cursor (at, id) when at is not NULL.  status: "" any, "draft",
 * "scheduled", "published"; category 0 any; q: words in the title, summary
 * or text ("" none).  limit rows. */
int db_adm_news_page(struct arena *a, const char *status, long long category,
                     const char *q, const char *at, long long id,
                     long long limit, struct db_res *res);

#define ADM_NEWS_COLS(X)                                                     \
	X(NE_ID, "id")                                                       \
	X(NE_CATEGORY, "category_id")                                        \
	X(NE_TITLE, "title")                                                 \
	X(NE_TITLE_EN, "title_en")                                           \
	X(NE_SUMMARY, "summary")                                             \
	X(NE_SUMMARY_EN, "summary_en")                                       \
	X(NE_BODY, "body")                                                   \
	X(NE_BODY_EN, "body_en")                                             \
	X(NE_STATUS, "status")                                               \
	X(NE_PUBLISHED, "DATE_FORMAT(published_at, '%Y-%m-%dT%H:%i')")       \
	X(NE_DEADLINE, "DATE_FORMAT(deadline, '%Y-%m-%dT%H:%i')")            \
	X(NE_ADA, "diavgeia_ada")                                            \
	X(NE_ADAM, "kimdis_adam")                                            \
	X(NE_ESIDIS, "esidis_no")                                            \
	X(NE_IMAGE, "lead_image")                                            \
	X(NE_IMAGE_ALT, "lead_image_alt")                                    \
	X(NE_IMAGE_ALT_EN, "lead_image_alt_en")                              \
	X(NE_SRCSET, "lead_image_srcset")                                    \
	X(NE_IMAGE_W, "lead_image_width")                                    \
	X(NE_IMAGE_H, "lead_image_height")                                   \
	X(NE_MEDIA_ID, "lead_media_id")                                      \
	X(NE_SLUG, "slug")                                                   \
	X(NE_VERSION, "DATE_FORMAT(updated_at, '%Y%m%d%H%i%s')")             \
	X(NE_FUTURE, "published_at > NOW()")
enum { DB_COLS_ENUM(ADM_NEWS_COLS, NE__END) };

/* The item (0 or 1 row); with lock, FOR UPDATE (inside a transaction). */
int db_adm_news_get(struct arena *a, long long id, int lock, struct db_res *res);

/* The columns a save writes, in this order (NULL: SQL NULL). */
struct adm_news {
	long long category;
	const char *title, *title_en, *summary, *summary_en, *body, *body_en;
	const char *body_html, *body_en_html, *status, *published_at, *deadline;
	const char *ada, *adam, *esidis, *image, *image_alt, *slug;
	const char *image_alt_en, *srcset, *image_w, *image_h, *media_id;
	long long user_id;
};
/* Insert; *id the new item.  DB_DUP when token was used already (then *id
 * is the item it created). */
int db_adm_news_insert(struct arena *a, const struct adm_news *n,
                       const char *token, long long *id);
int db_adm_news_update(struct arena *a, long long id, const struct adm_news *n);
int db_adm_news_delete(struct arena *a, long long id);

#define ADM_FILE_COLS(X)                                                     \
	X(AF_ID, "id") X(AF_TITLE, "title") X(AF_URL, "url") X(AF_SIZE, "size_bytes")
enum { DB_COLS_ENUM(ADM_FILE_COLS, AF__END) };
/* The item's attachments, in their order. */
int db_adm_news_files(struct arena *a, long long id, struct db_res *res);
/* Add a document as the item's last attachment. */
int db_adm_news_file_add(struct arena *a, long long id, const char *title,
                         const char *title_en, const char *url, const char *mime,
                         long long size);
/* Remove attachment fid of item id; *removed its title ("" if none). */
int db_adm_news_file_remove(struct arena *a, long long id, long long fid,
                            const char **removed);

#endif
