/*
 * comments.c (admin) - reader comments, the moderators' side
 * (admin/comments.h).  Reads and writes through admin/db_comments_admin.h
 * and comments/db_comments.h (db_comment_moderate, the one place a status
 * changes, and db_comment_insert for an official answer); a request's
 * public reply through admin/db_rq_admin.h's db_rq_adm_publish, which
 * queues the reporter's and followers' mail in the same transaction.  Each
 * change writes its audit_staff row in its own transaction.
 *
 * The queue's parameters are its interface: status (pending, approved,
 * rejected, spam, deleted, or flagged: pending because readers' flags hid
 * it), target (a news id "12" or a request code "2026-000123"),
 * official=1 (official replies too) and one keyset cursor, before=ID
 * (older) or after=ID (newer).  The bulk form carries them back as hidden
 * fields, so its answer returns to the same view.
 *
 * One comment's page is comment.c, the blocklist and the settings
 * comments_settings.c; what they share is comments_moderate.h.
 *
 * The commenter's e-mail and address appear on one comment's page only,
 * never in the queue.  The comment's text is shown through comment_html
 * (comments/text.h): escaped, and linked only when links are allowed.
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

#define PAGE_ROWS 50
#define BULK_MAX 100

/* The queue's status filter; "flagged" is pending with hidden_by_flags. */
static const char *const statuses[] = {
	"pending", "flagged", "approved", "rejected", "spam", "deleted", NULL,
};

/* A decision: the button's value, the status it sets, its audit action. */
static const struct {
	const char *action, *status, *audit;
} decisions[] = {
	{ "approve", "approved", "comment_approve" },
	{ "reject", "rejected", "comment_reject" },
	{ "spam", "spam", "comment_spam" },
};
#define NDECISIONS (sizeof(decisions) / sizeof(decisions[0]))

const char *cma_decision_status(const char *action)
{
	for (size_t i = 0; action != NULL && i < NDECISIONS; i++)
		if (strcmp(action, decisions[i].action) == 0)
			return decisions[i].status;
	return NULL;
}

static const char *decision_audit(const char *status)
{
	for (size_t i = 0; i < NDECISIONS; i++)
		if (strcmp(status, decisions[i].status) == 0)
			return decisions[i].audit;
	abort(); /* cma_moderate() is only called with a decision's status */
}

/* A comment's status in words ("cma.st_approved": "Εγκεκριμένο"); the
 * filter's options are plural ("cma.s_approved"). */
const char *cma_status_label(struct ctx *c, const char *s)
{
	return T(c, arena_printf(c->r->a, "cma.st_%s", s ? s : "pending"));
}

/* The same in Greek, for the audit log (the municipality's record). */
static const char *status_el(struct arena *a, const char *s)
{
	return i18n_get(LANG_EL, arena_printf(a, "cma.st_%s", s ? s : "pending"));
}

const char *cma_idstr(struct arena *a, long long id)
{
	return arena_printf(a, "%lld", id);
}

const struct rq_scope cma_all_requests = { 1, 0 };

/* A comment's public place: the article's page or the request's. */
const char *cma_news_url(struct ctx *c, const char *id, const char *slug)
{
	return arena_printf(c->r->a, "%s%s", c->lp, site_item_path(c->r->a, "news", id, slug));
}

/* A status change with its audit row, inside the caller's transaction.
 * *changed 1 when the status changed. */
int cma_moderate(struct ctx *c, long long id, const char *from, const char *to,
                    int *changed)
{
	struct arena *a = c->r->a;
	unsigned long long affected = 0;
	*changed = 0;
	int rc = db_comment_moderate(a, id, to, c->staff->id, &affected);
	if (rc != DB_OK || affected == 0)
		return rc;
	*changed = 1;
	return audit_staff(c, decision_audit(to), "comment", cma_idstr(a, id),
	                   arena_printf(a, "Σχόλιο: %s → %s", status_el(a, from), status_el(a, to)));
}

/* 1 if the author deleted the comment (its text is gone): nothing to
 * decide, edit or answer. */
int cma_deleted(const char *status, const char *deleted_at)
{
	return strcmp(status, "deleted") == 0 || deleted_at != NULL;
}

/* ==== the queue ============================================================ */

struct queue {
	struct cma_filter f;
	const char *status;     /* as in the URL: one of statuses */
	const char *target;     /* as typed, trimmed */
	struct db_res news;     /* the target article (CMA_NEWS) */
	const char *code;       /* the target request's code (CMA_REQUEST) */
};

static const char *param(struct ctx *c, int from_form, const char *name)
{
	return from_form ? req_form(c->r, name) : req_query(c->r, name);
}

/* The filters from the query string (from_form 0) or the bulk form's
 * hidden fields (1).  1, or 0 when answered: 400 for a malformed value,
 * 404 for a target that does not exist. */
static int read_queue(struct ctx *c, int from_form, struct queue *q)
{
	struct arena *a = c->r->a;
	memset(q, 0, sizeof(*q));
	q->f.dir = 'b';
	const char *st = param(c, from_form, "status");
	const char *off = param(c, from_form, "official");
	const char *tg = param(c, from_form, "target");
	const char *before = param(c, from_form, "before");
	const char *after = param(c, from_form, "after");
	int ok = 1;
	q->status = st == NULL || *st == '\0' ? "pending" : st;
	if (!valid_choice(q->status, statuses))
		ok = 0;
	q->f.flagged = strcmp(q->status, "flagged") == 0;
	q->f.status = q->f.flagged ? "pending" : q->status;
	if (off != NULL && *off && strcmp(off, "1") != 0 && strcmp(off, "0") != 0)
		ok = 0;
	q->f.official = off != NULL && strcmp(off, "1") == 0;
	if (before != NULL && *before && after != NULL && *after)
		ok = 0;
	else if (before != NULL && *before)
		ok &= valid_int(before, 1, ID_MAX, &q->f.cursor);
	else if (after != NULL && *after) {
		q->f.dir = 'a';
		ok &= valid_int(after, 0, ID_MAX, &q->f.cursor);
	}
	q->target = text_trim(a, tg ? tg : "");
	if (ok && *q->target) {
		int rc = DB_OK;
		if (valid_int(q->target, 1, 4294967295LL, &q->f.target_id)) {
			q->f.target = CMA_NEWS;
			rc = db_cma_news(a, q->f.target_id, &q->news);
			if (rc == DB_OK && q->news.nrows == 0) {
				page_error(c, 404, "cma.err_no_news");
				return 0;
			}
		} else if (rq_code_ok(q->target)) {
			q->f.target = CMA_REQUEST;
			q->code = q->target;
			rc = db_rq_adm_id_of(a, &cma_all_requests, q->target, &q->f.target_id);
			if (rc == DB_OK && q->f.target_id == 0) {
				page_error(c, 404, "cma.err_no_request");
				return 0;
			}
		} else {
			ok = 0;
		}
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return 0;
		}
	}
	if (!ok) {
		page_error(c, 400, "cma.err_filter");
		return 0;
	}
	return 1;
}

/* The filters as a query string ("status=spam&target=12&"), no cursor. */
static const char *filter_query(struct ctx *c, const struct queue *q)
{
	struct arena *a = c->r->a;
	const char *s = "";
	if (strcmp(q->status, "pending") != 0)
		s = arena_printf(a, "%sstatus=%s&", s, q->status);
	if (*q->target)
		s = arena_printf(a, "%starget=%s&", s, text_percent_encode(a, q->target));
	if (q->f.official)
		s = arena_printf(a, "%sofficial=1&", s);
	return s;
}

/* The path of the queue with q's filters and a cursor ("" none). */
static const char *queue_path(struct ctx *c, const struct queue *q, const char *cursor)
{
	const char *fq = filter_query(c, q);
	const char *s = arena_printf(c->r->a, "%s%s", fq, cursor);
	size_t n = strlen(s);
	if (n && s[n - 1] == '&')
		n--;
	return arena_printf(c->r->a, "/admin/comments%s%.*s", n ? "?" : "", (int)n, s);
}

static int ticked(const char *const *ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return 1;
	return 0;
}

/* The open/close form of an article's comments; from the comment page
 * "from" is that comment's id (the answer goes back there). */
void cma_closing_form(struct ctx *c, tmpl_dict *d, const char *news_id, int closed,
                         const char *from)
{
	tmpl_dict *x = tmpl_add(d, "CLOSING");
	tmpl_set(x, "ACTION", arena_printf(c->r->a, "%s/admin/comments/news/%s/closed", c->lp,
	                                   news_id));
	tmpl_set(x, "CSRF", c->staff->csrf);
	if (from != NULL)
		tmpl_set(tmpl_add(x, "FROM"), "V", from);
	tmpl_show(x, closed ? "IS_CLOSED" : "IS_OPEN");
}

/* The notice of a bulk decision (done=approved&n=3) or of closing. */
static void queue_notice(struct ctx *c, tmpl_dict *d)
{
	static const char *const plain[] = {
		"closed", "cma.done_closed", "opened", "cma.done_opened", NULL,
	};
	admin_notice(c, d, plain);
	const char *done = req_query(c->r, "done");
	const char *n = req_query(c->r, "n");
	long long k;
	if (done == NULL || cma_decision_status(done) == NULL || !valid_int(n, 0, BULK_MAX, &k))
		return;
	const char *key = k == 0 ? "cma.done_none"
	                : arena_printf(c->r->a, "cma.done_%s%s", done, k == 1 ? "_one" : "");
	const char *text = T(c, key);
	/* "{n} σχόλια εγκρίθηκαν.": the count goes where the text says. */
	const char *at = strstr(text, "{n}");
	if (at != NULL)
		text = arena_printf(c->r->a, "%.*s%lld%s", (int)(at - text), text, k, at + 3);
	tmpl_set(tmpl_add(d, "NOTICE"), "TEXT", text);
}

/* The queue page: q's rows, with err (a message key) above the table
 * when the bulk form was refused, ids ticked as sent, answered status. */
static void render_queue(struct ctx *c, const struct queue *q, const char *err,
                         const char *const *ids, size_t nids, int status)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_cma_queue(a, &q->f, PAGE_ROWS + 1, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *title = T(c, "cma.title");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, err ? arena_printf(a, "%s %s", T(c, "err.title_prefix"),
	                                                 title) : title,
	                           "admin/comments_list.tpl", &top);
	c->res->status = status;
	if (err != NULL)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", T(c, err));
	else
		queue_notice(c, d);
	/* The filter form. */
	for (size_t i = 0; statuses[i]; i++) {
		tmpl_dict *o = tmpl_add(d, "STATUS_OPT");
		tmpl_set(o, "V", statuses[i]);
		tmpl_set(o, "LABEL", T(c, arena_printf(a, "cma.s_%s", statuses[i])));
		if (strcmp(statuses[i], q->status) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_set(d, "TARGET", q->target);
	if (q->f.official)
		tmpl_show(d, "OFFICIAL_CHECKED");
	/* One article: its title and the form that closes its comments. */
	if (q->f.target == CMA_NEWS) {
		tmpl_dict *x = tmpl_add(d, "ARTICLE");
		const char *nid = db_str(&q->news, 0, CN_ID);
		tmpl_set(x, "TITLE", page_pick(c, db_str(&q->news, 0, CN_TITLE),
		                               db_str(&q->news, 0, CN_TITLE_EN), NULL));
		tmpl_set(x, "URL", cma_news_url(c, nid, db_str(&q->news, 0, CN_SLUG)));
		cma_closing_form(c, x, nid, db_ll(&q->news, 0, CN_CLOSED) != 0, NULL);
	} else if (q->f.target == CMA_REQUEST) {
		tmpl_dict *x = tmpl_add(d, "REQUEST");
		tmpl_set(x, "CODE", q->code);
		tmpl_set(x, "URL", arena_printf(a, "%s/requests/%s", c->lp, q->code));
	}
	size_t n = res.nrows > PAGE_ROWS ? PAGE_ROWS : res.nrows;
	int after = q->f.dir == 'a';
	if (n == 0) {
		tmpl_show(d, "EMPTY");
	} else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		tmpl_set(t, "ACTION", arena_printf(a, "%s/admin/comments", c->lp));
		tmpl_set(t, "CSRF", c->staff->csrf);
		tmpl_set(t, "F_STATUS", q->status);
		tmpl_set(t, "F_TARGET", q->target);
		if (q->f.official)
			tmpl_show(t, "F_OFFICIAL");
		if (q->f.cursor) {
			tmpl_dict *x = tmpl_add(t, "F_CURSOR");
			tmpl_set(x, "NAME", after ? "after" : "before");
			tmpl_set(x, "V", cma_idstr(a, q->f.cursor));
		}
		for (size_t k = 0; k < n; k++) {
			/* An "after" page was read oldest first: shown newest first. */
			size_t i = after ? n - 1 - k : k;
			tmpl_dict *r = tmpl_add(t, "ROW");
			const char *id = db_str(&res, i, CQ_ID);
			tmpl_set(r, "ID", id);
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/comments/%s", c->lp, id));
			if (ticked(ids, nids, id))
				tmpl_show(r, "CHECKED");
			const char *name = db_str(&res, i, CQ_NAME);
			const char *del = db_str(&res, i, CQ_DELETED);
			int gone = cma_deleted(db_str(&res, i, CQ_STATUS), del);
			tmpl_set(r, "NAME", gone && *name == '\0' ? T(c, "cma.by_author_deleted") : name);
			tmpl_set(r, "EXCERPT", db_ll(&res, i, CQ_LONG)
			         ? arena_printf(a, "%s…", db_str(&res, i, CQ_EXCERPT))
			         : db_str(&res, i, CQ_EXCERPT));
			const char *nid = db_str(&res, i, CQ_NEWS);
			if (nid != NULL) {
				tmpl_dict *w = tmpl_add(r, "WHERE_NEWS");
				const char *tt = db_str(&res, i, CQ_TITLE);
				tmpl_set(w, "TITLE", tt ? page_pick(c, tt, db_str(&res, i, CQ_TITLE_EN), NULL)
				                        : arena_printf(a, "#%s", nid));
				tmpl_set(w, "URL", cma_news_url(c, nid, db_str(&res, i, CQ_SLUG)));
			} else {
				tmpl_dict *w = tmpl_add(r, "WHERE_REQUEST");
				const char *code = db_str(&res, i, CQ_CODE);
				tmpl_set(w, "CODE", code ? code : "—");
				tmpl_set(w, "URL", arena_printf(a, "%s/requests/%s", c->lp, code ? code : ""));
			}
			const char *at = db_str(&res, i, CQ_AT);
			tmpl_set(r, "AT", admin_time(c, at));
			tmpl_set(r, "AT_ISO", page_date_iso(a, at));
			tmpl_set(r, "FLAGS", db_str(&res, i, CQ_FLAGS));
			if (db_ll(&res, i, CQ_HIDDEN))
				tmpl_show(r, "HIDDEN");
			if (db_ll(&res, i, CQ_OFFICIAL))
				tmpl_show(r, "OFFICIAL");
			if (db_str(&res, i, CQ_PARENT))
				tmpl_set(tmpl_add(r, "REPLY"), "PARENT", db_str(&res, i, CQ_PARENT));
			if (del != NULL)
				tmpl_show(r, "AUTHOR_DELETED");
			tmpl_set(r, "STATUS", cma_status_label(c, db_str(&res, i, CQ_STATUS)));
		}
	}
	/* Keyset links: older below the last row shown, newer above the
	 * first; a page read "after" has more newer rows when it got
	 * limit+1, a page read "before" more older ones. */
	int older = n > 0 && (after || res.nrows > PAGE_ROWS);
	int newer = n > 0 && (after ? res.nrows > PAGE_ROWS : q->f.cursor != 0);
	if (older || newer || q->f.cursor) {
		tmpl_dict *pg = tmpl_add(d, "PAGER");
		if (newer)
			tmpl_set(tmpl_add(pg, "NEWER"), "URL", arena_printf(a, "%s%s", c->lp,
			         queue_path(c, q, arena_printf(a, "after=%s",
			                                       db_str(&res, after ? n - 1 : 0, CQ_ID)))));
		if (older)
			tmpl_set(tmpl_add(pg, "OLDER"), "URL", arena_printf(a, "%s%s", c->lp,
			         queue_path(c, q, arena_printf(a, "before=%s",
			                                       db_str(&res, after ? 0 : n - 1, CQ_ID)))));
		if (q->f.cursor)
			tmpl_set(tmpl_add(pg, "FIRST"), "URL",
			         arena_printf(a, "%s%s", c->lp, queue_path(c, q, "")));
	}
	admin_render(c, top);
}

void adm_comments_queue(struct ctx *c)
{
	struct queue q;
	if (read_queue(c, 0, &q))
		render_queue(c, &q, NULL, NULL, 0, 200);
}

void adm_comments_bulk(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct queue q;
	if (!read_queue(c, 1, &q))
		return;
	const char *action = req_form(c->r, "action");
	const char *to = cma_decision_status(action);
	long long ids[BULK_MAX];
	const char *raw[BULK_MAX];
	size_t n = 0;
	int bad = 0, over = 0;
	for (const struct field *f = c->r->form; f != NULL; f = f->next) {
		long long v;
		if (strcmp(f->name, "id") != 0)
			continue;
		if (!valid_int(f->val, 1, ID_MAX, &v)) {
			bad = 1;
			continue;
		}
		if (ticked(raw, n, f->val))
			continue;
		if (n == BULK_MAX) {
			over = 1;
			break;
		}
		raw[n] = f->val;
		ids[n++] = v;
	}
	const char *err = to == NULL ? "cma.err_action" : over ? "cma.err_too_many"
	                : bad ? "cma.err_ids" : n == 0 ? "cma.err_none" : NULL;
	if (err != NULL) {
		render_queue(c, &q, err, raw, n, 422);
		return;
	}
	int changed = 0;
	int rc = db_begin();
	for (size_t i = 0; rc == DB_OK && i < n; i++) {
		struct db_res cur;
		rc = db_cma_get(a, ids[i], 1, &cur);
		if (rc != DB_OK || cur.nrows == 0)
			continue;
		const char *from = db_str(&cur, 0, CO_STATUS);
		if (strcmp(from, to) == 0 || cma_deleted(from, db_str(&cur, 0, CO_DELETED)))
			continue;
		int one = 0;
		rc = cma_moderate(c, ids[i], from, to, &one);
		changed += one;
	}
	admin_commit(c, rc, queue_path(c, &q, arena_printf(a, "%sdone=%s&n=%d",
	    q.f.cursor ? arena_printf(a, "%s=%lld&", q.f.dir == 'a' ? "after" : "before",
	                              q.f.cursor) : "", action, changed)));
}

/* ==== closing an article's comments ================================================= */

void adm_comments_closed(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id, from = 0;
	if (!valid_int(c->r->cap[0], 1, 4294967295LL, &id)) {
		page_error(c, 404, "cma.err_no_news");
		return;
	}
	const char *action = req_form(c->r, "action");
	const char *back = req_form(c->r, "from");
	int close = action != NULL && strcmp(action, "close") == 0;
	if (action == NULL || (!close && strcmp(action, "open") != 0) ||
	    (back != NULL && *back && !valid_int(back, 1, ID_MAX, &from))) {
		page_error(c, 400, "cma.err_closing");
		return;
	}
	struct db_res news;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_cma_news(a, id, &news);
	if (rc == DB_OK && news.nrows == 0) {
		db_rollback();
		page_error(c, 404, "cma.err_no_news");
		return;
	}
	if (rc == DB_OK && (db_ll(&news, 0, CN_CLOSED) != 0) != close) {
		rc = db_cma_set_closed(a, id, close);
		if (rc == DB_OK)
			rc = audit_staff(c, close ? "comments_close" : "comments_open", "news",
			                 cma_idstr(a, id), close ? "Σχόλια: ανοιχτά → κλειστά"
			                                     : "Σχόλια: κλειστά → ανοιχτά");
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *done = close ? "closed" : "opened";
	admin_redirect(c, from ? arena_printf(a, "/admin/comments/%lld?done=%s", from, done)
	                       : arena_printf(a, "/admin/comments?target=%lld&done=%s", id, done));
}
