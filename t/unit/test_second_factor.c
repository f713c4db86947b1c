/*
 * test_second_factor.c - the staff area's pure functions: passwords
 * (core/password.c: verifying, telling an older hash that must be redone),
 * TOTP (admin/totp.c, against the RFC 6238 appendix B vectors for SHA-1,
 * with the one-step window and the rule that a step is used once), the
 * otpauth URI, recovery codes (format, normalising, keyed hashes) and the
 * QR code's SVG (admin/qr.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <string.h>

#include "admin/qr.h"
#include "admin/totp.h"
#include "core/arena.h"
#include "core/password.h"

static struct arena *A;

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0 || totp_init() != 0)
		return -1;
	A = arena_new(65536);
	return A == NULL;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static void test_password(void **state)
{
	(void)state;
	const char *h = password_hash(A, "ένας καλός κωδικός");
	assert_non_null(h);
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_true(password_verify(h, "ένας καλός κωδικός"));
	assert_false(password_verify(h, "ένας καλός κωδικό"));
	assert_false(password_verify(h, ""));
	assert_false(password_needs_rehash(h));
	/* A hash made with cheaper parameters still verifies, and is to be
	 * made again (login.c does, at the next sign-in). */
	char old[crypto_pwhash_STRBYTES];
	assert_int_equal(crypto_pwhash_str(old, "παλιός", strlen("παλιός"),
	                                   crypto_pwhash_OPSLIMIT_MIN,
	                                   crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_true(password_verify(old, "παλιός"));
	assert_true(password_needs_rehash(old));
	char r1[21], r2[21];
	password_random(r1);
	password_random(r2);
	assert_int_equal(strlen(r1), 20);
	assert_string_not_equal(r1, r2);
}

/* RFC 6238 appendix B, SHA-1: the key is "12345678901234567890"; the
 * codes are the last six of the eight digits given there. */
static const struct { long long t; const char *code; } vectors[] = {
	{ 59, "287082" }, { 1111111109, "081804" }, { 1111111111, "050471" },
	{ 1234567890, "005924" }, { 2000000000, "279037" },
};

static void test_totp(void **state)
{
	(void)state;
	const unsigned char *key = (const unsigned char *)"12345678901234567890";
	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		char out[7];
		assert_int_equal(totp_code(key, 20, (time_t)vectors[i].t, out), 0);
		assert_string_equal(out, vectors[i].code);
		long long step = vectors[i].t / 30;
		/* Accepted now, a step early or late; not two steps off. */
		assert_int_equal(totp_check(key, 20, vectors[i].code, (time_t)vectors[i].t, 0), step);
		assert_int_equal(totp_check(key, 20, vectors[i].code, (time_t)vectors[i].t + 30, 0), step);
		assert_int_equal(totp_check(key, 20, vectors[i].code, (time_t)vectors[i].t - 30, 0), step);
		assert_int_equal(totp_check(key, 20, vectors[i].code, (time_t)vectors[i].t + 90, 0), 0);
		/* Used once: not again once its step is the last one used. */
		assert_int_equal(totp_check(key, 20, vectors[i].code, (time_t)vectors[i].t, step), 0);
	}
	/* Spaces are allowed, anything else is not. */
	assert_int_equal(totp_check(key, 20, "287 082", 59, 0), 1);
	assert_int_equal(totp_check(key, 20, "28708", 59, 0), 0);
	assert_int_equal(totp_check(key, 20, "2870822", 59, 0), 0);
	assert_int_equal(totp_check(key, 20, "28708x", 59, 0), 0);
	assert_int_equal(totp_check(key, 20, "", 59, 0), 0);
	assert_int_equal(totp_check(key, 20, NULL, 59, 0), 0);
	/* The base32 key, and the URI an app reads. */
	assert_string_equal(totp_base32(A, key, 20, 0), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	assert_string_equal(totp_base32(A, key, 20, 1), "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
	assert_string_equal(totp_uri(A, "Δήμος Α", "maria", key, 20),
	                    "otpauth://totp/%CE%94%CE%AE%CE%BC%CE%BF%CF%82%20%CE%91:maria"
	                    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	                    "&issuer=%CE%94%CE%AE%CE%BC%CE%BF%CF%82%20%CE%91"
	                    "&algorithm=SHA1&digits=6&period=30");
}

static void test_recovery(void **state)
{
	(void)state;
	char c[12];
	recovery_new(c);
	assert_int_equal(strlen(c), 11);
	assert_int_equal(c[5], '-');
	unsigned char h1[32], h2[32], h3[32];
	assert_int_equal(recovery_hash(c, "key", h1), 0);
	/* Case, spaces and hyphens do not matter ... */
	char typed[16];
	snprintf(typed, sizeof(typed), " %.5s %s ", c, c + 6);
	for (char *p = typed; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	assert_int_equal(recovery_hash(typed, "key", h2), 0);
	assert_memory_equal(h1, h2, 32);
	/* ... the key does. */
	assert_int_equal(recovery_hash(c, "other key", h3), 0);
	assert_memory_not_equal(h1, h3, 32);
	/* Not a recovery code: a TOTP code, too short, a letter not in the
	 * alphabet (no 0, 1, l, o, i). */
	assert_int_equal(recovery_hash("123456", "key", h3), -1);
	assert_int_equal(recovery_hash("abcde-fghj", "key", h3), -1);
	assert_int_equal(recovery_hash("abcde-fghio", "key", h3), -1);
	assert_int_equal(recovery_hash("", "key", h3), -1);
}

static void test_qr(void **state)
{
	(void)state;
	const char *svg = qr_svg(A, "otpauth://totp/x:y?secret=GEZDGNBV", "Κωδικός \"QR\" <1>");
	assert_non_null(svg);
	assert_true(strncmp(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
	assert_non_null(strstr(svg, "role=\"img\""));
	assert_non_null(strstr(svg, "aria-label=\"Κωδικός &quot;QR&quot; &lt;1&gt;\""));
	assert_null(strstr(svg, "<script"));
	assert_non_null(strstr(svg, "<path fill=\"#000\" d=\"M"));
	assert_true(strcmp(svg + strlen(svg) - 6, "</svg>") == 0);
	/* Only digits, spaces, M h v z - in the path. */
	const char *d = strstr(svg, " d=\"") + 4;
	for (; *d != '"'; d++)
		assert_non_null(strchr("0123456789 Mhvz-", *d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_totp),
		cmocka_unit_test(test_recovery),
		cmocka_unit_test(test_qr),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
