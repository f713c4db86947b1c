/*
 * editing.h - what the staff editors of pages, events, the alert banner
 * and the department directory share with news (admin/news.c, pages.c,
 * events.c, alerts.c, departments.c): the item id of the route, loading the
 * item or answering 404, the ?revision= and ?restored= parameters of a
 * restore and filling a form from a revision, a title search's LIKE
 * pattern, the status filter of lists, the confirmation before a delete
 * and the page that refuses one.
 */
#ifndef AGORA_ADMIN_EDITING_H
#define AGORA_ADMIN_EDITING_H

#include "db/db.h"
#include "http/ctx.h"
#include "http/form.h"

/* The id in the route's first capture ([0-9]{1,10}: it fits). */
long long edit_id(const struct ctx *c);

/* How an editor reads its item: (arena, id, lock, rows). */
typedef int (*edit_getter)(struct arena *, long long, int, struct db_res *);
/* The row of item id (lock: FOR UPDATE, inside a transaction), in the
 * arena; NULL when it has answered: 404 with message key missing when
 * there is no such item, 503/500 when the database failed. */
const struct db_res *edit_load(struct ctx *c, edit_getter get, long long id,
                               int lock, const char *missing);
/* Fill fd with revision r of (type, id): every field of its table but
 * files and hidden ones, and the form-wide note note_key.  1, or 0 when it
 * has answered (404: no such revision of this item; a database error). */
int edit_restore(struct ctx *c, const char *type, long long id, long long r,
                 struct form_data *fd, const char *note_key);

/* What an editor is, for the pages all editors have alike. */
struct edit_kind {
	const char *type;     /* the revisions' object_type: "news" */
	const char *base;     /* the admin path of the list: "/admin/news" */
	edit_getter get;      /* its item's row */
	int name_col;         /* the column that names an item (its title) */
	const char *missing;  /* message key: no such item */
	const char *const *rev_labels; /* fields compared, with their labels */
};
/* GET base/{id}/revisions and base/{id}/revisions/diff of kind k. */
void edit_revisions(struct ctx *c, const struct edit_kind *k);
void edit_diff(struct ctx *c, const struct edit_kind *k);

/* ?revision=R of an edit form: 1 with *r its value (0 when absent); 0
 * when it is not a number (the 400 page is answered). */
int edit_revision(struct ctx *c, long long *r);
/* The note of a revision saved from a restoring form (?restored=R):
 * "restored from revision R", or "" when there is none. */
const char *edit_restored_note(struct ctx *c);
/* The form's action path: base, with ?restored=R kept when the request
 * has it (a restoring form shown again after an error). */
const char *edit_action(struct ctx *c, const char *base);

/* q as a LIKE pattern matching it anywhere ("%q%"), its %, _ and ! taken
 * literally: use with ESCAPE '!'.  "" for an empty q. */
const char *edit_like(struct arena *a, const char *q);

/* The publication states a list filters on, NULL-terminated: "draft",
 * "scheduled" (published, its time still to come), "published". */
extern const char *const edit_statuses[];
/* The state of a row: "draft", "scheduled" or "published". */
const char *edit_state(const char *status, int future);
/* 0 for "" (any), 1 draft, 2 scheduled, 3 published; -1 for another
 * value.  The SQL of the lists takes this number. */
int edit_status_code(const char *s);

/* The page asking to confirm a delete (views/admin/confirm.tpl): title
 * and question are message keys, item names the thing, action the path
 * the button posts to and back the path of "cancel" (without /en). */
void edit_confirm(struct ctx *c, const char *title, const char *question,
                  const char *item, const char *action, const char *back);
/* The page saying an action was refused and why (status 409 or 422; msg a
 * message key, item names the thing; back the path to return to). */
void edit_refused(struct ctx *c, int status, const char *title,
                  const char *msg, const char *item, const char *back);

#endif
