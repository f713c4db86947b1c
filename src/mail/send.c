/*
 * send.c - the outbox sender.  A row is claimed in a short transaction
 * (SELECT ... FOR UPDATE SKIP LOCKED, then claimed_until set a lease into
 * the future), so two senders running at once never take the same row,
 * and a sender that dies leaves its row to the next one when the lease
 * ends.  The delivery - SMTP for mail (smtp.c), an HTTP POST for a webhook
 * or an SMS (hook.c) - happens outside any transaction; its outcome is
 * written in another short one, with the same backoff and maximum of
 * tries for every channel.  A webhook's body (a prescription: health
 * data) is emptied once it is delivered; the row stays, as the record of
 * the delivery.  Touches the outbox table, and what the caller's
 * on_failed functions touch when a row fails for good (send.h).
 */
#include "mail/send.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/log.h"
#include "core/text.h"
#include "db/db.h"
#include "mail/hook.h"
#include "mail/mime.h"
#include "mail/smtp.h"

#define BACKOFF_MAX (6UL * 3600)

unsigned long outbox_backoff(unsigned long retry_seconds, unsigned tries)
{
	unsigned long d = retry_seconds ? retry_seconds : 1;
	for (unsigned i = 1; i < tries && d < BACKOFF_MAX; i++)
		d *= 2;
	return d < BACKOFF_MAX ? d : BACKOFF_MAX;
}

#define DUE_COLS(X) \
	X(D_ID, "id") X(D_RCPT, "rcpt") X(D_SUBJECT, "subject") \
	X(D_TEXT, "body_text") X(D_HTML, "body_html") \
	X(D_UNSUB, "unsubscribe") X(D_MID, "message_id") X(D_TRIES, "tries") \
	X(D_KIND, "kind") X(D_CHANNEL, "channel")
enum { DB_COLS_ENUM(DUE_COLS, D__END) };

/* outbox_due (state, next_try_at, id) finds the due rows in order. */
static struct db_stmt st_due = DB_WRITE(
    "SELECT " DB_COLUMNS(DUE_COLS) " FROM outbox"
    " WHERE state = 'queued' AND next_try_at <= NOW()"
    " AND (claimed_until IS NULL OR claimed_until < NOW())"
    " ORDER BY next_try_at, id LIMIT 1 FOR UPDATE SKIP LOCKED");
static struct db_stmt st_claim = DB_WRITE(
    "UPDATE outbox SET claimed_until = NOW() + INTERVAL ? SECOND WHERE id = ?");
static struct db_stmt st_sent = DB_WRITE(
    "UPDATE outbox SET state = 'sent', sent_at = NOW(), tries = tries + 1,"
    " last_error = '', claimed_until = NULL WHERE id = ?");
/* A delivered webhook keeps no copy of what it carried. */
static struct db_stmt st_sent_hook = DB_WRITE(
    "UPDATE outbox SET state = 'sent', sent_at = NOW(), tries = tries + 1,"
    " last_error = '', claimed_until = NULL, body_text = '' WHERE id = ?");
static struct db_stmt st_fail = DB_WRITE(
    "UPDATE outbox SET state = ?, tries = ?, last_error = ?,"
    " next_try_at = NOW() + INTERVAL ? SECOND, claimed_until = NULL WHERE id = ?");

/* How long a claimed row is ours: twice the longest delivery, and a minute. */
static size_t lease_seconds(const struct conf *c)
{
	size_t t = c->smtp_timeout > c->pharmacy_timeout ? c->smtp_timeout : c->pharmacy_timeout;
	return t * 2 + 60;
}

/* Claim the next due row into *row: DB_OK with row->nrows 0 or 1. */
static int claim(struct arena *a, const struct conf *c, struct db_res *row)
{
	int rc = db_begin();
	if (rc != DB_OK)
		return rc;
	rc = db_run(a, &st_due, row, "");
	if (rc == DB_OK && row->nrows == 1)
		rc = db_run(a, &st_claim, NULL, "uu",
		            (unsigned long long)(lease_seconds(c)),
		            (unsigned long long)db_ll(row, 0, D_ID));
	return db_end(rc);
}

/* err as a last_error: printable ASCII, at most 400 bytes. */
static char *clean_error(struct arena *a, const char *err)
{
	char *o = arena_strndup(a, err, 400);
	for (char *p = o; *p; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p >= 0x7f)
			*p = '?';
	return o;
}

/* The on_failed function for kind, or NULL. */
static const struct outbox_on_failed *on_failed_for(const struct outbox_on_failed *of,
                                                    const char *kind)
{
	for (; of != NULL && of->kind != NULL; of++)
		if (strcmp(of->kind, kind) == 0)
			return of;
	return NULL;
}

static int record(struct arena *a, const struct conf *c, const struct db_res *row,
                  int outcome, const char *err, const struct outbox_on_failed *of,
                  struct outbox_stats *st)
{
	unsigned long long id = (unsigned long long)db_ll(row, 0, D_ID);
	int rc = db_begin();
	if (rc != DB_OK)
		return rc;
	const char *channel = db_str(row, 0, D_CHANNEL);
	if (outcome == SMTP_SENT) {
		rc = db_run(a, strcmp(channel, "webhook") == 0 ? &st_sent_hook : &st_sent,
		            NULL, "u", id);
		if ((rc = db_end(rc)) == DB_OK) {
			st->sent++;
			log_info("msg=\"%s sent\" id=%llu kind=\"%s\"", channel, id,
			         db_str(row, 0, D_KIND));
		}
		return rc;
	}
	unsigned tries = (unsigned)db_ll(row, 0, D_TRIES) + 1;
	int failed = outcome == SMTP_PERMANENT || tries >= c->outbox_max_tries;
	rc = db_run(a, &st_fail, NULL, "susuu", failed ? "failed" : "queued",
	            (unsigned long long)(tries > 255 ? 255 : tries), clean_error(a, err),
	            (unsigned long long)outbox_backoff(c->outbox_retry_seconds, tries), id);
	const struct outbox_on_failed *hook = failed ? on_failed_for(of, db_str(row, 0, D_KIND))
	                                             : NULL;
	if (rc == DB_OK && hook != NULL)
		rc = hook->fn(a, db_str(row, 0, D_TEXT), clean_error(a, err));
	if ((rc = db_end(rc)) != DB_OK)
		return rc;
	if (failed)
		st->failed++;
	else
		st->retried++;
	log_warn("msg=\"%s %s\" id=%llu kind=\"%s\" tries=%u error=\"%s\"", channel,
	         failed ? "failed" : "not sent, will retry", id, db_str(row, 0, D_KIND),
	         tries, clean_error(a, err));
	return rc;
}

/* record(), tried again while the database is unreachable - a restart,
 * a failover - for up to half the row's lease: a delivered row not
 * marked sent would go again when its lease ends, and its recipient
 * would get it twice.  Past that (or on another error) the lease decides,
 * as when the sender itself dies. */
static int record_surely(struct arena *a, const struct conf *c, const struct db_res *row,
                         int outcome, const char *err, const struct outbox_on_failed *of,
                         struct outbox_stats *st)
{
	time_t until = time(NULL) + (time_t)(lease_seconds(c) / 2);
	int rc;
	while ((rc = record(a, c, row, outcome, err, of, st)) == DB_DOWN && time(NULL) < until) {
		db_close(); /* reconnect at the next try */
		struct timespec ts = { 0, 500 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	if (rc != DB_OK)
		log_error("msg=\"outbox outcome not recorded\" id=%llu sent=%d",
		          (unsigned long long)db_ll(row, 0, D_ID), outcome == SMTP_SENT);
	return rc;
}

/* Deliver a mail row: build the message, hand it to SMTP. */
static int send_mail(struct arena *a, const struct conf *c, const char *from,
                     const struct db_res *row, char *err, size_t errlen)
{
	struct mime_msg m = {
		.from = from,
		.from_name = c->mail_from_name[0] ? c->mail_from_name : c->site_name,
		.to = db_str(row, 0, D_RCPT), .subject = db_str(row, 0, D_SUBJECT),
		.text = db_str(row, 0, D_TEXT), .html = db_str(row, 0, D_HTML),
		.unsubscribe = db_str(row, 0, D_UNSUB),
		.message_id = db_str(row, 0, D_MID), .date = time(NULL), .lang = "el",
	};
	size_t len;
	char *msg = mime_build(a, &m, &len);
	if (msg == NULL) {
		snprintf(err, errlen, "not a valid message (address or message id)");
		return SMTP_PERMANENT;
	}
	return smtp_send(c, from, m.to, msg, len, err, errlen);
}

/* Deliver a row of any channel; an enum smtp_rc, err set on failure. */
static int deliver(struct arena *a, const struct conf *c, const char *from,
                   const struct db_res *row, char *err, size_t errlen)
{
	const char *channel = db_str(row, 0, D_CHANNEL);
	const char *text = db_str(row, 0, D_TEXT);
	err[0] = '\0';
	if (strcmp(channel, "mail") == 0)
		return send_mail(a, c, from, row, err, errlen);
	if (strcmp(channel, "webhook") == 0) {
		if (strcmp(db_str(row, 0, D_RCPT), "pharmacy") != 0) {
			snprintf(err, errlen, "unknown webhook endpoint");
			return SMTP_PERMANENT;
		}
		return hook_send_webhook(a, c, db_str(row, 0, D_MID), text, strlen(text),
		                         err, errlen);
	}
	if (strcmp(channel, "sms") == 0)
		return hook_send_sms(a, c, db_str(row, 0, D_RCPT), text, err, errlen);
	snprintf(err, errlen, "unknown channel");
	return SMTP_PERMANENT;
}

int outbox_send_due(struct arena *a, const struct conf *c,
                    const struct outbox_on_failed *on_failed, struct outbox_stats *st)
{
	const char *from = c->mail_from[0] ? c->mail_from
	                 : arena_printf(a, "noreply@%s", text_url_host(a, c->site_url));
	for (;;) {
		struct db_res row;
		int rc = claim(a, c, &row);
		if (rc != DB_OK)
			return rc;
		if (row.nrows == 0)
			return DB_OK;
		char err[512];
		int outcome = deliver(a, c, from, &row, err, sizeof(err));
		rc = record_surely(a, c, &row, outcome, err, on_failed, st);
		if (rc != DB_OK)
			return rc;
	}
}
