/*
 * test_forms.c - the one-time form tokens of http/token.c: forms_init,
 * forms_token, forms_token_valid.  A token is 43 characters of base64url;
 * it validates only for the form it was made for, under the secret it was
 * made with, unchanged in every character, and only within its lifetime.
 * The database function in the same file is linked but never called.
 *
 * The lifetime rows sign tokens themselves, with the format http/token.c
 * documents (16-byte nonce, 4-byte big-endian time, the first 12 bytes of
 * HMAC-SHA-256 over "form\0" + nonce + time, keyed with the BLAKE2b hash of
 * the secret): if that format changes, change make_token() here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "http/token.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

#define SECRET "0123456789abcdef0123456789abcdef-test" /* 37 bytes */
#define OTHER_SECRET "0123456789abcdef0123456789abcdef-tesT"

static struct arena *A;

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	A = arena_new(4096);
	return A == NULL;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	A = NULL;
	return 0;
}

/* NULL if t looks like a token, else why not. */
static const char *token_shape(const char *t)
{
	if (t == NULL)
		return "NULL";
	if (strlen(t) != 43)
		return "not 43 characters";
	for (const char *p = t; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return "a character outside [A-Za-z0-9_-]";
	return NULL;
}

/* A token for form signed with secret at time t, as http/token.c makes them. */
static char *make_token(const char *secret, const char *form, int64_t t)
{
	unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
	unsigned char raw[32], full[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	char *out = arena_alloc(A, 45);

	crypto_generichash(key, sizeof key, (const unsigned char *)secret, strlen(secret),
	                   NULL, 0);
	randombytes_buf(raw, 16);
	for (int i = 0; i < 4; i++)
		raw[16 + i] = (unsigned char)((uint32_t)t >> (24 - 8 * i));
	crypto_auth_hmacsha256_init(&st, key, sizeof key);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)form, strlen(form) + 1);
	crypto_auth_hmacsha256_update(&st, raw, 20);
	crypto_auth_hmacsha256_final(&st, full);
	memcpy(raw + 20, full, 12);
	sodium_bin2base64(out, 45, raw, 32, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

/* Before forms_init nothing is valid. */
static void test_unkeyed(void **state)
{
	(void)state;
	char *t = make_token("", "a11y", (int64_t)time(NULL));

	assert_null(token_shape(t));
	assert_int_equal(forms_token_valid(t, "a11y"), 0);
	assert_int_equal(forms_token_valid(NULL, "a11y"), 0);
}

static void test_init(void **state)
{
	(void)state;
	static const struct {
		const char *secret;
		int want;
	} rows[] = {
		{ NULL, -1 },
		{ "", -1 },
		{ "x", -1 },
		{ "0123456789abcdef0123456789abcde", -1 },        /* 31 bytes */
		{ "0123456789abcdef0123456789abcdef", 0 },        /* 32 bytes */
		{ "αβγδεζηθικλμνξοx", -1 },                       /* 16 letters, 31 bytes */
		{ "αβγδεζηθικλμνξοπ", 0 },                        /* 16 letters, 32 bytes */
		{ SECRET, 0 },
		{ SECRET SECRET SECRET SECRET SECRET SECRET, 0 }, /* longer than a key */
	};
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		int got = forms_init(rows[i].secret);
		if (got != rows[i].want) {
			print_message("# forms_init row %zu \"%s\" (%zu bytes): want %d, got %d\n",
			              i, rows[i].secret ? rows[i].secret : "(NULL)",
			              rows[i].secret ? strlen(rows[i].secret) : 0, rows[i].want,
			              got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

static void test_form_binding(void **state)
{
	(void)state;
	static const struct {
		const char *form;
		int want;
	} rows[] = {
		{ "a11y", 1 }, { "other", 0 }, { "", 0 }, { "a11", 0 }, { "a11y ", 0 },
		{ "A11Y", 0 }, { "a11yx", 0 }, { " a11y", 0 },
	};
	char *t, *t2;
	int failed = 0;

	assert_int_equal(forms_init(SECRET), 0);
	t = forms_token(A, "a11y");
	assert_null(token_shape(t));
	for (size_t i = 0; i < NROWS(rows); i++) {
		int got = forms_token_valid(t, rows[i].form);
		if (got != rows[i].want) {
			print_message("# token for \"a11y\" checked for \"%s\": want %d, got %d\n",
			              rows[i].form, rows[i].want, got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);

	/* each token is fresh, and each is valid */
	t2 = forms_token(A, "a11y");
	assert_null(token_shape(t2));
	assert_string_not_equal(t, t2);
	assert_int_equal(forms_token_valid(t2, "a11y"), 1);

	/* the empty form name is a name like any other */
	t = forms_token(A, "");
	assert_int_equal(forms_token_valid(t, ""), 1);
	assert_int_equal(forms_token_valid(t, "a11y"), 0);
}

static void test_secret(void **state)
{
	(void)state;
	char *t;

	assert_int_equal(forms_init(SECRET), 0);
	t = forms_token(A, "a11y");
	assert_int_equal(forms_token_valid(t, "a11y"), 1);

	/* a failed init keeps the key it had */
	assert_int_equal(forms_init("short"), -1);
	assert_int_equal(forms_token_valid(t, "a11y"), 1);

	/* another secret, even one byte apart, refuses it */
	assert_int_equal(forms_init(OTHER_SECRET), 0);
	assert_int_equal(forms_token_valid(t, "a11y"), 0);
	assert_int_equal(forms_init(SECRET "x"), 0);
	assert_int_equal(forms_token_valid(t, "a11y"), 0);

	/* and back */
	assert_int_equal(forms_init(SECRET), 0);
	assert_int_equal(forms_token_valid(t, "a11y"), 1);
	/* a token signed elsewhere with another secret */
	assert_int_equal(forms_token_valid(make_token(OTHER_SECRET, "a11y", (int64_t)time(NULL)),
	                                   "a11y"), 0);
}

/* Every character, changed to any other base64url character, breaks it. */
static void test_tamper(void **state)
{
	(void)state;
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	char *t, copy[44];
	int failed = 0;

	assert_int_equal(forms_init(SECRET), 0);
	t = forms_token(A, "a11y");
	assert_null(token_shape(t));
	for (size_t pos = 0; pos < 43; pos++)
		for (const char *c = alphabet; *c; c++) {
			if (*c == t[pos])
				continue;
			memcpy(copy, t, 44);
			copy[pos] = *c;
			if (forms_token_valid(copy, "a11y") != 0) {
				print_message("# \"%s\" (position %zu changed) is valid\n", copy, pos);
				failed++;
			}
		}
	assert_int_equal(failed, 0);
	assert_int_equal(forms_token_valid(t, "a11y"), 1);
}

/* Strings that are not tokens at all. */
static void test_malformed(void **state)
{
	(void)state;
	char *t;
	struct {
		const char *what;
		const char *s;
	} rows[16];
	size_t n = 0;
	int failed = 0;

	assert_int_equal(forms_init(SECRET), 0);
	t = forms_token(A, "a11y");
#define ROW(w, s_) rows[n].what = (w), rows[n].s = (s_), n++
	ROW("NULL", NULL);
	ROW("empty", "");
	ROW("one character", "A");
	ROW("42 characters", arena_strndup(A, t, 42));
	ROW("44 characters", arena_printf(A, "%sA", t));
	ROW("with '=' padding", arena_printf(A, "%s=", t));
	ROW("with a trailing space", arena_printf(A, "%s ", t));
	ROW("with a leading space", arena_printf(A, " %s", arena_strndup(A, t, 42)));
	ROW("with a newline", arena_printf(A, "%s\n", arena_strndup(A, t, 42)));
	ROW("standard base64 '+'", arena_printf(A, "+%s", t + 1));
	ROW("standard base64 '/'", arena_printf(A, "/%s", t + 1));
	ROW("a '.'", arena_printf(A, ".%s", t + 1));
	ROW("non-ASCII", arena_printf(A, "\xCE\xB1%s", t + 2)); /* 43 bytes */
	ROW("43 A", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	ROW("43 _", "___________________________________________");
	ROW("86 characters", arena_printf(A, "%s%s", t, t));
#undef ROW
	for (size_t i = 0; i < n; i++) {
		int got = forms_token_valid(rows[i].s, "a11y");
		if (got != 0) {
			print_message("# forms_token_valid row %zu (%s) \"%s\": want 0, got %d\n", i,
			              rows[i].what, rows[i].s ? rows[i].s : "(NULL)", got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
	assert_int_equal(forms_token_valid(t, "a11y"), 1);
}

/* The lifetime: FORMS_TOKEN_TTL seconds, and at most 5 minutes from the
 * future (a clock a little ahead elsewhere). */
static void test_lifetime(void **state)
{
	(void)state;
	static const struct {
		int64_t age;
		int want;
	} rows[] = {
		{ 0, 1 },
		{ 60, 1 },
		{ FORMS_TOKEN_TTL - 60, 1 },
		{ FORMS_TOKEN_TTL + 60, 0 },
		{ 7 * 24 * 3600, 0 },
		{ -60, 1 },
		{ -240, 1 },
		{ -360, 0 },
		{ -3600, 0 },
	};
	int failed = 0;
	int64_t now = (int64_t)time(NULL);

	assert_int_equal(forms_init(SECRET), 0);
	/* our signer agrees with forms_token */
	assert_int_equal(forms_token_valid(make_token(SECRET, "a11y", now), "a11y"), 1);
	for (size_t i = 0; i < NROWS(rows); i++) {
		char *t = make_token(SECRET, "a11y", now - rows[i].age);
		int got = forms_token_valid(t, "a11y");
		if (got != rows[i].want) {
			print_message("# a token %lld s old: want %d, got %d\n",
			              (long long)rows[i].age, rows[i].want, got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* forms_sign: bound to its purpose, its subject and the secret; a
 * changed character, another length or a token are refused. */
static void test_sign(void **state)
{
	(void)state;
	assert_int_equal(forms_init(SECRET), 0);
	char *s = forms_sign(A, "reporter", "2026-000123");
	assert_int_equal(strlen(s), 43);
	assert_int_equal(forms_sign_valid(s, "reporter", "2026-000123"), 1);
	assert_string_equal(s, forms_sign(A, "reporter", "2026-000123"));
	assert_int_equal(forms_sign_valid(s, "reporter", "2026-000124"), 0);
	assert_int_equal(forms_sign_valid(s, "follow", "2026-000123"), 0);
	assert_int_equal(forms_sign_valid(s, "reporter2026-", "000123"), 0);
	char *bad = arena_strdup(A, s);
	bad[10] = bad[10] == 'A' ? 'B' : 'A';
	assert_int_equal(forms_sign_valid(bad, "reporter", "2026-000123"), 0);
	assert_int_equal(forms_sign_valid(NULL, "reporter", "2026-000123"), 0);
	assert_int_equal(forms_sign_valid("", "reporter", "2026-000123"), 0);
	assert_int_equal(forms_sign_valid(forms_token(A, "reporter"), "reporter", "2026-000123"), 0);
	assert_int_equal(forms_init("another secret, just as long as the first"), 0);
	assert_int_equal(forms_sign_valid(s, "reporter", "2026-000123"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unkeyed),
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_form_binding),
		cmocka_unit_test(test_secret),
		cmocka_unit_test(test_tamper),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_lifetime),
		cmocka_unit_test(test_sign),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("forms", tests, setup, teardown);
}
