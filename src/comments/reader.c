/*
 * reader.c (comments) - what a reader does to one comment, on pages of
 * its own (reader.h):
 *
 *   /comments/{id}/flag     flag a published comment with a reason (spam,
 *                           offensive, off-topic): one flag per address;
 *                           at conf comment_flag_limit flags it goes back
 *                           to the moderators, hidden (db_comment_flag).
 *   /comments/{id}/delete   the author's link from the confirmation mail
 *                           (?k= an HMAC of the id, no account, no
 *                           expiry): a GET shows the comment and a button,
 *                           the POST erases it (db_comment_delete_by_author).
 *
 * Both forms carry a one-time token; a GET changes nothing (mail scanners
 * fetch links).  Writes comments and comment_flags.  Sets no cookie.
 */
#include "comments/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comments/comments.h"
#include "comments/db_comments.h"
#include "comments/text.h"
#include "core/arena.h"
#include "core/log.h"
#include "http/token.h"
#include "view/layout.h"

/* ---- flags ----------------------------------------------------------------------- */

static const char *const reasons[] = { "spam", "offensive", "off_topic", NULL };
static const char *const reason_labels[] = { "cm.reason_spam", "cm.reason_offensive",
                                             "cm.reason_off_topic", NULL };

enum { FL_REASON, FL__N };
static const struct fdef flag_fields[FL__N] = {
	[FL_REASON] = { .name = "reason", .kind = F_CHOICE, .flags = F_REQUIRED,
	                .label = "cm.f_reason", .err = "cm.err_reason",
	                .choices = reasons, .choice_labels = reason_labels },
};

/* The comment of route capture 0, published and not deleted (or any
 * state, for the author's page): 1, or 0 with the answer made (404, 503). */
static int load_comment(struct ctx *c, struct db_res *res, int published)
{
	int rc = db_comment_get(c->r->a, atoll(c->r->cap[0]), res); /* [0-9]{1,19} */
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (res->nrows == 0 ||
	    (published && (strcmp(db_str(res, 0, CM_STATUS), "approved") != 0 ||
	                   db_str(res, 0, CM_DELETED) != NULL || db_ll(res, 0, CM_OFFICIAL)))) {
		page_error(c, 404, "cm.err_missing");
		return 0;
	}
	return 1;
}

/* The quoted comment of a page about it, and the link to its place. */
static int quote(struct ctx *c, tmpl_dict *d, const struct db_res *res)
{
	struct arena *a = c->r->a;
	const char *place = comments_place(a, res);
	if (place == NULL)
		return DB_ERR;
	comments_set_name(c, d, db_str(res, 0, CM_NAME));
	tmpl_set(d, "BODY", comment_html(a, db_str(res, 0, CM_BODY), 0));
	tmpl_set(d, "AT", page_date(c, db_str(res, 0, CM_AT), 1));
	tmpl_set(d, "AT_ISO", page_date_iso(a, db_str(res, 0, CM_AT)));
	tmpl_set(d, "PLACE_URL", arena_printf(a, "%s%s#comment-%s", c->lp, place,
	                                      db_str(res, 0, CM_ID)));
	return DB_OK;
}

static void flag_form(struct ctx *c, struct form *f)
{
	*f = (struct form){ .id = "comment_flag", .submit = "cm.flag_submit", .level = 2,
	                    .action = arena_printf(c->r->a, "/comments/%s/flag", c->r->cap[0]),
	                    .fields = flag_fields, .n = FL__N };
}

static void render_flag(struct ctx *c, const struct db_res *res, const struct form_data *fd)
{
	const char *title = T(c, "cm.flag_title");
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, fd ? form_title(c, fd, title) : title,
	                          "comments/flag.tpl", NULL, &top);
	if (quote(c, d, res) != DB_OK) {
		page_db_error(c, DB_ERR);
		return;
	}
	struct form f;
	struct form_data fresh;
	flag_form(c, &f);
	if (fd == NULL) {
		form_new(c, &f, &fresh);
		fd = &fresh;
	}
	form_fill(c, d, fd);
	page_render(c, top);
}

void comments_flag_page(struct ctx *c)
{
	struct db_res res;
	if (load_comment(c, &res, 1))
		render_flag(c, &res, NULL);
}

void comments_flag_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res;
	if (!load_comment(c, &res, 1))
		return;
	struct form f;
	struct form_data fd;
	flag_form(c, &f);
	form_parse(c, &f, &fd);
	if (fd.nerr || fd.token_bad) {
		c->res->status = 422;
		render_flag(c, &res, &fd);
		return;
	}
	const char *place = comments_place(a, &res);
	if (place == NULL) {
		page_db_error(c, DB_ERR);
		return;
	}
	int counted = 0, hidden = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_comment_flag(a, db_ll(&res, 0, CM_ID), fd.v[FL_REASON].s,
		                     c->r->remote_addr, (long long)c->conf->comment_flag_limit,
		                     &counted, &hidden);
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (hidden)
		log_info("msg=\"comment hidden by flags\" id=%s", db_str(&res, 0, CM_ID));
	/* The same answer whether this address had flagged it before. */
	c->res->status = 303;
	c->res->location = arena_printf(a, "%s%s?flagged=1#comments", c->lp, place);
}

/* ---- the author's deletion -------------------------------------------------------- */

/* 1 if ?k= (or the form's k) signs this comment's id. */
static int signed_ok(struct ctx *c, const char *k)
{
	return k != NULL && forms_sign_valid(k, "comment-delete", c->r->cap[0]);
}

static void delete_form(struct ctx *c, struct form *f)
{
	static const struct fdef fields[] = {
		{ .name = "k", .kind = F_HIDDEN, .max = 64, .err = "cm.err_link" },
	};
	*f = (struct form){ .id = "comment_delete", .submit = "cm.delete_submit", .level = 2,
	                    .action = arena_printf(c->r->a, "/comments/%s/delete", c->r->cap[0]),
	                    .fields = fields, .n = 1 };
}

static void render_delete(struct ctx *c, const struct db_res *res, const char *k,
                          const struct form_data *fd, int done)
{
	const char *title = T(c, "cm.delete_title");
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, title, "comments/delete.tpl", NULL, &top);
	const char *st = db_str(res, 0, CM_STATUS);
	if (done || strcmp(st, "deleted") == 0 || db_str(res, 0, CM_DELETED) != NULL) {
		tmpl_show(d, "DONE");
		page_render(c, top);
		return;
	}
	tmpl_dict *ask = tmpl_add(d, "ASK");
	if (quote(c, ask, res) != DB_OK) {
		page_db_error(c, DB_ERR);
		return;
	}
	if (strcmp(st, "approved") != 0)
		tmpl_show(ask, "NOT_PUBLISHED");
	struct form f;
	struct form_data fresh;
	delete_form(c, &f);
	if (fd == NULL) {
		form_new(c, &f, &fresh);
		form_set(&fresh, "k", k);
		fd = &fresh;
	}
	form_fill(c, ask, fd);
	page_render(c, top);
}

void comments_delete_page(struct ctx *c)
{
	struct db_res res;
	const char *k = req_query(c->r, "k");
	if (!signed_ok(c, k)) {
		page_error(c, 403, "cm.err_link");
		return;
	}
	if (load_comment(c, &res, 0))
		render_delete(c, &res, k, NULL, req_query(c->r, "done") != NULL);
}

void comments_delete_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res;
	const char *k = req_form(c->r, "k");
	if (!signed_ok(c, k)) {
		page_error(c, 403, "cm.err_link");
		return;
	}
	if (!load_comment(c, &res, 0))
		return;
	struct form f;
	struct form_data fd;
	delete_form(c, &f);
	form_parse(c, &f, &fd);
	if (fd.token_bad) {
		c->res->status = 422;
		render_delete(c, &res, k, &fd, 0);
		return;
	}
	/* Deleting twice is harmless: the second finds nothing to erase. */
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_comment_delete_by_author(a, db_ll(&res, 0, CM_ID));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	log_info("msg=\"comment deleted by its author\" id=%s", db_str(&res, 0, CM_ID));
	c->res->status = 303;
	c->res->location = arena_printf(a, "%s/comments/%s/delete?k=%s&done=1", c->lp,
	                                c->r->cap[0], k);
}
