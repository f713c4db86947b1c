/*
 * notify.h - the mails of a public change to a request: one to its
 * reporter (when they gave an e-mail) and one to each confirmed follower,
 * each in its own language, queued in the caller's transaction through the
 * outbox (mail/outbox.h).
 */
#ifndef AGORA_REQUESTS_NOTIFY_H
#define AGORA_REQUESTS_NOTIFY_H

#include "http/ctx.h"

struct arena;
struct conf;

/* Remember the configuration (site_url, the site's names) for the links
 * and the signature.  Called once at start (main.c), before any
 * rq_notify_update. */
void rq_notify_setup(const struct conf *c);

/*
 * Queue the mails telling of event event_id of request request_id (a
 * request_events row with a new status and/or a public reply): the new
 * status's label, the public reply, the tracking link; for followers also
 * List-Unsubscribe and the link to stop in the text.  Never an internal
 * note or change note.  Call inside the transaction that wrote the event
 * (outbox_add refuses otherwise), so the mails commit with the change.
 * DB_OK (also when the event is not public: nothing to tell), or a DB_*
 * error after which the caller rolls back.  An event of another request
 * is DB_ERR.
 */
int rq_notify_update(struct arena *a, long long request_id, long long event_id);

/* POST /_rq_notify (test_routes = 1 only): request_id and event_id from
 * the form; rq_notify_update in a transaction of its own.  200 with the
 * number of mails queued, 422 for bad numbers. */
void test_rq_notify(struct ctx *c);

#endif
