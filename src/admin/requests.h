/*
 * requests.h (admin) - handling citizens' requests, the staff side
 * (/admin/requests, PERM_REQUESTS): the queue with its filters and keyset
 * pages, its CSV export (requests.c); one request with its full history
 * and the form that handles it, hiding the description or a photo from
 * the public (request.c); the response templates (rq_templates.c).
 * Department staff (without PERM_REQUESTS_ALL) reach only their own
 * department's requests: the scope is in every statement
 * (admin/db_rq_admin.h).
 */
#ifndef AGORA_ADMIN_REQUESTS_H
#define AGORA_ADMIN_REQUESTS_H

#include "admin/db_rq_admin.h"
#include "http/ctx.h"

void adm_rq_queue(struct ctx *c);      /* GET  /admin/requests */
void adm_rq_csv(struct ctx *c);        /* GET  /admin/requests.csv */
void adm_rq_show(struct ctx *c);       /* GET  /admin/requests/{code} */
void adm_rq_save(struct ctx *c);       /* POST /admin/requests/{code} */
void adm_rq_hide(struct ctx *c);       /* POST /admin/requests/{code}/visibility */
void adm_rq_templates(struct ctx *c);  /* GET  /admin/requests/templates */
void adm_rq_tpl_new(struct ctx *c);    /* GET  /admin/requests/templates/new */
void adm_rq_tpl_create(struct ctx *c); /* POST /admin/requests/templates/new */
void adm_rq_tpl_edit(struct ctx *c);   /* GET  /admin/requests/templates/{id} */
void adm_rq_tpl_save(struct ctx *c);   /* POST /admin/requests/templates/{id} */
void adm_rq_tpl_delete_ask(struct ctx *c); /* GET  .../templates/{id}/delete */
void adm_rq_tpl_delete(struct ctx *c); /* POST .../templates/{id}/delete */

/* Shared by requests.c and request.c. */
/* The caller's scope: every department with PERM_REQUESTS_ALL, else their own. */
struct rq_scope rq_scope_of(const struct ctx *c);
/* The statuses, NULL-terminated, in their order of handling. */
extern const char *const rq_statuses[];
/* The label key of status s ("rq.s_resolved"). */
const char *rq_status_key(struct arena *a, const char *s);
/* The label key of priority 1-3. */
const char *rq_priority_key(long long p);
/* "2026-12-01" as staff read a day ("1/12/2026"); "—" for NULL. */
const char *rq_day(struct ctx *c, const char *ymd);
/* 1 if s is a request code ("2026-000123"). */
int rq_code_ok(const char *s);

#endif
