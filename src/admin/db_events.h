/*
 * db_events.h (admin) - the SQL of editing events: the staff list (every
 * status, upcoming or past, keyset pages on (starts_at, id)), one event
 * with every editable column, and the writes.  The public side's queries
 * are site/db_events.h.
 */
#ifndef AGORA_ADMIN_DB_EVENTS_H
#define AGORA_ADMIN_DB_EVENTS_H

#include "db/db.h"
#include "db/public.h"

#define ADM_EVENT_LIST_COLS(X)                                               \
	X(EL_ID, "e.id")                                                     \
	X(EL_TITLE, "e.title")                                               \
	X(EL_STATUS, "e.status")                                             \
	X(EL_FUTURE, "COALESCE(e.publish_at > NOW(), 0)")                    \
	X(EL_PUBLISH, SQL_DT("e.publish_at"))                                \
	X(EL_STARTS, SQL_DT("e.starts_at"))                                  \
	X(EL_PLACE, "e.place")                                               \
	X(EL_CURSOR, "DATE_FORMAT(e.starts_at, '%Y%m%d%H%i%s')")             \
	X(EL_HAS_EN, "e.title_en IS NOT NULL AND e.title_en <> ''")
enum { DB_COLS_ENUM(ADM_EVENT_LIST_COLS, EL__END) };

/* One page of the staff list.  when: 0 every event, 1 not over yet, 2
 * over; upcoming ones in starting order after the cursor (at, id), the
 * others newest start first before it (at NULL: from the first).  status:
 * edit_status_code(); like: an edit_like() pattern or "" (titles, place).
 * limit rows. */
int db_adm_events_page(struct arena *a, int when, int status, const char *like,
                       const char *at, long long id, long long limit,
                       struct db_res *res);

#define ADM_EVENT_COLS(X)                                                    \
	X(EE_ID, "id")                                                       \
	X(EE_TITLE, "title")                                                 \
	X(EE_TITLE_EN, "title_en")                                           \
	X(EE_SUMMARY, "summary")                                             \
	X(EE_SUMMARY_EN, "summary_en")                                       \
	X(EE_BODY, "body")                                                   \
	X(EE_BODY_EN, "body_en")                                             \
	X(EE_STARTS, "DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i')")             \
	X(EE_ENDS, "DATE_FORMAT(ends_at, '%Y-%m-%dT%H:%i')")                 \
	X(EE_PLACE, "place")                                                 \
	X(EE_PLACE_EN, "place_en")                                           \
	X(EE_LAT, "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM lat))")     \
	X(EE_LON, "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM lon))")     \
	X(EE_STATUS, "status")                                               \
	X(EE_PUBLISH, "DATE_FORMAT(publish_at, '%Y-%m-%dT%H:%i')")           \
	X(EE_SLUG, "slug")                                                   \
	X(EE_VERSION, "DATE_FORMAT(updated_at, '%Y%m%d%H%i%s')")             \
	X(EE_FUTURE, "COALESCE(publish_at > NOW(), 0)")                      \
	X(EE_WHEN, SQL_DT("publish_at"))
enum { DB_COLS_ENUM(ADM_EVENT_COLS, EE__END) };

/* The event (0 or 1 row); with lock, FOR UPDATE (inside a transaction). */
int db_adm_event_get(struct arena *a, long long id, int lock, struct db_res *res);

/* The columns a save writes (NULL: SQL NULL). */
struct adm_event {
	const char *slug, *title, *title_en, *summary, *summary_en, *body, *body_en;
	const char *body_html, *body_en_html, *starts_at, *ends_at, *place, *place_en;
	const char *lat, *lon, *status, *publish_at;
	long long user_id;
};
/* Insert; *id the new event.  DB_DUP when token was used already (then
 * *id is the event it created). */
int db_adm_event_insert(struct arena *a, const struct adm_event *e,
                        const char *token, long long *id);
int db_adm_event_update(struct arena *a, long long id, const struct adm_event *e);
int db_adm_event_delete(struct arena *a, long long id);

#endif
