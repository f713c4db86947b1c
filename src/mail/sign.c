/*
 * sign.c - HMAC-SHA256 signatures of the webhook and its callbacks
 * (sign.h), with libsodium.  Touches no table.
 */
#include "mail/sign.h"

#include <sodium.h>
#include <string.h>

int hook_secret_ok(const char *secret)
{
	return secret != NULL && strlen(secret) >= HOOK_SECRET_MIN;
}

int hook_sign(const char *secret, const char *timestamp, const char *nonce,
              const char *body, size_t len, char out[HOOK_SIG_LEN + 1])
{
	out[0] = '\0';
	if (!hook_secret_ok(secret) || timestamp == NULL || nonce == NULL)
		return -1;
	crypto_auth_hmacsha256_state st;
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)timestamp, strlen(timestamp));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)nonce, strlen(nonce));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, len);
	crypto_auth_hmacsha256_final(&st, mac);
	memcpy(out, "sha256=", 7);
	sodium_bin2hex(out + 7, 65, mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
	return 0;
}

int hook_sign_ok(const char *secret, const char *timestamp, const char *nonce,
                 const char *body, size_t len, const char *sig)
{
	char want[HOOK_SIG_LEN + 1];
	if (sig == NULL || strlen(sig) != HOOK_SIG_LEN ||
	    hook_sign(secret, timestamp, nonce, body, len, want) != 0)
		return 0;
	return sodium_memcmp(want, sig, HOOK_SIG_LEN) == 0;
}
