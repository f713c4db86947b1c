/*
 * ui.c - the staff area's layout and small shared pieces (ui.h).
 */
#include "admin/ui.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "db/db.h"
#include "http/session.h"
#include "view/layout.h"

/* The staff menu: each entry shows only to those who may open it. */
static const struct {
	const char *href;
	const char *label;
	enum perm perm;
} menu[] = {
	{ "/admin", "adm.nav.dashboard", PERM_STAFF },
	{ "/admin/news", "adm.nav.news", PERM_CONTENT },
	{ "/admin/pages", "adm.nav.pages", PERM_CONTENT },
	{ "/admin/events", "adm.nav.events", PERM_CONTENT },
	{ "/admin/alerts", "adm.nav.alerts", PERM_ALERT },
	{ "/admin/requests", "adm.nav.requests", PERM_REQUESTS },
	{ "/admin/comments", "cma.nav", PERM_COMMENTS },
	{ "/admin/help", "help.nav", PERM_HELP },
	{ "/admin/help/tasks", "help.nav_tasks", PERM_HELP_TASKS },
	{ "/admin/help/volunteers", "hv.nav", PERM_HELP_VOLUNTEERS },
	{ "/admin/help/reports", "hr.nav", PERM_HELP_REPORTS },
	{ "/admin/departments", "adm.nav.departments", PERM_DEPARTMENTS },
	{ "/admin/users", "adm.nav.users", PERM_USERS },
	{ "/admin/api-keys", "o311.nav_keys", PERM_USERS },
	{ "/admin/audit", "adm.nav.audit", PERM_AUDIT },
	{ "/admin/stats", "stats.nav", PERM_REQUESTS },
	{ "/admin/outbox", "adm.nav.outbox", PERM_OUTBOX },
	{ "/admin/account", "adm.nav.account", PERM_STAFF },
};

static int may(const struct staff *s, enum perm p)
{
	return p == PERM_STAFF || (s->perms & PERM_BIT(p));
}

tmpl_dict *admin_start(struct ctx *c, const char *title, const char *content,
                       tmpl_dict **top)
{
	const struct conf *cf = c->conf;
	struct arena *a = c->r->a;
	int en = c->lang == LANG_EN;
	tmpl_dict *d = tmpl_dict_new(a);
	tmpl_set_global(d, "SITE_NAME", en ? cf->site_name_en : cf->site_name);
	tmpl_set_global(d, "LP", c->lp);
	tmpl_set_global(d, "LANG", i18n_code(c->lang));
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "OTHER_LANG_URL",
	         arena_printf(a, "%s%s", en ? "" : "/en", c->r->path));
	const struct staff *s = c->staff;
	if (s != NULL) {
		tmpl_dict *u = tmpl_add(d, "USER");
		tmpl_set(u, "NAME", s->display_name);
		tmpl_set(u, "CSRF", s->csrf);
		tmpl_set_global(d, "CSRF", s->csrf);
		/* The menu only once fully signed in. */
		tmpl_dict *m = NULL;
		for (size_t i = 0; s->stage == STAGE_FULL && !s->must_change &&
		                   i < sizeof(menu) / sizeof(menu[0]); i++) {
			if (!may(s, menu[i].perm))
				continue;
			if (m == NULL)
				m = tmpl_add(d, "MENU");
			tmpl_dict *n = tmpl_add(m, "NAV");
			tmpl_set(n, "HREF", arena_printf(a, "%s%s", c->lp, menu[i].href));
			tmpl_set(n, "LABEL", T(c, menu[i].label));
			size_t hl = strlen(menu[i].href);
			const char *p = c->r->path;
			int cur = strcmp(p, menu[i].href) == 0 ? 1
			        : (hl > 6 && strncmp(p, menu[i].href, hl) == 0 &&
			           p[hl] == '/') ? 2 : 0;
			if (cur)
				tmpl_set(tmpl_add(n, "CURRENT"), "KIND",
				         cur == 1 ? "page" : "true");
		}
	}
	*top = d;
	return page_include(c, d, "CONTENT", content);
}

void admin_render(struct ctx *c, tmpl_dict *top)
{
	page_render_file(c, "admin/layout.tpl", top);
}

void admin_notice(struct ctx *c, tmpl_dict *d, const char *const *keys)
{
	const char *v = req_query(c->r, "done");
	for (size_t i = 0; v != NULL && keys[i] != NULL; i += 2)
		if (strcmp(v, keys[i]) == 0) {
			tmpl_set(tmpl_add(d, "NOTICE"), "TEXT", T(c, keys[i + 1]));
			return;
		}
}

const char *admin_time(struct ctx *c, const char *dt)
{
	int y, mo, da, h, mi;
	if (dt == NULL || sscanf(dt, "%d-%d-%d %d:%d", &y, &mo, &da, &h, &mi) != 5)
		return dt ? dt : "";
	return arena_printf(c->r->a, "%d/%d/%d %02d:%02d", da, mo, y, h, mi);
}

void admin_redirect(struct ctx *c, const char *path)
{
	c->res->status = 303;
	c->res->location = arena_printf(c->r->a, "%s%s", c->lp, path);
}

void admin_commit(struct ctx *c, int rc, const char *path)
{
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	admin_redirect(c, path);
}
