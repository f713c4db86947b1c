/*
 * editing.c - small pieces the staff editors share (admin/editing.h).
 */
#include "admin/editing.h"

#include <stdlib.h>
#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "core/text.h"
#include "http/valid.h"
#include "view/layout.h"

const char *const edit_statuses[] = { "draft", "scheduled", "published", NULL };

long long edit_id(const struct ctx *c)
{
	return atoll(c->r->cap[0]);
}

int edit_revision(struct ctx *c, long long *r)
{
	const char *rv = req_query(c->r, "revision");
	*r = 0;
	if (rv != NULL && !valid_int(rv, 1, (long long)1 << 62, r)) {
		page_error(c, 400, "adm.rev.err_pick");
		return 0;
	}
	return 1;
}

const char *edit_restored_note(struct ctx *c)
{
	const char *from = req_query(c->r, "restored");
	long long r;
	if (from == NULL || !valid_int(from, 1, (long long)1 << 62, &r))
		return "";
	return arena_printf(c->r->a, "restored from revision %lld", r);
}

const char *edit_action(struct ctx *c, const char *base)
{
	const char *from = req_query(c->r, "restored");
	if (from == NULL)
		return base;
	return arena_printf(c->r->a, "%s?restored=%s", base,
	                    text_percent_encode(c->r->a, from));
}

const char *edit_like(struct arena *a, const char *q)
{
	if (q == NULL || *q == '\0')
		return "";
	char *o = arena_alloc(a, strlen(q) * 2 + 3), *p = o;
	*p++ = '%';
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '!')
			*p++ = '!';
		*p++ = *q;
	}
	*p++ = '%';
	*p = '\0';
	return o;
}

const char *edit_state(const char *status, int future)
{
	if (status == NULL || strcmp(status, "published") != 0)
		return "draft";
	return future ? "scheduled" : "published";
}

int edit_status_code(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (int i = 0; edit_statuses[i]; i++)
		if (strcmp(s, edit_statuses[i]) == 0)
			return i + 1;
	return -1;
}

void edit_confirm(struct ctx *c, const char *title, const char *question,
                  const char *item, const char *action, const char *back)
{
	struct arena *a = c->r->a;
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, title), "admin/confirm.tpl", &top);
	tmpl_set(d, "QUESTION", T(c, question));
	tmpl_set(d, "ITEM", item ? item : "");
	tmpl_set(d, "ACTION", arena_printf(a, "%s%s", c->lp, action));
	tmpl_set(d, "BUTTON", T(c, "adm.content.delete"));
	tmpl_set(d, "BACK", arena_printf(a, "%s%s", c->lp, back));
	admin_render(c, top);
}

void edit_refused(struct ctx *c, int status, const char *title,
                  const char *msg, const char *item, const char *back)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, arena_printf(c->r->a, "%s %s", T(c, "err.title_prefix"),
	                                           T(c, title)),
	                           "admin/refused.tpl", &top);
	c->res->status = status;
	tmpl_set(d, "HEADING", T(c, title));
	tmpl_set(d, "MESSAGE", T(c, msg));
	tmpl_set(d, "ITEM", item ? item : "");
	tmpl_set(d, "BACK", arena_printf(c->r->a, "%s%s", c->lp, back));
	admin_render(c, top);
}
