/*
 * queue.c - /admin/help, the desk's queue: the open cases by their
 * wanted-by time, so what is overdue is on top and marked, with filters
 * (status, type, village, assignee, overdue only, online requests not yet
 * matched), 50 a page with a keyset cursor.  The counts of overdue cases
 * and of online requests waiting are always shown.  Ordinary data only:
 * a resident's first name and village, never their health.
 *
 * Reads help_cases, help_beneficiaries, help_web_contacts, areas
 * (db_help.c, requests/db_requests.c for the villages).
 */
#include "help/queue.h"

#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "help/db_help.h"
#include "help/help.h"
#include "http/session.h"
#include "http/valid.h"
#include "requests/db_requests.h"
#include "view/layout.h"

#define ROWS 50

static void options(struct ctx *c, tmpl_dict *d, const char *section,
                    const char *const *values, const char *const *labels, const char *cur)
{
	for (int i = 0; values[i]; i++) {
		tmpl_dict *o = tmpl_add(d, section);
		tmpl_set(o, "V", values[i]);
		tmpl_set(o, "LABEL", T(c, labels[i]));
		if (cur != NULL && strcmp(cur, values[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
}

void help_queue(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct help_queue_filter f = { .status = req_query(c->r, "status"),
	                               .type = req_query(c->r, "type") };
	const char *area = req_query(c->r, "area"), *after = req_query(c->r, "after");
	const char *overdue = req_query(c->r, "overdue"), *unmatched = req_query(c->r, "unmatched");
	const char *mine = req_query(c->r, "mine");
	if (f.status == NULL)
		f.status = "open";
	if (f.type == NULL)
		f.type = "";
	const char *after_at = NULL;
	long long after_id = 0;
	if ((f.status[0] && strcmp(f.status, "open") != 0 && help_index(help_statuses, f.status) < 0) ||
	    (f.type[0] && help_index(help_types, f.type) < 0) ||
	    (area != NULL && area[0] && !valid_int(area, 1, 65535, &f.area_id)) ||
	    (after != NULL && !valid_cursor(a, after, &after_at, &after_id))) {
		page_error(c, 400, "help.err.filter");
		return;
	}
	f.overdue = overdue != NULL && strcmp(overdue, "1") == 0;
	f.unmatched = unmatched != NULL && strcmp(unmatched, "1") == 0;
	if (mine != NULL && strcmp(mine, "1") == 0)
		f.assignee_id = c->staff->id;
	struct db_res res, areas;
	long long n_overdue, n_unmatched;
	int rc = db_help_queue(a, &f, after_at, after_id, ROWS, &res);
	if (rc == DB_OK)
		rc = db_help_counts(a, &n_overdue, &n_unmatched);
	if (rc == DB_OK)
		rc = db_rq_areas(a, &areas);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "help.queue.title"), "help/queue.tpl", &top);
	tmpl_set_int(d, "N_OVERDUE", n_overdue);
	tmpl_set_int(d, "N_UNMATCHED", n_unmatched);
	if (n_overdue > 0)
		tmpl_set(tmpl_add(d, "OVERDUE_ALERT"), "URL",
		         arena_printf(a, "%s/admin/help?overdue=1", c->lp));
	if (n_unmatched > 0)
		tmpl_set(tmpl_add(d, "UNMATCHED_ALERT"), "URL",
		         arena_printf(a, "%s/admin/help?unmatched=1", c->lp));
	tmpl_dict *o = tmpl_add(d, "STATUS_OPT");
	tmpl_set(o, "V", "open");
	tmpl_set(o, "LABEL", T(c, "help.queue.open"));
	if (strcmp(f.status, "open") == 0)
		tmpl_show(o, "SELECTED");
	o = tmpl_add(d, "STATUS_OPT");
	tmpl_set(o, "V", "");
	tmpl_set(o, "LABEL", T(c, "help.queue.any"));
	if (f.status[0] == '\0')
		tmpl_show(o, "SELECTED");
	options(c, d, "STATUS_OPT", help_statuses, help_status_labels, f.status);
	options(c, d, "TYPE_OPT", help_types, help_type_labels, f.type);
	for (size_t i = 0; i < areas.nrows; i++) {
		tmpl_dict *r = tmpl_add(d, "AREA_OPT");
		tmpl_set(r, "V", db_str(&areas, i, RA_ID));
		tmpl_set(r, "LABEL", page_pick(c, db_str(&areas, i, RA_NAME),
		                               db_str(&areas, i, RA_NAME_EN), NULL));
		if (f.area_id == db_ll(&areas, i, RA_ID))
			tmpl_show(r, "SELECTED");
	}
	if (f.overdue)
		tmpl_show(d, "OVERDUE_CHECKED");
	if (f.unmatched)
		tmpl_show(d, "UNMATCHED_CHECKED");
	if (f.assignee_id)
		tmpl_show(d, "MINE_CHECKED");
	size_t n = res.nrows > ROWS ? ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	tmpl_dict *t = n ? tmpl_add(d, "TABLE") : NULL;
	for (size_t i = 0; i < n; i++) {
		tmpl_dict *r = tmpl_add(t, "ROW");
		const char *id = db_str(&res, i, HC_ID);
		tmpl_set(r, "URL", arena_printf(a, "%s/admin/help/cases/%s", c->lp, id));
		tmpl_set(r, "ID", id);
		tmpl_set(r, "TYPE", T(c, help_label(help_types, help_type_labels, db_str(&res, i, HC_TYPE))));
		tmpl_set(r, "STATUS", T(c, help_label(help_statuses, help_status_labels,
		                                      db_str(&res, i, HC_STATUS))));
		const char *first = db_str(&res, i, HC_FIRST);
		if (first != NULL)
			tmpl_set(r, "WHO", arena_printf(a, "%s %.1s%s", first, db_str(&res, i, HC_LAST),
			                                db_str(&res, i, HC_LAST)[0] ? "." : ""));
		else {
			tmpl_set(r, "WHO", db_str(&res, i, HC_W_NAME) ? db_str(&res, i, HC_W_NAME) : "");
			tmpl_show(r, "UNMATCHED");
		}
		const char *an = db_str(&res, i, HC_AREA_NAME);
		tmpl_set(r, "AREA", an ? an : "");
		tmpl_set(r, "WANTED", admin_time(c, db_str(&res, i, HC_WANTED)));
		tmpl_set(r, "WANTED_ISO", page_date_iso(a, db_str(&res, i, HC_WANTED)));
		if (db_ll(&res, i, HC_OVERDUE))
			tmpl_show(r, "OVERDUE");
		const char *urg = db_str(&res, i, HC_URGENCY);
		tmpl_set(r, "URGENCY", T(c, help_label(help_urgencies, help_urgency_labels, urg)));
		if (strcmp(urg, "urgent") == 0)
			tmpl_show(r, "URGENT");
		const char *who = db_str(&res, i, HC_ASSIGNEE_NAME);
		tmpl_set(r, "ASSIGNEE", who ? who : "—");
		const char *ph = db_str(&res, i, HC_PHARMACY);
		if (strcmp(ph, "none") != 0)
			tmpl_set(tmpl_add(r, "PHARMACY"), "V", T(c, arena_printf(a, "help.pharmacy.%s", ph)));
	}
	if (res.nrows > ROWS) {
		/* The cursor: the last row's wanted-by time and id. */
		const char *w = db_str(&res, n - 1, HC_WANTED);
		char cur[15];
		size_t k = 0;
		for (const char *p = w; *p && k < 14; p++)
			if (*p >= '0' && *p <= '9')
				cur[k++] = *p;
		cur[k] = '\0';
		tmpl_set(tmpl_add(d, "NEXT"), "URL",
		         arena_printf(a, "%s/admin/help?status=%s&type=%s&area=%lld%s%s%s&after=%s-%s",
		                      c->lp, f.status, f.type, f.area_id, f.overdue ? "&overdue=1" : "",
		                      f.unmatched ? "&unmatched=1" : "", f.assignee_id ? "&mine=1" : "",
		                      cur, db_str(&res, n - 1, HC_ID)));
	}
	if (after != NULL)
		tmpl_set(tmpl_add(d, "FIRST"), "URL", arena_printf(a, "%s/admin/help", c->lp));
	admin_render(c, top);
}
