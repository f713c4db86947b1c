/*
 * departments.h (admin) - editing the department directory: the list (in
 * the directory's order, a search in the names, each department's number
 * of staff users), the form (name, head, phone, e-mail, hours and address,
 * Greek and English side by side, order), a preview of its entry rendered
 * on the server, deleting with a confirmation (refused while staff users
 * belong to it), and the department's revisions.
 */
#ifndef AGORA_ADMIN_DEPARTMENTS_H
#define AGORA_ADMIN_DEPARTMENTS_H

#include "http/ctx.h"

void adm_departments_list(struct ctx *c);       /* GET  /admin/departments */
void adm_departments_new(struct ctx *c);        /* GET  /admin/departments/new */
void adm_departments_create(struct ctx *c);     /* POST /admin/departments/new */
void adm_departments_edit(struct ctx *c);       /* GET  /admin/departments/{id}[?revision=R] */
void adm_departments_save(struct ctx *c);       /* POST /admin/departments/{id} */
void adm_departments_delete_ask(struct ctx *c); /* GET  /admin/departments/{id}/delete */
void adm_departments_delete(struct ctx *c);     /* POST /admin/departments/{id}/delete */
void adm_departments_revisions(struct ctx *c);  /* GET  /admin/departments/{id}/revisions */
void adm_departments_diff(struct ctx *c);       /* GET  /admin/departments/{id}/revisions/diff */

#endif
