/*
 * db_follow.h - the SQL of following requests by e-mail (follow.c) and of
 * the update mails (notify.c).  The followers' addresses are read only to
 * write mails; no statement here feeds a page.
 */
#ifndef AGORA_DB_FOLLOW_H
#define AGORA_DB_FOLLOW_H

#include "db/db.h"

/* A follower of a request, locked (FOR UPDATE: call inside a transaction):
 * 0 or 1 row. */
#define FOLLOW_ROW_COLS(X)                                                   \
	X(FW_ID, "id") X(FW_TOKEN, "token")                                  \
	X(FW_CONFIRMED, "confirmed_at IS NOT NULL")                          \
	X(FW_RECENT, "mailed_at IS NOT NULL AND mailed_at > NOW() - INTERVAL 15 MINUTE")
enum { DB_COLS_ENUM(FOLLOW_ROW_COLS, FW__END) };
int db_follow_lock(struct arena *a, long long request_id, const char *email,
                   struct db_res *res);
/* A new, unconfirmed follower, mailed now.  DB_DUP when the form token was
 * used already or the address follows already (a concurrent form). */
int db_follow_insert(struct arena *a, long long request_id, const char *email,
                     const char *lang, const char *token, const char *form_token);
/* A follow form for an existing follower: its token taken, its language
 * kept, and mailed_at set to now when mailed.  DB_DUP when the form token
 * was used already. */
int db_follow_touch(struct arena *a, long long id, const char *lang,
                    const char *form_token, int mailed);

/* The follower with this secret token and its request: 0 or 1 row. */
#define FOLLOW_BY_TOKEN_COLS(X)                                              \
	X(FT_ID, "f.id") X(FT_CONFIRMED, "f.confirmed_at IS NOT NULL")         \
	X(FT_CODE, "r.code")                                                 \
	X(FT_CATEGORY, "c.name_el") X(FT_CATEGORY_EN, "c.name_en")
enum { DB_COLS_ENUM(FOLLOW_BY_TOKEN_COLS, FT__END) };
int db_follow_by_token(struct arena *a, const char *token, struct db_res *res);
/* Confirm (once: a confirmed follower keeps its first time). */
int db_follow_confirm(struct arena *a, long long id);
/* Remove the follower (the address is gone with it). */
int db_follow_delete(struct arena *a, long long id);

/* For the update mails: the request and its reporter's address and
 * language (0 or 1 row), and the event (0 or 1 row). */
#define NOTIFY_REQ_COLS(X)                                                   \
	X(NR_CODE, "r.code") X(NR_EMAIL, "r.email") X(NR_LANG, "r.lang")       \
	X(NR_CATEGORY, "c.name_el") X(NR_CATEGORY_EN, "c.name_en")
enum { DB_COLS_ENUM(NOTIFY_REQ_COLS, NR__END) };
int db_notify_request(struct arena *a, long long request_id, struct db_res *res);
#define NOTIFY_EVENT_COLS(X)                                                 \
	X(NE_TO, "status_to") X(NE_REPLY, "reply")
enum { DB_COLS_ENUM(NOTIFY_EVENT_COLS, NE__END) };
int db_notify_event(struct arena *a, long long request_id, long long event_id,
                    struct db_res *res);
/* The request's confirmed followers after address after (keyset on the
 * (request_id, email) key; "" for the first), at most limit. */
#define NOTIFY_FOLLOWER_COLS(X)                                              \
	X(NF_EMAIL, "email") X(NF_LANG, "lang") X(NF_TOKEN, "token")
enum { DB_COLS_ENUM(NOTIFY_FOLLOWER_COLS, NF__END) };
int db_notify_followers(struct arena *a, long long request_id, const char *after,
                        long long limit, struct db_res *res);

#endif
