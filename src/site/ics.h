/*
 * ics.h - iCalendar (RFC 5545) written straight into a response buffer:
 * ics_begin, then ics_event for each event, then ics_end.  Lines end in
 * CRLF and are folded at 75 octets, never inside a UTF-8 sequence; TEXT
 * values are escaped (3.3.11) and stripped of control characters, and an
 * invalid UTF-8 sequence becomes U+FFFD, so the output is always valid
 * UTF-8.  Times are local times of Europe/Athens, whose VTIMEZONE
 * ics_begin writes.
 *
 * Every VEVENT has a DTEND, because the events table does not say how an
 * event is held, only when it starts and (perhaps) ends:
 *   - no end, an unusable one or one before the start: the event lasts
 *     ICS_DEFAULT_LENGTH (an hour), rather than the moment of no length
 *     RFC 5545 gives a DTSTART alone;
 *   - an end on a later day at a later time of day than the start (an
 *     exhibition from 10:00 on 22 January to 14:00 on 22 February): the
 *     event is held every day at those hours, DTEND on the first day and
 *     RRULE:FREQ=DAILY;COUNT=<days> - not one block of 32 days;
 *   - any other end (the same day, or overnight: 22:00 to 02:00, or the
 *     same time days later): one block from start to end.
 */
#ifndef AGORA_ICS_H
#define AGORA_ICS_H

#include <time.h>

struct arena;
struct buf;

/* How long an event without an end lasts, in seconds. */
#define ICS_DEFAULT_LENGTH 3600

struct ics_event {
	const char *uid;         /* globally unique: "event-12@www.example.gr" */
	time_t stamp;            /* DTSTAMP: when the event was last changed */
	const char *start;       /* "YYYY-MM-DD HH:MM:SS", Europe/Athens */
	const char *end;         /* the same, or NULL */
	const char *summary;     /* TEXT values, UTF-8; NULL or "" are left out */
	const char *description;
	const char *location;
	const char *lat, *lon;   /* decimal degrees, or NULL: no GEO */
	const char *url;         /* absolute, or NULL */
};

/* BEGIN:VCALENDAR and its properties; calname is X-WR-CALNAME. */
void ics_begin(struct buf *b, const char *calname);
/* One VEVENT.  An unparsable start leaves the event out (returns -1);
 * the end is as described above.  0 if written. */
int ics_event(struct buf *b, const struct ics_event *e);
/* END:VCALENDAR. */
void ics_end(struct buf *b);

/* One content line "name:value", folded; value is escaped as TEXT when
 * text is set.  (The other functions are made of this.) */
void ics_line(struct buf *b, const char *name, const char *value, int text);


#endif
