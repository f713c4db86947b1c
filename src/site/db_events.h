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

enum {
	EV_ID, EV_SLUG, EV_TITLE, EV_TITLE_EN, EV_SUMMARY, EV_SUMMARY_EN,
	EV_STARTS, EV_ENDS, EV_PLACE, EV_PLACE_EN, EV_LAT, EV_LON, EV_STAMP,
	EV_CURSOR,
	/* db_events_get only: */
	EV_BODY_HTML, EV_BODY_EN_HTML, EV_BODY, EV_BODY_EN, EV_PAST
};

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
