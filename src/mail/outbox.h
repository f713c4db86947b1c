/*
 * outbox.h - the mail outbox: every service queues a message as a row of
 * the outbox table inside the transaction that writes what the message
 * tells of, so the two commit or roll back together.  `agora-admin outbox
 * send` (src/cli/outbox.c, src/mail/smtp.c) delivers the rows later; a
 * worker never talks SMTP.  Usable from the workers and from agora-admin:
 * both hold one database connection (src/db/db.c), and both call
 * outbox_setup() once at start.
 */
#ifndef AGORA_OUTBOX_H
#define AGORA_OUTBOX_H

struct arena;
struct conf;

struct mail {
	const char *kind;        /* "request.confirm", "feedback.new", ... ascii, <= 40 */
	const char *to;          /* one address */
	const char *subject;     /* UTF-8 */
	const char *text;        /* the plain-text part, UTF-8 */
	const char *html;        /* the HTML part, or NULL: the sender makes one from text
	                          * (escaped, paragraphs, URLs as links) */
	const char *unsubscribe; /* one-click unsubscribe URL (List-Unsubscribe), or NULL */
};

/* Remember the configuration (site_url's host names the message ids).
 * Called once by main.c and agora-admin before any outbox_add. */
void outbox_setup(const struct conf *c);

/* Queue m in the caller's open transaction: the row commits or rolls back with
 * what it tells of.  DB_OK or a DB_* error.  Usable from the workers and from
 * agora-admin (a daily digest job).
 *
 * DB_ERR (logged, nothing written) when no transaction is open, when
 * outbox_setup was not called, or when m is not a message: a kind that is
 * not 1-40 of [a-z0-9._-], an address outbox_address_ok refuses, a subject,
 * text or html that is not UTF-8, an unsubscribe URL that is not http(s)
 * printable ASCII of at most 500 bytes.  Line breaks and tabs in the
 * subject become spaces; a subject over 500 characters is cut. */
int outbox_add(struct arena *a, const struct mail *m);

/* 1 if s is one plain address a message can go to: local@domain, at most
 * 254 bytes, printable ASCII without spaces, quotes, angle brackets,
 * commas or semicolons, a dot in the domain; else 0.  (No CR or LF, so it
 * can never inject a header.) */
int outbox_address_ok(const char *s);

/* Queue a signed webhook in the caller's open transaction: json (the
 * body, UTF-8) to the endpoint of the configuration named endpoint (only
 * "pharmacy": pharmacy_url, signed with pharmacy_secret when it is sent,
 * src/mail/hook.c).  subject is what /admin/outbox shows of it (never
 * personal data).  *nonce_out (if not NULL) gets the delivery's nonce,
 * 64 hex digits, sent in its X-Agora-Nonce header on every try.  DB_OK or
 * a DB_* error (DB_ERR, logged, for a bad kind, endpoint or text). */
int outbox_add_webhook(struct arena *a, const char *kind, const char *endpoint,
                       const char *subject, const char *json, const char **nonce_out);

/* Queue an SMS of text to phone (digits, an optional leading '+', 6-16
 * characters) through the gateway of sms_url, in the caller's open
 * transaction.  DB_OK or a DB_* error. */
int outbox_add_sms(struct arena *a, const char *kind, const char *phone,
                   const char *text);
/* 1 if s is a phone number outbox_add_sms takes. */
int outbox_phone_ok(const char *s);

#endif
