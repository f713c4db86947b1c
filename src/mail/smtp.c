/*
 * smtp.c - one message over SMTP with libcurl's easy interface: the URL,
 * TLS policy, credentials and timeout come from the configuration; the
 * answer is sorted into sent, temporary (retry) and permanent (a 5xx).
 * No database and no retry logic here (src/mail/send.c has those).
 */
#include "mail/smtp.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "core/conf.h"

int smtp_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void smtp_done(void)
{
	curl_global_cleanup();
}

struct smtp_upload {
	const char *p;
	size_t left;
};

static size_t reader(char *ptr, size_t size, size_t n, void *ud)
{
	struct smtp_upload *u = ud;
	size_t k = size * n < u->left ? size * n : u->left;
	memcpy(ptr, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

int smtp_send(const struct conf *c, const char *from, const char *to,
              const char *msg, size_t len, char *err, size_t errlen)
{
	err[0] = '\0';
	CURL *h = curl_easy_init();
	if (h == NULL) {
		snprintf(err, errlen, "curl_easy_init failed");
		return SMTP_RETRY;
	}
	char cerr[CURL_ERROR_SIZE] = "";
	char envfrom[300], rcpt[300];
	snprintf(envfrom, sizeof(envfrom), "<%s>", from);
	snprintf(rcpt, sizeof(rcpt), "<%s>", to);
	struct curl_slist *rcpts = curl_slist_append(NULL, rcpt);
	struct smtp_upload u = { msg, len };
	long tls = c->smtp_tls == SMTP_TLS_REQUIRED ? CURLUSESSL_ALL
	         : c->smtp_tls == SMTP_TLS_STARTTLS ? CURLUSESSL_TRY
	         : CURLUSESSL_NONE;
	curl_easy_setopt(h, CURLOPT_URL, c->smtp_url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_USE_SSL, tls);
	if (c->smtp_user[0] != '\0') {
		curl_easy_setopt(h, CURLOPT_USERNAME, c->smtp_user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, c->smtp_password);
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, envfrom);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, reader);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)c->smtp_timeout);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)c->smtp_timeout);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, cerr);
	CURLcode rc = curl_easy_perform(h);
	long code = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(h);
	if (rc == CURLE_OK)
		return SMTP_SENT;
	const char *why = cerr[0] ? cerr : curl_easy_strerror(rc);
	if (code > 0)
		snprintf(err, errlen, "%ld %s", code, why);
	else
		snprintf(err, errlen, "%s", why);
	return code >= 500 && code <= 599 ? SMTP_PERMANENT : SMTP_RETRY;
}
