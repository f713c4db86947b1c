/*
 * hook.c - one HTTP POST with libcurl's easy interface, for the outbox's
 * webhook and SMS rows: the URL, secret, token and timeout come from the
 * configuration when the row is sent (never stored in the outbox); the
 * answer is sorted into sent, temporary (retry) and permanent, as smtp.c
 * does for mail.  No database and no retry logic here (send.c has them).
 * Redirects are not followed: a POST that is redirected is refused.
 */
#include "mail/hook.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/json.h"
#include "mail/sign.h"
#include "mail/smtp.h"

#define ANSWER_KEEP 200 /* bytes of an error answer kept for last_error */

int hook_outcome(long status)
{
	if (status >= 200 && status <= 299)
		return SMTP_SENT;
	if (status == 0 || status == 408 || status == 429 || (status >= 500 && status <= 599))
		return SMTP_RETRY;
	return SMTP_PERMANENT;
}

struct answer {
	char text[ANSWER_KEEP + 1];
	size_t len;
};

static size_t keep(char *ptr, size_t size, size_t n, void *ud)
{
	struct answer *ans = ud;
	size_t k = size * n, room = ANSWER_KEEP - ans->len;
	memcpy(ans->text + ans->len, ptr, k < room ? k : room);
	ans->len += k < room ? k : room;
	ans->text[ans->len] = '\0';
	return size * n;
}

/* POST body to url with the extra headers; the outcome, err set on failure. */
static int post(const struct conf *c, const char *url, struct curl_slist *hdr,
                const char *body, size_t len, char *err, size_t errlen)
{
	err[0] = '\0';
	CURL *h = curl_easy_init();
	if (h == NULL) {
		snprintf(err, errlen, "curl_easy_init failed");
		curl_slist_free_all(hdr);
		return SMTP_RETRY;
	}
	char cerr[CURL_ERROR_SIZE] = "";
	struct answer ans = { "", 0 };
	long timeout = c->pharmacy_timeout ? (long)c->pharmacy_timeout : 10;
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_POST, 1L);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "Agora/1 (outbox)");
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &ans);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, timeout);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, timeout);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, cerr);
	CURLcode rc = curl_easy_perform(h);
	long code = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_cleanup(h);
	curl_slist_free_all(hdr);
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "%s", cerr[0] ? cerr : curl_easy_strerror(rc));
		return SMTP_RETRY;
	}
	int out = hook_outcome(code);
	if (out != SMTP_SENT)
		snprintf(err, errlen, "HTTP %ld%s%s", code, ans.len ? ": " : "",
		         ans.len ? ans.text : "");
	return out;
}

static struct curl_slist *add(struct curl_slist *l, const char *h)
{
	struct curl_slist *n = curl_slist_append(l, h);
	if (n == NULL) {
		curl_slist_free_all(l);
		return NULL;
	}
	return n;
}

int hook_send_webhook(struct arena *a, const struct conf *c, const char *nonce,
                      const char *body, size_t len, char *err, size_t errlen)
{
	if (c->pharmacy_url[0] == '\0') {
		snprintf(err, errlen, "pharmacy_url is not configured");
		return SMTP_RETRY;
	}
	if (!hook_secret_ok(c->pharmacy_secret)) {
		snprintf(err, errlen, "pharmacy_secret is shorter than %d bytes", HOOK_SECRET_MIN);
		return SMTP_RETRY;
	}
	/* The timestamp of this try: a retry hours later is signed anew. */
	const char *ts = arena_printf(a, "%lld", (long long)time(NULL));
	char sig[HOOK_SIG_LEN + 1];
	hook_sign(c->pharmacy_secret, ts, nonce, body, len, sig);
	struct curl_slist *h = add(NULL, "Content-Type: application/json");
	if (h) h = add(h, arena_printf(a, "X-Agora-Timestamp: %s", ts));
	if (h) h = add(h, arena_printf(a, "X-Agora-Nonce: %s", nonce));
	if (h) h = add(h, arena_printf(a, "X-Agora-Signature: %s", sig));
	if (h) h = add(h, "Expect:"); /* no 100-continue round trip */
	if (h == NULL) {
		snprintf(err, errlen, "curl_slist_append failed");
		return SMTP_RETRY;
	}
	return post(c, c->pharmacy_url, h, body, len, err, errlen);
}

int hook_send_sms(struct arena *a, const struct conf *c, const char *phone,
                  const char *text, char *err, size_t errlen)
{
	if (c->sms_url[0] == '\0') {
		snprintf(err, errlen, "sms_url is not configured: no SMS can be sent");
		return SMTP_PERMANENT;
	}
	struct buf b;
	buf_init(&b, 256);
	buf_adds(&b, "{\"to\":");
	json_add_str(&b, phone);
	buf_adds(&b, ",\"from\":");
	json_add_str(&b, c->sms_sender);
	buf_adds(&b, ",\"text\":");
	json_add_str(&b, text);
	buf_addc(&b, '}');
	const char *body = arena_strndup(a, b.p, b.len);
	size_t len = b.len;
	buf_free(&b);
	struct curl_slist *h = add(NULL, "Content-Type: application/json");
	if (h && c->sms_token[0] != '\0')
		h = add(h, arena_printf(a, "Authorization: Bearer %s", c->sms_token));
	if (h) h = add(h, "Expect:");
	if (h == NULL) {
		snprintf(err, errlen, "curl_slist_append failed");
		return SMTP_RETRY;
	}
	return post(c, c->sms_url, h, body, len, err, errlen);
}
