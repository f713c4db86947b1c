/*
 * db_comments.h - the SQL of reader comments (migration 0015): posting,
 * the public thread, readers' flags, the author's deletion, and the one
 * place a comment's status changes (db_comment_moderate), which keeps
 * news.comment_count true in the same transaction.  The staff queue's
 * own queries are in admin/db_comments_admin.h.
 *
 * A comment belongs to a target: a news item or a citizens' request.
 * Statements that name the target come in two variants (enum ctarget),
 * so that each uses its own index, comments_news or comments_request.
 */
#ifndef AGORA_DB_COMMENTS_H
#define AGORA_DB_COMMENTS_H

#include "db/db.h"
#include "db/public.h"

enum ctarget { CT_NEWS, CT_REQUEST, CT__MAX };

/* A comment as the public thread shows it (db_comments_page,
 * db_comments_replies, db_comment_get). */
#define COMMENT_COLS(X)                                                     \
	X(CM_ID, "c.id") X(CM_PARENT, "c.parent_id")                        \
	X(CM_NAME, "c.author_name") X(CM_BODY, "c.body")                    \
	X(CM_OFFICIAL, "c.official") X(CM_LINKS, "c.links_allowed")         \
	X(CM_AT, SQL_DT("COALESCE(c.published_at, c.created_at)"))          \
	X(CM_EDITED, SQL_DT("c.edited_at")) X(CM_DELETED, SQL_DT("c.deleted_at")) \
	X(CM_STATUS, "c.status") X(CM_ANSWER_EVENT, "c.answer_event")       \
	X(CM_NEWS, "c.news_id") X(CM_REQUEST, "c.request_id")              \
	X(CM_LANG, "c.lang")
enum { DB_COLS_ENUM(COMMENT_COLS, CM__END) };

/* What a new comment is. */
struct comment_new {
	enum ctarget target;
	long long target_id;
	long long parent_id;     /* 0: top level */
	const char *status;      /* "pending" or "approved" */
	int official;            /* staff's answer (user_id) */
	long long user_id;       /* 0: a reader */
	const char *name, *email; /* email NULL for staff */
	const char *body;
	const char *lang;        /* "el", "en" */
	const char *ip;          /* REMOTE_ADDR as text, or NULL */
	const unsigned char *hash; /* 32 bytes: comments_hash() */
	const char *token;       /* the form's one-time token, or NULL */
};

/* Insert c inside the caller's transaction; *id the new comment.  DB_DUP
 * when its token was used already (the form was sent before).  An
 * approved comment is counted (news.comment_count). */
int db_comment_insert(struct arena *a, const struct comment_new *c, long long *id);

/* The comment whose form had this token: 0 or 1 rows of COMMENT_COLS
 * (the answer to a form sent again). */
int db_comment_by_token(struct arena *a, const char *token, struct db_res *res);

/* One comment by id, any status: 0 or 1 rows of COMMENT_COLS. */
int db_comment_get(struct arena *a, long long id, struct db_res *res);

/* One page of the published top-level comments of a target, in order:
 * after id `after` (dir 'a', oldest first; after 0 = from the start) or
 * before it (dir 'b', newest first - the caller reverses).  limit+1 rows
 * tell whether there is more. */
int db_comments_page(struct arena *a, enum ctarget t, long long target_id,
                     char dir, long long after, long long limit, struct db_res *res);
/* The published replies to the top-level comments with ids first..last
 * of a target (a page of db_comments_page), by parent then id; at most
 * limit. */
int db_comments_replies(struct arena *a, enum ctarget t, long long target_id,
                        long long first, long long last, long long limit,
                        struct db_res *res);
/* Where comment id is (PLACE_COLS): its news item's id, slug and title,
 * or its request's code; 0 or 1 rows. */
#define PLACE_COLS(X) X(PL_NEWS, "n.id") X(PL_SLUG, "n.slug") X(PL_TITLE, "n.title") \
	X(PL_TITLE_EN, "n.title_en") X(PL_CODE, "r.code")
enum { DB_COLS_ENUM(PLACE_COLS, PL__END) };
int db_comment_place(struct arena *a, long long id, struct db_res *res);

/* The number of published comments of a request (news items keep theirs
 * in news.comment_count). */
int db_comments_count(struct arena *a, enum ctarget t, long long target_id,
                      long long *n);

/* The spam checks that need the database: the comments from address ip
 * in the last 10 minutes, counted up to limit (*recent), and whether the
 * same text (hash) was posted in the last day from this address or on
 * this target (*repeat). */
int db_comments_recent(struct arena *a, const char *ip, size_t limit, long long *recent);
int db_comments_repeat(struct arena *a, const unsigned char *hash, const char *ip,
                       enum ctarget t, long long target_id, int *repeat);

/* The moderators' blocklist (BL_COLS), every pattern. */
#define BL_COLS(X) X(BL_ID, "id") X(BL_PATTERN, "pattern") X(BL_NOTE, "note") \
	X(BL_CREATED, SQL_DT("created_at"))
enum { DB_COLS_ENUM(BL_COLS, BL__END) };
int db_comments_blocklist(struct arena *a, struct db_res *res);

/*
 * The one place a comment's status changes, inside the caller's
 * transaction: status ("approved", "pending", "rejected", "spam"), the
 * moderator (user_id, 0 for none: the flags' auto-hide), published_at
 * at the first approval, hidden_by_flags cleared by a moderator's
 * decision; then the item's news.comment_count recounted.  *affected 0
 * when there is no such comment.
 */
int db_comment_moderate(struct arena *a, long long id, const char *status,
                        long long user_id, unsigned long long *affected);
/* Recount news item news_id's published comments (news.comment_count). */
int db_comment_recount(struct arena *a, long long news_id);

/* A reader's flag on comment id (published, not official) from ip, in
 * the caller's transaction: *counted 1 when it is this address's first
 * flag on it, and *hidden 1 when it reached limit and the comment went
 * back to the moderators (status pending, hidden_by_flags). */
int db_comment_flag(struct arena *a, long long id, const char *reason, const char *ip,
                    long long limit, int *counted, int *hidden);

/* The author's deletion (the signed link), in the caller's transaction:
 * name, text, e-mail and address erased; a comment with published replies
 * stays as "deleted by its author" (deleted_at) so they keep their place,
 * any other becomes status 'deleted'.  The item is recounted. */
int db_comment_delete_by_author(struct arena *a, long long id);

/* Erase the addresses older than days (comments and flags), in batches;
 * *n the rows changed. */
int db_comments_purge_ips(struct arena *a, long long days, unsigned long long *n);

/* What waits for the moderators' digest: pending comments and
 * post-moderated ones not yet in a digest (DG_COLS), oldest first, at most
 * limit; db_comments_digested marks those up to id as sent. */
#define DG_COLS(X) X(DG_ID, "c.id") X(DG_NAME, "c.author_name")              \
	X(DG_BODY, "LEFT(c.body, 200)") X(DG_STATUS, "c.status")            \
	X(DG_FLAGGED, "c.hidden_by_flags") X(DG_AT, SQL_DT("c.created_at"))  \
	X(DG_WHERE, "COALESCE(n.title, r.code)")
enum { DB_COLS_ENUM(DG_COLS, DG__END) };
int db_comments_digest(struct arena *a, long long limit, struct db_res *res);
int db_comments_digested(struct arena *a, long long upto);
/* The moderators' addresses (active users with the role moderator, or
 * admin when there is no moderator): MOD_COLS. */
#define MOD_COLS(X) X(MOD_EMAIL, "u.email") X(MOD_NAME, "u.display_name")
enum { DB_COLS_ENUM(MOD_COLS, MOD__END) };
int db_comments_moderators(struct arena *a, struct db_res *res);

#endif
