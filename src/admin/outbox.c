/*
 * outbox.c (admin) - the staff page of the mail outbox: what is waiting to
 * go and what failed (kind, recipient, subject, tries, last error, next
 * try, created), 50 a page newest first with a keyset cursor (the id;
 * mail/db_outbox.c reads one index range per state), and a "retry now"
 * button on each failed message.  Recipients are personal data: this page
 * is PERM_OUTBOX only.  Writes the outbox (requeue) and the audit log.
 */
#include "admin/outbox.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "db/db.h"
#include "http/valid.h"
#include "mail/db_outbox.h"
#include "site/shared.h"
#include "view/layout.h"

#define LIST_ROWS 50

void adm_outbox_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *failed = req_query(c->r, "failed");
	const char *before = req_query(c->r, "before");
	long long cur = 0;
	if ((failed != NULL && strcmp(failed, "1") != 0 && strcmp(failed, "") != 0) ||
	    (before != NULL && !valid_int(before, 1, 9000000000000000000LL, &cur))) {
		page_error(c, 400, "mail.adm.err_filter");
		return;
	}
	int failed_only = failed != NULL && failed[0] == '1';
	struct outbox_item *it;
	size_t n;
	int more;
	int rc = outbox_page(a, failed_only, (unsigned long long)cur, LIST_ROWS, &it, &n, &more);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "mail.adm.title"), "admin/outbox.tpl", &top);
	static const char *const notices[] = { "retried", "mail.adm.done_retried", NULL };
	admin_notice(c, d, notices);
	tmpl_show(d, failed_only ? "FAILED_ONLY" : "ALL_STATES");
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < n; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			int is_failed = strcmp(it[i].state, "failed") == 0;
			tmpl_set(r, "ID", arena_printf(a, "%llu", it[i].id));
			tmpl_set(r, "KIND", it[i].kind);
			tmpl_set(r, "RCPT", it[i].rcpt);
			tmpl_set(r, "SUBJECT", it[i].subject);
			tmpl_set(r, "STATE", T(c, is_failed ? "mail.adm.s_failed" : "mail.adm.s_queued"));
			tmpl_set(r, "TRIES", arena_printf(a, "%u", it[i].tries));
			tmpl_set(r, "ERROR", it[i].last_error);
			tmpl_set(r, "NEXT", is_failed ? "—" : admin_time(c, it[i].next_try_at));
			tmpl_set(r, "CREATED", admin_time(c, it[i].created_at));
			if (is_failed)
				tmpl_set(tmpl_add(r, "RETRY"), "ACTION",
				         arena_printf(a, "%s/admin/outbox/%llu/retry", c->lp, it[i].id));
		}
	}
	if (more)
		tmpl_set(tmpl_add(d, "OLDER"), "URL",
		         arena_printf(a, "%s/admin/outbox?%sbefore=%llu", c->lp,
		                      failed_only ? "failed=1&" : "", it[n - 1].id));
	admin_render(c, top);
}

void adm_outbox_retry(struct ctx *c)
{
	long long id;
	if (!valid_int(c->r->cap[0], 1, 9000000000000000000LL, &id)) {
		page_error(c, 404, NULL);
		return;
	}
	int changed = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = outbox_requeue(c->r->a, (unsigned long long)id, &changed);
	if (rc == DB_OK && changed)
		rc = audit_staff(c, "outbox_retry", "outbox",
		                 arena_printf(c->r->a, "%lld", id), "failed -> queued");
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (!changed) {
		page_error(c, 404, "mail.adm.err_not_failed");
		return;
	}
	admin_redirect(c, "/admin/outbox?done=retried");
}
