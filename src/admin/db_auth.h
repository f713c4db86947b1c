/*
 * db_auth.h - the SQL of signing in: accounts by name, password hashes,
 * the throttle of failed attempts, the second factor and recovery codes,
 * and the slots that bound how many password hashes run at once.
 */
#ifndef AGORA_DB_AUTH_H
#define AGORA_DB_AUTH_H

#include <stddef.h>

#include "db/db.h"

#define ACCOUNT_COLS(X)                                                      \
	X(U_ID, "u.id")                                                      \
	X(U_NAME, "u.username")                                              \
	X(U_HASH, "u.password_hash")                                         \
	X(U_ACTIVE, "u.active")                                              \
	X(U_TOTP, "u.totp_secret")                                           \
	X(U_TOTP_PENDING, "u.totp_pending")                                  \
	X(U_LAST_STEP, "u.totp_last_step")                                   \
	X(U_ROLES, "(SELECT GROUP_CONCAT(r.role) FROM user_roles r"          \
	           " WHERE r.user_id = u.id)")
enum { DB_COLS_ENUM(ACCOUNT_COLS, U__END) };

/* The account named name (any state), in *res: 0 or 1 row. */
int db_account_by_name(struct arena *a, const char *name, struct db_res *res);
/* The same by id. */
int db_account_by_id(struct arena *a, long long id, struct db_res *res);
int db_account_set_hash(struct arena *a, long long id, const char *hash);
int db_account_signed_in(struct arena *a, long long id);

/* The throttle row of kind ("user" or "ip") and key: *failures (0 once
 * the last failure is older than forget seconds), *locked seconds left of a
 * lock (0 none), *since seconds since the last failure. */
int db_throttle_get(struct arena *a, const char *kind, const char *key,
                    long forget, long *failures, long *locked, long *since);
/* Count one failure; lock for lock_secs when failures reach lock_after.
 * *failures the count after it, *locked 1 if this failure locked it. */
int db_throttle_fail(struct arena *a, const char *kind, const char *key,
                     long forget, long lock_after, long lock_secs,
                     long *failures, int *locked);
int db_throttle_clear(struct arena *a, const char *kind, const char *key);

/* One of n slots for a password hash, held until db_hash_slot_release:
 * 1..n, or 0 when all are taken. */
int db_hash_slot(struct arena *a, long n, long *slot);
int db_hash_slot_release(struct arena *a, long slot);

/* Accept TOTP step for user id only if it is after the last one used
 * (*ok 0 when another request used it first). */
int db_totp_use_step(struct arena *a, long long id, long long step, int *ok);
/* Mark a recovery code used; *ok 1 if it was one of the user's unused. */
int db_recovery_use(struct arena *a, long long id, const unsigned char *hash,
                    size_t len, int *ok);

#endif
