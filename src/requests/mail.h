/*
 * mail.h - the mails of a request's own life that are not a staff change
 * (those are notify.h): the reporter's confirmation when it is filed, the
 * department's notice of a new request, and the department's notice when
 * the reporter disputes a fix.  Each is queued through the outbox in the
 * transaction that stores what it tells of.
 */
#ifndef AGORA_REQUESTS_MAIL_H
#define AGORA_REQUESTS_MAIL_H

#include "requests/db_requests.h"

struct conf;

/* Remember the configuration (site_url, site names).  Once at start. */
void rq_mail_setup(const struct conf *c);

/* A request was just stored (inside db_rq_submit's transaction): the
 * confirmation to its reporter if they gave an e-mail, and the notice to
 * its department's mailbox if it has one.  DB_OK or the outbox's error. */
int rq_mail_submitted(struct arena *a, const struct rq_new *n, const char *code,
                      long long protocol);

/* The reporter disputed the fix of request id (inside the transaction that
 * reopened it): the notice to its department's mailbox. */
int rq_mail_disputed(struct arena *a, long long id, const char *comment);

#endif
