/*
 * db_rq_templates.h (admin) - the SQL of the response templates of
 * citizens' requests (request_templates): the list in its order, one
 * template, and the writes.  Used by admin/rq_templates.c (the editor) and
 * admin/request.c (the "insert" of a request's form).
 */
#ifndef AGORA_ADMIN_DB_RQ_TEMPLATES_H
#define AGORA_ADMIN_DB_RQ_TEMPLATES_H

#include "db/db.h"

#define RQ_TPL_MAX 500

#define RQ_TPL_COLS(X) X(RT_ID, "id") X(RT_TITLE, "title") X(RT_STATUS, "status") \
	X(RT_BODY, "body_el") X(RT_BODY_EN, "body_en") X(RT_SORT, "sort_order")
enum { DB_COLS_ENUM(RQ_TPL_COLS, RT__END) };

/* Every template (at most RQ_TPL_MAX), in order. */
int db_rq_templates(struct arena *a, struct db_res *res);
/* One template (0 or 1 row); lock: FOR UPDATE. */
int db_rq_template_get(struct arena *a, long long id, int lock, struct db_res *res);

struct rq_template {
	const char *title, *status, *body_el, *body_en; /* status NULL: any */
	long long sort_order;
};
/* DB_DUP when token made one already (then *id is that one). */
int db_rq_template_insert(struct arena *a, const struct rq_template *t,
                          const char *token, long long *id);
int db_rq_template_update(struct arena *a, long long id, const struct rq_template *t);
int db_rq_template_delete(struct arena *a, long long id);

#endif
