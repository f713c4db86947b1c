/*
 * comments_moderate.h (admin) - what the moderators' pages share
 * (comments.c: the queue; comment.c: one comment's page; defined in
 * comments.c): the decisions, a status in words, the one status change
 * with its audit row, the article's open/close form.  Private to
 * src/admin/comments*.c.
 */
#ifndef AGORA_ADMIN_COMMENTS_MODERATE_H
#define AGORA_ADMIN_COMMENTS_MODERATE_H

#include "admin/requests.h"
#include "http/ctx.h"
#include "view/tmpl.h"

#define BODY_MAX 2000       /* a comment's text */
#define RQ_REPLY_MAX 4000   /* a request's public reply (admin/request.c) */
#define ID_MAX 9000000000000000000LL /* ids and cursors in URLs */

/* The status a decision's button sets ("approve" -> "approved"), or NULL. */
const char *cma_decision_status(const char *action);
/* A comment's status in words, in the request's language. */
const char *cma_status_label(struct ctx *c, const char *s);
/* An id as text (audit rows). */
const char *cma_idstr(struct arena *a, long long id);
/* The moderators' scope over requests: every department.  Answering a
 * comment is PERM_COMMENTS (checked by main.c), and a moderator belongs
 * to no department, so rq_scope_of() would reach nothing. */
extern const struct rq_scope cma_all_requests;
/* An article's public page, with /en on English pages. */
const char *cma_news_url(struct ctx *c, const char *id, const char *slug);
/* A status change (db_comment_moderate) with its audit row, inside the
 * caller's transaction; *changed 1 when the status changed. */
int cma_moderate(struct ctx *c, long long id, const char *from, const char *to,
                 int *changed);
/* 1 if the author deleted the comment: nothing to decide, edit or answer. */
int cma_deleted(const char *status, const char *deleted_at);
/* The open/close form of an article's comments into d; from: the comment
 * page it is shown on (the answer goes back there), or NULL. */
void cma_closing_form(struct ctx *c, tmpl_dict *d, const char *news_id, int closed,
                      const char *from);

#endif
