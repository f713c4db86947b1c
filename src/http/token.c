/*
 * token.c - one-time form tokens (token.h).
 */
#include "http/token.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"

static unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
static int keyed;
static unsigned long issued;

int forms_init(const char *secret)
{
	if (secret == NULL || strlen(secret) < 32)
		return -1;
	/* Whatever its length, the secret becomes a 32-byte key. */
	crypto_generichash(key, sizeof(key), (const unsigned char *)secret,
	                   strlen(secret), NULL, 0);
	keyed = 1;
	return 0;
}

enum { NONCE = 16, STAMP = 4, MAC = 12, RAW = NONCE + STAMP + MAC };

static void mac_of(const unsigned char *msg, const char *form,
                   unsigned char out[MAC])
{
	unsigned char full[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, key, sizeof(key));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)form, strlen(form) + 1);
	crypto_auth_hmacsha256_update(&st, msg, NONCE + STAMP);
	crypto_auth_hmacsha256_final(&st, full);
	memcpy(out, full, MAC);
}

char *forms_token(struct arena *a, const char *form)
{
	unsigned char raw[RAW];
	randombytes_buf(raw, NONCE);
	uint32_t now = (uint32_t)time(NULL);
	for (int i = 0; i < STAMP; i++)
		raw[NONCE + i] = (unsigned char)(now >> (24 - 8 * i));
	mac_of(raw, form, raw + NONCE + STAMP);
	size_t n = sodium_base64_ENCODED_LEN(RAW, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *t = arena_alloc(a, n);
	sodium_bin2base64(t, n, raw, RAW, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	issued++;
	return t;
}

unsigned long forms_tokens_issued(void)
{
	return issued;
}

long forms_token_age(const char *t, const char *form)
{
	unsigned char raw[RAW], want[MAC];
	size_t len;
	if (!keyed || t == NULL || strlen(t) != 43 ||
	    sodium_base642bin(raw, sizeof(raw), t, 43, NULL, &len, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != RAW)
		return -1;
	mac_of(raw, form, want);
	if (sodium_memcmp(want, raw + NONCE + STAMP, MAC) != 0)
		return -1;
	uint32_t stamp = 0;
	for (int i = 0; i < STAMP; i++)
		stamp = stamp << 8 | raw[NONCE + i];
	int64_t age = (int64_t)time(NULL) - (int64_t)stamp;
	if (age < -300 || age > FORMS_TOKEN_TTL)
		return -1;
	return age < 0 ? 0 : (long)age;
}

int forms_token_valid(const char *t, const char *form)
{
	return forms_token_age(t, form) >= 0;
}

static void sign_raw(const char *purpose, const char *subject,
                     unsigned char out[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, key, sizeof(key));
	/* A prefix no form name has: a signature is never a token's MAC. */
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)"sign:", 5);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)purpose, strlen(purpose) + 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)subject, strlen(subject));
	crypto_auth_hmacsha256_final(&st, out);
}

char *forms_sign(struct arena *a, const char *purpose, const char *subject)
{
	unsigned char raw[crypto_auth_hmacsha256_BYTES];
	sign_raw(purpose, subject, raw);
	size_t n = sodium_base64_ENCODED_LEN(sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char *t = arena_alloc(a, n);
	sodium_bin2base64(t, n, raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return t;
}

int forms_sign_valid(const char *sig, const char *purpose, const char *subject)
{
	unsigned char raw[crypto_auth_hmacsha256_BYTES], want[crypto_auth_hmacsha256_BYTES];
	size_t len;
	if (!keyed || sig == NULL || strlen(sig) != 43 ||
	    sodium_base642bin(raw, sizeof(raw), sig, 43, NULL, &len, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != sizeof(raw))
		return 0;
	sign_raw(purpose, subject, want);
	return sodium_memcmp(want, raw, sizeof(raw)) == 0;
}
