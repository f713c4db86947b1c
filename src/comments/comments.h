/*
 * comments.h - the reader comments component: the thread and the form
 * under a news item or on a citizens' request's page, and the posting of
 * a comment.  The page that shows them owns their routes (site/news.c,
 * requests/submit.c): it describes its item as a struct comment_target,
 * puts comments_section() into its dictionary, and its POST handler calls
 * comments_post() and shows the page again with the form when that says
 * so.  Flagging and the author's deletion have pages of their own
 * (comments/flag.c, comments/author.c).
 *
 * What a post goes through (comments.c): the declared form (name, e-mail,
 * text of at most 2000 characters, consent, the parent of a reply), its
 * one-time token (a form sent again shows the first result), then the
 * checks of comments/spam.h, then one transaction: the comment, and its
 * confirmation mail with the signed link to delete it (the outbox).  An
 * anonymous reader gets no cookie, ever.
 */
#ifndef AGORA_COMMENTS_H
#define AGORA_COMMENTS_H

#include "comments/db_comments.h"
#include "http/ctx.h"
#include "http/form.h"
#include "view/tmpl.h"

/* The item comments are about. */
struct comment_target {
	enum ctarget kind;
	long long id;          /* news.id or requests.id */
	const char *path;      /* its page without /en: "/news/12-slug" */
	const char *post_path; /* where the form posts: "/news/12/comments" */
	const char *title;     /* for the mail: the article's title, the code */
	int post_moderated;    /* 1: published at once, moderated after */
	int closed;            /* 1: no new comments (shown as closed) */
	long long count;       /* published comments (the heading) */
};

/* The comment form of a target as posted, to show again. */
struct comment_form {
	struct form f;
	struct form_data fd;
};

enum comment_outcome {
	CP_DONE,  /* stored (or stored before): c->res has the 303 */
	CP_SHOW,  /* refused: c->res->status set (422, 403, 429); show the
	           * page again with comments_section(..., cf) */
	CP_ANSWERED, /* the answer is made: 403 (comments closed), 503 */
};

/* Read and store a comment on t from c's request body.  cf receives the
 * form as typed for CP_SHOW. */
enum comment_outcome comments_post(struct ctx *c, const struct comment_target *t,
                                   struct comment_form *cf);

/* Put the comments of t into d's include marker COMMENTS
 * (views/comments/section.tpl): the notices of ?posted= and ?flagged=,
 * one page of the thread (?comments_after=, ?comments_before=,
 * ?comments=latest), and the form (a reply with ?reply=ID) or the note
 * that comments are closed.  cf: the form as posted, or NULL for a fresh
 * one.  DB_OK, or a DB_* status (the caller answers page_db_error). */
int comments_section(struct ctx *c, tmpl_dict *d, const struct comment_target *t,
                     const struct comment_form *cf);

/* The path (without /en) of the page of comment row res (COMMENT_COLS),
 * for links back: its article's or its request's, or NULL (a DB error,
 * logged).  In the arena. */
const char *comments_place(struct arena *a, const struct db_res *res);

/* An author's name into d's NAME, with section NAME_EL when it is in
 * Greek on an English page (for lang="el", WCAG 3.1.2). */
void comments_set_name(struct ctx *c, tmpl_dict *d, const char *name);

/* The author's link that deletes comment id (in the confirmation mail):
 * site_url, /en for lang "en", /comments/{id}/delete?k={signature}. */
const char *comments_delete_url(struct arena *a, const struct conf *cf, const char *lang,
                                long long id);

#endif
