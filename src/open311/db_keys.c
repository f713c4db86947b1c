/*
 * db_keys.c - the Open311 keys' SQL (db_keys.h).  Touches api_keys and
 * api_key_hours; reads users (display names).
 */
#include "open311/db_keys.h"

#include "core/arena.h"

static struct db_stmt st_list = DB_READ(
    "SELECT " DB_COLUMNS(O311_KEY_COLS) " FROM api_keys k"
    " ORDER BY k.revoked_at IS NOT NULL, k.id DESC LIMIT 500", DB_NCOLS(O311_KEY_COLS));
static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(O311_KEY_COLS) " FROM api_keys k WHERE k.id = ?",
    DB_NCOLS(O311_KEY_COLS));
static struct db_stmt st_get_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(O311_KEY_COLS) " FROM api_keys k WHERE k.id = ? FOR UPDATE");
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO api_keys (name, contact, prefix, hash, per_hour, create_token, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)");
static struct db_stmt st_revoke = DB_WRITE(
    "UPDATE api_keys SET revoked_at = NOW(), revoked_by = ? WHERE id = ? AND revoked_at IS NULL");
static struct db_stmt st_find = DB_READ(
    "SELECT " DB_COLUMNS(O311_AUTH_COLS) " FROM api_keys WHERE hash = ? AND revoked_at IS NULL",
    DB_NCOLS(O311_AUTH_COLS));
static struct db_stmt st_hit = DB_WRITE(
    "INSERT INTO api_key_hours (key_id, hour, n)"
    " VALUES (?, DATE_FORMAT(NOW(), '%Y-%m-%d %H:00:00'), 1)"
    " ON DUPLICATE KEY UPDATE n = n + 1");
static struct db_stmt st_count = DB_WRITE(
    "SELECT n, NULL FROM api_key_hours"
    " WHERE key_id = ? AND hour = DATE_FORMAT(NOW(), '%Y-%m-%d %H:00:00')");
static struct db_stmt st_used = DB_WRITE(
    "UPDATE api_keys SET last_used_at = NOW() WHERE id = ?");
static struct db_stmt st_forget = DB_WRITE(
    "DELETE FROM api_key_hours WHERE key_id = ? AND hour < NOW() - INTERVAL 1 DAY");

int db_keys_list(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_list, res, "");
}

int db_keys_get(struct arena *a, long long id, int lock, struct db_res *res)
{
	return db_run(a, lock ? &st_get_lock : &st_get, res, "i", id);
}

int db_keys_insert(struct arena *a, const struct o311_key_new *k, long long *id)
{
	struct db_res r;
	*id = 0;
	int rc = db_run(a, &st_insert, &r, "sssbiss", k->name, k->contact, k->prefix,
	                (const char *)k->hash, (size_t)32, k->per_hour, k->token,
	                k->created_by ? arena_printf(a, "%lld", k->created_by) : NULL);
	if (rc == DB_OK)
		*id = (long long)r.insert_id;
	return rc;
}

int db_keys_revoke(struct arena *a, long long id, long long by, int *changed)
{
	struct db_res r;
	int rc = db_run(a, &st_revoke, &r, "ii", by, id);
	*changed = rc == DB_OK && r.affected == 1;
	return rc;
}

int db_keys_find(struct arena *a, const unsigned char hash[32], struct db_res *res)
{
	return db_run(a, &st_find, res, "b", (const char *)hash, (size_t)32);
}

int db_keys_hit(struct arena *a, long long id, long long *n)
{
	struct db_res r;
	int rc = db_run(a, &st_hit, NULL, "i", id);
	if (rc == DB_OK)
		rc = db_run(a, &st_count, &r, "i", id);
	*n = rc == DB_OK && r.nrows ? db_ll(&r, 0, 0) : 0;
	if (rc == DB_OK)
		rc = db_run(a, &st_used, NULL, "i", id);
	if (rc == DB_OK)
		rc = db_run(a, &st_forget, NULL, "i", id);
	return rc;
}
