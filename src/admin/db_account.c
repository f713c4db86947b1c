/*
 * db_account.c - the SQL of one's own account (db_account.h).
 */
#include "admin/db_account.h"

static struct db_stmt st_pending = DB_WRITE(
    "UPDATE users SET totp_pending = ? WHERE id = ?");
static struct db_stmt st_confirm = DB_WRITE(
    "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL,"
    " totp_last_step = ? WHERE id = ? AND totp_pending IS NOT NULL");
static struct db_stmt st_recovery_clear = DB_WRITE(
    "DELETE FROM recovery_codes WHERE user_id = ?");
static struct db_stmt st_recovery_add = DB_WRITE(
    "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)");
static struct db_stmt st_recovery_left = DB_READ(
    "SELECT COUNT(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL", 1);
static struct db_stmt st_password = DB_WRITE(
    "UPDATE users SET password_hash = ?, must_change = 0,"
    " password_changed_at = NOW() WHERE id = ?");
static struct db_stmt st_sessions = DB_READ(
    "SELECT " DB_COLUMNS(MYSESSION_COLS) " FROM sessions WHERE user_id = ?"
    " AND created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " AND last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " ORDER BY last_seen_at DESC LIMIT 50", DB_NCOLS(MYSESSION_COLS));

int db_totp_set_pending(struct arena *a, long long id, const unsigned char *secret,
                        size_t len)
{
	return db_run(a, &st_pending, NULL, "bi", (const char *)secret, len, id);
}

int db_totp_confirm(struct arena *a, long long id, long long step)
{
	struct db_res res;
	int rc = db_run(a, &st_confirm, &res, "ii", step, id);
	return rc == DB_OK && res.affected != 1 ? DB_ERR : rc;
}

int db_recovery_replace(struct arena *a, long long id,
                        const unsigned char (*hashes)[32], size_t n)
{
	int rc = db_run(a, &st_recovery_clear, NULL, "i", id);
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = db_run(a, &st_recovery_add, NULL, "ib", id,
		            (const char *)hashes[i], (size_t)32);
	return rc;
}

int db_recovery_left(struct arena *a, long long id, long long *n)
{
	struct db_res res;
	int rc = db_run(a, &st_recovery_left, &res, "i", id);
	*n = rc == DB_OK && res.nrows ? db_ll(&res, 0, 0) : 0;
	return rc;
}

int db_password_set(struct arena *a, long long id, const char *hash)
{
	return db_run(a, &st_password, NULL, "si", hash, id);
}

int db_sessions_of(struct arena *a, long long id, long idle, long max,
                   struct db_res *res)
{
	return db_run(a, &st_sessions, res, "iii", id, (long long)max, (long long)idle);
}
