/*
 * page.c - /open311 (page.h).  Reads the services through
 * open311/db_open311.c; writes nothing.
 */
#include "open311/page.h"

#include "core/arena.h"
#include "open311/db_open311.h"
#include "view/layout.h"

void open311_page(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res s;
	int rc = db_o311_services(a, &s);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, T(c, "o311.page.title"), "open311.tpl", "/open311", &top);
	page_description(c, top, T(c, "o311.page.lead"));
	const char *base = arena_printf(a, "%s/open311/v2", c->conf->site_url);
	tmpl_set(d, "BASE", base);
	for (size_t i = 0; i < s.nrows; i++) {
		tmpl_dict *r = tmpl_add(d, "SERVICE");
		tmpl_set(r, "CODE", db_str(&s, i, OS_ID));
		tmpl_set(r, "NAME", page_pick(c, db_str(&s, i, OS_NAME), db_str(&s, i, OS_NAME_EN), NULL));
		tmpl_set(r, "GROUP", page_pick(c, db_str(&s, i, OS_GROUP), db_str(&s, i, OS_GROUP_EN), NULL));
		tmpl_set(r, "URL", arena_printf(a, "%s/services/%s.json", base, db_str(&s, i, OS_ID)));
		if (db_ll(&s, i, OS_QUESTIONS))
			tmpl_show(r, "QUESTIONS");
	}
	const char *mail = c->conf->contact_email;
	if (mail != NULL && *mail)
		tmpl_set(tmpl_add(d, "KEY_MAIL"), "EMAIL", mail);
	const char *phone = c->conf->contact_phone;
	if (phone != NULL && *phone) {
		tmpl_dict *p = tmpl_add(d, "KEY_PHONE");
		tmpl_set(p, "PHONE", phone);
		tmpl_set(p, "TEL", page_tel(a, phone));
	}
	page_render(c, top);
}
