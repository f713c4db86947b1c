/*
 * totp.c - TOTP with liboath, otpauth URIs and recovery codes (totp.h).
 */
#include "admin/totp.h"

#include <liboath/oath.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/text.h"

int totp_init(void)
{
	return oath_init() == OATH_OK ? 0 : -1;
}

void totp_new_secret(unsigned char out[TOTP_SECRET_BYTES])
{
	randombytes_buf(out, TOTP_SECRET_BYTES);
}

char *totp_base32(struct arena *a, const unsigned char *secret, size_t len,
                  int grouped)
{
	char *b32 = NULL;
	size_t n = 0;
	if (oath_base32_encode((const char *)secret, len, &b32, &n) != OATH_OK)
		return arena_strdup(a, "");
	/* No '=' padding: apps do not want it. */
	while (n > 0 && b32[n - 1] == '=')
		n--;
	char *o = arena_alloc(a, n + n / 4 + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		if (grouped && i > 0 && i % 4 == 0)
			*p++ = ' ';
		*p++ = b32[i];
	}
	*p = '\0';
	free(b32);
	return o;
}

char *totp_uri(struct arena *a, const char *issuer, const char *account,
               const unsigned char *secret, size_t len)
{
	const char *is = text_percent_encode(a, issuer);
	return arena_printf(a, "otpauth://totp/%s:%s?secret=%s&issuer=%s"
	                    "&algorithm=SHA1&digits=6&period=%d",
	                    is, text_percent_encode(a, account),
	                    totp_base32(a, secret, len, 0), is, TOTP_STEP);
}

long long totp_check(const unsigned char *secret, size_t len, const char *code,
                     time_t now, long long last_step)
{
	char digits[7];
	size_t n = 0;
	for (const char *p = code; p && *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		if (*p < '0' || *p > '9' || n == 6)
			return 0;
		digits[n++] = *p;
	}
	if (n != 6)
		return 0;
	digits[6] = '\0';
	int pos = 0;
	uint64_t step = 0;
	int rc = oath_totp_validate3((const char *)secret, len, now, TOTP_STEP, 0,
	                             1, &pos, &step, digits);
	if (rc < 0 || (long long)step <= last_step)
		return 0;
	return (long long)step;
}

int totp_code(const unsigned char *secret, size_t len, time_t now, char out[7])
{
	return oath_totp_generate((const char *)secret, len, now, TOTP_STEP, 0, 6,
	                          out) == OATH_OK ? 0 : -1;
}

static const char recovery_alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";

void recovery_new(char out[12])
{
	for (int i = 0; i < 11; i++) {
		if (i == 5) {
			out[i] = '-';
			continue;
		}
		out[i] = recovery_alphabet[randombytes_uniform(
		    sizeof(recovery_alphabet) - 1)];
	}
	out[11] = '\0';
}

int recovery_hash(const char *code, const char *key,
                  unsigned char out[RECOVERY_HASH_BYTES])
{
	char norm[11];
	size_t n = 0;
	for (const char *p = code; p && *p; p++) {
		char ch = *p;
		if (ch == ' ' || ch == '-')
			continue;
		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if (strchr(recovery_alphabet, ch) == NULL || ch == '\0' || n == 10)
			return -1;
		norm[n++] = ch;
	}
	if (n != 10)
		return -1;
	unsigned char k[crypto_generichash_KEYBYTES];
	crypto_generichash(k, sizeof(k), (const unsigned char *)key, strlen(key),
	                   NULL, 0);
	crypto_generichash(out, RECOVERY_HASH_BYTES, (const unsigned char *)norm,
	                   n, k, sizeof(k));
	return 0;
}
