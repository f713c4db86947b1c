/*
 * news.h (admin) - editing news items, announcements, press releases and
 * tenders: the staff list (filters, search, keyset pages), the form
 * (Greek and English side by side), a preview rendered on the server,
 * saving as a draft, publishing now or at a time (a future publication
 * time schedules it), unpublishing, deleting with a confirmation, and the
 * item's revisions.
 */
#ifndef AGORA_ADMIN_NEWS_H
#define AGORA_ADMIN_NEWS_H

#include "http/ctx.h"

void adm_news_list(struct ctx *c);       /* GET  /admin/news */
void adm_news_new(struct ctx *c);        /* GET  /admin/news/new */
void adm_news_create(struct ctx *c);     /* POST /admin/news/new */
void adm_news_edit(struct ctx *c);       /* GET  /admin/news/{id}[?revision=R] */
void adm_news_save(struct ctx *c);       /* POST /admin/news/{id} */
void adm_news_delete_ask(struct ctx *c); /* GET  /admin/news/{id}/delete */
void adm_news_delete(struct ctx *c);     /* POST /admin/news/{id}/delete */
void adm_news_file_delete(struct ctx *c); /* POST /admin/news/{id}/files/{f}/delete */
void adm_news_revisions(struct ctx *c);  /* GET  /admin/news/{id}/revisions */
void adm_news_diff(struct ctx *c);       /* GET  /admin/news/{id}/revisions/diff */

#endif
