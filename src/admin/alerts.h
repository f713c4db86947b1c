/*
 * alerts.h (admin) - editing the site-wide alert banner: the staff list
 * (current, scheduled and past alerts; a search in the messages, a filter
 * by state), the form (severity, the message in Greek and English side by
 * side, start and end: a start to come schedules it), a preview of the
 * banner rendered on the server, "end now" (unpublish), deleting with a
 * confirmation, and the alert's revisions.
 */
#ifndef AGORA_ADMIN_ALERTS_H
#define AGORA_ADMIN_ALERTS_H

#include "http/ctx.h"

void adm_alerts_list(struct ctx *c);       /* GET  /admin/alerts */
void adm_alerts_new(struct ctx *c);        /* GET  /admin/alerts/new */
void adm_alerts_create(struct ctx *c);     /* POST /admin/alerts/new */
void adm_alerts_edit(struct ctx *c);       /* GET  /admin/alerts/{id}[?revision=R] */
void adm_alerts_save(struct ctx *c);       /* POST /admin/alerts/{id} */
void adm_alerts_end(struct ctx *c);        /* POST /admin/alerts/{id}/end */
void adm_alerts_delete_ask(struct ctx *c); /* GET  /admin/alerts/{id}/delete */
void adm_alerts_delete(struct ctx *c);     /* POST /admin/alerts/{id}/delete */
void adm_alerts_revisions(struct ctx *c);  /* GET  /admin/alerts/{id}/revisions */
void adm_alerts_diff(struct ctx *c);       /* GET  /admin/alerts/{id}/revisions/diff */

#endif
