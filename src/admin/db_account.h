/*
 * db_account.h - the SQL of one's own account: the pending and confirmed
 * TOTP secret, recovery codes, the password, and the session list.
 */
#ifndef AGORA_DB_ACCOUNT_H
#define AGORA_DB_ACCOUNT_H

#include <stddef.h>

#include "db/db.h"

int db_totp_set_pending(struct arena *a, long long id, const unsigned char *secret,
                        size_t len);
/* The pending secret becomes the user's, with step as its last step. */
int db_totp_confirm(struct arena *a, long long id, long long step);
/* Replace the user's recovery codes with n hashes of len bytes. */
int db_recovery_replace(struct arena *a, long long id,
                        const unsigned char (*hashes)[32], size_t n);
/* Recovery codes still unused. */
int db_recovery_left(struct arena *a, long long id, long long *n);
int db_password_set(struct arena *a, long long id, const char *hash);

#define MYSESSION_COLS(X)                                                    \
	X(MS_HASH, "id_hash")                                                \
	X(MS_CREATED, "DATE_FORMAT(CONVERT_TZ(created_at, '+00:00', @@session.time_zone), '%Y-%m-%d %H:%i:%s')") \
	X(MS_SEEN, "DATE_FORMAT(CONVERT_TZ(last_seen_at, '+00:00', @@session.time_zone), '%Y-%m-%d %H:%i:%s')") \
	X(MS_IP, "ip")                                                       \
	X(MS_UA, "user_agent")                                               \
	X(MS_STAGE, "stage")
enum { DB_COLS_ENUM(MYSESSION_COLS, MS__END) };
/* The user's live sessions, latest activity first (at most 50). */
int db_sessions_of(struct arena *a, long long id, long idle, long max,
                   struct db_res *res);

#endif
