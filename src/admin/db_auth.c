/*
 * db_auth.c - the SQL of signing in (db_auth.h).  Throttle times are UTC,
 * like the sessions'.
 */
#include "admin/db_auth.h"

#include "core/arena.h"

static struct db_stmt st_by_name = DB_READ(
    "SELECT " DB_COLUMNS(ACCOUNT_COLS) " FROM users u WHERE u.username = ?",
    DB_NCOLS(ACCOUNT_COLS));
static struct db_stmt st_by_id = DB_READ(
    "SELECT " DB_COLUMNS(ACCOUNT_COLS) " FROM users u WHERE u.id = ?",
    DB_NCOLS(ACCOUNT_COLS));
static struct db_stmt st_set_hash = DB_WRITE(
    "UPDATE users SET password_hash = ? WHERE id = ?");
static struct db_stmt st_signed_in = DB_WRITE(
    "UPDATE users SET last_login_at = NOW() WHERE id = ?");

int db_account_by_name(struct arena *a, const char *name, struct db_res *res)
{
	return db_run(a, &st_by_name, res, "s", name);
}

int db_account_by_id(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_by_id, res, "i", id);
}

int db_account_set_hash(struct arena *a, long long id, const char *hash)
{
	return db_run(a, &st_set_hash, NULL, "si", hash, id);
}

int db_account_signed_in(struct arena *a, long long id)
{
	return db_run(a, &st_signed_in, NULL, "i", id);
}

#define THROTTLE_COLS(X)                                                     \
	X(T_FAILURES, "IF(last_failure < UTC_TIMESTAMP() - INTERVAL ? SECOND,"  \
	              " 0, failures)")                                      \
	X(T_LOCKED, "GREATEST(0, COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),"\
	            " locked_until), 0))")                                  \
	X(T_SINCE, "TIMESTAMPDIFF(SECOND, last_failure, UTC_TIMESTAMP())")
enum { DB_COLS_ENUM(THROTTLE_COLS, T__END) };

static struct db_stmt st_throttle_get = DB_READ(
    "SELECT " DB_COLUMNS(THROTTLE_COLS) " FROM login_throttle"
    " WHERE kind = ? AND k = ?", DB_NCOLS(THROTTLE_COLS));
/* The assignments run left to right, each seeing the ones before it. */
static struct db_stmt st_throttle_fail = DB_WRITE(
    "INSERT INTO login_throttle (kind, k, failures, last_failure)"
    " VALUES (?, ?, 1, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE"
    " failures = IF(last_failure < UTC_TIMESTAMP() - INTERVAL ? SECOND, 1,"
    "               failures + 1),"
    " last_failure = UTC_TIMESTAMP(),"
    " locked_until = IF(failures >= ?, UTC_TIMESTAMP() + INTERVAL ? SECOND,"
    "                   locked_until)");
static struct db_stmt st_throttle_clear = DB_WRITE(
    "DELETE FROM login_throttle WHERE kind = ? AND k = ?");

int db_throttle_get(struct arena *a, const char *kind, const char *key,
                    long forget, long *failures, long *locked, long *since)
{
	struct db_res res;
	int rc = db_run(a, &st_throttle_get, &res, "iss", (long long)forget, kind, key);
	*failures = *locked = 0;
	*since = 1L << 30;
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	*failures = (long)db_ll(&res, 0, T_FAILURES);
	*locked = (long)db_ll(&res, 0, T_LOCKED);
	*since = (long)db_ll(&res, 0, T_SINCE);
	return DB_OK;
}

int db_throttle_fail(struct arena *a, const char *kind, const char *key,
                     long forget, long lock_after, long lock_secs,
                     long *failures, int *locked)
{
	long before_locked = 0, since = 0;
	*locked = 0;
	int rc = db_run(a, &st_throttle_fail, NULL, "ssiii", kind, key,
	                (long long)forget, (long long)lock_after,
	                (long long)lock_secs);
	if (rc != DB_OK)
		return rc;
	rc = db_throttle_get(a, kind, key, forget, failures, &before_locked, &since);
	*locked = rc == DB_OK && *failures >= lock_after;
	return rc;
}

int db_throttle_clear(struct arena *a, const char *kind, const char *key)
{
	return db_run(a, &st_throttle_clear, NULL, "ss", kind, key);
}

/* Named locks are the connection's: a worker that dies releases its slot
 * with its connection. */
static struct db_stmt st_slot = DB_WRITE(
    "SELECT GET_LOCK(CONCAT(DATABASE(), '.pwhash.', ?), 0)");
static struct db_stmt st_slot_release = DB_WRITE(
    "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.pwhash.', ?))");

int db_hash_slot(struct arena *a, long n, long *slot)
{
	*slot = 0;
	for (long i = 1; i <= n; i++) {
		struct db_res res;
		int rc = db_run(a, &st_slot, &res, "i", (long long)i);
		if (rc != DB_OK)
			return rc;
		if (res.nrows == 1 && db_ll(&res, 0, 0) == 1) {
			*slot = i;
			return DB_OK;
		}
	}
	return DB_OK;
}

int db_hash_slot_release(struct arena *a, long slot)
{
	struct db_res res;
	return db_run(a, &st_slot_release, &res, "i", (long long)slot);
}

static struct db_stmt st_use_step = DB_WRITE(
    "UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?");
static struct db_stmt st_recovery_use = DB_WRITE(
    "UPDATE recovery_codes SET used_at = NOW()"
    " WHERE user_id = ? AND code_hash = ? AND used_at IS NULL");

int db_totp_use_step(struct arena *a, long long id, long long step, int *ok)
{
	struct db_res res;
	int rc = db_run(a, &st_use_step, &res, "iii", step, id, step);
	*ok = rc == DB_OK && res.affected == 1;
	return rc;
}

int db_recovery_use(struct arena *a, long long id, const unsigned char *hash,
                    size_t len, int *ok)
{
	struct db_res res;
	int rc = db_run(a, &st_recovery_use, &res, "ib", id, (const char *)hash, len);
	*ok = rc == DB_OK && res.affected == 1;
	return rc;
}
