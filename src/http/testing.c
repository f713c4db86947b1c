/*
 * testing.c - the test-only pages (see testing.h).  Reachable only with
 * test_routes = 1.
 */
#include "http/testing.h"

#include "core/arena.h"
#include "core/buf.h"
#include "db/db.h"
#include "http/valid.h"
#include "view/layout.h"

void test_echo(struct ctx *c)
{
	c->res->ctype = "text/plain; charset=utf-8";
	for (struct field *f = c->r->form; f; f = f->next)
		buf_printf(&c->res->out, "%s=%s\n", f->name, f->val);
	for (struct upload *u = c->r->files; u; u = u->next)
		buf_printf(&c->res->out, "file:%s:%s:%zu\n", u->name,
		           u->filename, u->len);
}

static struct db_stmt leak_insert = DB_WRITE(
    "INSERT INTO accessibility_feedback (token, name, email, page_url, message, lang)"
    " VALUES (?, '', '', '', 'leaked', 'el')");

void test_leak_tx(struct ctx *c)
{
	c->res->ctype = "text/plain; charset=utf-8";
	if (db_begin() != DB_OK ||
	    db_run(c->r->a, &leak_insert, NULL, "s",
	           arena_printf(c->r->a, "leak-%s", c->r->rid)) != DB_OK) {
		c->res->status = 503;
		buf_adds(&c->res->out, "database unavailable\n");
		return;
	}
	buf_adds(&c->res->out, "left a transaction open\n");
}

static struct db_stmt slow_read = DB_READ("SELECT SLEEP(?)", 1);

void test_slow(struct ctx *c)
{
	long long s = 0;
	const char *v = req_query(c->r, "s");
	if (v == NULL || !valid_int(v, 0, 60, &s)) {
		page_error(c, 400, NULL);
		return;
	}
	struct db_res res;
	int rc = db_run(c->r->a, &slow_read, &res, "i", s);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	c->res->ctype = "text/plain; charset=utf-8";
	buf_printf(&c->res->out, "slept %lld s\n", s);
}
