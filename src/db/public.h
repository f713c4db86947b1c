/*
 * public.h - what "visible to the public" means, written once as SQL for
 * every query that shows something to residents (db_news.c, db_feed.c,
 * db_search.c, db_events.c, db_pages.c):
 *
 *   news    status 'published' and a publication time that has come;
 *   events  status 'published' and no publication time still to come
 *           (publish_at NULL or past: migration 0006);
 *   pages   the same, and so is every ancestor (a draft or scheduled
 *           section hides its subtree), at most PAGE_DEPTH_MAX levels
 *           deep - the deepest path the router accepts (routes.def's PAGE
 *           line).
 *
 * The table alias is an argument: SQL_NEWS_PUBLIC("n").
 */
#ifndef AGORA_DB_PUBLIC_H
#define AGORA_DB_PUBLIC_H

#define SQL_NEWS_PUBLIC(t) t ".status = 'published' AND " t ".published_at <= NOW()"
#define SQL_EVENT_PUBLIC(t) t ".status = 'published' AND (" t ".publish_at IS NULL OR " \
	t ".publish_at <= NOW())"
#define SQL_PAGE_PUBLIC(t) t ".status = 'published' AND (" t ".publish_at IS NULL OR " \
	t ".publish_at <= NOW())"

/* When a page or event last changed for the public: a scheduled one may
 * have been saved before it appeared (the sitemap's lastmod). */
#define SQL_SHOWN_UPDATED(t) "GREATEST(" t ".updated_at, COALESCE(" t ".publish_at, " \
	t ".updated_at))"

#define PAGE_DEPTH_MAX 8
#define SQL_STR_(x) #x
#define SQL_STR(x) SQL_STR_(x)

/*
 * page_tree (id, path, updated, depth): every public page with its path,
 * the slugs of its ancestors and its own joined by '/' ("o-dimos/dimarchos",
 * without "/p/").  Put it first in a statement ("SQL_PAGE_TREE SELECT ...")
 * and join page_tree.  The anchor's path is cast wide: a recursive CTE's
 * column types come from the anchor, and a VARCHAR(100) would cut longer
 * paths short.  The depth limit also ends any cycle a bad edit could make.
 */
#define SQL_PAGE_TREE                                                        \
	"WITH RECURSIVE page_tree (id, path, updated, depth) AS ("            \
	" SELECT id, CAST(slug AS CHAR(1000)), " SQL_SHOWN_UPDATED("pages")   \
	", 1 FROM pages"                                                      \
	" WHERE parent_id IS NULL AND " SQL_PAGE_PUBLIC("pages")             \
	" UNION ALL"                                                          \
	" SELECT p.id, CONCAT(t.path, '/', p.slug), " SQL_SHOWN_UPDATED("p")  \
	", t.depth + 1"                                                       \
	" FROM pages p JOIN page_tree t ON p.parent_id = t.id"               \
	" WHERE " SQL_PAGE_PUBLIC("p") " AND t.depth < " SQL_STR(PAGE_DEPTH_MAX) ") "

/* A DATETIME as "YYYY-MM-DD HH:MM:SS" text, the form every page reads. */
#define SQL_DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i:%s')"

#endif
