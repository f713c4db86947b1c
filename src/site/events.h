/*
 * events.h - the events calendar: list, event page, iCalendar feeds.
 */
#ifndef AGORA_EVENTS_H
#define AGORA_EVENTS_H

#include "view/layout.h"

/* GET /events: upcoming first (soonest first), then past (newest first). */
void events_list(struct ctx *c);
/* GET /events/{id}-{slug}: 200, 301 to the canonical slug, 404. */
void event_show(struct ctx *c);
/* GET /events.ics and /events/{id}.ics: RFC 5545 text/calendar. */
void events_ics(struct ctx *c);
void event_ics(struct ctx *c);

#endif
