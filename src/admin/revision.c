/*
 * revision.c - storing, listing and comparing revisions (revision.h).
 *
 * The comparison is a line diff (longest common subsequence) of each
 * field that differs; texts of more than DIFF_MAX_LINES lines are shown
 * as replaced whole rather than compared, which bounds the work at
 * DIFF_MAX_LINES squared steps.
 */
#include "admin/revision.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "db/db.h"
#include "db/public.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define DIFF_MAX_LINES 600

static struct db_stmt st_rev = DB_WRITE(
    "INSERT INTO revisions (object_type, object_id, user_id, username, note)"
    " VALUES (?, ?, ?, ?, ?)");
static struct db_stmt st_field = DB_WRITE(
    "INSERT INTO revision_fields (revision_id, name, value) VALUES (?, ?, ?)");
static struct db_stmt st_fields = DB_READ(
    "SELECT f.name, f.value, NULL FROM revision_fields f"
    " JOIN revisions r ON r.id = f.revision_id"
    " WHERE r.id = ? AND r.object_type = ? AND r.object_id = ?", RF__END + 1);
#define REV_COLS(X)                                                          \
	X(RV_ID, "id")                                                       \
	X(RV_AT, SQL_DT("created_at"))                                       \
	X(RV_USER, "username")                                               \
	X(RV_NOTE, "note")
enum { DB_COLS_ENUM(REV_COLS, RV__END) };
static struct db_stmt st_list = DB_READ(
    "SELECT " DB_COLUMNS(REV_COLS) " FROM revisions"
    " WHERE object_type = ? AND object_id = ? ORDER BY id DESC LIMIT 100",
    DB_NCOLS(REV_COLS));

int revision_save(struct ctx *c, const char *type, long long id,
                  const char *note, const struct rev_field *f, size_t n)
{
	struct arena *a = c->r->a;
	const struct staff *s = c->staff;
	struct db_res res;
	int rc = db_run(a, &st_rev, &res, "sisss", type, id,
	                s ? arena_printf(a, "%lld", s->id) : NULL,
	                s ? s->username : "", note ? note : "");
	long long rev = (long long)res.insert_id;
	for (size_t i = 0; rc == DB_OK && i < n; i++)
		rc = db_run(a, &st_field, NULL, "iss", rev, f[i].name, f[i].value);
	return rc;
}

int revision_fields_of(struct ctx *c, const char *type, long long id,
                       long long rev, struct db_res *res)
{
	return db_run(c->r->a, &st_fields, res, "isi", rev, type, id);
}

const char *revision_value(const struct db_res *res, const char *name)
{
	for (size_t i = 0; i < res->nrows; i++)
		if (strcmp(db_str(res, i, RF_NAME), name) == 0)
			return db_str(res, i, RF_VALUE);
	return NULL;
}

void revision_list_page(struct ctx *c, const char *type, long long id,
                        const char *title, const char *base)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_run(a, &st_list, &res, "si", type, id);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.rev.title"), "admin/revisions.tpl", &top);
	tmpl_set(d, "ITEM", title);
	tmpl_set(d, "BASE", arena_printf(a, "%s%s", c->lp, base));
	if (res.nrows == 0)
		tmpl_show(d, "NONE");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < res.nrows; i++) {
			tmpl_dict *r = tmpl_add(t, "REV");
			tmpl_set(r, "ID", db_str(&res, i, RV_ID));
			tmpl_set(r, "AT", admin_time(c, db_str(&res, i, RV_AT)));
			tmpl_set(r, "USER", db_str(&res, i, RV_USER));
			tmpl_set(r, "NOTE", db_str(&res, i, RV_NOTE));
			/* Compare with the one before it; newest and second
			 * newest checked by default. */
			if (i == 0)
				tmpl_show(r, "B_CHECKED");
			if (i == 1)
				tmpl_show(r, "A_CHECKED");
			if (i > 0)
				tmpl_show(r, "RESTORE");
		}
	}
	admin_render(c, top);
}

/* Split s into lines (in the arena); *n their count.  NULL s: none. */
static const char **lines_of(struct arena *a, const char *s, size_t *n)
{
	*n = 0;
	if (s == NULL || *s == '\0')
		return NULL;
	size_t k = 1;
	for (const char *p = s; *p; p++)
		k += *p == '\n';
	const char **v = arena_alloc(a, k * sizeof(*v));
	const char *p = s;
	while (*p || *n == 0) {
		size_t l = strcspn(p, "\n");
		v[(*n)++] = arena_strndup(a, p, l);
		if (p[l] == '\0')
			break;
		p += l + 1;
	}
	return v;
}

static void diff_line(tmpl_dict *f, const char *kind, const char *text)
{
	tmpl_dict *l = tmpl_add(f, "LINE");
	tmpl_show(l, kind);
	tmpl_set(l, "TEXT", text);
}

/* The line diff of old and new into f. */
static void diff_text(struct arena *a, tmpl_dict *f, const char *old, const char *new)
{
	size_t n, m;
	const char **x = lines_of(a, old, &n), **y = lines_of(a, new, &m);
	if (n > DIFF_MAX_LINES || m > DIFF_MAX_LINES) {
		for (size_t i = 0; i < n; i++)
			diff_line(f, "DEL", x[i]);
		for (size_t j = 0; j < m; j++)
			diff_line(f, "INS", y[j]);
		return;
	}
	/* L[i][j]: the longest common subsequence of x[i..] and y[j..]. */
	uint16_t *L = arena_calloc(a, (n + 1) * (m + 1) * sizeof(*L));
#define AT(i, j) L[(i) * (m + 1) + (j)]
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;)
			AT(i, j) = strcmp(x[i], y[j]) == 0 ? AT(i + 1, j + 1) + 1
			         : AT(i + 1, j) > AT(i, j + 1) ? AT(i + 1, j) : AT(i, j + 1);
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		if (i < n && j < m && strcmp(x[i], y[j]) == 0) {
			diff_line(f, "SAME", x[i]);
			i++, j++;
		} else if (j < m && (i == n || AT(i, j + 1) >= AT(i + 1, j))) {
			diff_line(f, "INS", y[j++]);
		} else {
			diff_line(f, "DEL", x[i++]);
		}
	}
#undef AT
}

void revision_diff_page(struct ctx *c, const char *type, long long id,
                        const char *title, const char *base,
                        const char *const *labels)
{
	struct arena *a = c->r->a;
	long long ra, rb;
	const char *qa = req_query(c->r, "a"), *qb = req_query(c->r, "b");
	if (qa == NULL || qb == NULL || !valid_int(qa, 1, (long long)1 << 62, &ra) ||
	    !valid_int(qb, 1, (long long)1 << 62, &rb)) {
		page_error(c, 400, "adm.rev.err_pick");
		return;
	}
	if (ra > rb) {
		long long t = ra;
		ra = rb;
		rb = t;
	}
	struct db_res fa, fb;
	int rc = revision_fields_of(c, type, id, ra, &fa);
	if (rc == DB_OK)
		rc = revision_fields_of(c, type, id, rb, &fb);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (fa.nrows == 0 || fb.nrows == 0) {
		page_error(c, 404, "adm.rev.err_missing");
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.rev.diff_title"), "admin/revision_diff.tpl", &top);
	tmpl_set(d, "ITEM", title);
	tmpl_set(d, "BASE", arena_printf(a, "%s%s", c->lp, base));
	tmpl_set_int(d, "A", ra);
	tmpl_set_int(d, "B", rb);
	int changed = 0;
	for (size_t i = 0; labels[i] != NULL; i += 2) {
		const char *va = revision_value(&fa, labels[i]);
		const char *vb = revision_value(&fb, labels[i]);
		if ((va ? va : "")[0] == '\0' && (vb ? vb : "")[0] == '\0')
			continue;
		if (va && vb && strcmp(va, vb) == 0)
			continue;
		tmpl_dict *f = tmpl_add(d, "FIELD");
		tmpl_set(f, "LABEL", T(c, labels[i + 1]));
		diff_text(a, f, va, vb);
		changed++;
	}
	if (!changed)
		tmpl_show(d, "NO_CHANGES");
	admin_render(c, top);
}
