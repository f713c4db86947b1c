/*
 * db_list.h - the SQL of the public list and map of citizens' requests and
 * of a request's Atom feed.  Nothing here selects the reporter's name,
 * e-mail or phone, nor an internal note or a staff-only change note; a
 * description staff hid (description_hidden) comes back as NULL.
 */
#ifndef AGORA_DB_LIST_H
#define AGORA_DB_LIST_H

#include "db/db.h"

/* What the list shows of a request.  RL_EXCERPT is the description's
 * first 201 characters (one more than shown, so the caller knows it was
 * cut), NULL when staff hid it; RL_LANG the language it was written in.
 * RL_CURSOR is the keyset cursor
 * "YYYYmmddHHMMSS-id" of the row (valid_cursor reads it back). */
#define RQ_LIST_COLS(X)                                                      \
	X(RL_ID, "r.id") X(RL_CODE, "r.code")                                 \
	X(RL_CATEGORY, "c.name_el") X(RL_CATEGORY_EN, "c.name_en")           \
	X(RL_AREA, "a.name_el") X(RL_AREA_EN, "a.name_en")                   \
	X(RL_STATUS, "r.status")                                             \
	X(RL_CREATED, "DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s')")      \
	X(RL_EXCERPT, "IF(r.description_hidden, NULL, LEFT(r.description, 201))") \
	X(RL_LAT, "r.lat") X(RL_LON, "r.lon") X(RL_LANG, "r.lang")           \
	X(RL_CURSOR, "CONCAT(DATE_FORMAT(r.created_at, '%Y%m%d%H%i%s'), '-', r.id)")
enum { DB_COLS_ENUM(RQ_LIST_COLS, RL__END) };

/* The filters of the list: 0 / NULL for "any". */
struct rq_filter {
	long long category;
	long long area;
	const char *status;   /* one status (exact), or NULL */
	const char *statuses; /* a comma-separated set ("open", "closed"), or NULL */
};

/* One page of the list, newest first: at most limit requests created
 * before the cursor (at, id), or the newest when at is NULL.  Each query
 * walks an index whose leading columns are the filter it is given
 * (category, else area, else the exact status, else the creation time)
 * backwards from the cursor and stops at LIMIT: no OFFSET, no sort. */
int db_rq_list(struct arena *a, const struct rq_filter *f, const char *at,
               long long id, long long limit, struct db_res *res);

/* The public events of a request for its feed, newest first (at most
 * limit): status changes and public replies, never notes. */
#define RQ_FEED_COLS(X)                                                      \
	X(RF_ID, "e.id")                                                     \
	X(RF_AT, "DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s')")                   \
	X(RF_TO, "e.status_to") X(RF_REPLY, "e.reply")
enum { DB_COLS_ENUM(RQ_FEED_COLS, RF__END) };
int db_rq_feed_events(struct arena *a, long long request_id, long long limit,
                      struct db_res *res);

/* The request with this code for the feed and the follow pages (0 or 1
 * row), without personal data. */
#define RQ_HEAD_COLS(X)                                                      \
	X(RH_ID, "r.id") X(RH_CODE, "r.code")                                 \
	X(RH_CATEGORY, "c.name_el") X(RH_CATEGORY_EN, "c.name_en")           \
	X(RH_STATUS, "r.status")                                             \
	X(RH_CREATED, "DATE_FORMAT(r.created_at, '%Y-%m-%d %H:%i:%s')")
enum { DB_COLS_ENUM(RQ_HEAD_COLS, RH__END) };
int db_rq_head(struct arena *a, const char *code, struct db_res *res);

#endif
