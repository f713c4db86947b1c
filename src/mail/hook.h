/*
 * hook.h - the outbox's HTTP deliveries with libcurl: the signed webhook
 * to the pharmacists' association (pharmacy_url, pharmacy_secret) and an
 * SMS through the HTTP gateway of the configuration (sms_url, sms_token,
 * sms_sender).  Used by agora-admin's outbox sender only (send.c, which
 * has the retry logic); call smtp_init() first (curl_global_init).
 */
#ifndef AGORA_HOOK_H
#define AGORA_HOOK_H

#include <stddef.h>

struct arena;
struct conf;

/* POST body[0..len) as application/json to the webhook of the endpoint
 * "pharmacy", signed (mail/sign.h) with a timestamp taken now and the
 * delivery's nonce.  An enum smtp_rc (mail/smtp.h): SMTP_SENT for a 2xx
 * answer; SMTP_RETRY for 408, 429, a 5xx, a connection error or a
 * timeout, and while pharmacy_url or a long-enough pharmacy_secret is
 * not configured; SMTP_PERMANENT for any other answer.  err gets the
 * reason ("503 Service Unavailable: <the start of the body>"). */
int hook_send_webhook(struct arena *a, const struct conf *c, const char *nonce,
                      const char *body, size_t len, char *err, size_t errlen);

/* Send text to phone through the SMS gateway: POST {"to", "from", "text"}
 * with "Authorization: Bearer <sms_token>" when a token is set.  The
 * same outcomes; SMTP_PERMANENT when sms_url is not configured. */
int hook_send_sms(struct arena *a, const struct conf *c, const char *phone,
                  const char *text, char *err, size_t errlen);

/* The outcome of an HTTP status: SMTP_SENT, SMTP_RETRY or SMTP_PERMANENT
 * (0: no answer at all, a retry). */
int hook_outcome(long status);

#endif
