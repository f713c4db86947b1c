/*
 * pages.h (admin) - editing the page tree under /p/: the staff list (the
 * tree, indented, with each page's menu order; filters by status and a
 * search in titles), the form (parent, slug, Greek and English side by
 * side, menu order, shown in the main menu), a preview rendered on the
 * server, saving as a draft, publishing now or at a time, unpublishing,
 * deleting with a confirmation (refused while the page has sub-pages),
 * and the page's revisions.  The public side is site/pages.h.
 */
#ifndef AGORA_ADMIN_PAGES_H
#define AGORA_ADMIN_PAGES_H

#include "http/ctx.h"

void adm_pages_list(struct ctx *c);       /* GET  /admin/pages */
void adm_pages_new(struct ctx *c);        /* GET  /admin/pages/new[?parent=P] */
void adm_pages_create(struct ctx *c);     /* POST /admin/pages/new */
void adm_pages_edit(struct ctx *c);       /* GET  /admin/pages/{id}[?revision=R] */
void adm_pages_save(struct ctx *c);       /* POST /admin/pages/{id} */
void adm_pages_delete_ask(struct ctx *c); /* GET  /admin/pages/{id}/delete */
void adm_pages_delete(struct ctx *c);     /* POST /admin/pages/{id}/delete */
void adm_pages_revisions(struct ctx *c);  /* GET  /admin/pages/{id}/revisions */
void adm_pages_diff(struct ctx *c);       /* GET  /admin/pages/{id}/revisions/diff */

#endif
