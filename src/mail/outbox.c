/*
 * outbox.c - queueing a message: checks what a caller gives, names the
 * message (a random Message-ID at the host of site_url) and inserts one
 * outbox row in the caller's transaction; the same for a signed webhook
 * and an SMS, which the outbox carries too.  It only writes the outbox
 * table; the sending is src/mail/send.c (smtp.c for mail, hook.c for
 * the HTTP ones).
 */
#include "mail/outbox.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/log.h"
#include "core/text.h"
#include "core/utf8.h"
#include "db/db.h"

#define SUBJECT_MAX 500 /* characters: outbox.subject VARCHAR(500) */
#define URL_MAX 500

static const struct conf *oconf;

void outbox_setup(const struct conf *c)
{
	oconf = c;
}

static int kind_ok(const char *k)
{
	size_t n = k ? strlen(k) : 0;
	if (n == 0 || n > 40)
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') ||
		      *k == '.' || *k == '_' || *k == '-'))
			return 0;
	return 1;
}

int outbox_address_ok(const char *s)
{
	if (s == NULL)
		return 0;
	size_t n = strlen(s);
	if (n < 3 || n > 254)
		return 0;
	const char *at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return 0;
	const char *dom = at + 1;
	if (*dom == '\0' || *dom == '.' || strchr(dom, '.') == NULL ||
	    s[n - 1] == '.')
		return 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c <= ' ' || c >= 0x7f || strchr("\"<>(),;:\\[]", c) != NULL)
			return 0;
	}
	return 1;
}

static int utf8_ok(const char *s)
{
	return s != NULL && utf8_valid(s, strlen(s));
}

static int url_ok(const char *u)
{
	size_t n = strlen(u);
	if (n == 0 || n > URL_MAX ||
	    (strncmp(u, "https://", 8) != 0 && strncmp(u, "http://", 7) != 0))
		return 0;
	for (; *u; u++)
		if ((unsigned char)*u <= ' ' || (unsigned char)*u >= 0x7f ||
		    *u == '<' || *u == '>')
			return 0;
	return 1;
}

/* The subject on one line: CR, LF, tabs and other controls as spaces,
 * at most SUBJECT_MAX characters. */
static char *one_line(struct arena *a, const char *s)
{
	char *o = arena_strdup(a, s);
	for (char *p = o; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	return text_first_chars(a, o, SUBJECT_MAX);
}

static struct db_stmt st_add = DB_WRITE(
    "INSERT INTO outbox (kind, rcpt, subject, body_text, body_html, unsubscribe,"
    " message_id) VALUES (?, ?, ?, ?, ?, ?, ?)");

static int refuse(const struct mail *m, const char *why)
{
	log_error("msg=\"outbox_add refused a message: %s\" kind=\"%.40s\"", why,
	          m && m->kind && kind_ok(m->kind) ? m->kind : "?");
	return DB_ERR;
}

int outbox_add(struct arena *a, const struct mail *m)
{
	if (oconf == NULL)
		return refuse(m, "outbox_setup was not called");
	if (!db_in_transaction())
		return refuse(m, "no transaction is open");
	if (m == NULL || !kind_ok(m->kind))
		return refuse(m, "bad kind");
	if (!outbox_address_ok(m->to))
		return refuse(m, "bad recipient address");
	if (!utf8_ok(m->subject) || !utf8_ok(m->text) ||
	    (m->html != NULL && !utf8_ok(m->html)))
		return refuse(m, "subject or body is not UTF-8");
	if (m->unsubscribe != NULL && !url_ok(m->unsubscribe))
		return refuse(m, "bad unsubscribe URL");
	unsigned char raw[16];
	char hex[sizeof(raw) * 2 + 1];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
	const char *host = text_url_host(a, oconf->site_url);
	if (host[0] == '[' || strlen(host) > 150)
		host = "localhost"; /* an IPv6 literal is no dot-atom */
	const char *mid = arena_printf(a, "%s@%s", hex, host);
	return db_run(a, &st_add, NULL, "sssssss", m->kind, m->to,
	              one_line(a, m->subject), m->text, m->html, m->unsubscribe, mid);
}

static struct db_stmt st_add_http = DB_WRITE(
    "INSERT INTO outbox (kind, channel, rcpt, subject, body_text, message_id)"
    " VALUES (?, ?, ?, ?, ?, ?)");

/* A delivery's nonce: 32 random bytes as 64 hex digits. */
static const char *nonce(struct arena *a)
{
	unsigned char raw[32];
	char hex[sizeof(raw) * 2 + 1];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
	return arena_strdup(a, hex);
}

static int add_http(struct arena *a, const char *kind, const char *channel,
                    const char *rcpt, const char *subject, const char *body,
                    const char **nonce_out)
{
	struct mail m = { .kind = kind };
	if (oconf == NULL)
		return refuse(&m, "outbox_setup was not called");
	if (!db_in_transaction())
		return refuse(&m, "no transaction is open");
	if (!kind_ok(kind))
		return refuse(&m, "bad kind");
	if (!utf8_ok(subject) || !utf8_ok(body))
		return refuse(&m, "subject or body is not UTF-8");
	const char *n = nonce(a);
	if (nonce_out != NULL)
		*nonce_out = n;
	return db_run(a, &st_add_http, NULL, "ssssss", kind, channel, rcpt,
	              one_line(a, subject), body, n);
}

int outbox_add_webhook(struct arena *a, const char *kind, const char *endpoint,
                       const char *subject, const char *json, const char **nonce_out)
{
	if (endpoint == NULL || strcmp(endpoint, "pharmacy") != 0) {
		struct mail m = { .kind = kind };
		return refuse(&m, "unknown webhook endpoint");
	}
	return add_http(a, kind, "webhook", endpoint, subject, json, nonce_out);
}

int outbox_phone_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 6 || n > 16)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && !(i == 0 && s[i] == '+'))
			return 0;
	return 1;
}

int outbox_add_sms(struct arena *a, const char *kind, const char *phone,
                   const char *text)
{
	if (!outbox_phone_ok(phone)) {
		struct mail m = { .kind = kind };
		return refuse(&m, "bad phone number");
	}
	return add_http(a, kind, "sms", phone, text, text, NULL);
}
