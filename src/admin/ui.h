/*
 * ui.h - the staff area's layout: views/admin/layout.tpl around a page's
 * content, with the staff menu (only what the user's roles allow), the
 * signed-in user and the sign-out button.  Pages of the staff area are
 * never indexed and never cached (main.c sets Cache-Control).
 */
#ifndef AGORA_ADMIN_UI_H
#define AGORA_ADMIN_UI_H

#include "http/ctx.h"
#include "view/tmpl.h"

/* A staff page: returns the dictionary of the content template
 * (views/admin/<content>); the layout's own is kept in *top. */
tmpl_dict *admin_start(struct ctx *c, const char *title, const char *content,
                       tmpl_dict **top);
/* Render it into the response (a plain 500 if a template fails). */
void admin_render(struct ctx *c, tmpl_dict *top);
/* A one-line notice at the top of the content ("Saved."), from the query
 * parameter "done" when it names one of keys (NULL-terminated pairs of
 * value, message key). */
void admin_notice(struct ctx *c, tmpl_dict *d, const char *const *keys);
/* "2026-12-01 10:30:00" (local) as "1/12/2026 10:30" for staff lists. */
const char *admin_time(struct ctx *c, const char *dt);
/* Answer 303 to path (without the language prefix, which is added). */
void admin_redirect(struct ctx *c, const char *path);
/* The end of a POST that wrote in a transaction: db_end(rc), then 303 to
 * path when it committed, the database's error page (503) when not. */
void admin_commit(struct ctx *c, int rc, const char *path);

#endif
