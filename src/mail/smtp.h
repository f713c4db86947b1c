/*
 * smtp.h - handing one message to the SMTP server of the configuration
 * (smtp_url, smtp_tls, smtp_user/smtp_password, smtp_timeout) with libcurl.
 * Used by agora-admin's outbox sender only; the workers never send.
 */
#ifndef AGORA_SMTP_H
#define AGORA_SMTP_H

#include <stddef.h>

struct conf;

enum smtp_rc {
	SMTP_SENT = 0,      /* the server accepted the message (2xx after DATA) */
	SMTP_RETRY = 1,     /* connection, timeout, TLS or 4xx: try again later */
	SMTP_PERMANENT = 2, /* a 5xx answer: trying again would not help */
};

/* Call once before smtp_send (curl_global_init); 0 or -1. */
int smtp_init(void);
void smtp_done(void);

/* Send msg[0..len) from the envelope sender from to the one recipient to.
 * An enum smtp_rc; on failure err holds a short reason with the server's
 * code ("550 ...: Login denied" or curl's message). */
int smtp_send(const struct conf *c, const char *from, const char *to,
              const char *msg, size_t len, char *err, size_t errlen);

#endif
