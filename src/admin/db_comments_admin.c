/*
 * db_comments_admin.c - the moderators' SQL of reader comments
 * (db_comments_admin.h).  Writes comment_edits, comments' text and
 * answer_event, comment_blocklist, categories.comment_moderation,
 * news.comments_closed and request_events.comment_id, inside the caller's
 * transaction; never a comment's status (db_comment_moderate does that).
 *
 * The queue is one statement per (target, direction): the equality on
 * status (and target) and the range on id leave rows in id order in
 * index comments_status, so a page reads its own rows from the cursor on;
 * for one target the index is comments_news / comments_request, whose
 * rows of one status are that item's only (parent_id sits between status
 * and id there, so those few rows are sorted, not the table's).
 */
#include "admin/db_comments_admin.h"

#include <string.h>

#include "core/arena.h"

/* ---- the queue ------------------------------------------------------------ */

#define Q_SELECT                                                             \
	"SELECT " DB_COLUMNS(CMA_Q_COLS) " FROM comments c"                  \
	" LEFT JOIN news n ON n.id = c.news_id"                              \
	" LEFT JOIN requests r ON r.id = c.request_id WHERE "
#define Q_SQL(target, cmp, order)                                            \
	Q_SELECT target " c.status = ? AND (? = 0 OR c.hidden_by_flags = 1)"   \
	" AND (? <> 0 OR c.official = 0) AND c.id " cmp " ?"                  \
	" ORDER BY c.id " order " LIMIT ?"

static struct db_stmt st_queue_before[CMA__MAX] = {
	[CMA_ALL] = DB_READ(Q_SQL("", "<", "DESC"), DB_NCOLS(CMA_Q_COLS)),
	[CMA_NEWS] = DB_READ(Q_SQL("c.news_id = ? AND", "<", "DESC"), DB_NCOLS(CMA_Q_COLS)),
	[CMA_REQUEST] = DB_READ(Q_SQL("c.request_id = ? AND", "<", "DESC"),
	                        DB_NCOLS(CMA_Q_COLS)),
};
static struct db_stmt st_queue_after[CMA__MAX] = {
	[CMA_ALL] = DB_READ(Q_SQL("", ">", "ASC"), DB_NCOLS(CMA_Q_COLS)),
	[CMA_NEWS] = DB_READ(Q_SQL("c.news_id = ? AND", ">", "ASC"), DB_NCOLS(CMA_Q_COLS)),
	[CMA_REQUEST] = DB_READ(Q_SQL("c.request_id = ? AND", ">", "ASC"),
	                        DB_NCOLS(CMA_Q_COLS)),
};

int db_cma_queue(struct arena *a, const struct cma_filter *f, long long limit,
                 struct db_res *res)
{
	int after = f->dir == 'a';
	struct db_stmt *st = after ? &st_queue_after[f->target] : &st_queue_before[f->target];
	/* The first page: below the largest id there can be. */
	long long cur = !after && f->cursor == 0 ? 9223372036854775807LL : f->cursor;
	if (f->target == CMA_ALL)
		return db_run(a, st, res, "siiii", f->status, (long long)f->flagged,
		              (long long)f->official, cur, limit);
	return db_run(a, st, res, "isiiii", f->target_id, f->status, (long long)f->flagged,
	              (long long)f->official, cur, limit);
}

/* ---- one comment -------------------------------------------------------------- */

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(CMA_ONE_COLS) " FROM comments c"
    " LEFT JOIN users u ON u.id = c.user_id"
    " LEFT JOIN users m ON m.id = c.moderated_by"
    " LEFT JOIN news n ON n.id = c.news_id"
    " LEFT JOIN requests r ON r.id = c.request_id"
    " WHERE c.id = ?", DB_NCOLS(CMA_ONE_COLS));
/* The comment's own row only: FOR UPDATE on the joined SELECT would lock
 * the article, the request and the users too. */
static struct db_stmt st_lock = DB_WRITE(
    "SELECT c.id FROM comments c WHERE c.id = ? FOR UPDATE");

int db_cma_get(struct arena *a, long long id, int lock, struct db_res *res)
{
	if (lock) {
		int rc = db_run(a, &st_lock, res, "i", id);
		if (rc != DB_OK || res->nrows == 0)
			return rc;
	}
	return db_run(a, &st_get, res, "i", id);
}

/* comment_flags_once (comment_id, ip) and comment_edits_comment
 * (comment_id, id) find one comment's rows; comments_parent its replies. */
static struct db_stmt st_flags = DB_READ(
    "SELECT " DB_COLUMNS(CMA_FLAG_COLS) " FROM comment_flags WHERE comment_id = ?"
    " ORDER BY id LIMIT 500", DB_NCOLS(CMA_FLAG_COLS));
static struct db_stmt st_edits = DB_READ(
    "SELECT " DB_COLUMNS(CMA_EDIT_COLS) " FROM comment_edits e"
    " LEFT JOIN users u ON u.id = e.user_id WHERE e.comment_id = ?"
    " ORDER BY e.id LIMIT 200", DB_NCOLS(CMA_EDIT_COLS));
static struct db_stmt st_replies = DB_READ(
    "SELECT " DB_COLUMNS(CMA_REPLY_COLS) " FROM comments WHERE parent_id = ?"
    " ORDER BY id LIMIT 100", DB_NCOLS(CMA_REPLY_COLS));

int db_cma_flags(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_flags, res, "i", id);
}

int db_cma_edits(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_edits, res, "i", id);
}

int db_cma_replies(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_replies, res, "i", id);
}

/* ---- a moderator's edit ---------------------------------------------------------- */

static struct db_stmt st_edit_log = DB_WRITE(
    "INSERT INTO comment_edits (comment_id, user_id, body_before, body_after)"
    " VALUES (?, NULLIF(?, 0), ?, ?)");
static struct db_stmt st_edit = DB_WRITE(
    "UPDATE comments SET edited_at = IF(? <> 0, NOW(), edited_at),"
    " body = ?, links_allowed = ? WHERE id = ?");

int db_cma_edit(struct arena *a, long long id, const char *before, const char *after,
                int links, long long user_id)
{
	long long changed = strcmp(before, after) != 0;
	int rc = DB_OK;
	if (changed)
		rc = db_run(a, &st_edit_log, NULL, "iiss", id, user_id, before, after);
	if (rc == DB_OK)
		rc = db_run(a, &st_edit, NULL, "isii", changed, after, (long long)(links != 0), id);
	return rc;
}

/* ---- an official answer on a request ---------------------------------------------- */

static struct db_stmt st_answer = DB_WRITE(
    "UPDATE comments SET answer_event = ? WHERE id = ?");
static struct db_stmt st_event_comment = DB_WRITE(
    "UPDATE request_events SET comment_id = ? WHERE id = ?");
static struct db_stmt st_event_reply = DB_READ(
    "SELECT reply FROM request_events WHERE id = ?", 1);

int db_cma_answer(struct arena *a, long long id, long long event)
{
	int rc = db_run(a, &st_answer, NULL, "ii", event, id);
	if (rc == DB_OK)
		rc = db_run(a, &st_event_comment, NULL, "ii", id, event);
	return rc;
}

int db_cma_event_reply(struct arena *a, long long event, const char **reply)
{
	struct db_res res;
	int rc = db_run(a, &st_event_reply, &res, "i", event);
	*reply = rc == DB_OK && res.nrows ? db_str(&res, 0, 0) : NULL;
	return rc;
}

/* ---- the blocklist --------------------------------------------------------------- */

static struct db_stmt st_bl_add = DB_WRITE(
    "INSERT INTO comment_blocklist (pattern, note, created_by) VALUES (?, ?, NULLIF(?, 0))");
static struct db_stmt st_bl_get = DB_READ(
    "SELECT id, pattern, note, " SQL_DT("created_at") ", NULL FROM comment_blocklist"
    " WHERE id = ?", 5);
static struct db_stmt st_bl_delete = DB_WRITE(
    "DELETE FROM comment_blocklist WHERE id = ?");

int db_cma_bl_add(struct arena *a, const char *pattern, const char *note,
                  long long user_id, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_bl_add, &res, "ssi", pattern, note ? note : "", user_id);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	return rc;
}

int db_cma_bl_get(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_bl_get, res, "i", id);
}

int db_cma_bl_delete(struct arena *a, long long id, unsigned long long *affected)
{
	struct db_res res;
	int rc = db_run(a, &st_bl_delete, &res, "i", id);
	*affected = rc == DB_OK ? res.affected : 0;
	return rc;
}

/* ---- settings -------------------------------------------------------------------------- */

static struct db_stmt st_cats = DB_READ(
    "SELECT " DB_COLUMNS(CMA_CAT_COLS) " FROM categories ORDER BY sort_order, id LIMIT 200",
    DB_NCOLS(CMA_CAT_COLS));
static struct db_stmt st_set_mode = DB_WRITE(
    "UPDATE categories SET comment_moderation = ? WHERE id = ?");
static struct db_stmt st_news = DB_READ(
    "SELECT " DB_COLUMNS(CMA_NEWS_COLS) " FROM news WHERE id = ?", DB_NCOLS(CMA_NEWS_COLS));
static struct db_stmt st_set_closed = DB_WRITE(
    "UPDATE news SET comments_closed = ?, updated_at = updated_at WHERE id = ?");

int db_cma_categories(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_cats, res, "");
}

int db_cma_set_moderation(struct arena *a, long long id, const char *mode)
{
	return db_run(a, &st_set_mode, NULL, "si", mode, id);
}

int db_cma_news(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_news, res, "i", id);
}

int db_cma_set_closed(struct arena *a, long long id, int closed)
{
	return db_run(a, &st_set_closed, NULL, "ii", (long long)(closed != 0), id);
}
