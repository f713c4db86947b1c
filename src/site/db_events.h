/*
 * db_events.h - queries on events.  Results are strings in the arena (see
 * db.h); every query returns the columns EV_ID..EV_CURSOR in this order,
 * db_events_get also EV_BODY_HTML..EV_PAST.
 *
 * Times are the DATETIME columns as "YYYY-MM-DD HH:MM:SS", local time of
 * the municipality (Europe/Athens); EV_STAMP is updated_at as seconds since
 * the epoch (for the UTC DTSTAMP of iCalendar); EV_CURSOR is starts_at as
 * "YYYYMMDDHHMMSS", the first half of the past list's page cursor.
 */
#ifndef AGORA_DB_EVENTS_H
#define AGORA_DB_EVENTS_H

#include "db/db.h"
#include "db/public.h"

/* Columns of every list of events ... */
#define EV_LIST_COLS(X)                                                      \
	X(EV_ID, "e.id") X(EV_SLUG, "e.slug") X(EV_TITLE, "e.title")          \
	X(EV_TITLE_EN, "e.title_en") X(EV_SUMMARY, "e.summary")               \
	X(EV_SUMMARY_EN, "e.summary_en") X(EV_STARTS, SQL_DT("e.starts_at"))  \
	X(EV_ENDS, SQL_DT("e.ends_at")) X(EV_PLACE, "e.place")                \
	X(EV_PLACE_EN, "e.place_en") X(EV_LAT, "e.lat") X(EV_LON, "e.lon")    \
	X(EV_STAMP, "UNIX_TIMESTAMP(e.updated_at)")                           \
	X(EV_CURSOR, "DATE_FORMAT(e.starts_at, '%Y%m%d%H%i%s')")
/* ... and of one event (db_events_get); EV_PAST is 1 when it is over. */
#define EV_ITEM_COLS(X) EV_LIST_COLS(X)                                      \
	X(EV_BODY_HTML, "e.body_html") X(EV_BODY_EN_HTML, "e.body_en_html")   \
	X(EV_BODY, "e.body") X(EV_BODY_EN, "e.body_en")                       \
	X(EV_PAST, "NOT (COALESCE(e.ends_at, e.starts_at) >= NOW())")
enum { DB_COLS_ENUM(EV_ITEM_COLS, EV__END) };

/* Published events not yet over (ends_at, or starts_at without one, is now
 * or later), soonest first, at most limit. */
int db_events_upcoming(struct arena *a, long long limit, struct db_res *res);
/* Published events that are over, newest first, strictly before the
 * (starts_at, id) cursor: before is "YYYY-MM-DD HH:MM:SS" (NULL: from the
 * newest), before_id its id.  At most limit rows. */
int db_events_past(struct arena *a, const char *before, long long before_id,
                   long long limit, struct db_res *res);
/* Published events for the iCalendar feed: not over for more than 30 days,
 * in starting order, at most limit. */
int db_events_feed(struct arena *a, long long limit, struct db_res *res);
/* One published event by id; 0 or 1 rows, columns EV_ID..EV_PAST (EV_PAST
 * is "1" when the event is over, else "0"). */
int db_events_get(struct arena *a, long long id, struct db_res *res);

#endif
