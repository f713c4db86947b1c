/*
 * db_keys.h - the SQL of the Open311 API's keys (open311/keys.c): the
 * administrators' list, issuing and revoking a key, finding the key of a
 * POST by its hash and counting its POSTs of the hour.  Every function
 * runs in the caller's transaction when one is open.
 */
#ifndef AGORA_DB_KEYS_H
#define AGORA_DB_KEYS_H

#include "db/db.h"
#include "db/public.h"

#define O311_KEY_COLS(X)                                                     \
	X(OK_ID, "k.id") X(OK_NAME, "k.name") X(OK_CONTACT, "k.contact")      \
	X(OK_PREFIX, "k.prefix") X(OK_PER_HOUR, "k.per_hour")                 \
	X(OK_CREATED, SQL_DT("k.created_at")) X(OK_USED, SQL_DT("k.last_used_at")) \
	X(OK_REVOKED, SQL_DT("k.revoked_at"))                                 \
	X(OK_BY, "COALESCE((SELECT display_name FROM users WHERE id = k.created_by), '')")
enum { DB_COLS_ENUM(O311_KEY_COLS, OK__END) };

/* Every key, the valid ones first, newest first (at most 500). */
int db_keys_list(struct arena *a, struct db_res *res);
/* Key id (0 or 1 row); lock: FOR UPDATE. */
int db_keys_get(struct arena *a, long long id, int lock, struct db_res *res);

struct o311_key_new {
	const char *name, *contact, *prefix;
	const unsigned char *hash; /* 32 bytes */
	long long per_hour, created_by;
	const char *token;         /* the creating form's one-time token */
};
/* Store a new key: DB_OK with *id, or DB_DUP when its form was sent
 * before (*id 0). */
int db_keys_insert(struct arena *a, const struct o311_key_new *k, long long *id);
/* Revoke key id (once): *changed 0 when it was revoked already. */
int db_keys_revoke(struct arena *a, long long id, long long by, int *changed);

/* The valid key with this hash (0 or 1 row: its id, name, per_hour). */
#define O311_AUTH_COLS(X) X(OA_ID, "id") X(OA_NAME, "name") X(OA_PER_HOUR, "per_hour")
enum { DB_COLS_ENUM(O311_AUTH_COLS, OA__END) };
int db_keys_find(struct arena *a, const unsigned char hash[32], struct db_res *res);
/* Count one POST of key id in this clock hour, note its use and forget
 * its counts older than a day: *n the POSTs of the hour, this one
 * included. */
int db_keys_hit(struct arena *a, long long id, long long *n);

#endif
