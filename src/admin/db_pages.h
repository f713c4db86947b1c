/*
 * db_pages.h (admin) - the SQL of editing the page tree: every page of
 * every status (the tree is small: the staff list shows it whole), one
 * page with every editable column, and the writes.  The public side's
 * queries are site/db_pages.h.
 */
#ifndef AGORA_ADMIN_DB_PAGES_H
#define AGORA_ADMIN_DB_PAGES_H

#include "db/db.h"
#include "db/public.h"

/* At most this many pages are listed (and offered as parents). */
#define ADM_PAGES_MAX 5000

/* The tree: one row per page, siblings in menu order.  PT_MATCH is 1 when
 * the title (Greek or English) contains the search text. */
#define ADM_PAGE_TREE_COLS(X)                                                \
	X(PT_ID, "id")                                                       \
	X(PT_PARENT, "COALESCE(parent_id, 0)")                               \
	X(PT_SLUG, "slug")                                                   \
	X(PT_TITLE, "title")                                                 \
	X(PT_TITLE_EN, "title_en")                                           \
	X(PT_STATUS, "status")                                               \
	X(PT_FUTURE, "COALESCE(publish_at > NOW(), 0)")                      \
	X(PT_PUBLISH, SQL_DT("publish_at"))                                  \
	X(PT_SORT, "sort_order")                                             \
	X(PT_IN_MENU, "in_menu")                                             \
	X(PT_MATCH, "(? = '' OR title LIKE ? ESCAPE '!' OR title_en LIKE ? ESCAPE '!')")
enum { DB_COLS_ENUM(ADM_PAGE_TREE_COLS, PT__END) };

/* Every page (PT_ columns), ordered by menu order then id; like: an
 * edit_like() pattern or "".  With lock, FOR UPDATE (in a transaction):
 * the tree cannot change under a move until it commits. */
int db_adm_pages_tree(struct arena *a, const char *like, int lock,
                      struct db_res *res);

#define ADM_PAGE_COLS(X)                                                     \
	X(PE_ID, "id")                                                       \
	X(PE_PARENT, "COALESCE(parent_id, 0)")                               \
	X(PE_SLUG, "slug")                                                   \
	X(PE_TITLE, "title")                                                 \
	X(PE_TITLE_EN, "title_en")                                           \
	X(PE_SUMMARY, "summary")                                             \
	X(PE_SUMMARY_EN, "summary_en")                                       \
	X(PE_BODY, "body")                                                   \
	X(PE_BODY_EN, "body_en")                                             \
	X(PE_SORT, "sort_order")                                             \
	X(PE_IN_MENU, "IF(in_menu, '1', '')")                                \
	X(PE_STATUS, "status")                                               \
	X(PE_PUBLISH, "DATE_FORMAT(publish_at, '%Y-%m-%dT%H:%i')")           \
	X(PE_SPECIAL, "special")                                             \
	X(PE_VERSION, "DATE_FORMAT(updated_at, '%Y%m%d%H%i%s')")             \
	X(PE_FUTURE, "COALESCE(publish_at > NOW(), 0)")                      \
	X(PE_WHEN, SQL_DT("publish_at"))                                     \
	X(PE_CHILDREN, "(SELECT COUNT(*) FROM pages k WHERE k.parent_id = pages.id)")
enum { DB_COLS_ENUM(ADM_PAGE_COLS, PE__END) };

/* The page (0 or 1 row); with lock, FOR UPDATE (inside a transaction). */
int db_adm_page_get(struct arena *a, long long id, int lock, struct db_res *res);

/* The columns a save writes (NULL: SQL NULL; parent 0: top level). */
struct adm_page {
	long long parent, sort_order, in_menu;
	const char *slug, *title, *title_en, *summary, *summary_en, *body, *body_en;
	const char *body_html, *body_en_html, *status, *publish_at;
	long long user_id;
};
/* The page a creating form's token made already: *id, or 0. */
int db_adm_page_by_token(struct arena *a, const char *token, long long *id);
/* Insert; *id the new page.  DB_DUP when the slug is taken among its
 * siblings or the token was used already. */
int db_adm_page_insert(struct arena *a, const struct adm_page *p,
                       const char *token, long long *id);
int db_adm_page_update(struct arena *a, long long id, const struct adm_page *p);
/* DB_REFERENCED while it has sub-pages. */
int db_adm_page_delete(struct arena *a, long long id);

#endif
