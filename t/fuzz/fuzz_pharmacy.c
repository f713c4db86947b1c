/*
 * fuzz_pharmacy.c - libFuzzer target for the pharmacists' association's
 * callback, POST /api/pharmacy/callback (help/pharmacy.c
 * pharmacy_callback: the signature headers, the clock, the HMAC of
 * mail/sign.c, the JSON of core/json.c and its fields), run as main.c
 * runs it for an R_RAW route, with no database (a socket that does not
 * exist): a callback that passes every check is answered 503.
 *
 * Input: byte 0 says how each header is made - bits 0-1 X-Agora-Timestamp
 * (0 now, 1 now + (signed byte 1) x 10 s, 2 line 1 as it is, 3 none),
 * bits 2-3 X-Agora-Signature (0 the right one, 1 the right one with the
 * hex digit at (byte 1 mod 64) changed, 2 line 3 as it is, 3 none),
 * bit 4 X-Agora-Nonce from line 2 (else a valid one); byte 1 as said;
 * then three lines (up to '\n': the timestamp, the nonce, the signature,
 * used only when byte 0 says so) and the rest is the body.
 *
 * The signature is computed here on its own (HMAC-SHA256 over timestamp
 * "." nonce "." body, docs/pharmacy-api.md) and must be what hook_sign
 * writes; hook_sign_ok must take exactly it.  The answer must be JSON
 * {"error": ...} with the status the documented order of checks gives:
 * 401 for headers that are missing or malformed, a timestamp outside
 * the tolerance or a wrong signature; 400 for a body that is not a JSON
 * object of at most 16 KB, a "case" that is not a case number, an
 * "event" that is not "prescription.status", an unknown "status", a
 * "note" that is not a string or null or longer than 500 characters;
 * else 503.  See README.md for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/json.h"
#include "core/log.h"
#include "core/utf8.h"
#include "db/db.h"
#include "help/pharmacy.h"
#include "mail/sign.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

#define SECRET "0123456789abcdef0123456789abcdef"
#define TOLERANCE 300

/* HMAC-SHA256(secret, ts "." nonce "." body) as "sha256=<hex>". */
static void signature(const char *ts, const char *nonce, const char *body, size_t n,
                      char out[HOOK_SIG_LEN + 1])
{
	size_t tl = strlen(ts), nl = strlen(nonce);
	unsigned char *msg = malloc(tl + nl + n + 2), mac[32];
	if (msg == NULL)
		abort();
	memcpy(msg, ts, tl);
	msg[tl] = '.';
	memcpy(msg + tl + 1, nonce, nl);
	msg[tl + 1 + nl] = '.';
	memcpy(msg + tl + nl + 2, body, n);
	unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
	/* A key of exactly 32 bytes is used as it is (RFC 2104). */
	memcpy(key, SECRET, sizeof(key));
	crypto_auth_hmacsha256(mac, msg, tl + nl + n + 2, key);
	strcpy(out, "sha256=");
	for (int i = 0; i < 32; i++)
		snprintf(out + 7 + 2 * i, 3, "%02x", mac[i]);
	free(msg);
}

/* Line i of s[0..n) into the arena; *rest after it. */
static const char *line(struct arena *a, const char **s, size_t *n)
{
	const char *nl = memchr(*s, '\n', *n);
	size_t k = nl ? (size_t)(nl - *s) : *n;
	char *v = arena_strndup(a, *s, k);
	*s += nl ? k + 1 : k;
	*n -= nl ? k + 1 : k;
	return v;
}

static int digits(const char *s, size_t lo, size_t hi)
{
	size_t n = strlen(s);
	return n >= lo && n <= hi && strspn(s, "0123456789") == n;
}

static void add_header(struct arena *a, struct req *r, const char *name, const char *val)
{
	if (val == NULL)
		return;
	struct field *f = arena_calloc(a, sizeof(*f));
	f->name = name;
	f->val = val;
	f->len = strlen(val);
	f->next = r->headers;
	r->headers = f;
}

/* The status the documented checks give a callback with a good
 * signature: 400 or 503 (the database). */
static int body_status(struct arena *a, const char *body, size_t n)
{
	struct json_member *js;
	const char *why;
	long long id;
	if (json_parse_object(a, body, n, 16384, &js, &why) != 0)
		return 400;
	if (!json_int(json_get(js, "case"), 1, 4294967295LL, &id))
		return 400;
	const struct json_member *ev = json_get(js, "event"), *st = json_get(js, "status"),
	                         *nm = json_get(js, "note");
	if (ev != NULL && (ev->type != JSON_STRING || strcmp(ev->val, "prescription.status") != 0))
		return 400;
	static const char *const statuses[] = { "received", "prepared", "ready", "delivered",
		                                "problem" };
	int known = 0;
	for (size_t i = 0; st != NULL && st->type == JSON_STRING && i < 5; i++)
		known |= strcmp(st->val, statuses[i]) == 0;
	if (!known)
		return 400;
	if (nm != NULL && nm->type != JSON_STRING && nm->type != JSON_NULL)
		return 400;
	if (nm != NULL && nm->type == JSON_STRING) {
		size_t chars = 0;
		for (const char *p = nm->val; *p; p++)
			chars += ((unsigned char)*p & 0xC0) != 0x80;
		if (chars > 500)
			return 400;
	}
	return 503;
}

/* A setting in place of conf_defaults' (its copy freed, as conf_free would). */
static void set(char **field, const char *v)
{
	free(*field);
	if ((*field = strdup(v)) == NULL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static struct conf conf;
	static struct resp res;
	if (a == NULL) {
		if (sodium_init() < 0)
			abort();
		a = arena_new(1 << 16);
		conf_defaults(&conf);
		set(&conf.site_url, "https://www.example.gr");
		set(&conf.pharmacy_secret, SECRET);
		conf.pharmacy_tolerance = TOLERANCE;
		/* Never a database: a socket that does not exist. */
		set(&conf.db_host, "");
		set(&conf.db_socket, "/nonexistent/agora-fuzz/mysqld.sock");
		db_setup(&conf, 0);
		log_set_level(LOG_ERROR);
		resp_init(&res);
	}
	arena_reset(a);
	resp_reset(&res);
	if (size < 2)
		return 0;
	unsigned mode = data[0];
	int shift = (int8_t)data[1];
	const char *s = (const char *)data + 2;
	size_t n = size - 2;
	const char *l_ts = line(a, &s, &n), *l_nonce = line(a, &s, &n), *l_sig = line(a, &s, &n);
	char *body = malloc(n + 1); /* as main.c reads it: a NUL after the bytes */
	if (body == NULL)
		return 0;
	memcpy(body, s, n);
	body[n] = '\0';

	long long now = (long long)time(NULL);
	const char *ts = NULL;
	switch (mode & 3) {
	case 0: ts = arena_printf(a, "%lld", now); break;
	case 1: ts = arena_printf(a, "%lld", now + shift * 10LL); break;
	case 2: ts = l_ts; break;
	default: break;
	}
	const char *nonce = mode & 0x10 ? l_nonce : "3f1c9a0e5b7d24c68e0f1a2b";
	char good[HOOK_SIG_LEN + 1], mine[HOOK_SIG_LEN + 1];
	const char *sig = NULL;
	if (ts != NULL) {
		signature(ts, nonce, body, n, mine);
		/* hook_sign writes the same; a short secret signs nothing. */
		CHECK(hook_sign(SECRET, ts, nonce, body, n, good) == 0 && strcmp(good, mine) == 0);
		CHECK(hook_sign("too short a secret", ts, nonce, body, n, good) == -1 && good[0] == '\0');
		CHECK(!hook_sign_ok("too short a secret", ts, nonce, body, n, mine));
		CHECK(hook_sign_ok(SECRET, ts, nonce, body, n, mine));
	}
	switch ((mode >> 2) & 3) {
	case 0:
		sig = ts != NULL ? arena_strdup(a, mine) : l_sig;
		break;
	case 1:
		if (ts != NULL) {
			char *x = arena_strdup(a, mine);
			size_t at = 7 + (size_t)(uint8_t)data[1] % 64;
			x[at] = x[at] == '0' ? '1' : '0';
			sig = x;
		}
		break;
	case 2:
		sig = l_sig;
		break;
	default:
		break;
	}
	/* Header values reach the handler UTF-8 checked (main.c raw_headers). */
	if ((ts && !utf8_valid(ts, strlen(ts))) || !utf8_valid(nonce, strlen(nonce)) ||
	    (sig && !utf8_valid(sig, strlen(sig)))) {
		free(body);
		return 0;
	}
	if (ts != NULL && sig != NULL)
		CHECK(hook_sign_ok(SECRET, ts, nonce, body, n, sig) == (strcmp(sig, mine) == 0));

	struct req r = { .a = a, .rid = "fuzz", .method = M_POST, .method_s = "POST",
	                 .path = "/api/pharmacy/callback", .query_s = "",
	                 .ctype = "application/json", .clen = n, .host = "www.example.gr",
	                 .remote_addr = "192.0.2.1", .user_agent = "", .body = body,
	                 .body_len = n };
	add_header(a, &r, "x-agora-timestamp", ts);
	add_header(a, &r, "x-agora-nonce", nonce);
	add_header(a, &r, "x-agora-signature", sig);
	struct ctx c = { .r = &r, .res = &res, .conf = &conf, .page = PAGE_PHARMACY_CALLBACK,
	                 .lang = LANG_EL, .lp = "" };
	pharmacy_callback(&c);

	/* The status the documented order of checks gives. */
	int want;
	long long t = ts && digits(ts, 1, 12) ? strtoll(ts, NULL, 10) : 0;
	if (ts == NULL || !digits(ts, 1, 12) || strlen(nonce) < 16 || strlen(nonce) > 64 ||
	    strspn(nonce, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") !=
	        strlen(nonce) ||
	    sig == NULL || strlen(sig) != HOOK_SIG_LEN || strncmp(sig, "sha256=", 7) != 0)
		want = 401;
	else if (t < now - TOLERANCE || t > now + TOLERANCE)
		want = 401;
	else if (strcmp(sig, mine) != 0)
		want = 401;
	else
		want = body_status(a, body, n);
	/* The clock may have ticked between now and the handler's: at the
	 * edge of the window either answer is right. */
	int edge = ts && digits(ts, 1, 12) && (llabs(t - now) >= TOLERANCE - 2 &&
	                                       llabs(t - now) <= TOLERANCE + 2);
	CHECK(res.status == want || (edge && (res.status == 401 || want == 401)));
	CHECK(res.ctype && strcmp(res.ctype, "application/json") == 0);
	CHECK(res.status != 503 || res.retry_after > 0);
	size_t bl;
	const char *out = resp_body(&res, &bl);
	struct json_member *m;
	const char *why;
	CHECK(bl > 0 && out[bl - 1] == '\n');
	CHECK(json_parse_object(a, out, bl, bl, &m, &why) == 0);
	const struct json_member *err = json_get(m, "error");
	CHECK(err && err->type == JSON_STRING && err->len > 0);
	free(body);
	return 0;
}
