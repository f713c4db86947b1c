/*
 * export_web.c - GET /admin/help/people/{id}/export (export.h): a
 * resident's data as a JSON download for an operator answering their
 * access request.  Touches audit_log (the "help_export" row, committed
 * before the data is read) and what export.c reads.
 */
#include "help/export.h"

#include "admin/audit.h"
#include "core/arena.h"
#include "db/db.h"
#include "http/ctx.h"
#include "http/valid.h"
#include "view/layout.h"

#define RESIDENT_ID_MAX 4294967295LL /* help_beneficiaries.id INT UNSIGNED */

void help_person_export(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	if (!valid_int(c->r->cap[0], 1, RESIDENT_ID_MAX, &id)) {
		page_error(c, 404, "hx.err_missing");
		return;
	}
	int rc = help_export_find(a, id);
	if (rc == HELP_EXPORT_NONE) {
		page_error(c, 404, "hx.err_missing");
		return;
	}
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	/* No read without its record: the row is committed (no transaction
	 * is open) before export.c reads a thing. */
	if (audit_staff(c, "help_export", "help_beneficiary", arena_printf(a, "%lld", id),
	                "") != DB_OK) {
		c->res->retry_after = 30;
		page_error(c, 503, "hx.err_audit");
		return;
	}
	rc = help_export_json(a, id, &c->res->out);
	if (rc != DB_OK) {
		resp_clear_body(c->res);
		if (rc == HELP_EXPORT_NONE)
			page_error(c, 404, "hx.err_missing");
		else
			page_db_error(c, rc);
		return;
	}
	c->res->ctype = "application/json; charset=utf-8";
	c->res->disposition = arena_printf(a, "attachment; filename=\"agora-help-%lld.json\"", id);
	c->res->cache = "no-store";
}
