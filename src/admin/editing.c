/*
 * editing.c - small pieces the staff editors share (admin/editing.h).
 */
#include "admin/editing.h"

#include "admin/revision.h"

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

const struct db_res *edit_load(struct ctx *c, edit_getter get, long long id,
                               int lock, const char *missing)
{
	struct db_res *res = arena_alloc(c->r->a, sizeof(*res));
	int rc = get(c->r->a, id, lock, res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return NULL;
	}
	if (res->nrows == 0) {
		page_error(c, 404, missing);
		return NULL;
	}
	return res;
}

int edit_restore(struct ctx *c, const char *type, long long id, long long r,
                 struct form_data *fd, const char *note_key)
{
	struct db_res fr;
	int rc = revision_fields_of(c, type, id, r, &fr);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (fr.nrows == 0) {
		page_error(c, 404, "adm.rev.err_missing");
		return 0;
	}
	for (size_t i = 0; i < fd->f->n; i++) {
		const struct fdef *d = &fd->f->fields[i];
		if (d->kind != F_FILE && d->kind != F_HIDDEN)
			form_set(fd, d->name, revision_value(&fr, d->name));
	}
	fd->err = note_key;
	return 1;
}

/* The item of the route for k's revision pages: its row and name. */
static const struct db_res *rev_item(struct ctx *c, const struct edit_kind *k,
                                     long long id, const char **name,
                                     const char **base)
{
	const struct db_res *row = edit_load(c, k->get, id, 0, k->missing);
	if (row == NULL)
		return NULL;
	const char *n = db_str(row, 0, k->name_col);
	*name = text_first_chars(c->r->a, n ? n : "", 100);
	*base = arena_printf(c->r->a, "%s/%lld", k->base, id);
	return row;
}

void edit_revisions(struct ctx *c, const struct edit_kind *k)
{
	long long id = edit_id(c);
	const char *name, *base;
	if (rev_item(c, k, id, &name, &base) != NULL)
		revision_list_page(c, k->type, id, name, base);
}

void edit_diff(struct ctx *c, const struct edit_kind *k)
{
	long long id = edit_id(c);
	const char *name, *base;
	if (rev_item(c, k, id, &name, &base) != NULL)
		revision_diff_page(c, k->type, id, name, base, k->rev_labels);
}
