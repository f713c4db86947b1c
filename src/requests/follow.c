/*
 * follow.c - following a request by e-mail (follow.h).
 *
 * The form (an address and consent, with the one-time token) answers the
 * same whatever happens - a new follower, one waiting for confirmation, one
 * already confirmed, a form sent twice - so nobody learns from it who
 * follows a request.  Only the address's owner hears more: a new or
 * waiting follower gets the confirmation link, a confirmed one a note that
 * it follows already with the link to stop, and at most one such mail in a
 * quarter of an hour, so the form cannot flood a mailbox.  The row and its
 * mail commit together (outbox_add in the same transaction).
 *
 * The link in the mail, /requests/follow/{token} (32 random bytes), opens
 * a page with "confirm" and "unsubscribe" buttons: a GET never changes
 * anything (mail scanners fetch links), the buttons POST with the page's
 * one-time token, and a POST of "List-Unsubscribe=One-Click" (RFC 8058,
 * what a mail client sends from the List-Unsubscribe header) unsubscribes
 * without one.  Unsubscribing deletes the row and the address with it.
 * No page shows a follower's address.
 */
#include "requests/follow.h"

#include <sodium.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "mail/outbox.h"
#include "requests/db_follow.h"
#include "requests/db_list.h"
#include "view/layout.h"

enum { FF_EMAIL, FF_CONSENT, FF__N };

static const struct fdef follow_fields[FF__N] = {
	[FF_EMAIL] = { .name = "email", .kind = F_EMAIL, .flags = F_REQUIRED, .max = 254,
	               .label = "rqp.f_email", .hint = "rqp.h_email",
	               .err = "rqp.err_email", .autocomplete = "email" },
	[FF_CONSENT] = { .name = "consent", .kind = F_CHECKBOX, .flags = F_REQUIRED,
	                 .label = "rqp.f_consent", .err = "rqp.err_consent" },
};

static void follow_form(struct ctx *c, struct form *f, const char *code)
{
	*f = (struct form){ .id = "follow", .submit = "rqp.follow_submit", .level = 3,
	                    .action = arena_printf(c->r->a, "/requests/%s/follow", code),
	                    .fields = follow_fields, .n = FF__N };
}

void follow_form_fill(struct ctx *c, tmpl_dict *d, const char *code,
                      const struct form_data *fd)
{
	struct form f;
	struct form_data fresh;
	follow_form(c, &f, code);
	if (fd == NULL) {
		form_new(c, &f, &fresh);
		fd = &fresh;
	}
	form_fill(c, d, fd);
}

/* The language of a stored "el"/"en". */
static enum lang lang_of(const char *code)
{
	return code != NULL && strcmp(code, "en") == 0 ? LANG_EN : LANG_EL;
}

const char *follow_url(struct arena *a, const struct conf *cf, const char *lang,
                       const char *token)
{
	return arena_printf(a, "%s%s/requests/follow/%s", cf->site_url,
	                    lang_of(lang) == LANG_EN ? "/en" : "", token);
}

const char *follow_request_url(struct arena *a, const struct conf *cf,
                               const char *lang, const char *code)
{
	return arena_printf(a, "%s%s/requests/%s", cf->site_url,
	                    lang_of(lang) == LANG_EN ? "/en" : "", code);
}

/* ---- the form ------------------------------------------------------------ */

/* The follow page of a request (its form and, after sending, the neutral
 * answer); res is its db_rq_head row. */
static void render_follow(struct ctx *c, const struct db_res *res,
                          const struct form_data *fd, int sent)
{
	struct arena *a = c->r->a;
	const char *code = db_str(res, 0, RH_CODE);
	const char *title = arena_printf(a, "%s %s", T(c, "rqp.follow_title"), code);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, fd ? form_title(c, fd, title) : title,
	                          "requests/follow.tpl",
	                          arena_printf(a, "/requests/%s/follow", code), &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "CODE", code);
	tmpl_set(d, "REQUEST_URL", arena_printf(a, "%s/requests/%s", c->lp, code));
	tmpl_set(d, "CATEGORY", page_pick(c, db_str(res, 0, RH_CATEGORY),
	                                  db_str(res, 0, RH_CATEGORY_EN), NULL));
	if (sent) {
		tmpl_show(d, "SENT");
	} else {
		tmpl_show(d, "ASK");
		follow_form_fill(c, d, code, fd);
	}
	page_render(c, top);
}

/* The request of route capture 0, or an answer (404, 503) and 0. */
static int load_request(struct ctx *c, struct db_res *res)
{
	int rc = db_rq_head(c->r->a, c->r->cap[0], res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (res->nrows == 0) {
		page_error(c, 404, "rq.err_missing");
		return 0;
	}
	return 1;
}

void follow_page(struct ctx *c)
{
	struct db_res res;
	if (!load_request(c, &res))
		return;
	render_follow(c, &res, NULL, req_query(c->r, "sent") != NULL);
}

/* A fresh secret token: 32 random bytes, base64url without padding (43
 * characters). */
static char *new_token(struct arena *a)
{
	unsigned char raw[32];
	char *t = arena_alloc(a, 45);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(t, 45, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return t;
}

/* Queue the mail a follow form sends to the address's owner: the
 * confirmation link, or (confirmed) the note that it follows already. */
static int mail_owner(struct ctx *c, const struct db_res *req, const char *email,
                      const char *lang, const char *token, int confirmed)
{
	struct arena *a = c->r->a;
	enum lang l = lang_of(lang);
	const char *code = db_str(req, 0, RH_CODE);
	const char *cat = l == LANG_EN && db_str(req, 0, RH_CATEGORY_EN)
	                          ? db_str(req, 0, RH_CATEGORY_EN)
	                          : db_str(req, 0, RH_CATEGORY);
	const char *site = l == LANG_EN ? c->conf->site_name_en : c->conf->site_name;
	const char *url = follow_url(a, c->conf, lang, token);
	const char *p = confirmed ? "rqp.mail_again" : "rqp.mail_confirm";
	struct mail m = {
		.kind = confirmed ? "request.follow_again" : "request.follow_confirm",
		.to = email,
		.subject = arena_printf(a, "%s %s", i18n_get(l, arena_printf(a, "%s_subject", p)), code),
		.text = arena_printf(a,
		    "%s %s (%s), %s.\n\n%s\n%s\n\n%s\n\n%s\n%s\n\n-- \n%s\n",
		    i18n_get(l, arena_printf(a, "%s_intro", p)), code, cat, site,
		    i18n_get(l, arena_printf(a, "%s_action", p)), url,
		    i18n_get(l, arena_printf(a, "%s_ignore", p)),
		    i18n_get(l, "rqp.mail_tracking"),
		    follow_request_url(a, c->conf, lang, code), site),
		.unsubscribe = url,
	};
	return outbox_add(a, &m);
}

void follow_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res req, row;
	if (!load_request(c, &req))
		return;
	struct form f;
	struct form_data fd;
	follow_form(c, &f, db_str(&req, 0, RH_CODE));
	form_parse(c, &f, &fd);
	const char *email = fd.v[FF_EMAIL].s;
	if (email != NULL && !outbox_address_ok(email))
		form_error(&fd, "email", "rqp.err_email");
	if (fd.nerr || fd.token_bad) {
		c->res->status = 422;
		render_follow(c, &req, &fd, 0);
		return;
	}
	long long rid = db_ll(&req, 0, RH_ID);
	const char *lang = i18n_code(c->lang);
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_follow_lock(a, rid, email, &row);
	if (rc == DB_OK && row.nrows == 0) {
		const char *token = new_token(a);
		rc = db_follow_insert(a, rid, email, lang, token, fd.token);
		if (rc == DB_OK)
			rc = mail_owner(c, &req, email, lang, token, 0);
	} else if (rc == DB_OK) {
		int mail = !db_ll(&row, 0, FW_RECENT);
		rc = db_follow_touch(a, db_ll(&row, 0, FW_ID), lang, fd.token, mail);
		if (rc == DB_OK && mail)
			rc = mail_owner(c, &req, email, lang, db_str(&row, 0, FW_TOKEN),
			                (int)db_ll(&row, 0, FW_CONFIRMED));
	}
	if (rc == DB_DUP) {
		/* This form was sent already (or the same address at the same
		 * moment): its mail is on its way; say the same as always. */
		db_rollback();
		rc = DB_OK;
	} else {
		rc = db_end(rc);
	}
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	c->res->status = 303;
	c->res->location = arena_printf(a, "%s/requests/%s/follow?sent=1", c->lp,
	                                db_str(&req, 0, RH_CODE));
}

/* ---- the follower's page ----------------------------------------------------- */

static const struct fbutton manage_buttons[] = {
	{ .value = "confirm", .label = "rqp.confirm_button" },
	{ .value = "unsubscribe", .label = "rqp.unsubscribe_button", .secondary = 1 },
};
static const struct fbutton stop_button[] = {
	{ .value = "unsubscribe", .label = "rqp.unsubscribe_button" },
};

static void manage_form(struct ctx *c, struct form *f, int confirmed)
{
	*f = (struct form){
		.id = "follow_manage", .submit = "rqp.unsubscribe_button", .level = 2,
		.action = arena_printf(c->r->a, "/requests/follow/%s", c->r->cap[0]),
		.buttons = confirmed ? stop_button : manage_buttons,
		.nbuttons = confirmed ? 1 : 2,
	};
}

/* The follower's page: state says what just happened ("confirmed",
 * "unsubscribed") or NULL; row is its db_follow_by_token row (unused once
 * unsubscribed). */
static void render_manage(struct ctx *c, const struct db_res *row, const char *state,
                          const struct form_data *fd)
{
	struct arena *a = c->r->a;
	const char *code = db_str(row, 0, FT_CODE);
	int confirmed = (state != NULL && strcmp(state, "confirmed") == 0) ||
	                db_ll(row, 0, FT_CONFIRMED);
	const char *title = arena_printf(a, "%s %s", T(c, "rqp.follow_title"), code);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, fd ? form_title(c, fd, title) : title,
	                          "requests/follow_manage.tpl", NULL, &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "CODE", code);
	tmpl_set(d, "REQUEST_URL", arena_printf(a, "%s/requests/%s", c->lp, code));
	tmpl_set(d, "CATEGORY", page_pick(c, db_str(row, 0, FT_CATEGORY),
	                                  db_str(row, 0, FT_CATEGORY_EN), NULL));
	if (state != NULL && strcmp(state, "unsubscribed") == 0) {
		tmpl_show(d, "UNSUBSCRIBED");
		page_render(c, top);
		return;
	}
	if (state != NULL)
		tmpl_show(d, "JUST_CONFIRMED");
	else if (confirmed)
		tmpl_show(d, "CONFIRMED");
	else
		tmpl_show(d, "PENDING");
	struct form f;
	struct form_data fresh;
	manage_form(c, &f, confirmed);
	if (fd == NULL) {
		form_new(c, &f, &fresh);
		fd = &fresh;
	}
	form_fill(c, d, fd);
	page_render(c, top);
}

/* The follower of route capture 0, or an answer (404, 503) and 0. */
static int load_follower(struct ctx *c, struct db_res *row)
{
	int rc = db_follow_by_token(c->r->a, c->r->cap[0], row);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (row->nrows == 0) {
		page_error(c, 404, "rqp.err_follow_token");
		return 0;
	}
	return 1;
}

void follow_manage(struct ctx *c)
{
	struct db_res row;
	if (load_follower(c, &row))
		render_manage(c, &row, NULL, NULL);
}

void follow_manage_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res row;
	if (!load_follower(c, &row))
		return;
	long long id = db_ll(&row, 0, FT_ID);
	const char *one_click = req_form(c->r, "List-Unsubscribe");
	const char *action;
	if (one_click != NULL && strcmp(one_click, "One-Click") == 0) {
		action = "unsubscribe";
	} else {
		struct form f;
		struct form_data fd;
		manage_form(c, &f, (int)db_ll(&row, 0, FT_CONFIRMED));
		form_parse(c, &f, &fd);
		action = form_action(c, &f);
		if (fd.token_bad || action == NULL) {
			if (action == NULL && !fd.token_bad)
				fd.err = "rqp.err_action";
			c->res->status = 422;
			render_manage(c, &row, NULL, &fd);
			return;
		}
	}
	int unsub = strcmp(action, "unsubscribe") == 0;
	int rc = unsub ? db_follow_delete(a, id) : db_follow_confirm(a, id);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	log_msg(LOG_INFO, c->r->rid, "msg=\"request follower %s\" follower=%lld",
	        unsub ? "unsubscribed" : "confirmed", id);
	c->res->cache = "no-store";
	render_manage(c, &row, unsub ? "unsubscribed" : "confirmed", NULL);
}
