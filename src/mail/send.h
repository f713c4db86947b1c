/*
 * send.h - delivering the outbox: claim a due row, build its message
 * (mime.c), hand it to SMTP (smtp.c), record the outcome.  agora-admin
 * only (`outbox send`); call smtp_init() first.
 */
#ifndef AGORA_SEND_H
#define AGORA_SEND_H

struct arena;
struct conf;

struct outbox_stats {
	unsigned sent;    /* accepted by the SMTP server */
	unsigned retried; /* a temporary failure: queued again, later */
	unsigned failed;  /* a 5xx answer or the last try: state 'failed' */
};

/* Deliver every message due now, once each, adding to *st.  DB_OK, or
 * DB_DOWN / DB_ERR when the database failed (what was done is counted). */
int outbox_send_due(struct arena *a, const struct conf *c, struct outbox_stats *st);

/* The delay before try number tries + 1 after tries failed ones:
 * retry_seconds doubled each try, at most 6 hours. */
unsigned long outbox_backoff(unsigned long retry_seconds, unsigned tries);

#endif
