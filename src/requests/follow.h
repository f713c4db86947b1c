/*
 * follow.h - following a request by e-mail: the form on the tracking page
 * (and on its own page, where its errors are shown), the confirmation by
 * double opt-in and the unsubscribe page behind the follower's secret link,
 * with RFC 8058 one-click unsubscribe.  No page shows who follows.
 */
#ifndef AGORA_REQUESTS_FOLLOW_H
#define AGORA_REQUESTS_FOLLOW_H

#include "http/ctx.h"
#include "http/form.h"
#include "view/tmpl.h"

void follow_page(struct ctx *c);        /* GET  /requests/{code}/follow */
void follow_post(struct ctx *c);        /* POST /requests/{code}/follow */
void follow_manage(struct ctx *c);      /* GET  /requests/follow/{token} */
void follow_manage_post(struct ctx *c); /* POST /requests/follow/{token} */

/* The follow form of the request with this code into d's include FORM:
 * fd as parsed (errors, what was typed), or a fresh form when NULL. */
void follow_form_fill(struct ctx *c, tmpl_dict *d, const char *code,
                      const struct form_data *fd);

/* The absolute URL of a follower's page (confirm, unsubscribe; also the
 * List-Unsubscribe one-click URL) in language lang, in the arena. */
const char *follow_url(struct arena *a, const struct conf *cf, const char *lang,
                       const char *token);
/* The absolute URL of a request's tracking page in language lang. */
const char *follow_request_url(struct arena *a, const struct conf *cf,
                               const char *lang, const char *code);

#endif
