/*
 * comment.c (admin) - one reader comment's page for the moderators
 * (admin/comments.h): the text, the commenter's e-mail and address (abuse
 * review: only here), readers' flags, the edits and the replies, and its
 * forms - a decision, an edit logged in comment_edits, an official answer
 * (on a news item a reply comment; on a request the request's public
 * reply through db_rq_adm_publish, which queues the reporter's and the
 * followers' mail in the same transaction).  Reads and writes through
 * admin/db_comments_admin.h and comments/db_comments.h; each change with
 * its audit_staff row in one transaction.
 */
#include "admin/comments.h"
#include "admin/comments_moderate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/audit.h"
#include "admin/db_comments_admin.h"
#include "admin/requests.h"
#include "admin/ui.h"
#include "comments/db_comments.h"
#include "comments/spam.h"
#include "comments/text.h"
#include "core/arena.h"
#include "core/text.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "site/shared.h"
#include "view/layout.h"


/* ==== one comment ============================================================ */

struct one {
	long long id;
	struct db_res row;      /* CMA_ONE_COLS */
	int is_request;         /* on a request (else a news item) */
	int gone;               /* deleted by its author */
	/* Its forms: a decision, the edit, the official answer. */
	struct form fs, fe, fr;
	struct form_data ds, de, dr;
};

static const struct fbutton decide_buttons[] = {
	{ "approve", "cma.b_approve", 0 },
	{ "reject", "cma.b_reject", 1 },
	{ "spam", "cma.b_spam", 1 },
};

enum { E_BODY, E_LINKS, E__N };
static const struct fdef edit_fields[E__N] = {
	[E_BODY] = { .name = "body", .kind = F_TEXTAREA, .flags = F_REQUIRED, .min = 1,
	             .max = BODY_MAX, .rows = 8, .label = "cma.f_body", .hint = "cma.h_body",
	             .err = "cma.err_body", .err_missing = "cma.err_body_missing" },
	[E_LINKS] = { .name = "links", .kind = F_CHECKBOX, .label = "cma.f_links",
	              .hint = "cma.h_links", .err = "cma.err_links" },
};

/* The comment of the route and its three forms (not filled yet).  1, or 0
 * when answered (404, database). */
static int load_one(struct ctx *c, struct one *o)
{
	struct arena *a = c->r->a;
	memset(o, 0, sizeof(*o));
	if (!valid_int(c->r->cap[0], 1, ID_MAX, &o->id)) {
		page_error(c, 404, "cma.err_missing");
		return 0;
	}
	int rc = db_cma_get(a, o->id, 0, &o->row);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (o->row.nrows == 0) {
		page_error(c, 404, "cma.err_missing");
		return 0;
	}
	o->is_request = db_str(&o->row, 0, CO_REQUEST) != NULL;
	o->gone = cma_deleted(db_str(&o->row, 0, CO_STATUS), db_str(&o->row, 0, CO_DELETED));
	const char *base = arena_printf(a, "/admin/comments/%lld", o->id);
	o->fs = (struct form){ .id = "cm-decide", .action = arena_printf(a, "%s/status", base),
	                       .submit = "cma.b_approve", .level = 3, .fields = NULL, .n = 0,
	                       .buttons = decide_buttons,
	                       .nbuttons = sizeof(decide_buttons) / sizeof(decide_buttons[0]) };
	o->fe = (struct form){ .id = "cm-edit", .action = base, .submit = "cma.b_save",
	                       .level = 3, .fields = edit_fields, .n = E__N };
	struct fdef *rf = arena_calloc(a, sizeof(*rf));
	*rf = (struct fdef){ .name = "reply", .kind = F_TEXTAREA, .flags = F_REQUIRED, .min = 1,
	                     .max = o->is_request ? RQ_REPLY_MAX : BODY_MAX, .rows = 6,
	                     .label = "cma.f_reply",
	                     .hint = o->is_request ? "cma.h_reply_request" : "cma.h_reply_news",
	                     .err = o->is_request ? "cma.err_reply_long_rq" : "cma.err_reply_long",
	                     .err_missing = "cma.err_reply_missing" };
	o->fr = (struct form){ .id = "cm-reply", .action = arena_printf(a, "%s/reply", base),
	                       .submit = "cma.b_reply", .level = 3, .fields = rf, .n = 1 };
	return 1;
}

/* Fresh forms for those not given (parsed) already, the edit form filled
 * from the row. */
static void fresh_forms(struct ctx *c, struct one *o, int ds, int de, int dr)
{
	if (!ds)
		form_new(c, &o->fs, &o->ds);
	if (!de) {
		form_new(c, &o->fe, &o->de);
		form_set(&o->de, "body", db_str(&o->row, 0, CO_BODY));
		form_set(&o->de, "links", db_ll(&o->row, 0, CO_LINKS) ? "1" : "");
	}
	if (!dr)
		form_new(c, &o->fr, &o->dr);
}

static void fact(tmpl_dict *d, const char *label, const char *value)
{
	tmpl_dict *f = tmpl_add(d, "FACT");
	tmpl_set(f, "LABEL", label);
	tmpl_set(f, "VALUE", value);
}

static const struct form_data *with_problem(const struct one *o)
{
	const struct form_data *all[] = { &o->ds, &o->de, &o->dr };
	for (size_t i = 0; i < 3; i++)
		if (all[i]->nerr || all[i]->token_bad || all[i]->err)
			return all[i];
	return &o->ds;
}

static void render_one(struct ctx *c, struct one *o, int status)
{
	struct arena *a = c->r->a;
	const struct db_res *r = &o->row;
	struct db_res flags, edits, replies;
	int rc = db_cma_flags(a, o->id, &flags);
	if (rc == DB_OK)
		rc = db_cma_edits(a, o->id, &edits);
	if (rc == DB_OK)
		rc = db_cma_replies(a, o->id, &replies);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *title = arena_printf(a, "%s #%lld", T(c, "cma.one_title"), o->id);
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, with_problem(o), title),
	                           "admin/comments_show.tpl", &top);
	c->res->status = status;
	tmpl_set(d, "HEADING", title);
	static const char *const notices[] = {
		"approved", "cma.done_one_approved", "rejected", "cma.done_one_rejected",
		"spam", "cma.done_one_spam", "unchanged", "cma.done_unchanged",
		"edited", "cma.done_edited", "replied", "cma.done_replied",
		"closed", "cma.done_closed", "opened", "cma.done_opened", NULL,
	};
	admin_notice(c, d, notices);
	const char *status_s = db_str(r, 0, CO_STATUS);
	fact(d, T(c, "cma.c_status"), cma_status_label(c, status_s));
	/* Where it was written. */
	const char *nid = db_str(r, 0, CO_NEWS);
	if (nid != NULL) {
		tmpl_dict *w = tmpl_add(d, "WHERE_NEWS");
		const char *tt = db_str(r, 0, CO_TITLE);
		tmpl_set(w, "TITLE", page_pick(c, tt, db_str(r, 0, CO_TITLE_EN), NULL));
		tmpl_set(w, "URL", cma_news_url(c, nid, db_str(r, 0, CO_SLUG)));
		tmpl_set(w, "QUEUE", arena_printf(a, "%s/admin/comments?target=%s", c->lp, nid));
		cma_closing_form(c, w, nid, db_ll(r, 0, CO_CLOSED) != 0, cma_idstr(a, o->id));
	} else {
		tmpl_dict *w = tmpl_add(d, "WHERE_REQUEST");
		const char *code = db_str(r, 0, CO_CODE);
		tmpl_set(w, "CODE", code);
		tmpl_set(w, "URL", arena_printf(a, "%s/requests/%s", c->lp, code));
		tmpl_set(w, "QUEUE", arena_printf(a, "%s/admin/comments?target=%s", c->lp, code));
		if (c->staff->perms & PERM_BIT(PERM_REQUESTS))
			tmpl_set(tmpl_add(w, "STAFF"), "URL",
			         arena_printf(a, "%s/admin/requests/%s", c->lp, code));
	}
	const char *parent = db_str(r, 0, CO_PARENT);
	if (parent != NULL) {
		tmpl_dict *p = tmpl_add(d, "PARENT");
		tmpl_set(p, "ID", parent);
		tmpl_set(p, "URL", arena_printf(a, "%s/admin/comments/%s", c->lp, parent));
	}
	fact(d, T(c, "cma.c_created"), admin_time(c, db_str(r, 0, CO_CREATED)));
	if (db_str(r, 0, CO_PUBLISHED))
		fact(d, T(c, "cma.c_published"), admin_time(c, db_str(r, 0, CO_PUBLISHED)));
	if (db_str(r, 0, CO_MODERATED))
		fact(d, T(c, "cma.c_moderated"), arena_printf(a, "%s%s%s",
		     admin_time(c, db_str(r, 0, CO_MODERATED)),
		     db_str(r, 0, CO_MODERATOR) ? " · " : "",
		     db_str(r, 0, CO_MODERATOR) ? db_str(r, 0, CO_MODERATOR) : ""));
	if (db_str(r, 0, CO_EDITED))
		fact(d, T(c, "cma.c_edited"), admin_time(c, db_str(r, 0, CO_EDITED)));
	if (db_str(r, 0, CO_DELETED))
		fact(d, T(c, "cma.c_deleted"), admin_time(c, db_str(r, 0, CO_DELETED)));
	fact(d, T(c, "cma.c_flags"), db_ll(r, 0, CO_HIDDEN)
	     ? arena_printf(a, "%s (%s)", db_str(r, 0, CO_FLAGS), T(c, "cma.hidden_by_flags"))
	     : db_str(r, 0, CO_FLAGS));
	fact(d, T(c, "cma.c_links"), T(c, db_ll(r, 0, CO_LINKS) ? "cma.yes" : "cma.no"));
	if (db_ll(r, 0, CO_OFFICIAL))
		fact(d, T(c, "cma.c_official"), db_str(r, 0, CO_STAFF) ? db_str(r, 0, CO_STAFF)
		                                                       : T(c, "cma.yes"));
	if (db_str(r, 0, CO_ANSWER))
		tmpl_set(tmpl_add(d, "ANSWERED"), "EVENT", db_str(r, 0, CO_ANSWER));
	/* Who wrote it: for abuse review, on this page only. */
	const char *name = db_str(r, 0, CO_NAME);
	tmpl_set(d, "NAME", *name ? name : "—");
	const char *email = db_str(r, 0, CO_EMAIL);
	if (email != NULL && *email)
		tmpl_set(tmpl_add(d, "EMAIL"), "V", email);
	const char *ip = db_str(r, 0, CO_IP);
	tmpl_set(d, "IP", ip ? ip : T(c, "cma.ip_none"));
	tmpl_set(d, "LANG_NAME", T(c, strcmp(db_str(r, 0, CO_LANG), "en") == 0 ? "cma.lang_en"
	                                                                         : "cma.lang_el"));
	if (o->gone)
		tmpl_show(d, "TEXT_GONE");
	else
		tmpl_set(tmpl_add(d, "TEXT"), "HTML",
		         comment_html(a, db_str(r, 0, CO_BODY), db_ll(r, 0, CO_LINKS) != 0));
	if (flags.nrows) {
		tmpl_dict *t = tmpl_add(d, "FLAGS");
		for (size_t i = 0; i < flags.nrows; i++) {
			tmpl_dict *x = tmpl_add(t, "FLAG");
			tmpl_set(x, "REASON", T(c, arena_printf(a, "cma.r_%s",
			                                        db_str(&flags, i, CF_REASON))));
			tmpl_set(x, "AT", admin_time(c, db_str(&flags, i, CF_AT)));
			tmpl_set(x, "AT_ISO", page_date_iso(a, db_str(&flags, i, CF_AT)));
		}
	}
	if (edits.nrows) {
		tmpl_dict *t = tmpl_add(d, "EDITS");
		for (size_t i = 0; i < edits.nrows; i++) {
			tmpl_dict *x = tmpl_add(t, "EDIT");
			tmpl_set(x, "AT", admin_time(c, db_str(&edits, i, CE_AT)));
			tmpl_set(x, "AT_ISO", page_date_iso(a, db_str(&edits, i, CE_AT)));
			const char *who = db_str(&edits, i, CE_USER);
			tmpl_set(x, "WHO", who ? who : "—");
			tmpl_set(x, "BEFORE", comment_html(a, db_str(&edits, i, CE_BEFORE), 0));
			tmpl_set(x, "AFTER", comment_html(a, db_str(&edits, i, CE_AFTER), 0));
		}
	}
	if (replies.nrows) {
		tmpl_dict *t = tmpl_add(d, "REPLIES");
		for (size_t i = 0; i < replies.nrows; i++) {
			tmpl_dict *x = tmpl_add(t, "ITEM");
			const char *rid = db_str(&replies, i, CR_ID);
			tmpl_set(x, "URL", arena_printf(a, "%s/admin/comments/%s", c->lp, rid));
			tmpl_set(x, "ID", rid);
			const char *rn = db_str(&replies, i, CR_NAME);
			tmpl_set(x, "NAME", *rn ? rn : "—");
			tmpl_set(x, "STATUS", cma_status_label(c, db_str(&replies, i, CR_STATUS)));
			tmpl_set(x, "AT", admin_time(c, db_str(&replies, i, CR_AT)));
			if (db_ll(&replies, i, CR_OFFICIAL))
				tmpl_show(x, "OFFICIAL");
		}
	}
	if (o->gone) {
		tmpl_show(d, "NO_FORMS");
	} else {
		form_fill(c, tmpl_add(d, "DECIDE"), &o->ds);
		form_fill(c, tmpl_add(d, "EDIT_FORM"), &o->de);
		tmpl_dict *rp = tmpl_add(d, "REPLY_FORM");
		tmpl_show(rp, o->is_request ? "ON_REQUEST" : "ON_NEWS");
		form_fill(c, rp, &o->dr);
	}
	admin_render(c, top);
}

void adm_comment_show(struct ctx *c)
{
	struct one o;
	if (!load_one(c, &o))
		return;
	fresh_forms(c, &o, 0, 0, 0);
	render_one(c, &o, 200);
}

/* Begin a transaction and lock the comment: its current row in *cur.  1,
 * or 0 when answered (it is gone: 404; the database failed), the
 * transaction rolled back. */
static int lock_one(struct ctx *c, const struct one *o, struct db_res *cur)
{
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_cma_get(c->r->a, o->id, 1, cur);
	if (rc == DB_OK && cur->nrows > 0)
		return 1;
	db_end(rc == DB_OK ? DB_ERR : rc);
	if (rc == DB_OK)
		page_error(c, 404, "cma.err_missing");
	else
		page_db_error(c, rc);
	return 0;
}

void adm_comment_status(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct one o;
	if (!load_one(c, &o))
		return;
	form_parse(c, &o.fs, &o.ds);
	const char *to = cma_decision_status(form_action(c, &o.fs));
	if (to == NULL)
		o.ds.err = "cma.err_action";
	else if (o.gone)
		o.ds.err = "cma.err_gone";
	if (o.ds.err || o.ds.token_bad) {
		fresh_forms(c, &o, 1, 0, 0);
		render_one(c, &o, 422);
		return;
	}
	struct db_res cur;
	int rc = DB_OK, changed = 0;
	if (!lock_one(c, &o, &cur))
		return;
	const char *from = db_str(&cur, 0, CO_STATUS);
	if (strcmp(from, to) != 0)
		rc = cma_moderate(c, o.id, from, to, &changed);
	admin_commit(c, rc, arena_printf(a, "/admin/comments/%lld?done=%s", o.id,
	                                 changed ? to : "unchanged"));
}

void adm_comment_edit(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct one o;
	if (!load_one(c, &o))
		return;
	form_parse(c, &o.fe, &o.de);
	if (o.gone)
		o.de.err = "cma.err_gone";
	if (o.de.nerr || o.de.token_bad || o.de.err) {
		fresh_forms(c, &o, 0, 1, 0);
		render_one(c, &o, form_status(&o.de));
		return;
	}
	const char *body = o.de.v[E_BODY].s;
	int links = o.de.v[E_LINKS].i != 0;
	struct db_res cur;
	int rc = DB_OK;
	if (!lock_one(c, &o, &cur))
		return;
	const char *before = db_str(&cur, 0, CO_BODY);
	int was_links = db_ll(&cur, 0, CO_LINKS) != 0;
	int text_changed = strcmp(before, body) != 0;
	if (!text_changed && links == was_links) {
		db_rollback();
		o.de.err = "cma.err_nothing";
		fresh_forms(c, &o, 0, 1, 0);
		render_one(c, &o, 422);
		return;
	}
	rc = db_cma_edit(a, o.id, before, body, links, c->staff->id);
	const char *summary = "";
	if (text_changed)
		summary = arena_printf(a, "Κείμενο: %zu → %zu χαρακτήρες", text_chars(before),
		                       text_chars(body));
	if (links != was_links)
		summary = arena_printf(a, "%s%sΣύνδεσμοι: %s → %s", summary, *summary ? "; " : "",
		                       was_links ? "ναι" : "όχι", links ? "ναι" : "όχι");
	if (rc == DB_OK)
		rc = audit_staff(c, "comment_edit", "comment", cma_idstr(a, o.id), summary);
	admin_commit(c, rc, arena_printf(a, "/admin/comments/%lld?done=edited", o.id));
}

/* The staff member's name as an official answer's author (80 characters
 * at most, the column's size). */
static const char *staff_name(struct ctx *c)
{
	const struct staff *s = c->staff;
	const char *n = s->display_name != NULL && *s->display_name ? s->display_name
	                                                            : s->username;
	return text_first_chars(c->r->a, n, 80);
}

/* The answer on a news item: a new official, approved comment under the
 * answered one (or under its parent: one level of threading).  DB_DUP
 * when this form's token made one already. */
static int answer_news(struct ctx *c, const struct one *o, const struct db_res *cur,
                       const char *text, const char *token, long long *reply_id)
{
	unsigned char hash[32];
	comment_hash(text, hash);
	long long parent = db_str(cur, 0, CO_PARENT) ? db_ll(cur, 0, CO_PARENT) : o->id;
	struct comment_new n = {
		.target = CT_NEWS, .target_id = db_ll(cur, 0, CO_NEWS), .parent_id = parent,
		.status = "approved", .official = 1, .user_id = c->staff->id,
		.name = staff_name(c), .email = NULL, .body = text,
		.lang = db_str(cur, 0, CO_LANG), .ip = NULL, .hash = hash, .token = token,
	};
	return db_comment_insert(c->r->a, &n, reply_id);
}

/* The answer on a request: the request's public reply (its status kept),
 * whose mail to the reporter and followers db_rq_adm_publish queues in
 * this transaction, linked both ways with the answered comment.  *again 1
 * when this very answer is the comment's answer already (the form sent
 * twice: the comment's lock orders the two). */
static int answer_request(struct ctx *c, const struct one *o, const struct db_res *cur,
                          const char *text, int *again, int *missing)
{
	struct arena *a = c->r->a;
	*again = *missing = 0;
	int rc = DB_OK;
	if (db_str(cur, 0, CO_ANSWER) != NULL) {
		const char *prev;
		rc = db_cma_event_reply(a, db_ll(cur, 0, CO_ANSWER), &prev);
		if (rc != DB_OK)
			return rc;
		if (prev != NULL && strcmp(prev, text) == 0) {
			*again = 1;
			return DB_OK;
		}
	}
	struct db_res rq;
	rc = db_rq_adm_get(a, &cma_all_requests, db_str(cur, 0, CO_CODE), 1, &rq);
	if (rc != DB_OK)
		return rc;
	if (rq.nrows == 0) {
		*missing = 1;
		return DB_OK;
	}
	long long event = 0;
	rc = db_rq_adm_publish(a, &cma_all_requests, db_ll(&rq, 0, RA2_ID),
	                       db_str(&rq, 0, RA2_STATUS), NULL, text, NULL, 0,
	                       c->staff->id, &event);
	if (rc == DB_OK)
		rc = db_cma_answer(a, o->id, event);
	if (rc == DB_OK)
		rc = audit_staff(c, "comment_reply", "comment", cma_idstr(a, o->id),
		                 arena_printf(a, "Δημόσια απάντηση στο αίτημα %s (ιστορικό #%lld)",
		                              db_str(cur, 0, CO_CODE), event));
	return rc;
}

void adm_comment_reply(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct one o;
	if (!load_one(c, &o))
		return;
	form_parse(c, &o.fr, &o.dr);
	if (o.gone)
		o.dr.err = "cma.err_gone";
	if (o.dr.nerr || o.dr.token_bad || o.dr.err) {
		fresh_forms(c, &o, 0, 0, 1);
		render_one(c, &o, form_status(&o.dr));
		return;
	}
	const char *text = o.dr.v[0].s;
	struct db_res cur;
	int rc = DB_OK;
	if (!lock_one(c, &o, &cur))
		return;
	int again = 0, missing = 0;
	if (o.is_request) {
		rc = answer_request(c, &o, &cur, text, &again, &missing);
	} else {
		long long reply_id = 0;
		rc = answer_news(c, &o, &cur, text, o.dr.token, &reply_id);
		if (rc == DB_DUP) {
			again = 1;
			rc = DB_OK;
		} else if (rc == DB_OK) {
			rc = audit_staff(c, "comment_reply", "comment", cma_idstr(a, o.id),
			                 arena_printf(a, "Επίσημη απάντηση: σχόλιο #%lld", reply_id));
		}
	}
	if (rc == DB_OK && (again || missing)) {
		/* The same form sent again: its answer is there already. */
		db_rollback();
		if (missing) {
			page_error(c, 404, "cma.err_no_request");
			return;
		}
		admin_redirect(c, arena_printf(a, "/admin/comments/%lld?done=replied", o.id));
		return;
	}
	/* A moderator who answers a waiting comment publishes it. */
	int changed = 0;
	const char *from = db_str(&cur, 0, CO_STATUS);
	if (rc == DB_OK && strcmp(from, "pending") == 0)
		rc = cma_moderate(c, o.id, from, "approved", &changed);
	admin_commit(c, rc, arena_printf(a, "/admin/comments/%lld?done=replied", o.id));
}

