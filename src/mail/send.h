/*
 * send.h - delivering the outbox: claim a due row, deliver it by its
 * channel - a mail built by mime.c and handed to SMTP (smtp.c), a signed
 * webhook or an SMS posted over HTTP (hook.c) - and record the outcome.
 * agora-admin only (`outbox send`); call smtp_init() first.
 */
#ifndef AGORA_SEND_H
#define AGORA_SEND_H

struct arena;
struct conf;

struct outbox_stats {
	unsigned sent;    /* accepted by the SMTP server, or a 2xx HTTP answer */
	unsigned retried; /* a temporary failure: queued again, later */
	unsigned failed;  /* a permanent refusal (SMTP 5xx, HTTP 4xx but 408
	                   * and 429) or the last try: state 'failed' */
};

/* What a service does when one of its rows of kind `kind` fails for good
 * (a permanent refusal or the last try): fn(a, body, reason) runs inside
 * the transaction that marks the row failed, so the service's own record
 * of it (a case's state, a history row) and the row's change commit
 * together; a return other than DB_OK rolls both back, and the row is
 * tried again when its lease ends.  body is the row's body_text. */
struct outbox_on_failed {
	const char *kind;
	int (*fn)(struct arena *a, const char *body, const char *reason);
};

/* Deliver every message due now, once each, adding to *st; on_failed
 * (NULL, or ended by an entry with kind NULL) as above.  DB_OK, or
 * DB_DOWN / DB_ERR when the database failed (what was done is counted). */
int outbox_send_due(struct arena *a, const struct conf *c,
                    const struct outbox_on_failed *on_failed, struct outbox_stats *st);

/* The delay before try number tries + 1 after tries failed ones:
 * retry_seconds doubled each try, at most 6 hours. */
unsigned long outbox_backoff(unsigned long retry_seconds, unsigned tries);

#endif
