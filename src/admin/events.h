/*
 * events.h (admin) - editing the events calendar: the staff list (upcoming
 * or past, by status, a search in titles and places, keyset pages on the
 * starting time), the form (Greek and English side by side, start and
 * end, place, a point on the map), a preview rendered on the server,
 * saving as a draft, publishing now or at a time, unpublishing, deleting
 * with a confirmation, and the event's revisions.  The public side is
 * site/events.h.
 */
#ifndef AGORA_ADMIN_EVENTS_H
#define AGORA_ADMIN_EVENTS_H

#include "http/ctx.h"

void adm_events_list(struct ctx *c);       /* GET  /admin/events */
void adm_events_new(struct ctx *c);        /* GET  /admin/events/new */
void adm_events_create(struct ctx *c);     /* POST /admin/events/new */
void adm_events_edit(struct ctx *c);       /* GET  /admin/events/{id}[?revision=R] */
void adm_events_save(struct ctx *c);       /* POST /admin/events/{id} */
void adm_events_delete_ask(struct ctx *c); /* GET  /admin/events/{id}/delete */
void adm_events_delete(struct ctx *c);     /* POST /admin/events/{id}/delete */
void adm_events_revisions(struct ctx *c);  /* GET  /admin/events/{id}/revisions */
void adm_events_diff(struct ctx *c);       /* GET  /admin/events/{id}/revisions/diff */

#endif
