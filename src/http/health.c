/*
 * health.c - GET /healthz for load balancers and script/server: 200 "ok"
 * when this worker answers and its database connection runs a query.
 */
#include "http/health.h"

#include "core/buf.h"
#include "db/db.h"

static struct db_stmt ping = DB_READ("SELECT 1", 1);

void health_check(struct ctx *c)
{
	struct db_res res;
	int rc = db_run(c->r->a, &ping, &res, "");
	c->res->ctype = "text/plain; charset=utf-8";
	c->res->cache = "no-store";
	if (rc == DB_OK && res.nrows == 1) {
		buf_adds(&c->res->out, "ok\n");
	} else {
		c->res->status = 503;
		c->res->retry_after = 10;
		buf_adds(&c->res->out, "database unavailable\n");
	}
}
