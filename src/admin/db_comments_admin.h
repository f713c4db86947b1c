/*
 * db_comments_admin.h - the SQL of the moderators' pages of reader
 * comments (/admin/comments, admin/comments.c): the queue (one keyset page
 * at a time, newest first), one comment with everything about it (the
 * commenter's e-mail and address included: moderators only), its flags,
 * edits and replies, a moderator's edit, linking an official answer to a
 * request's history row, the blocklist's writes, the categories'
 * moderation mode and an article's closing.  May touch comments (text,
 * answer_event), comment_edits, comment_blocklist, categories
 * (comment_moderation), news (comments_closed) and request_events
 * (comment_id), always inside the caller's transaction for writes.  A
 * comment's status changes only through db_comment_moderate
 * (comments/db_comments.h), which keeps news.comment_count true.
 */
#ifndef AGORA_ADMIN_DB_COMMENTS_ADMIN_H
#define AGORA_ADMIN_DB_COMMENTS_ADMIN_H

#include "db/db.h"
#include "db/public.h"

/* What the queue is narrowed to.  Each uses its own index: comments_status
 * (status, id) for every comment, comments_news / comments_request for one
 * target's (news_id or request_id, status, ...). */
enum cma_target { CMA_ALL, CMA_NEWS, CMA_REQUEST, CMA__MAX };

struct cma_filter {
	const char *status;     /* pending, approved, rejected, spam, deleted */
	int flagged;            /* only those hidden by readers' flags */
	int official;           /* 1: official replies too */
	enum cma_target target;
	long long target_id;    /* news.id or requests.id */
	char dir;               /* 'b': ids below cursor, newest first;
	                         * 'a': ids above it, oldest first (the
	                         * caller reverses) */
	long long cursor;       /* 0 with 'b': the newest */
};

/* A row of the queue.  Never the e-mail or the address. */
#define CMA_Q_COLS(X)                                                        \
	X(CQ_ID, "c.id") X(CQ_NEWS, "c.news_id") X(CQ_REQUEST, "c.request_id") \
	X(CQ_PARENT, "c.parent_id") X(CQ_STATUS, "c.status")                 \
	X(CQ_OFFICIAL, "c.official") X(CQ_NAME, "c.author_name")             \
	X(CQ_EXCERPT, "LEFT(c.body, 200)") X(CQ_LONG, "CHAR_LENGTH(c.body) > 200") \
	X(CQ_AT, SQL_DT("c.created_at")) X(CQ_FLAGS, "c.flag_count")         \
	X(CQ_HIDDEN, "c.hidden_by_flags") X(CQ_DELETED, SQL_DT("c.deleted_at")) \
	X(CQ_TITLE, "n.title") X(CQ_TITLE_EN, "n.title_en") X(CQ_SLUG, "n.slug") \
	X(CQ_CODE, "r.code")
enum { DB_COLS_ENUM(CMA_Q_COLS, CQ__END) };

/* One page of the queue: at most limit rows of f, from its cursor on in
 * its direction.  Reads about limit index entries of the status (and
 * target), never the whole table; no OFFSET. */
int db_cma_queue(struct arena *a, const struct cma_filter *f, long long limit,
                 struct db_res *res);

/* One comment for the moderators: personal data included. */
#define CMA_ONE_COLS(X)                                                      \
	X(CO_ID, "c.id") X(CO_NEWS, "c.news_id") X(CO_REQUEST, "c.request_id") \
	X(CO_PARENT, "c.parent_id") X(CO_STATUS, "c.status")                 \
	X(CO_OFFICIAL, "c.official") X(CO_STAFF, "u.display_name")           \
	X(CO_NAME, "c.author_name") X(CO_EMAIL, "c.email") X(CO_BODY, "c.body") \
	X(CO_LINKS, "c.links_allowed") X(CO_LANG, "c.lang")                  \
	X(CO_IP, "INET6_NTOA(c.ip)") X(CO_FLAGS, "c.flag_count")             \
	X(CO_HIDDEN, "c.hidden_by_flags") X(CO_ANSWER, "c.answer_event")     \
	X(CO_CREATED, SQL_DT("c.created_at")) X(CO_PUBLISHED, SQL_DT("c.published_at")) \
	X(CO_MODERATED, SQL_DT("c.moderated_at")) X(CO_MODERATOR, "m.display_name") \
	X(CO_EDITED, SQL_DT("c.edited_at")) X(CO_DELETED, SQL_DT("c.deleted_at")) \
	X(CO_TITLE, "n.title") X(CO_TITLE_EN, "n.title_en") X(CO_SLUG, "n.slug") \
	X(CO_CLOSED, "n.comments_closed") X(CO_CODE, "r.code")
enum { DB_COLS_ENUM(CMA_ONE_COLS, CO__END) };

/* Comment id: 0 or 1 row of CMA_ONE_COLS.  With lock (inside a
 * transaction) the comment's own row is locked first (FOR UPDATE), so the
 * read sees it as the lock found it. */
int db_cma_get(struct arena *a, long long id, int lock, struct db_res *res);

#define CMA_FLAG_COLS(X) X(CF_REASON, "reason") X(CF_AT, SQL_DT("created_at"))
enum { DB_COLS_ENUM(CMA_FLAG_COLS, CF__END) };
/* Readers' flags on comment id, oldest first (at most 500; no address). */
int db_cma_flags(struct arena *a, long long id, struct db_res *res);

#define CMA_EDIT_COLS(X) X(CE_AT, SQL_DT("e.at")) X(CE_USER, "u.display_name") \
	X(CE_BEFORE, "e.body_before") X(CE_AFTER, "e.body_after")
enum { DB_COLS_ENUM(CMA_EDIT_COLS, CE__END) };
/* The moderators' edits of comment id, oldest first (at most 200). */
int db_cma_edits(struct arena *a, long long id, struct db_res *res);

#define CMA_REPLY_COLS(X) X(CR_ID, "id") X(CR_NAME, "author_name")           \
	X(CR_OFFICIAL, "official") X(CR_STATUS, "status") X(CR_AT, SQL_DT("created_at"))
enum { DB_COLS_ENUM(CMA_REPLY_COLS, CR__END) };
/* The replies to comment id, any status, oldest first (at most 100). */
int db_cma_replies(struct arena *a, long long id, struct db_res *res);

/* A moderator's edit of comment id, in the caller's transaction: the text
 * and links_allowed.  When the text changes, a comment_edits row keeps
 * before and after with the user, and edited_at is set.  body_hash stays
 * the hash of what the author sent: it is there to find the author's
 * repeats, which an edit does not make different. */
int db_cma_edit(struct arena *a, long long id, const char *before, const char *after,
                int links, long long user_id);

/* The public reply event (request_events) that answers comment id: sets
 * comments.answer_event and request_events.comment_id, in the caller's
 * transaction. */
int db_cma_answer(struct arena *a, long long id, long long event);
/* The public reply of request_events row event (NULL: none or no row), in
 * *reply. */
int db_cma_event_reply(struct arena *a, long long event, const char **reply);

/* The blocklist's writes (its list is db_comments_blocklist): add a
 * pattern (*id the new row); one row (BL_COLS of comments/db_comments.h,
 * 0 or 1 row); delete one (*affected 0 when there was none). */
int db_cma_bl_add(struct arena *a, const char *pattern, const char *note,
                  long long user_id, long long *id);
int db_cma_bl_get(struct arena *a, long long id, struct db_res *res);
int db_cma_bl_delete(struct arena *a, long long id, unsigned long long *affected);

/* The news categories with their moderation mode ('pre' or 'post'), in
 * their order. */
#define CMA_CAT_COLS(X) X(CC_ID, "id") X(CC_NAME, "name_el") X(CC_NAME_EN, "name_en") \
	X(CC_MODE, "comment_moderation")
enum { DB_COLS_ENUM(CMA_CAT_COLS, CC__END) };
int db_cma_categories(struct arena *a, struct db_res *res);
/* Category id's mode, in the caller's transaction. */
int db_cma_set_moderation(struct arena *a, long long id, const char *mode);

/* A news item as the closing form names it: 0 or 1 row. */
#define CMA_NEWS_COLS(X) X(CN_ID, "id") X(CN_TITLE, "title") X(CN_TITLE_EN, "title_en") \
	X(CN_SLUG, "slug") X(CN_CLOSED, "comments_closed")
enum { DB_COLS_ENUM(CMA_NEWS_COLS, CN__END) };
int db_cma_news(struct arena *a, long long id, struct db_res *res);
/* Close (1) or open (0) news item id's comments, in the caller's
 * transaction; its updated_at is kept (the text did not change). */
int db_cma_set_closed(struct arena *a, long long id, int closed);

#endif
