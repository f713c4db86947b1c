/*
 * comments.c - the comment form, its posting, and the thread (comments.h).
 *
 * Reads and writes comments through db_comments.h; queues the author's
 * confirmation mail through the outbox in the transaction that stores the
 * comment.  Sets no cookie.  The page that shows the thread (news.c,
 * requests/submit.c) owns the routes and the rest of the page.
 *
 * The thread is read a page at a time: comment_page_size top-level
 * comments by id through index comments_news / comments_request (a keyset:
 * ?comments_after=ID, ?comments_before=ID, ?comments=latest), then their
 * replies in one range query over the same index (parent_id between the
 * page's first and last id), so a page costs the same for an item with 20
 * comments and one with 2000.
 */
#include "comments/comments.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comments/spam.h"
#include "comments/text.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/cache.h"
#include "core/log.h"
#include "http/token.h"
#include "http/valid.h"
#include "mail/outbox.h"
#include "site/shared.h"
#include "view/layout.h"

#define FORM_ID "comment"
#define REPLIES_MAX 1000 /* replies shown with one page of comments */

enum { CF_NAME, CF_EMAIL, CF_BODY, CF_CONSENT, CF_WEBSITE, CF_PARENT, CF__N };

static const struct fdef comment_fields[CF__N] = {
	[CF_NAME] = { .name = "name", .kind = F_TEXT, .flags = F_REQUIRED, .max = 80,
	              .label = "cm.f_name", .hint = "cm.h_name", .err = "cm.err_name",
	              .autocomplete = "name" },
	[CF_EMAIL] = { .name = "email", .kind = F_EMAIL, .flags = F_REQUIRED, .max = 254,
	               .label = "cm.f_email", .hint = "cm.h_email", .err = "cm.err_email",
	               .autocomplete = "email" },
	[CF_BODY] = { .name = "body", .kind = F_TEXTAREA, .flags = F_REQUIRED, .min = 2,
	              .max = 2000, .rows = 6, .label = "cm.f_body",
	              .err = "cm.err_body", .err_missing = "cm.err_body_missing" },
	[CF_CONSENT] = { .name = "consent", .kind = F_CHECKBOX, .flags = F_REQUIRED,
	                 .label = "cm.f_consent", .err = "cm.err_consent" },
	/* The honeypot: people never see it; scripts fill in every field. */
	[CF_WEBSITE] = { .name = "website", .kind = F_TEXT, .flags = F_TRAP, .max = 200,
	                 .label = "cm.f_website", .err = "cm.err_rejected" },
	[CF_PARENT] = { .name = "parent", .kind = F_HIDDEN, .max = 20, .err = "cm.err_parent" },
};

/* The form of target t, its body's hint naming the link limit. */
static void comment_form_init(struct ctx *c, const struct comment_target *t,
                              struct form *f)
{
	struct arena *a = c->r->a;
	(void)t;
	struct fdef *fields = arena_alloc(a, sizeof(comment_fields));
	memcpy(fields, comment_fields, sizeof(comment_fields));
	size_t links = c->conf->comment_max_links;
	fields[CF_BODY].hint_text = links == 0
		? T(c, "cm.h_body_nolinks")
		: arena_printf(a, "%s %zu %s", T(c, "cm.h_body_links1"), links,
		               T(c, "cm.h_body_links2"));
	*f = (struct form){ .id = FORM_ID, .prefix = "comment-", .action = t->post_path, .submit = "cm.submit",
	                    .level = 3, .fields = fields, .n = CF__N };
}

/* ---- posting ------------------------------------------------------------------- */

/* The signature that lets the author see their comment after posting. */
static const char *posted_param(struct arena *a, long long id)
{
	char s[24];
	snprintf(s, sizeof(s), "%lld", id);
	return arena_printf(a, "%lld-%s", id, forms_sign(a, "comment-posted", s));
}

/* 303 to the item's page (path, without /en) with the author's notice. */
static void redirect_posted(struct ctx *c, const char *path, long long id)
{
	c->res->status = 303;
	c->res->location = arena_printf(c->r->a, "%s%s?posted=%s#comment-notice", c->lp,
	                                path, posted_param(c->r->a, id));
}

const char *comments_delete_url(struct arena *a, const struct conf *cf, const char *lang,
                                long long id)
{
	char s[24];
	snprintf(s, sizeof(s), "%lld", id);
	return arena_printf(a, "%s%s/comments/%lld/delete?k=%s", cf->site_url,
	                    strcmp(lang, "en") == 0 ? "/en" : "", id,
	                    forms_sign(a, "comment-delete", s));
}

/* Queue the author's confirmation: what they wrote, where, whether it
 * waits for a moderator, and the link that deletes it. */
static int mail_author(struct ctx *c, const struct comment_target *t, long long id,
                       const char *email, const char *body, int published)
{
	struct arena *a = c->r->a;
	const struct conf *cf = c->conf;
	const char *lang = i18n_code(c->lang);
	const char *site = c->lang == LANG_EN ? cf->site_name_en : cf->site_name;
	struct mail m = {
		.kind = "comment.confirm",
		.to = email,
		.subject = arena_printf(a, "%s: %s", T(c, "cm.mail_subject"), t->title),
		.text = arena_printf(a,
		    "%s\n%s\n%s%s\n\n%s\n\n%s\n\n%s\n%s\n\n%s\n\n-- \n%s\n",
		    T(c, "cm.mail_intro"), t->title, cf->site_url,
		    arena_printf(a, "%s%s", c->lp, t->path),
		    T(c, published ? "cm.mail_published" : "cm.mail_pending"),
		    body,
		    T(c, "cm.mail_delete"), comments_delete_url(a, cf, lang, id),
		    T(c, "cm.mail_ignore"), site),
	};
	return outbox_add(a, &m);
}

/* The parent of a reply to comment id on t: the comment itself when it
 * is a published top-level comment of t (not deleted by its author: the
 * page offers no reply to it), its parent when it is a published reply
 * (one level) whose thread is shown (its top-level comment published, not
 * hidden by flags nor waiting again), else 0 (and *bad). */
static int resolve_parent(struct ctx *c, const struct comment_target *t, long long id,
                          long long *parent, int *bad)
{
	struct db_res res;
	*parent = 0;
	*bad = 0;
	int rc = db_comment_get(c->r->a, id, &res);
	if (rc != DB_OK)
		return rc;
	int col = t->kind == CT_NEWS ? CM_NEWS : CM_REQUEST;
	if (res.nrows == 0 || strcmp(db_str(&res, 0, CM_STATUS), "approved") != 0 ||
	    db_str(&res, 0, CM_DELETED) != NULL ||
	    db_str(&res, 0, col) == NULL || db_ll(&res, 0, col) != t->id) {
		*bad = 1;
		return DB_OK;
	}
	if (db_str(&res, 0, CM_PARENT) == NULL) {
		*parent = id;
		return DB_OK;
	}
	long long top = db_ll(&res, 0, CM_PARENT);
	if ((rc = db_comment_get(c->r->a, top, &res)) != DB_OK)
		return rc;
	if (res.nrows == 0 || strcmp(db_str(&res, 0, CM_STATUS), "approved") != 0) {
		*bad = 1;
		return DB_OK;
	}
	*parent = top;
	return DB_OK;
}

/* A refusal of the whole form: status and message. */
static enum comment_outcome refuse(struct ctx *c, struct comment_form *cf, int status,
                                   const char *msg)
{
	c->res->status = status;
	cf->fd.err = msg;
	return CP_SHOW;
}

static enum comment_outcome db_failed(struct ctx *c, int rc)
{
	page_db_error(c, rc);
	return CP_ANSWERED;
}

enum comment_outcome comments_post(struct ctx *c, const struct comment_target *t,
                                   struct comment_form *cf)
{
	struct arena *a = c->r->a;
	const struct conf *conf = c->conf;
	struct form_data *fd = &cf->fd;
	comment_form_init(c, t, &cf->f);
	form_parse(c, &cf->f, fd);
	/* A parent that cannot be used is dropped from the form shown again
	 * (cm.err_parent says to send it as a new comment): sent again as it
	 * is, the form must not meet the same refusal. */
	if (fd->v[CF_PARENT].err != NULL)
		fd->v[CF_PARENT].raw = "";
	/* The same form sent again (a double click, a retry): its first
	 * result, and nothing new - on the item it was stored on. */
	struct db_res res;
	int rc;
	if (!fd->token_bad) {
		if ((rc = db_comment_by_token(a, fd->token, &res)) != DB_OK)
			return db_failed(c, rc);
		if (res.nrows == 1) {
			int col = t->kind == CT_NEWS ? CM_NEWS : CM_REQUEST;
			const char *place = db_str(&res, 0, col) != NULL && db_ll(&res, 0, col) == t->id
			                        ? t->path : comments_place(a, &res);
			if (place == NULL)
				return db_failed(c, DB_ERR);
			redirect_posted(c, place, db_ll(&res, 0, CM_ID));
			return CP_DONE;
		}
	}
	if (t->closed) {
		page_error(c, 403, "cm.err_closed");
		return CP_ANSWERED;
	}
	if (fd->nerr || fd->token_bad) {
		c->res->status = form_status(fd);
		return CP_SHOW;
	}
	const char *body = fd->v[CF_BODY].s, *name = fd->v[CF_NAME].s;
	const char *ip = c->r->remote_addr;
	if (*fd->v[CF_WEBSITE].raw) {
		log_info("msg=\"comment refused\" why=honeypot ip=%s", ip ? ip : "-");
		return refuse(c, cf, 422, "cm.err_rejected");
	}
	long age = forms_token_age(fd->token, FORM_ID);
	if (age >= 0 && (size_t)age < conf->comment_min_seconds) {
		log_info("msg=\"comment refused\" why=too_fast age=%ld", age);
		return refuse(c, cf, 422, "cm.err_too_fast");
	}
	long long parent = 0;
	const char *praw = fd->v[CF_PARENT].raw;
	if (*praw) {
		long long pid;
		int bad = !valid_int(praw, 1, LLONG_MAX, &pid);
		if (!bad && (rc = resolve_parent(c, t, pid, &parent, &bad)) != DB_OK)
			return db_failed(c, rc);
		if (bad) {
			fd->v[CF_PARENT].raw = ""; /* as above */
			return refuse(c, cf, 422, "cm.err_parent");
		}
	}
	long long recent = 0;
	if (conf->comment_rate > 0 &&
	    (rc = db_comments_recent(a, ip, conf->comment_rate, &recent)) != DB_OK)
		return db_failed(c, rc);
	if (conf->comment_rate > 0 && (size_t)recent >= conf->comment_rate) {
		log_info("msg=\"comment refused\" why=rate ip=%s", ip ? ip : "-");
		c->res->retry_after = 600;
		return refuse(c, cf, 429, "cm.err_rate");
	}
	if (comment_count_links(body) > conf->comment_max_links ||
	    comment_count_links(name) > 0) {
		form_error(fd, comment_count_links(name) > 0 ? "name" : "body", "cm.err_links");
		c->res->status = 422;
		return CP_SHOW;
	}
	if (spam_blocked(a, body) || spam_blocked(a, name)) {
		log_info("msg=\"comment refused\" why=blocklist ip=%s", ip ? ip : "-");
		return refuse(c, cf, 422, "cm.err_blocked");
	}
	unsigned char hash[32];
	comment_hash(body, hash);
	int repeat;
	if ((rc = db_comments_repeat(a, hash, ip, t->kind, t->id, &repeat)) != DB_OK)
		return db_failed(c, rc);
	if (repeat)
		return refuse(c, cf, 422, "cm.err_repeat");

	const char *email = fd->v[CF_EMAIL].s;
	if (!outbox_address_ok(email)) {
		form_error(fd, "email", "cm.err_email");
		c->res->status = 422;
		return CP_SHOW;
	}
	struct comment_new n = {
		.target = t->kind, .target_id = t->id, .parent_id = parent,
		.status = t->post_moderated ? "approved" : "pending",
		.name = name, .email = email, .body = body,
		.lang = i18n_code(c->lang), .ip = ip, .hash = hash, .token = fd->token,
	};
	long long id = 0;
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_comment_insert(a, &n, &id);
	if (rc == DB_OK)
		rc = mail_author(c, t, id, email, body, t->post_moderated);
	rc = db_end(rc);
	if (rc == DB_DUP) {
		/* The same form, at the same moment, from another worker: its
		 * result is the one to show. */
		if ((rc = db_comment_by_token(a, fd->token, &res)) == DB_OK && res.nrows == 1) {
			redirect_posted(c, t->path, db_ll(&res, 0, CM_ID));
			return CP_DONE;
		}
		rc = rc == DB_OK ? DB_ERR : rc;
	}
	if (rc != DB_OK)
		return db_failed(c, rc);
	log_info("msg=\"comment stored\" id=%lld status=%s", id, n.status);
	redirect_posted(c, t->path, id);
	return CP_DONE;
}

/* ---- the thread ------------------------------------------------------------------- */

/* 1 if s has a letter of the Greek script (U+0370-U+03FF, U+1F00-U+1FFF). */
static int has_greek(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (((*p == 0xCD || *p == 0xCE || *p == 0xCF) && p[1] >= 0x80) ||
		    (*p == 0xE1 && (p[1] == 0xBC || p[1] == 0xBD || p[1] == 0xBE || p[1] == 0xBF)))
			return 1;
	return 0;
}

/* The author's name into d (NAME), marked lang="el" when it is written in
 * Greek on an English page (WCAG 3.1.2: a screen reader then says it
 * with Greek rules). */
void comments_set_name(struct ctx *c, tmpl_dict *d, const char *name)
{
	tmpl_set(d, "NAME", name);
	if (c->lang == LANG_EN && has_greek(name))
		tmpl_show(d, "NAME_EL");
}

/* One comment of row i of res into the include COMMENT or REPLY of d. */
static tmpl_dict *show_one(struct ctx *c, struct arena *a, tmpl_dict *d, const char *marker,
                           const struct comment_target *t, const struct db_res *res,
                           size_t i, int open)
{
	tmpl_dict *x = tmpl_include(d, c->lang, marker, "comments/one.tpl");
	const char *id = db_str(res, i, CM_ID);
	tmpl_set(x, "ID", id);
	tmpl_set(x, "AT", page_date(c, db_str(res, i, CM_AT), 1));
	tmpl_set(x, "AT_ISO", page_date_iso(a, db_str(res, i, CM_AT)));
	if (db_str(res, i, CM_DELETED) != NULL) {
		tmpl_show(x, "DELETED");
		return x;
	}
	tmpl_dict *b = tmpl_add(x, "SHOWN");
	comments_set_name(c, b, db_str(res, i, CM_NAME));
	/* Written in the other language than the page's (WCAG 3.1.2). */
	const char *lang = db_str(res, i, CM_LANG);
	if (strcmp(lang, i18n_code(c->lang)) != 0 && (strcmp(lang, "el") == 0 || strcmp(lang, "en") == 0))
		tmpl_set(tmpl_add(b, "OTHER_LANG"), "LANG", lang);
	tmpl_set(b, "BODY", comment_html(a, db_str(res, i, CM_BODY), (int)db_ll(res, i, CM_LINKS)));
	if (db_ll(res, i, CM_OFFICIAL))
		tmpl_show(x, "OFFICIAL");
	if (db_str(res, i, CM_EDITED) != NULL)
		tmpl_show(b, "EDITED");
	if (db_str(res, i, CM_ANSWER_EVENT) != NULL)
		tmpl_set(tmpl_add(b, "ANSWERED"), "EVENT", db_str(res, i, CM_ANSWER_EVENT));
	int reply = open && db_str(res, i, CM_PARENT) == NULL;
	int flag = !db_ll(res, i, CM_OFFICIAL);
	if (reply || flag) {
		tmpl_dict *act = tmpl_add(b, "ACTIONS");
		if (reply)
			tmpl_set(tmpl_add(act, "REPLY_LINK"), "URL",
			         arena_printf(a, "%s%s?reply=%s#comment-form", c->lp, t->path, id));
		if (flag)
			tmpl_set(tmpl_add(act, "FLAG_LINK"), "URL",
			         arena_printf(a, "%s/comments/%s/flag", c->lp, id));
	}
	return x;
}

/* The author's notice after posting (?posted=ID-SIG): their comment, and
 * whether it waits for a moderator.  Such a page is theirs alone: not
 * kept by a shared cache. */
static int show_posted(struct ctx *c, tmpl_dict *s, const struct comment_target *t,
                       int *shown)
{
	*shown = 0;
	const char *p = req_query(c->r, "posted");
	if (p == NULL)
		return DB_OK;
	char *dash = strchr(p, '-');
	long long id;
	if (dash == NULL || dash - p > 19 ||
	    !valid_int(arena_strndup(c->r->a, p, (size_t)(dash - p)), 1, LLONG_MAX, &id) ||
	    !forms_sign_valid(dash + 1, "comment-posted", arena_strndup(c->r->a, p, (size_t)(dash - p))))
		return DB_OK;
	struct db_res res;
	int rc = db_comment_get(c->r->a, id, &res);
	int col = t->kind == CT_NEWS ? CM_NEWS : CM_REQUEST;
	if (rc != DB_OK || res.nrows == 0 || db_str(&res, 0, col) == NULL ||
	    db_ll(&res, 0, col) != t->id)
		return rc;
	c->res->cache = "private, no-store";
	*shown = 1;
	const char *st = db_str(&res, 0, CM_STATUS);
	tmpl_dict *n = tmpl_add(s, "POSTED");
	if (strcmp(st, "approved") == 0 && db_str(&res, 0, CM_DELETED) == NULL) {
		tmpl_show(n, "PUBLISHED");
	} else if (strcmp(st, "pending") == 0) {
		tmpl_show(n, "PENDING");
	} else {
		tmpl_show(n, "GONE");
		return DB_OK;
	}
	tmpl_set(n, "ID", db_str(&res, 0, CM_ID));
	tmpl_dict *q = tmpl_add(n, "QUOTE");
	comments_set_name(c, q, db_str(&res, 0, CM_NAME));
	tmpl_set(q, "BODY", comment_html(c->r->a, db_str(&res, 0, CM_BODY), 0));
	return DB_OK;
}

/* The page asked for: *dir 'a' after *at, or 'b' before it. */
static void page_asked(struct ctx *c, char *dir, long long *at)
{
	const char *v;
	*dir = 'a';
	*at = 0;
	if ((v = req_query(c->r, "comments_after")) != NULL && valid_int(v, 0, LLONG_MAX, at))
		return;
	if ((v = req_query(c->r, "comments_before")) != NULL && valid_int(v, 1, LLONG_MAX, at)) {
		*dir = 'b';
		return;
	}
	if ((v = req_query(c->r, "comments")) != NULL && strcmp(v, "latest") == 0) {
		*dir = 'b';
		*at = LLONG_MAX;
		return;
	}
	*at = 0;
}

/* The form: fresh or as posted, for a reply when ?reply= names a
 * published comment of t (or the posted form had a parent). */
static int show_form(struct ctx *c, tmpl_dict *s, const struct comment_target *t,
                     const struct comment_form *posted)
{
	struct arena *a = c->r->a;
	struct comment_form *cf = arena_calloc(a, sizeof(*cf));
	const struct form_data *fd;
	if (posted != NULL) {
		fd = &posted->fd;
	} else {
		comment_form_init(c, t, &cf->f);
		form_new(c, &cf->f, &cf->fd);
		fd = &cf->fd;
	}
	const char *want = posted ? form_value(fd, "parent")->raw : req_query(c->r, "reply");
	long long pid;
	if (want != NULL && *want && valid_int(want, 1, LLONG_MAX, &pid)) {
		/* Only a comment a reply could be posted to (resolve_parent). */
		struct db_res res;
		long long parent;
		int bad, rc = resolve_parent(c, t, pid, &parent, &bad);
		if (rc == DB_OK && !bad)
			rc = db_comment_get(a, pid, &res);
		if (rc != DB_OK)
			return rc;
		if (!bad && res.nrows == 1) {
			if (posted == NULL)
				form_set(&cf->fd, "parent", db_str(&res, 0, CM_ID));
			tmpl_dict *r = tmpl_add(s, "REPLYING");
			comments_set_name(c, r, db_str(&res, 0, CM_NAME));
			tmpl_set(r, "ID", db_str(&res, 0, CM_ID));
			tmpl_set(r, "CANCEL_URL", arena_printf(a, "%s%s#comment-form", c->lp, t->path));
		}
	}
	form_fill(c, s, fd);
	return DB_OK;
}

/* The HTML of one page of t's thread (views/comments/list.tpl: the
 * comments, their replies, the pager, or the note that there are none),
 * in the request's arena. */
static int render_list(struct ctx *c, const struct comment_target *t, char dir,
                       long long at, const char **html)
{
	struct arena *a = c->r->a;
	long long limit = (long long)c->conf->comment_page_size;
	struct db_res top, rep;
	int rc = db_comments_page(a, t->kind, t->id, dir, at, limit + 1, &top);
	if (rc != DB_OK)
		return rc;
	tmpl_dict *s = tmpl_dict_new(a);
	size_t n = top.nrows > (size_t)limit ? (size_t)limit : top.nrows;
	int more = top.nrows > (size_t)limit;
	/* Rows in thread order: a page read backwards is shown forwards. */
	size_t *order = arena_alloc(a, (n ? n : 1) * sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = dir == 'b' ? n - 1 - i : i;
	if (n == 0) {
		/* None at all, or none past an old link's cursor: the way back. */
		if (at == 0)
			tmpl_show(s, "NONE");
		else
			tmpl_set(tmpl_add(s, "NO_MORE"), "URL",
			         arena_printf(a, "%s%s#comments", c->lp, t->path));
	} else {
		long long first = db_ll(&top, order[0], CM_ID), last = db_ll(&top, order[n - 1], CM_ID);
		if ((rc = db_comments_replies(a, t->kind, t->id, first, last, REPLIES_MAX, &rep)) != DB_OK)
			return rc;
		tmpl_dict *l = tmpl_add(s, "LIST");
		int open = !t->closed;
		size_t r = 0;
		for (size_t k = 0; k < n; k++) {
			size_t i = order[k];
			long long id = db_ll(&top, i, CM_ID);
			tmpl_dict *x = show_one(c, a, l, "COMMENT", t, &top, i, open);
			while (r < rep.nrows && db_ll(&rep, r, CM_PARENT) < id)
				r++; /* a reply to a comment not on the page (cannot be) */
			if (r < rep.nrows && db_ll(&rep, r, CM_PARENT) == id) {
				tmpl_dict *rl = tmpl_add(x, "REPLIES");
				for (; r < rep.nrows && db_ll(&rep, r, CM_PARENT) == id; r++)
					show_one(c, a, rl, "REPLY", t, &rep, r, open);
			}
		}
		/* Older and newer pages (oldest first: "previous" is older). */
		int has_prev = dir == 'a' ? at > 0 : more;
		int has_next = dir == 'a' ? more : at != LLONG_MAX;
		if (has_prev || has_next) {
			tmpl_dict *p = tmpl_add(s, "PAGER");
			if (has_prev)
				tmpl_set(tmpl_add(p, "PREV"), "URL",
				         arena_printf(a, "%s%s?comments_before=%lld#comments", c->lp,
				                      t->path, first));
			if (has_next)
				tmpl_set(tmpl_add(p, "NEXT"), "URL",
				         arena_printf(a, "%s%s?comments_after=%lld#comments", c->lp,
				                      t->path, last));
		}
	}
	struct buf out;
	buf_init(&out, 16384);
	if (tmpl_render("comments/list.tpl", c->lang, s, &out) != 0) {
		buf_free(&out);
		log_error("msg=\"template failed\" file=comments/list.tpl");
		return DB_ERR;
	}
	*html = arena_strndup(a, out.p, out.len);
	buf_free(&out);
	return DB_OK;
}

/*
 * The pages of threads are kept per worker for a few seconds, rendered
 * (core/cache.h): an article read by many is read with the same comments,
 * and a page of 50 comments costs the same whether the article has 60 or
 * 6000.  A new, approved or hidden comment shows within the TTL (at once
 * to its author and to a reader who flagged one).  The key names
 * everything the HTML depends on.
 */
static struct cache threads = { .ttl = 5 };

int comments_section(struct ctx *c, tmpl_dict *d, const struct comment_target *t,
                     const struct comment_form *cf)
{
	tmpl_dict *s = page_include(c, d, "COMMENTS", "comments/section.tpl");
	tmpl_set_int(s, "COUNT", t->count);
	tmpl_show(s, t->kind == CT_REQUEST ? "ON_REQUEST" : "ON_NEWS");
	int mine;
	int rc = show_posted(c, s, t, &mine);
	if (rc != DB_OK)
		return rc;
	if (req_query(c->r, "flagged") != NULL)
		tmpl_show(s, "FLAGGED");

	char dir;
	long long at;
	page_asked(c, &dir, &at);
	const char *key = arena_printf(c->r->a, "%d:%lld:%c:%lld:%s:%d:%s", (int)t->kind, t->id,
	                               dir, at, c->lp, t->closed, t->path);
	/* The author after posting and a reader after flagging see the thread
	 * as it is now (their pages are their own: not kept, not cached). */
	int own = mine || req_query(c->r, "flagged") != NULL;
	const char *html = own ? NULL : cache_get(&threads, key);
	if (own) {
		if ((rc = render_list(c, t, dir, at, &html)) != DB_OK)
			return rc;
		c->res->cache = "private, no-store";
	} else if (html == NULL) {
		if ((rc = render_list(c, t, dir, at, &html)) != DB_OK)
			return rc;
		struct arena *na = arena_new(strlen(html) + 256);
		char *kept = arena_strdup(na, html);
		cache_put(&threads, key, na, kept);
	}
	/* Rendered from views/comments/list.tpl, which escapes every value. */
	tmpl_set(s, "LIST_HTML", html);
	if (t->closed) {
		tmpl_show(s, "CLOSED");
		return DB_OK;
	}
	tmpl_dict *o = tmpl_add(s, "OPEN");
	tmpl_show(o, t->post_moderated ? "POST_MODERATED" : "PRE_MODERATED");
	tmpl_set_int(o, "IP_DAYS", (long long)c->conf->comment_ip_days);
	return show_form(c, o, t, cf);
}

const char *comments_place(struct arena *a, const struct db_res *row)
{
	struct db_res res;
	if (db_comment_place(a, db_ll(row, 0, CM_ID), &res) != DB_OK || res.nrows == 0)
		return NULL;
	if (db_str(&res, 0, PL_NEWS) != NULL)
		return site_item_path(a, "news", db_str(&res, 0, PL_NEWS), db_str(&res, 0, PL_SLUG));
	return arena_printf(a, "/requests/%s", db_str(&res, 0, PL_CODE));
}
