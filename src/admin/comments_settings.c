/*
 * comments_settings.c (admin) - the moderators' blocklist and settings
 * (admin/comments.h): /admin/comments/blocklist, a list of PCRE2
 * patterns (each checked with spam_pattern_ok before it is saved; the
 * workers reload it within 30 s, this one at once: spam_blocklist_reset),
 * and /admin/comments/settings, pre- or post-moderation per news category.
 * Writes comment_blocklist and categories.comment_moderation through
 * admin/db_comments_admin.h (reads the list through comments/db_comments.h), each change with its audit_staff row in one
 * transaction.
 */
#include "admin/comments.h"
#include "admin/comments_moderate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/audit.h"
#include "admin/db_comments_admin.h"
#include "admin/ui.h"
#include "comments/db_comments.h"
#include "comments/spam.h"
#include "core/arena.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

/* ==== the blocklist ================================================================== */

enum { B_PATTERN, B_NOTE, B__N };

/* The form of a new pattern; its fields in the arena, returned so that
 * PCRE2's message can go beside the pattern. */
static struct fdef *bl_form(struct ctx *c, struct form *f)
{
	struct fdef *x = arena_calloc(c->r->a, B__N * sizeof(*x));
	x[B_PATTERN] = (struct fdef){ .name = "pattern", .kind = F_TEXT, .flags = F_REQUIRED,
	    .min = 1, .max = 500, .label = "cma.f_pattern", .hint = "cma.h_pattern",
	    .err = "cma.err_pattern_long", .err_missing = "cma.err_pattern_missing" };
	x[B_NOTE] = (struct fdef){ .name = "note", .kind = F_TEXT, .max = 200,
	    .label = "cma.f_note", .hint = "cma.h_note", .err = "cma.err_note" };
	*f = (struct form){ .id = "cm-block", .action = "/admin/comments/blocklist",
	                    .submit = "cma.b_add", .fields = x, .n = B__N };
	return x;
}

static void render_blocklist(struct ctx *c, struct form_data *fd, int status)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_comments_blocklist(a, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "cma.bl_title")),
	                           "admin/comments_blocklist.tpl", &top);
	c->res->status = status;
	static const char *const notices[] = {
		"added", "cma.done_bl_added", "deleted", "cma.done_bl_deleted", NULL,
	};
	admin_notice(c, d, notices);
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < res.nrows; i++) {
			tmpl_dict *x = tmpl_add(t, "ROW");
			const char *id = db_str(&res, i, BL_ID);
			tmpl_set(x, "ID", id);
			tmpl_set(x, "PATTERN", db_str(&res, i, BL_PATTERN));
			tmpl_set(x, "NOTE", db_str(&res, i, BL_NOTE));
			tmpl_set(x, "AT", admin_time(c, db_str(&res, i, BL_CREATED)));
			tmpl_set(x, "AT_ISO", page_date_iso(a, db_str(&res, i, BL_CREATED)));
			tmpl_set(x, "ACTION", arena_printf(a, "%s/admin/comments/blocklist/%s/delete",
			                                   c->lp, id));
			tmpl_set(x, "CSRF", c->staff->csrf);
		}
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_comments_blocklist(struct ctx *c)
{
	struct form f;
	struct form_data fd;
	bl_form(c, &f);
	form_new(c, &f, &fd);
	render_blocklist(c, &fd, 200);
}

void adm_comments_bl_add(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct form f;
	struct form_data fd;
	struct fdef *x = bl_form(c, &f);
	form_parse(c, &f, &fd);
	const char *pattern = fd.v[B_PATTERN].s;
	char err[256];
	if (pattern != NULL && !spam_pattern_ok(pattern, err, sizeof(err))) {
		form_error(&fd, "pattern", "cma.err_pattern");
		/* PCRE2's own words beside the field (its messages are English). */
		x[B_PATTERN].hint_text =
		    arena_printf(a, "%s %s", T(c, "cma.pcre_said"), err);
	}
	if (fd.nerr || fd.token_bad) {
		render_blocklist(c, &fd, form_status(&fd));
		return;
	}
	const char *note = fd.v[B_NOTE].s ? fd.v[B_NOTE].s : "";
	long long id = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_cma_bl_add(a, pattern, note, c->staff->id, &id);
	if (rc == DB_OK)
		rc = audit_staff(c, "comment_block_add", "comment_blocklist", cma_idstr(a, id),
		                 arena_printf(a, "Προσθήκη: %s%s%s", pattern, *note ? " — " : "", note));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	spam_blocklist_reset();
	admin_redirect(c, "/admin/comments/blocklist?done=added");
}

void adm_comments_bl_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	if (!valid_int(c->r->cap[0], 1, 4294967295LL, &id)) {
		page_error(c, 404, "cma.err_bl_missing");
		return;
	}
	struct db_res cur;
	unsigned long long affected = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_cma_bl_get(a, id, &cur);
	if (rc == DB_OK && cur.nrows == 0) {
		db_rollback();
		page_error(c, 404, "cma.err_bl_missing");
		return;
	}
	if (rc == DB_OK)
		rc = db_cma_bl_delete(a, id, &affected);
	if (rc == DB_OK && affected)
		rc = audit_staff(c, "comment_block_delete", "comment_blocklist", cma_idstr(a, id),
		                 arena_printf(a, "Διαγραφή: %s", db_str(&cur, 0, BL_PATTERN)));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	spam_blocklist_reset();
	admin_redirect(c, "/admin/comments/blocklist?done=deleted");
}

/* ==== settings ========================================================================= */

static const char *const modes[] = { "pre", "post", NULL };
static const char *const mode_labels[] = { "cma.mode_pre", "cma.mode_post" };

/* The settings form: one choice per category ("cat_<id>"), built from
 * the rows. */
static void settings_form(struct ctx *c, const struct db_res *cats, struct form *f)
{
	struct arena *a = c->r->a;
	struct fdef *x = arena_calloc(a, (cats->nrows ? cats->nrows : 1) * sizeof(*x));
	for (size_t i = 0; i < cats->nrows; i++)
		x[i] = (struct fdef){ .name = arena_printf(a, "cat_%s", db_str(cats, i, CC_ID)),
		    .kind = F_CHOICE, .flags = F_REQUIRED,
		    .label_text = page_pick(c, db_str(cats, i, CC_NAME), db_str(cats, i, CC_NAME_EN),
		                            NULL),
		    .err = "cma.err_mode", .choices = modes, .choice_labels = mode_labels };
	*f = (struct form){ .id = "cm-settings", .action = "/admin/comments/settings",
	                    .submit = "cma.b_save_settings", .fields = x, .n = cats->nrows };
}

static void render_settings(struct ctx *c, struct form_data *fd, int status)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "cma.set_title")),
	                           "admin/comments_settings.tpl", &top);
	c->res->status = status;
	static const char *const notices[] = {
		"saved", "cma.done_settings", "unchanged", "cma.done_unchanged", NULL,
	};
	admin_notice(c, d, notices);
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_comments_settings(struct ctx *c)
{
	struct db_res cats;
	int rc = db_cma_categories(c->r->a, &cats);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form f;
	struct form_data fd;
	settings_form(c, &cats, &f);
	form_new(c, &f, &fd);
	for (size_t i = 0; i < cats.nrows; i++)
		fd.v[i].raw = db_str(&cats, i, CC_MODE);
	render_settings(c, &fd, 200);
}

void adm_comments_settings_save(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res cats;
	int rc = db_cma_categories(a, &cats);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form f;
	struct form_data fd;
	settings_form(c, &cats, &f);
	form_parse(c, &f, &fd);
	if (fd.nerr || fd.token_bad) {
		render_settings(c, &fd, form_status(&fd));
		return;
	}
	int changed = 0;
	rc = db_begin();
	for (size_t i = 0; rc == DB_OK && i < cats.nrows; i++) {
		const char *was = db_str(&cats, i, CC_MODE), *now = fd.v[i].s;
		if (strcmp(was, now) == 0)
			continue;
		rc = db_cma_set_moderation(a, db_ll(&cats, i, CC_ID), now);
		if (rc == DB_OK)
			rc = audit_staff(c, "comment_moderation", "category", db_str(&cats, i, CC_ID),
			                 arena_printf(a, "%s: %s → %s", db_str(&cats, i, CC_NAME),
			                              i18n_get(LANG_EL, strcmp(was, "pre") == 0
			                                       ? "cma.mode_pre" : "cma.mode_post"),
			                              i18n_get(LANG_EL, strcmp(now, "pre") == 0
			                                       ? "cma.mode_pre" : "cma.mode_post")));
		changed++;
	}
	admin_commit(c, rc, changed ? "/admin/comments/settings?done=saved"
	                            : "/admin/comments/settings?done=unchanged");
}
