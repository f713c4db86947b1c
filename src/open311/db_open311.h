/*
 * db_open311.h - the SQL of the Open311 API (open311/api.c): the services
 * (the active request categories) and the requests as the public may see
 * them.  Nothing here selects the reporter's name, e-mail or phone, an
 * internal note or a staff-only change; a description staff hid comes
 * back as NULL, and so do hidden photos.
 */
#ifndef AGORA_DB_OPEN311_H
#define AGORA_DB_OPEN311_H

#include "db/db.h"
#include "db/public.h"

/* The services: every active category, by group and order, with
 * whether it has extra questions (metadata). */
#define O311_SVC_COLS(X)                                                     \
	X(OS_ID, "c.id") X(OS_NAME, "c.name_el") X(OS_NAME_EN, "c.name_en")  \
	X(OS_GROUP, "g.name_el") X(OS_GROUP_EN, "g.name_en")                 \
	X(OS_DEPT, "COALESCE(d.name, '')")                                   \
	X(OS_QUESTIONS, "EXISTS (SELECT 1 FROM request_questions q"          \
	                " WHERE q.category_id = c.id AND q.active = 1)")
enum { DB_COLS_ENUM(O311_SVC_COLS, OS__END) };
int db_o311_services(struct arena *a, struct db_res *res);
/* One active service (0 or 1 row). */
int db_o311_service(struct arena *a, long long id, struct db_res *res);

/* A request as Open311 shows it.  OR_REPLY is its latest public reply
 * (request_events_request (request_id, id), backwards), OR_PHOTO
 * "sha256 mime" of the largest file of its first visible photo, OR_DUE
 * the end of its due day. */
#define O311_RQ_COLS(X)                                                      \
	X(OR_ID, "r.id") X(OR_CODE, "r.code") X(OR_STATUS, "r.status")        \
	X(OR_REPLY, "(SELECT e.reply FROM request_events e"                   \
	            " WHERE e.request_id = r.id AND e.reply IS NOT NULL"      \
	            " ORDER BY e.id DESC LIMIT 1)")                            \
	X(OR_SERVICE, "c.name_el") X(OR_CATEGORY, "r.category_id")            \
	X(OR_DESCRIPTION, "IF(r.description_hidden, NULL, r.description)")   \
	X(OR_AGENCY, "(SELECT d.name FROM departments d WHERE d.id = r.department_id)") \
	X(OR_CREATED, SQL_DT("r.created_at")) X(OR_UPDATED, SQL_DT("r.updated_at")) \
	X(OR_DUE, "DATE_FORMAT(r.due_date, '%Y-%m-%d 23:59:59')")             \
	X(OR_ADDRESS, "r.address") X(OR_LAT, "r.lat") X(OR_LON, "r.lon")      \
	X(OR_PHOTO, "(SELECT CONCAT(m.sha256, ' ', m.mime) FROM request_photos p" \
	            " JOIN media_variants v ON v.item_id = p.item_id"          \
	            " JOIN media m ON m.sha256 = v.sha256"                     \
	            " WHERE p.request_id = r.id AND p.hidden = 0"              \
	            " ORDER BY p.position, m.width DESC LIMIT 1)")
enum { DB_COLS_ENUM(O311_RQ_COLS, OR__END) };

/* The request with this code (0 or 1 row). */
int db_o311_request(struct arena *a, const char *code, struct db_res *res);

/* The code of the request filed through Open311 with this one-time
 * token (0 or 1 row, one column). */
int db_o311_by_token(struct arena *a, const char *token, struct db_res *res);

/* The filters of GET requests: "" / 0 for none.  services: the category
 * ids, comma-separated; status "open" or "closed". */
struct o311_filter {
	const char *services;
	const char *status;
	const char *from, *to;   /* "YYYY-MM-DD HH:MM:SS", the window [from, to) */
	int by_update;           /* the window is on updated_at, oldest first
	                          * (polling); else on created_at, newest first */
};
/* One page: at most limit rows after skipping offset.  Each walks one
 * index over the window - requests_created (created_at, id) or
 * requests_updated (updated_at, id) - filtering the rest on the way. */
int db_o311_requests(struct arena *a, const struct o311_filter *f, long long offset,
                     long long limit, struct db_res *res);

#endif
