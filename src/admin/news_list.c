/*
 * news_list.c (admin) - the staff list of news items (admin/news.h):
 * every status, filtered by status, category and words, newest
 * publication first, 50 a page with a keyset cursor (admin/db_news.c
 * walks an index).  The editing itself is admin/news.c.
 */
#include <string.h>

#include "admin/db_news.h"
#include "admin/news.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/text.h"
#include "http/valid.h"
#include "site/db_news.h"
#include "site/shared.h"
#include "view/layout.h"

#define LIST_ROWS 50

static const char *const statuses[] = { "draft", "scheduled", "published", NULL };

void adm_news_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *status = req_query(c->r, "status");
	const char *cat = req_query(c->r, "category");
	const char *q = req_query(c->r, "q");
	const char *before = req_query(c->r, "before");
	long long category = 0, cur_id = 0;
	const char *cur_at = NULL;
	if (status == NULL || *status == '\0')
		status = "";
	else if (!valid_choice(status, statuses)) {
		page_error(c, 400, "adm.news.err_filter");
		return;
	}
	if (cat != NULL && *cat && !valid_int(cat, 1, 255, &category)) {
		page_error(c, 400, "adm.news.err_filter");
		return;
	}
	q = q ? text_trim(a, q) : "";
	if (!valid_text(q, 0, 200, 0) ||
	    (before != NULL && !valid_cursor(a, before, &cur_at, &cur_id))) {
		page_error(c, 400, "adm.news.err_filter");
		return;
	}
	struct db_res res;
	const struct db_res *cats;
	int rc = site_categories(&cats);
	if (rc == DB_OK)
		rc = db_adm_news_page(a, status, category, q, cur_at, cur_id,
		                      LIST_ROWS + 1, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.news.title"), "admin/news_list.tpl", &top);
	static const char *const notices[] = { "deleted", "adm.news.done_deleted", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "Q", q);
	for (size_t i = 0; statuses[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "STATUS");
		tmpl_set(o, "V", statuses[i]);
		tmpl_set(o, "LABEL", T(c, arena_printf(a, "adm.news.s_%s", statuses[i])));
		if (strcmp(status, statuses[i]) == 0)
			tmpl_show(o, "SELECTED");
	}
	for (size_t i = 0; i < cats->nrows; i++) {
		tmpl_dict *o = tmpl_add(d, "CATEGORY");
		tmpl_set(o, "V", db_str(cats, i, CAT_ID));
		tmpl_set(o, "LABEL", page_pick(c, db_str(cats, i, CAT_NAME),
		                               db_str(cats, i, CAT_NAME_EN), NULL));
		if (db_ll(cats, i, CAT_ID) == category)
			tmpl_show(o, "SELECTED");
	}
	size_t n = res.nrows > LIST_ROWS ? LIST_ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < n; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/news/%s", c->lp,
			                                db_str(&res, i, NL_ID)));
			tmpl_set(r, "TITLE", db_str(&res, i, NL_TITLE));
			tmpl_set(r, "CATEGORY", db_str(&res, i, NL_CATEGORY));
			const char *st = db_str(&res, i, NL_STATUS);
			const char *key = strcmp(st, "draft") == 0 ? "adm.news.s_draft"
			                : db_ll(&res, i, NL_FUTURE) ? "adm.news.s_scheduled"
			                                            : "adm.news.s_published";
			tmpl_set(r, "STATUS", T(c, key));
			tmpl_set(r, "AT", admin_time(c, db_str(&res, i, NL_AT)));
			if (db_ll(&res, i, NL_HAS_EN))
				tmpl_show(r, "EN");
		}
	}
	if (res.nrows > LIST_ROWS) {
		const char *qs = "";
		if (*status)
			qs = arena_printf(a, "%sstatus=%s&", qs, status);
		if (category)
			qs = arena_printf(a, "%scategory=%lld&", qs, category);
		if (*q)
			qs = arena_printf(a, "%sq=%s&", qs, text_percent_encode(a, q));
		tmpl_set(tmpl_add(d, "OLDER"), "URL",
		         arena_printf(a, "%s/admin/news?%sbefore=%s-%s", c->lp, qs,
		                      db_str(&res, LIST_ROWS - 1, NL_CURSOR),
		                      db_str(&res, LIST_ROWS - 1, NL_ID)));
	}
	admin_render(c, top);
}
