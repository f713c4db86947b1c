/*
 * db_comments.c - the SQL of reader comments (db_comments.h).  Writes
 * comments, comment_flags and news.comment_count, always inside the
 * caller's transaction; reads comment_blocklist and users for the digest.
 */
#include "comments/db_comments.h"

#include <stdio.h>
#include <string.h>

/* ---- posting ----------------------------------------------------------------- */

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO comments (news_id, request_id, parent_id, status, official, user_id,"
    " author_name, email, body, lang, ip, body_hash, form_token, published_at, digested)"
    " VALUES (?, ?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, ?, ?, ?, INET6_ATON(?), ?, ?,"
    " IF(? = 'approved', NOW(), NULL), ?)");

int db_comment_insert(struct arena *a, const struct comment_new *c, long long *id)
{
	struct db_res res;
	/* news_id and request_id: the target's id in its column, NULL in the
	 * other ('s' with NULL binds SQL NULL). */
	char tid[24];
	snprintf(tid, sizeof(tid), "%lld", c->target_id);
	int rc = db_run(a, &st_insert, &res, "ssisiisssssbssi",
	                c->target == CT_NEWS ? tid : NULL,
	                c->target == CT_REQUEST ? tid : NULL,
	                c->parent_id, c->status, (long long)(c->official != 0),
	                c->user_id, c->name, c->email, c->body, c->lang, c->ip,
	                (const char *)c->hash, (size_t)32, c->token, c->status,
	                (long long)(c->official != 0));
	if (rc != DB_OK)
		return rc;
	*id = (long long)res.insert_id;
	if (c->target == CT_NEWS && strcmp(c->status, "approved") == 0)
		rc = db_comment_recount(a, c->target_id);
	return rc;
}

#define SEL_COMMENT "SELECT " DB_COLUMNS(COMMENT_COLS) " FROM comments c"

static struct db_stmt st_by_token = DB_READ(
    SEL_COMMENT " WHERE c.form_token = ?", DB_NCOLS(COMMENT_COLS));
static struct db_stmt st_get = DB_READ(
    SEL_COMMENT " WHERE c.id = ?", DB_NCOLS(COMMENT_COLS));

int db_comment_by_token(struct arena *a, const char *token, struct db_res *res)
{
	return db_run(a, &st_by_token, res, "s", token);
}

int db_comment_get(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_get, res, "i", id);
}

static struct db_stmt st_place = DB_READ(
    "SELECT " DB_COLUMNS(PLACE_COLS) " FROM comments c"
    " LEFT JOIN news n ON n.id = c.news_id LEFT JOIN requests r ON r.id = c.request_id"
    " WHERE c.id = ?", DB_NCOLS(PLACE_COLS));

int db_comment_place(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_place, res, "i", id);
}

/* ---- the thread ---------------------------------------------------------------- */

/* The statements of each target, written once for both columns: the
 * equalities on (target, status, parent_id) of index comments_news /
 * comments_request leave the rows in id order, so a page reads limit+1
 * index entries whatever the thread's length. */
#define PAGE_SQL(col, cmp, order)                                           \
	SEL_COMMENT " WHERE c." col " = ? AND c.status = 'approved'"        \
	" AND c.parent_id IS NULL AND c.id " cmp " ? ORDER BY c.id " order " LIMIT ?"
#define REPLIES_SQL(col)                                                    \
	SEL_COMMENT " WHERE c." col " = ? AND c.status = 'approved'"        \
	" AND c.parent_id BETWEEN ? AND ? ORDER BY c.parent_id, c.id LIMIT ?"
/* What a reader can see: published, not deleted, and a reply only under
 * a published comment (a comment hidden by flags hides its replies). */
#define COUNT_SQL(col) \
	"SELECT COUNT(*) FROM comments c LEFT JOIN comments p ON p.id = c.parent_id" \
	" WHERE c." col " = ? AND c.status = 'approved' AND c.deleted_at IS NULL" \
	" AND (c.parent_id IS NULL OR p.status = 'approved')"

static struct db_stmt st_page_after[CT__MAX] = {
	DB_READ(PAGE_SQL("news_id", ">", "ASC"), DB_NCOLS(COMMENT_COLS)),
	DB_READ(PAGE_SQL("request_id", ">", "ASC"), DB_NCOLS(COMMENT_COLS)),
};
static struct db_stmt st_page_before[CT__MAX] = {
	DB_READ(PAGE_SQL("news_id", "<", "DESC"), DB_NCOLS(COMMENT_COLS)),
	DB_READ(PAGE_SQL("request_id", "<", "DESC"), DB_NCOLS(COMMENT_COLS)),
};
static struct db_stmt st_replies[CT__MAX] = {
	DB_READ(REPLIES_SQL("news_id"), DB_NCOLS(COMMENT_COLS)),
	DB_READ(REPLIES_SQL("request_id"), DB_NCOLS(COMMENT_COLS)),
};
static struct db_stmt st_count[CT__MAX] = {
	DB_READ(COUNT_SQL("news_id"), 1),
	DB_READ(COUNT_SQL("request_id"), 1),
};

int db_comments_page(struct arena *a, enum ctarget t, long long target_id,
                     char dir, long long after, long long limit, struct db_res *res)
{
	struct db_stmt *st = dir == 'b' ? &st_page_before[t] : &st_page_after[t];
	return db_run(a, st, res, "iii", target_id, after, limit);
}

int db_comments_replies(struct arena *a, enum ctarget t, long long target_id,
                        long long first, long long last, long long limit,
                        struct db_res *res)
{
	return db_run(a, &st_replies[t], res, "iiii", target_id, first, last, limit);
}

int db_comments_count(struct arena *a, enum ctarget t, long long target_id,
                      long long *n)
{
	struct db_res res;
	int rc = db_run(a, &st_count[t], &res, "i", target_id);
	if (rc == DB_OK)
		*n = res.nrows ? db_ll(&res, 0, 0) : 0;
	return rc;
}

/* ---- spam checks ------------------------------------------------------------------- */

/* Counted only as far as the limit: an address far past it costs no more. */
static struct db_stmt st_recent = DB_READ(
    "SELECT COUNT(*) FROM (SELECT 1 FROM comments WHERE ip = INET6_ATON(?)"
    " AND created_at > NOW() - INTERVAL 10 MINUTE LIMIT ?) r", 1);
/* Two probes of index comments_hash, each stopping at its first row. */
static struct db_stmt st_repeat[CT__MAX] = {
	DB_READ("SELECT EXISTS (SELECT 1 FROM comments WHERE body_hash = ?"
	        " AND created_at > NOW() - INTERVAL 1 DAY"
	        " AND (ip = INET6_ATON(?) OR news_id = ?))", 1),
	DB_READ("SELECT EXISTS (SELECT 1 FROM comments WHERE body_hash = ?"
	        " AND created_at > NOW() - INTERVAL 1 DAY"
	        " AND (ip = INET6_ATON(?) OR request_id = ?))", 1),
};

int db_comments_recent(struct arena *a, const char *ip, size_t limit, long long *recent)
{
	struct db_res res;
	*recent = 0;
	if (ip == NULL)
		return DB_OK;
	int rc = db_run(a, &st_recent, &res, "su", ip, (unsigned long long)limit);
	if (rc == DB_OK && res.nrows)
		*recent = db_ll(&res, 0, 0);
	return rc;
}

int db_comments_repeat(struct arena *a, const unsigned char *hash, const char *ip,
                       enum ctarget t, long long target_id, int *repeat)
{
	struct db_res res;
	int rc = db_run(a, &st_repeat[t], &res, "bsi", (const char *)hash, (size_t)32,
	                ip, target_id);
	*repeat = rc == DB_OK && res.nrows && db_ll(&res, 0, 0) != 0;
	return rc;
}

static struct db_stmt st_blocklist = DB_READ(
    "SELECT " DB_COLUMNS(BL_COLS) " FROM comment_blocklist ORDER BY id LIMIT 1000",
    DB_NCOLS(BL_COLS));

int db_comments_blocklist(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_blocklist, res, "");
}

/* ---- status ----------------------------------------------------------------------- */

static struct db_stmt st_moderate = DB_WRITE(
    "UPDATE comments SET status = ?, moderated_at = NOW(), moderated_by = NULLIF(?, 0),"
    " published_at = IF(? = 'approved', COALESCE(published_at, NOW()), published_at),"
    " hidden_by_flags = IF(? = 0, hidden_by_flags, 0),"
    " digested = IF(? = 'pending', digested, 1)"
    " WHERE id = ?");
static struct db_stmt st_news_of = DB_READ(
    "SELECT news_id FROM comments WHERE id = ?", 1);
static struct db_stmt st_recount = DB_WRITE(
    "UPDATE news SET comment_count = (" COUNT_SQL("news_id") "), updated_at = updated_at"
    " WHERE id = ?");

int db_comment_recount(struct arena *a, long long news_id)
{
	return db_run(a, &st_recount, NULL, "ii", news_id, news_id);
}

/* Recount the news item of comment id, if it is on one. */
static int recount_of(struct arena *a, long long id)
{
	struct db_res res;
	int rc = db_run(a, &st_news_of, &res, "i", id);
	if (rc != DB_OK || res.nrows == 0 || db_str(&res, 0, 0) == NULL)
		return rc;
	return db_comment_recount(a, db_ll(&res, 0, 0));
}

int db_comment_moderate(struct arena *a, long long id, const char *status,
                        long long user_id, unsigned long long *affected)
{
	struct db_res res;
	int rc = db_run(a, &st_moderate, &res, "sisisi", status, user_id, status,
	                user_id, status, id);
	if (rc != DB_OK)
		return rc;
	*affected = res.affected;
	return recount_of(a, id);
}

/* ---- readers' flags --------------------------------------------------------------- */

static struct db_stmt st_flag = DB_WRITE(
    "INSERT IGNORE INTO comment_flags (comment_id, reason, ip) VALUES (?, ?, INET6_ATON(?))");
static struct db_stmt st_flag_count = DB_WRITE(
    "UPDATE comments SET flag_count = flag_count + 1,"
    " hidden_by_flags = IF(flag_count >= ? AND status = 'approved', 1, hidden_by_flags),"
    " digested = IF(flag_count >= ? AND status = 'approved', 0, digested),"
    " status = IF(flag_count >= ? AND status = 'approved', 'pending', status)"
    " WHERE id = ? AND official = 0");
static struct db_stmt st_flag_state = DB_WRITE(
    "SELECT status, hidden_by_flags FROM comments WHERE id = ? FOR UPDATE");

int db_comment_flag(struct arena *a, long long id, const char *reason, const char *ip,
                    long long limit, int *counted, int *hidden)
{
	struct db_res res;
	*counted = *hidden = 0;
	int rc = db_run(a, &st_flag_state, &res, "i", id);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	int was_hidden = db_ll(&res, 0, 1) != 0;
	rc = db_run(a, &st_flag, &res, "iss", id, reason, ip);
	if (rc != DB_OK || res.affected == 0)
		return rc;
	*counted = 1;
	/* MariaDB assigns left to right: flag_count is already the new count
	 * when the later expressions read it. */
	rc = db_run(a, &st_flag_count, NULL, "iiii", limit, limit, limit, id);
	if (rc == DB_OK)
		rc = db_run(a, &st_flag_state, &res, "i", id);
	if (rc != DB_OK)
		return rc;
	*hidden = !was_hidden && res.nrows && db_ll(&res, 0, 1) != 0;
	return *hidden ? recount_of(a, id) : DB_OK;
}

/* ---- the author's deletion ---------------------------------------------------------- */

static struct db_stmt st_has_replies = DB_WRITE(
    "SELECT EXISTS (SELECT 1 FROM comments WHERE parent_id = ? AND status = 'approved')");
static struct db_stmt st_erase = DB_WRITE(
    "UPDATE comments SET author_name = '', body = '', email = NULL, ip = NULL,"
    " status = IF(? = 1 AND status = 'approved', 'approved', 'deleted'),"
    " deleted_at = IF(? = 1 AND status = 'approved', NOW(), NULL)"
    " WHERE id = ?");
static struct db_stmt st_erase_flags = DB_WRITE(
    "UPDATE comment_flags SET ip = NULL WHERE comment_id = ?");

int db_comment_delete_by_author(struct arena *a, long long id)
{
	struct db_res res;
	int rc = db_run(a, &st_has_replies, &res, "i", id);
	if (rc != DB_OK)
		return rc;
	long long keep = res.nrows && db_ll(&res, 0, 0) != 0;
	/* status is assigned before deleted_at reads it: the IF of
	 * deleted_at sees the new status, which is 'approved' only when kept. */
	rc = db_run(a, &st_erase, NULL, "iii", keep, keep, id);
	if (rc == DB_OK)
		rc = db_run(a, &st_erase_flags, NULL, "i", id);
	if (rc == DB_OK)
		rc = recount_of(a, id);
	return rc;
}

/* ---- retention -------------------------------------------------------------------------- */

static struct db_stmt st_purge = DB_WRITE(
    "UPDATE comments SET ip = NULL WHERE created_at < NOW() - INTERVAL ? DAY"
    " AND ip IS NOT NULL LIMIT 5000");
static struct db_stmt st_purge_flags = DB_WRITE(
    "UPDATE comment_flags SET ip = NULL WHERE created_at < NOW() - INTERVAL ? DAY"
    " AND ip IS NOT NULL LIMIT 5000");

int db_comments_purge_ips(struct arena *a, long long days, unsigned long long *n)
{
	struct db_stmt *sts[] = { &st_purge, &st_purge_flags };
	*n = 0;
	for (size_t i = 0; i < 2; i++) {
		struct db_res res;
		do {
			int rc = db_run(a, sts[i], &res, "i", days);
			if (rc != DB_OK)
				return rc;
			*n += res.affected;
		} while (res.affected == 5000);
	}
	return DB_OK;
}

/* ---- the moderators' digest ---------------------------------------------------------------- */

static struct db_stmt st_digest = DB_READ(
    "SELECT " DB_COLUMNS(DG_COLS) " FROM comments c"
    " LEFT JOIN news n ON n.id = c.news_id LEFT JOIN requests r ON r.id = c.request_id"
    " WHERE c.digested = 0 AND c.status IN ('pending', 'approved') AND c.official = 0"
    " ORDER BY c.id LIMIT ?", DB_NCOLS(DG_COLS));
static struct db_stmt st_digested = DB_WRITE(
    "UPDATE comments SET digested = 1 WHERE digested = 0 AND id <= ?");
static struct db_stmt st_moderators = DB_READ(
    "SELECT " DB_COLUMNS(MOD_COLS) " FROM users u"
    " WHERE u.active = 1 AND u.email <> '' AND EXISTS (SELECT 1 FROM user_roles ur"
    "  WHERE ur.user_id = u.id AND (ur.role = 'moderator' OR (ur.role = 'admin'"
    "   AND NOT EXISTS (SELECT 1 FROM user_roles m JOIN users mu ON mu.id = m.user_id"
    "    WHERE m.role = 'moderator' AND mu.active = 1 AND mu.email <> ''))))"
    " ORDER BY u.id LIMIT 100", DB_NCOLS(MOD_COLS));

int db_comments_digest(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &st_digest, res, "i", limit);
}

int db_comments_digested(struct arena *a, long long upto)
{
	return db_run(a, &st_digested, NULL, "i", upto);
}

int db_comments_moderators(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_moderators, res, "");
}
