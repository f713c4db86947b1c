/*
 * db_follow.c - the SQL of following requests and of the update mails
 * (db_follow.h).  The follow statements run inside follow.c's transaction;
 * the follower's row is locked first, so two forms for one address at once
 * make one row and one mail.
 */
#include "requests/db_follow.h"

static struct db_stmt st_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(FOLLOW_ROW_COLS) " FROM request_followers"
    " WHERE request_id = ? AND email = ? FOR UPDATE");
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO request_followers (request_id, email, lang, token, form_token, mailed_at)"
    " VALUES (?, ?, ?, ?, ?, NOW())");
static struct db_stmt st_touch = DB_WRITE(
    "UPDATE request_followers SET lang = ?, form_token = ?,"
    " mailed_at = IF(? = 1, NOW(), mailed_at) WHERE id = ?");
static struct db_stmt st_by_token = DB_READ(
    "SELECT " DB_COLUMNS(FOLLOW_BY_TOKEN_COLS) " FROM request_followers f"
    " JOIN requests r ON r.id = f.request_id"
    " JOIN request_categories c ON c.id = r.category_id WHERE f.token = ?",
    DB_NCOLS(FOLLOW_BY_TOKEN_COLS));
static struct db_stmt st_confirm = DB_WRITE(
    "UPDATE request_followers SET confirmed_at = COALESCE(confirmed_at, NOW())"
    " WHERE id = ?");
static struct db_stmt st_delete = DB_WRITE(
    "DELETE FROM request_followers WHERE id = ?");

int db_follow_lock(struct arena *a, long long request_id, const char *email,
                   struct db_res *res)
{
	return db_run(a, &st_lock, res, "is", request_id, email);
}

int db_follow_insert(struct arena *a, long long request_id, const char *email,
                     const char *lang, const char *token, const char *form_token)
{
	return db_run(a, &st_insert, NULL, "issss", request_id, email, lang, token,
	              form_token);
}

int db_follow_touch(struct arena *a, long long id, const char *lang,
                    const char *form_token, int mailed)
{
	return db_run(a, &st_touch, NULL, "ssii", lang, form_token, (long long)mailed, id);
}

int db_follow_by_token(struct arena *a, const char *token, struct db_res *res)
{
	return db_run(a, &st_by_token, res, "s", token);
}

int db_follow_confirm(struct arena *a, long long id)
{
	return db_run(a, &st_confirm, NULL, "i", id);
}

int db_follow_delete(struct arena *a, long long id)
{
	return db_run(a, &st_delete, NULL, "i", id);
}

static struct db_stmt st_notify_request = DB_READ(
    "SELECT " DB_COLUMNS(NOTIFY_REQ_COLS) " FROM requests r"
    " JOIN request_categories c ON c.id = r.category_id WHERE r.id = ?",
    DB_NCOLS(NOTIFY_REQ_COLS));
static struct db_stmt st_notify_event = DB_READ(
    "SELECT " DB_COLUMNS(NOTIFY_EVENT_COLS) " FROM request_events"
    " WHERE id = ? AND request_id = ?", DB_NCOLS(NOTIFY_EVENT_COLS));
static struct db_stmt st_notify_followers = DB_READ(
    "SELECT " DB_COLUMNS(NOTIFY_FOLLOWER_COLS) " FROM request_followers"
    " FORCE INDEX (request_followers_email)"
    " WHERE request_id = ? AND email > ? AND confirmed_at IS NOT NULL"
    " ORDER BY email LIMIT ?", DB_NCOLS(NOTIFY_FOLLOWER_COLS));

int db_notify_request(struct arena *a, long long request_id, struct db_res *res)
{
	return db_run(a, &st_notify_request, res, "i", request_id);
}

int db_notify_event(struct arena *a, long long request_id, long long event_id,
                    struct db_res *res)
{
	return db_run(a, &st_notify_event, res, "ii", event_id, request_id);
}

int db_notify_followers(struct arena *a, long long request_id, const char *after,
                        long long limit, struct db_res *res)
{
	return db_run(a, &st_notify_followers, res, "isi", request_id, after, limit);
}
