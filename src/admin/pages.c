/*
 * pages.c (admin) - editing the page tree (admin/pages.h).
 *
 * Follows news.c: one declared form creates and edits, its buttons say
 * what to do (preview, save as a draft, publish now or at the publication
 * time given: a time to come schedules it, and the public queries hide it
 * until then - db/public.h); a save renders the Markdown once, stores a
 * revision and writes the audit log in one transaction; the form carries
 * the version it was opened at; a creating form's token is stored with
 * the page.
 *
 * A page's place: its parent (any page but itself and its own sub-pages,
 * so the tree never gets a cycle), at most PAGE_DEPTH_MAX levels deep
 * counting its sub-pages, which move with it; its slug unique among its
 * siblings.  These are checked on the tree as shown, for the message, and
 * again on the tree locked FOR UPDATE inside the saving transaction, so
 * two moves at once cannot make a cycle between them.
 */
#include "admin/pages.h"
#include "site/search/index.h"

#include <stdlib.h>
#include <string.h>

#include "admin/audit.h"
#include "admin/db_pages.h"
#include "admin/editing.h"
#include "admin/revision.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/civil.h"
#include "core/md.h"
#include "core/slug.h"
#include "core/text.h"
#include "db/db.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "site/shared.h"
#include "view/layout.h"

enum {
	F_PARENT, F_SLUG, F_TITLE, F_TITLE_EN, F_SUMMARY, F_SUMMARY_EN, F_BODY,
	F_BODY_EN, F_SORT, F_IN_MENU, F_PUBLISH, F_VERSION, F__N
};

/* The table; parent's choices come from the tree (form_for). */
static const struct fdef fields[F__N] = {
	[F_PARENT] = { .name = "parent", .kind = F_CHOICE, .flags = F_PAIR,
	               .label = "adm.pages.f_parent", .hint = "adm.pages.h_parent",
	               .err = "adm.pages.err_parent" },
	[F_SLUG] = { .name = "slug", .kind = F_TEXT, .max = 100,
	             .label = "adm.pages.f_slug", .hint = "adm.pages.h_slug",
	             .err = "adm.pages.err_slug" },
	[F_TITLE] = { .name = "title", .kind = F_TEXT, .flags = F_REQUIRED | F_PAIR,
	              .max = 300, .label = "adm.content.f_title", .err = "adm.content.err_title" },
	[F_TITLE_EN] = { .name = "title_en", .kind = F_TEXT, .max = 300,
	                 .label = "adm.content.f_title_en", .err = "adm.content.err_title" },
	[F_SUMMARY] = { .name = "summary", .kind = F_TEXTAREA, .flags = F_PAIR,
	                .max = 1000, .rows = 3, .label = "adm.content.f_summary",
	                .hint = "adm.pages.h_summary", .err = "adm.content.err_summary" },
	[F_SUMMARY_EN] = { .name = "summary_en", .kind = F_TEXTAREA, .max = 1000,
	                   .rows = 3, .label = "adm.content.f_summary_en",
	                   .err = "adm.content.err_summary" },
	[F_BODY] = { .name = "body", .kind = F_TEXTAREA, .flags = F_PAIR,
	             .max = 200000, .rows = 16, .label = "adm.content.f_body",
	             .hint = "adm.content.h_body", .err = "adm.content.err_body" },
	[F_BODY_EN] = { .name = "body_en", .kind = F_TEXTAREA, .max = 200000,
	                .rows = 16, .label = "adm.content.f_body_en",
	                .err = "adm.content.err_body" },
	[F_SORT] = { .name = "sort_order", .kind = F_INT, .flags = F_PAIR,
	             .min = 0, .max = 65535, .label = "adm.pages.f_sort",
	             .hint = "adm.pages.h_sort", .err = "adm.pages.err_sort" },
	[F_IN_MENU] = { .name = "in_menu", .kind = F_CHECKBOX,
	                .label = "adm.pages.f_in_menu", .hint = "adm.pages.h_in_menu",
	                .err = "adm.pages.err_in_menu" },
	[F_PUBLISH] = { .name = "publish_at", .kind = F_DATETIME,
	                .label = "adm.content.f_publish", .hint = "adm.content.h_publish",
	                .err = "adm.content.err_datetime" },
	[F_VERSION] = { .name = "version", .kind = F_HIDDEN, .max = 14,
	                .err = "adm.content.err_conflict" },
};

static const struct fbutton buttons[] = {
	{ "preview", "adm.content.b_preview", 1 },
	{ "draft", "adm.content.b_draft", 1 },
	{ "publish", "adm.content.b_publish", 0 },
};

/* The fields in revisions and the comparison, with their labels. */
static const char *const rev_labels[] = {
	"parent", "adm.pages.f_parent", "slug", "adm.pages.f_slug",
	"title", "adm.content.f_title", "title_en", "adm.content.f_title_en",
	"summary", "adm.content.f_summary", "summary_en", "adm.content.f_summary_en",
	"body", "adm.content.f_body", "body_en", "adm.content.f_body_en",
	"sort_order", "adm.pages.f_sort", "in_menu", "adm.pages.f_in_menu",
	"status", "adm.content.f_status", "publish_at", "adm.content.f_publish",
	NULL,
};

static const char *val(const struct form_data *fd, int i)
{
	return fd->v[i].s;
}

/* ---- the tree ------------------------------------------------------------ */

/* The rows of db_adm_pages_tree linked as a tree: up[i] the row of i's
 * parent (-1 at the top), children in menu order through first/next, the
 * top level's list at index n. */
struct tree {
	const struct db_res *res;
	size_t n;
	long long *id;
	long *up, *first, *last, *next;
	struct by_id { long long id; long i; } *sorted;
};

static int cmp_id(const void *x, const void *y)
{
	long long a = ((const struct by_id *)x)->id, b = ((const struct by_id *)y)->id;
	return a < b ? -1 : a > b;
}

/* The row of page id, or -1. */
static long tree_find(const struct tree *t, long long id)
{
	struct by_id k = { id, 0 };
	const struct by_id *f = t->n ? bsearch(&k, t->sorted, t->n, sizeof(k), cmp_id) : NULL;
	return f ? f->i : -1;
}

static struct tree *tree_build(struct arena *a, const struct db_res *res)
{
	struct tree *t = arena_calloc(a, sizeof(*t));
	size_t n = res->nrows;
	t->res = res;
	t->n = n;
	t->id = arena_calloc(a, (n + 1) * sizeof(*t->id));
	t->up = arena_calloc(a, (n + 1) * sizeof(long));
	t->first = arena_calloc(a, (n + 1) * sizeof(long));
	t->last = arena_calloc(a, (n + 1) * sizeof(long));
	t->next = arena_calloc(a, (n + 1) * sizeof(long));
	t->sorted = arena_calloc(a, (n + 1) * sizeof(*t->sorted));
	for (size_t i = 0; i < n; i++) {
		t->id[i] = db_ll(res, i, PT_ID);
		t->sorted[i] = (struct by_id){ t->id[i], (long)i };
	}
	qsort(t->sorted, n, sizeof(*t->sorted), cmp_id);
	for (size_t i = 0; i <= n; i++)
		t->first[i] = t->last[i] = t->next[i] = -1;
	/* The rows come in menu order: appending keeps it among siblings. */
	for (size_t i = 0; i < n; i++) {
		long long p = db_ll(res, i, PT_PARENT);
		t->up[i] = p ? tree_find(t, p) : -1;
		long list = t->up[i] < 0 ? (long)n : t->up[i];
		if (t->last[list] < 0)
			t->first[list] = (long)i;
		else
			t->next[t->last[list]] = (long)i;
		t->last[list] = (long)i;
	}
	return t;
}

/* 1 if row i is row top or one of its sub-pages. */
static int tree_within(const struct tree *t, long i, long top)
{
	for (size_t steps = 0; i >= 0 && steps <= t->n; steps++, i = t->up[i])
		if (i == top)
			return 1;
	return 0;
}

/* The level of row i: 1 at the top. */
static int tree_depth(const struct tree *t, long i)
{
	int d = 0;
	for (size_t steps = 0; i >= 0 && steps <= t->n; steps++, i = t->up[i])
		d++;
	return d;
}

/* The levels of row i's subtree: 1 for a page without sub-pages. */
static int tree_height(const struct tree *t, long i, int guard)
{
	int h = 0;
	if (guard > PAGE_DEPTH_MAX + 1)
		return guard;
	for (long k = t->first[i]; k >= 0; k = t->next[k]) {
		int kh = tree_height(t, k, guard + 1);
		if (kh > h)
			h = kh;
	}
	return h + 1;
}

/* The path under /p/ of row i ("o-dimos/dimarchos"). */
static const char *tree_path(struct arena *a, const struct tree *t, long i)
{
	const char *p = NULL;
	for (size_t steps = 0; i >= 0 && steps <= PAGE_DEPTH_MAX; steps++, i = t->up[i]) {
		const char *s = db_str(t->res, (size_t)i, PT_SLUG);
		p = p ? arena_printf(a, "%s/%s", s, p) : s;
	}
	return p ? p : "";
}

/* Every row in tree order (a page, then its sub-pages), with its level;
 * rows the top does not reach (a cycle made outside this editor) come
 * last, at level 1, so they can be found and fixed.  Returns the count. */
static size_t walk(const struct tree *t, long i, int depth, long *order,
                   int *depths, char *seen, size_t k)
{
	for (; i >= 0; i = t->next[i]) {
		if (seen[i])
			continue;
		seen[i] = 1;
		order[k] = i;
		depths[k++] = depth;
		k = walk(t, t->first[i], depth + 1, order, depths, seen, k);
	}
	return k;
}

static size_t tree_order(struct arena *a, const struct tree *t, long **order,
                         int **depths)
{
	*order = arena_calloc(a, (t->n + 1) * sizeof(**order));
	*depths = arena_calloc(a, (t->n + 1) * sizeof(**depths));
	char *seen = arena_calloc(a, t->n + 1);
	size_t k = walk(t, t->first[t->n], 1, *order, *depths, seen, 0);
	for (size_t i = 0; i < t->n; i++)
		if (!seen[i]) {
			seen[i] = 1;
			(*order)[k] = (long)i;
			(*depths)[k++] = 1;
		}
	return k;
}

/* "—— " for level 3: the indentation of a title in lists and choices. */
static const char *indent(struct arena *a, int depth)
{
	const char *s = "";
	for (int i = 1; i < depth; i++)
		s = arena_printf(a, "%s—", s);
	return depth > 1 ? arena_printf(a, "%s ", s) : "";
}

/* ---- the form -------------------------------------------------------------- */

struct pform {
	struct form f;
	struct fdef *t;       /* f.fields, writable */
	struct tree *tree;
	long *order;
	int *depths;
	size_t n;
};

/* The form for this request: the table with every page as a choice of
 * parent ("0": the top level). */
static int form_for(struct ctx *c, const char *action, struct pform *pf)
{
	struct arena *a = c->r->a;
	struct db_res *res = arena_alloc(a, sizeof(*res));
	int rc = db_adm_pages_tree(a, "", 0, res);
	if (rc != DB_OK)
		return rc;
	pf->tree = tree_build(a, res);
	pf->n = tree_order(a, pf->tree, &pf->order, &pf->depths);
	pf->t = arena_alloc(a, sizeof(fields));
	memcpy(pf->t, fields, sizeof(fields));
	const char **v = arena_calloc(a, (pf->n + 2) * sizeof(*v));
	const char **l = arena_calloc(a, (pf->n + 2) * sizeof(*l));
	v[0] = "0";
	l[0] = T(c, "adm.pages.top_level");
	for (size_t k = 0; k < pf->n; k++) {
		long i = pf->order[k];
		v[k + 1] = db_str(res, (size_t)i, PT_ID);
		l[k + 1] = arena_printf(a, "%s%s", indent(a, pf->depths[k]),
		                        db_str(res, (size_t)i, PT_TITLE));
	}
	pf->t[F_PARENT].choices = v;
	pf->t[F_PARENT].choice_text = l;
	pf->f = (struct form){ .id = "page", .action = action, .submit = "adm.content.b_publish",
	                       .fields = pf->t, .n = F__N, .buttons = buttons,
	                       .nbuttons = sizeof(buttons) / sizeof(buttons[0]) };
	return DB_OK;
}

/* The choices of parent shown for page id: every page but it and its
 * sub-pages (checked again on saving: see place_errors). */
static void choices_for(struct ctx *c, struct pform *pf, long long id)
{
	long self = id ? tree_find(pf->tree, id) : -1;
	if (self < 0)
		return;
	struct arena *a = c->r->a;
	const char *const *v = pf->t[F_PARENT].choices, *const *l = pf->t[F_PARENT].choice_text;
	const char **nv = arena_calloc(a, (pf->n + 2) * sizeof(*nv));
	const char **nl = arena_calloc(a, (pf->n + 2) * sizeof(*nl));
	size_t m = 0;
	nv[m] = v[0];
	nl[m++] = l[0];
	for (size_t k = 0; k < pf->n; k++) {
		if (tree_within(pf->tree, pf->order[k], self))
			continue;
		nv[m] = v[k + 1];
		nl[m++] = l[k + 1];
	}
	pf->t[F_PARENT].choices = nv;
	pf->t[F_PARENT].choice_text = nl;
}

/* [a-z0-9-], 1 to 100: what the router accepts in a path (routes.def). */
static int valid_slug(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 100 || strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") != n)
		return 0;
	return strspn(s, "-") != n;
}

static long long parent_of(const struct form_data *fd)
{
	const char *p = val(fd, F_PARENT);
	return p ? atoll(p) : 0;
}

/* The slug the page gets: as typed, or made from the Greek title. */
static const char *slug_of(struct arena *a, struct form_data *fd)
{
	if (fd->v[F_SLUG].err != NULL)
		return NULL;
	if (val(fd, F_SLUG) != NULL) {
		if (!valid_slug(val(fd, F_SLUG))) {
			form_error(fd, "slug", "adm.pages.err_slug");
			return NULL;
		}
		return val(fd, F_SLUG);
	}
	if (val(fd, F_TITLE) == NULL)
		return NULL;
	const char *s = slug_make(a, val(fd, F_TITLE));
	if (*s == '\0') {
		form_error(fd, "slug", "adm.pages.err_slug_none");
		return NULL;
	}
	return s;
}

/* The rules of a page's place in tree t (see the top of the file). */
static void place_errors(struct form_data *fd, const struct tree *t, long long id,
                         long long parent, const char *slug)
{
	long self = id ? tree_find(t, id) : -1;
	int height = self >= 0 ? tree_height(t, self, 1) : 1;
	if (parent) {
		long p = tree_find(t, parent);
		if (p < 0)
			form_error(fd, "parent", "adm.pages.err_parent");
		else if (self >= 0 && tree_within(t, p, self))
			form_error(fd, "parent", "adm.pages.err_cycle");
		else if (tree_depth(t, p) + height > PAGE_DEPTH_MAX)
			form_error(fd, "parent", "adm.pages.err_depth");
	} else if (height > PAGE_DEPTH_MAX) {
		form_error(fd, "parent", "adm.pages.err_depth");
	}
	if (slug == NULL)
		return;
	for (size_t i = 0; i < t->n; i++)
		if (t->id[i] != id && db_ll(t->res, i, PT_PARENT) == parent &&
		    strcmp(db_str(t->res, i, PT_SLUG), slug) == 0) {
			form_error(fd, "slug", "adm.pages.err_slug_taken");
			return;
		}
}

static void fill_from_row(struct form_data *fd, const struct db_res *res)
{
	static const struct { int f; int col; } map[] = {
		{ F_PARENT, PE_PARENT }, { F_SLUG, PE_SLUG }, { F_TITLE, PE_TITLE },
		{ F_TITLE_EN, PE_TITLE_EN }, { F_SUMMARY, PE_SUMMARY },
		{ F_SUMMARY_EN, PE_SUMMARY_EN }, { F_BODY, PE_BODY },
		{ F_BODY_EN, PE_BODY_EN }, { F_SORT, PE_SORT },
		{ F_IN_MENU, PE_IN_MENU }, { F_PUBLISH, PE_PUBLISH },
		{ F_VERSION, PE_VERSION },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		const char *v = db_str(res, 0, map[i].col);
		fd->v[map[i].f].raw = v ? v : "";
	}
}

/* The page of the form: new (id 0) or page id, its state, the preview. */
static void render(struct ctx *c, struct pform *pf, struct form_data *fd,
                   long long id, const struct db_res *row, int preview)
{
	struct arena *a = c->r->a;
	const char *title = id ? T(c, "adm.pages.edit_title") : T(c, "adm.pages.new_title");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, title), "admin/content_edit.tpl", &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "FORM_LABEL", T(c, "adm.pages.form"));
	static const char *const notices[] = {
		"draft", "adm.content.done_draft", "published", "adm.content.done_published",
		"scheduled", "adm.content.done_scheduled", NULL };
	admin_notice(c, d, notices);
	if (id && row != NULL) {
		tmpl_dict *s = tmpl_add(d, "ITEM");
		tmpl_set(s, "BASE", arena_printf(a, "%s/admin/pages/%lld", c->lp, id));
		long i = tree_find(pf->tree, id);
		if (i >= 0)
			tmpl_set(tmpl_add(s, "PUBLIC"), "URL",
			         arena_printf(a, "%s/p/%s", c->lp, tree_path(a, pf->tree, i)));
		const char *st = edit_state(db_str(row, 0, PE_STATUS), (int)db_ll(row, 0, PE_FUTURE));
		tmpl_set(s, "STATE", strcmp(st, "scheduled") == 0
		         ? arena_printf(a, "%s %s", T(c, "adm.content.state_scheduled"),
		                        admin_time(c, db_str(row, 0, PE_WHEN)))
		         : T(c, arena_printf(a, "adm.content.s_%s", st)));
	}
	if (preview) {
		tmpl_dict *p = tmpl_add(tmpl_add(d, "PREVIEW"), "ARTICLE");
		int en = c->lang == LANG_EN && val(fd, F_TITLE_EN) != NULL;
		tmpl_set(p, "TITLE", en ? val(fd, F_TITLE_EN) : val(fd, F_TITLE));
		const char *sum = en && val(fd, F_SUMMARY_EN) ? val(fd, F_SUMMARY_EN)
		                                              : val(fd, F_SUMMARY);
		if (sum)
			tmpl_set(tmpl_add(p, "SUMMARY"), "TEXT", sum);
		const char *body = en && val(fd, F_BODY_EN) ? val(fd, F_BODY_EN) : val(fd, F_BODY);
		tmpl_dict *b = page_include(c, p, "BODY", "article_body.tpl");
		tmpl_set(b, "BODY_HTML", md_render(a, body, en ? "/en" : ""));
	}
	choices_for(c, pf, id);
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_pages_new(struct ctx *c)
{
	struct pform pf;
	struct form_data fd;
	int rc = form_for(c, "/admin/pages/new", &pf);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_new(c, &pf.f, &fd);
	/* ?parent=P: "add a sub-page" from the tree. */
	const char *p = req_query(c->r, "parent");
	long long pid;
	if (p != NULL && valid_int(p, 1, 9999999999LL, &pid) && tree_find(pf.tree, pid) >= 0)
		form_set(&fd, "parent", p);
	else
		form_set(&fd, "parent", "0");
	form_set(&fd, "sort_order", "0");
	render(c, &pf, &fd, 0, NULL, 0);
}

/* The row of the page in the route, or an answer (404, 503): NULL. */
static const struct db_res *load(struct ctx *c, long long id)
{
	return edit_load(c, db_adm_page_get, id, 0, "adm.pages.err_missing");
}

void adm_pages_edit(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c), r;
	const struct db_res *row = load(c, id);
	if (row == NULL || !edit_revision(c, &r))
		return;
	struct pform pf;
	struct form_data fd;
	int rc = form_for(c, r ? arena_printf(a, "/admin/pages/%lld?restored=%lld", id, r)
	                       : arena_printf(a, "/admin/pages/%lld", id), &pf);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_new(c, &pf.f, &fd);
	fill_from_row(&fd, row);
	if (r && !edit_restore(c, "page", id, r, &fd, "adm.content.restoring"))
		return;
	render(c, &pf, &fd, id, row, 0);
}

/* The "before -> after" of a save, for the audit log. */
static const char *summary_of(struct arena *a, const struct db_res *old,
                              const struct adm_page *p)
{
	if (old == NULL)
		return arena_printf(a, "created (%s): %s", p->status, p->title);
	const char *out = "";
	const char *ost = db_str(old, 0, PE_STATUS);
	if (strcmp(ost, p->status) != 0)
		out = arena_printf(a, "status %s → %s; ", ost, p->status);
	if (db_ll(old, 0, PE_PARENT) != p->parent)
		out = arena_printf(a, "%smoved: parent %lld → %lld; ", out,
		                   db_ll(old, 0, PE_PARENT), p->parent);
	if (strcmp(db_str(old, 0, PE_SLUG), p->slug) != 0)
		out = arena_printf(a, "%sslug %s → %s; ", out, db_str(old, 0, PE_SLUG), p->slug);
	if (db_ll(old, 0, PE_SORT) != p->sort_order)
		out = arena_printf(a, "%smenu order %lld → %lld; ", out,
		                   db_ll(old, 0, PE_SORT), p->sort_order);
	static const struct { int col; const char *name; } cols[] = {
		{ PE_TITLE_EN, "title_en" }, { PE_SUMMARY, "summary" },
		{ PE_SUMMARY_EN, "summary_en" }, { PE_BODY, "body" }, { PE_BODY_EN, "body_en" },
	};
	const char *vals[] = { p->title_en, p->summary, p->summary_en, p->body, p->body_en };
	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		const char *o = db_str(old, 0, cols[i].col);
		if (strcmp(o ? o : "", vals[i] ? vals[i] : "") != 0)
			out = arena_printf(a, "%s%s changed; ", out, cols[i].name);
	}
	if (strcmp(db_str(old, 0, PE_TITLE), p->title) != 0)
		out = arena_printf(a, "%stitle \"%s\" → \"%s\"; ", out,
		                   db_str(old, 0, PE_TITLE), p->title);
	return *out ? out : "saved without changes";
}

/* Create (id 0) or save page id from the request: the whole POST. */
static void save(struct ctx *c, long long id)
{
	struct arena *a = c->r->a;
	struct pform pf;
	struct form_data fd;
	int rc = form_for(c, id ? edit_action(c, arena_printf(a, "/admin/pages/%lld", id))
	                        : "/admin/pages/new", &pf);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const struct db_res *row = NULL;
	if (id && (row = load(c, id)) == NULL)
		return;
	form_parse(c, &pf.f, &fd);
	/* The creating form sent again (a double click): the page it made. */
	long long twin = 0;
	if (!id && !fd.token_bad && (rc = db_adm_page_by_token(a, fd.token, &twin)) != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (twin) {
		admin_redirect(c, arena_printf(a, "/admin/pages/%lld?done=draft", twin));
		return;
	}
	const char *slug = slug_of(a, &fd);
	long long parent = parent_of(&fd);
	if (fd.v[F_PARENT].err == NULL)
		place_errors(&fd, pf.tree, id, parent, slug);
	/* A slug made from the title is shown, to be changed if taken. */
	if (slug != NULL && val(&fd, F_SLUG) == NULL)
		form_set(&fd, "slug", slug);
	const char *action = form_action(c, &pf.f);
	if (action == NULL)
		action = "draft";
	if (fd.nerr || fd.token_bad || strcmp(action, "preview") == 0) {
		int preview = strcmp(action, "preview") == 0 && fd.nerr == 0;
		c->res->status = preview ? 200 : 422;
		render(c, &pf, &fd, id, row, preview);
		return;
	}
	struct adm_page p = {
		.parent = parent, .slug = slug,
		.title = val(&fd, F_TITLE), .title_en = val(&fd, F_TITLE_EN),
		.summary = val(&fd, F_SUMMARY) ? val(&fd, F_SUMMARY) : "",
		.summary_en = val(&fd, F_SUMMARY_EN),
		.body = val(&fd, F_BODY) ? val(&fd, F_BODY) : "", .body_en = val(&fd, F_BODY_EN),
		.sort_order = fd.v[F_SORT].s ? fd.v[F_SORT].i : 0,
		.in_menu = fd.v[F_IN_MENU].i,
		.status = strcmp(action, "publish") == 0 ? "published" : "draft",
		.publish_at = val(&fd, F_PUBLISH),
		.user_id = c->staff->id,
	};
	p.body_html = md_render(a, p.body, "");
	p.body_en_html = p.body_en ? md_render(a, p.body_en, "/en") : NULL;

	rc = db_begin();
	/* The tree as it is now, locked until the commit; first, so that
	 * every save takes its locks in the same order. */
	struct db_res locked;
	if (rc == DB_OK)
		rc = db_adm_pages_tree(a, "", 1, &locked);
	struct db_res *cur = NULL;
	if (rc == DB_OK && id) {
		/* Who saved since the form was opened? */
		cur = arena_alloc(a, sizeof(*cur));
		rc = db_adm_page_get(a, id, 1, cur);
		if (rc == DB_OK && cur->nrows == 0)
			rc = DB_ERR;
		if (rc == DB_OK && strcmp(fd.v[F_VERSION].raw, db_str(cur, 0, PE_VERSION)) != 0) {
			db_rollback();
			form_set(&fd, "version", db_str(cur, 0, PE_VERSION));
			fd.err = "adm.content.err_conflict";
			c->res->status = 409;
			render(c, &pf, &fd, id, cur, 0);
			return;
		}
	}
	if (rc == DB_OK && !id)
		rc = db_adm_page_by_token(a, fd.token, &twin);
	if (rc == DB_OK && !twin) {
		place_errors(&fd, tree_build(a, &locked), id, parent, slug);
		if (fd.nerr) {
			db_rollback();
			c->res->status = 422;
			render(c, &pf, &fd, id, row, 0);
			return;
		}
		rc = id ? db_adm_page_update(a, id, &p) : db_adm_page_insert(a, &p, fd.token, &id);
		if (rc == DB_DUP) {
			/* A twin form or a sibling's slug, committed meanwhile. */
			db_rollback();
			if (!id && db_adm_page_by_token(a, fd.token, &twin) == DB_OK && twin) {
				admin_redirect(c, arena_printf(a, "/admin/pages/%lld?done=draft", twin));
				return;
			}
			form_error(&fd, "slug", "adm.pages.err_slug_taken");
			c->res->status = 422;
			render(c, &pf, &fd, id, row, 0);
			return;
		}
	}
	if (rc == DB_OK && !twin) {
		struct rev_field rf[] = {
			{ "parent", arena_printf(a, "%lld", p.parent) }, { "slug", p.slug },
			{ "title", p.title }, { "title_en", p.title_en },
			{ "summary", p.summary }, { "summary_en", p.summary_en },
			{ "body", p.body }, { "body_en", p.body_en },
			{ "sort_order", arena_printf(a, "%lld", p.sort_order) },
			{ "in_menu", p.in_menu ? "1" : "" }, { "status", p.status },
			{ "publish_at", fd.v[F_PUBLISH].raw },
		};
		rc = revision_save(c, "page", id, edit_restored_note(c), rf,
		                   sizeof(rf) / sizeof(rf[0]));
		if (rc == DB_OK)
			rc = search_index_page_tree(a, id);
		if (rc == DB_OK)
			rc = audit_staff(c, cur ? "page_update" : "page_create", "page",
			                 arena_printf(a, "%lld", id), summary_of(a, cur, &p));
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (twin)
		id = twin;
	/* This worker's caches now; the others' within their lifetime. */
	site_invalidate();
	char now[20];
	civil_now_text(now);
	const char *done = strcmp(p.status, "draft") == 0 ? "draft"
	                 : p.publish_at && strcmp(p.publish_at, now) > 0 ? "scheduled"
	                                                                 : "published";
	admin_redirect(c, arena_printf(a, "/admin/pages/%lld?done=%s", id, done));
}

void adm_pages_create(struct ctx *c)
{
	save(c, 0);
}

void adm_pages_save(struct ctx *c)
{
	save(c, edit_id(c));
}

/* ---- delete -------------------------------------------------------------------- */

void adm_pages_delete_ask(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	const struct db_res *row = load(c, id);
	if (row == NULL)
		return;
	const char *back = arena_printf(a, "/admin/pages/%lld", id);
	if (db_ll(row, 0, PE_CHILDREN) > 0) {
		edit_refused(c, 409, "adm.pages.delete_title", "adm.pages.err_has_children",
		             db_str(row, 0, PE_TITLE), back);
		return;
	}
	edit_confirm(c, "adm.pages.delete_title", "adm.pages.delete_question",
	             db_str(row, 0, PE_TITLE), arena_printf(a, "/admin/pages/%lld/delete", id),
	             back);
}

void adm_pages_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	struct db_res row;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_adm_page_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.pages.err_missing");
		return;
	}
	/* Sub-pages first: never orphaned, never deleted along unseen. */
	if (rc == DB_OK && db_ll(&row, 0, PE_CHILDREN) > 0)
		rc = DB_REFERENCED;
	if (rc == DB_OK)
		rc = db_adm_page_delete(a, id);
	if (rc == DB_OK)
		rc = search_unindex_item(a, SEARCH_PAGE, id);
	if (rc == DB_REFERENCED) {
		db_rollback();
		edit_refused(c, 409, "adm.pages.delete_title", "adm.pages.err_has_children",
		             db_str(&row, 0, PE_TITLE), arena_printf(a, "/admin/pages/%lld", id));
		return;
	}
	if (rc == DB_OK)
		rc = audit_staff(c, "page_delete", "page", arena_printf(a, "%lld", id),
		                 arena_printf(a, "deleted (%s): %s /%s", db_str(&row, 0, PE_STATUS),
		                              db_str(&row, 0, PE_TITLE), db_str(&row, 0, PE_SLUG)));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	admin_redirect(c, "/admin/pages?done=deleted");
}

static const struct edit_kind kind = {
	"page", "/admin/pages", db_adm_page_get, PE_TITLE, "adm.pages.err_missing", rev_labels,
};

void adm_pages_revisions(struct ctx *c)
{
	edit_revisions(c, &kind);
}

void adm_pages_diff(struct ctx *c)
{
	edit_diff(c, &kind);
}

/* ---- the list: the tree ------------------------------------------------------------ */

void adm_pages_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *status = req_query(c->r, "status");
	const char *q = req_query(c->r, "q");
	int scode = edit_status_code(status);
	q = q ? text_trim(a, q) : "";
	if (scode < 0 || !valid_text(q, 0, 200, 0)) {
		page_error(c, 400, "adm.content.err_filter");
		return;
	}
	struct db_res res;
	int rc = db_adm_pages_tree(a, edit_like(a, q), 0, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct tree *t = tree_build(a, &res);
	long *order;
	int *depths;
	size_t n = tree_order(a, t, &order, &depths);
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.pages.title"), "admin/pages_list.tpl", &top);
	static const char *const notices[] = { "deleted", "adm.content.done_deleted", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "Q", q);
	for (size_t i = 0; edit_statuses[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "STATUS");
		tmpl_set(o, "V", edit_statuses[i]);
		tmpl_set(o, "LABEL", T(c, arena_printf(a, "adm.content.s_%s", edit_statuses[i])));
		if ((int)i + 1 == scode)
			tmpl_show(o, "SELECTED");
	}
	/* Public: published, its time come, and so every page above it
	 * (parents come before their sub-pages in the walk). */
	char *pub = arena_calloc(a, t->n + 1);
	tmpl_dict *tbl = NULL;
	for (size_t k = 0; k < n; k++) {
		long i = order[k];
		const char *st = edit_state(db_str(&res, (size_t)i, PT_STATUS),
		                            (int)db_ll(&res, (size_t)i, PT_FUTURE));
		int above = t->up[i] < 0 || pub[t->up[i]];
		pub[i] = strcmp(st, "published") == 0 && above;
		if ((scode && strcmp(st, edit_statuses[scode - 1]) != 0) ||
		    !db_ll(&res, (size_t)i, PT_MATCH))
			continue;
		if (tbl == NULL)
			tbl = tmpl_add(d, "TABLE");
		tmpl_dict *r = tmpl_add(tbl, "ROW");
		const char *pid = db_str(&res, (size_t)i, PT_ID);
		tmpl_set(r, "ID", pid);
		tmpl_set_int(r, "DEPTH", depths[k]);
		tmpl_set(r, "INDENT", indent(a, depths[k]));
		tmpl_set(r, "URL", arena_printf(a, "%s/admin/pages/%s", c->lp, pid));
		tmpl_set(r, "TITLE", db_str(&res, (size_t)i, PT_TITLE));
		if (db_str(&res, (size_t)i, PT_TITLE_EN) && *db_str(&res, (size_t)i, PT_TITLE_EN))
			tmpl_show(r, "EN");
		tmpl_set(r, "PATH", arena_printf(a, "/p/%s", tree_path(a, t, i)));
		tmpl_set(r, "SORT", db_str(&res, (size_t)i, PT_SORT));
		if (db_ll(&res, (size_t)i, PT_IN_MENU))
			tmpl_show(r, t->up[i] < 0 ? "IN_MENU" : "IN_MENU_SUB");
		tmpl_set(r, "STATUS", strcmp(st, "scheduled") == 0
		         ? arena_printf(a, "%s %s", T(c, "adm.content.state_scheduled"),
		                        admin_time(c, db_str(&res, (size_t)i, PT_PUBLISH)))
		         : T(c, arena_printf(a, "adm.content.s_%s", st)));
		if (strcmp(st, "published") == 0 && !above)
			tmpl_show(r, "HIDDEN");
		if (depths[k] < PAGE_DEPTH_MAX)
			tmpl_set(tmpl_add(r, "ADD"), "URL",
			         arena_printf(a, "%s/admin/pages/new?parent=%s", c->lp, pid));
	}
	if (tbl == NULL)
		tmpl_show(d, "EMPTY");
	admin_render(c, top);
}
