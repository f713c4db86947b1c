/*
 * test_phone.c - the support desk's phone numbers (help/phone.h): what an
 * operator may type, Greek and foreign, becomes one stored form; hostile
 * or partial input is refused or kept as a prefix; the stored form reads
 * back in groups and dials as E.164.  Every failing row is named.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "help/phone.h"

struct row {
	const char *in, *want; /* want NULL: refused */
};

static int check(const char *what, char *(*fn)(struct arena *, const char *),
                 const struct row *rows, size_t n)
{
	struct arena *a = arena_new(1024);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		const char *got = fn(a, rows[i].in);
		int ok = rows[i].want == NULL ? got == NULL
		                              : got != NULL && strcmp(got, rows[i].want) == 0;
		if (!ok) {
			print_error("%s(\"%s\"): got %s%s%s, want %s\n", what, rows[i].in,
			            got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
			            rows[i].want ? rows[i].want : "NULL");
			bad++;
		}
	}
	arena_free(a);
	return bad;
}

static const struct row norm[] = {
	{ "2251023456", "2251023456" },
	{ "22510 23456", "2251023456" },
	{ "2251-023-456", "2251023456" },
	{ "(2251) 023.456", "2251023456" },
	{ "+30 2251 023456", "2251023456" },
	{ "0030 6912 345 678", "6912345678" },
	{ "+306912345678", "6912345678" },
	{ "+44 7700 900123", "+447700900123" },
	{ "0044 7700 900123", "+447700900123" },
	{ "+49 (30) 1234567", "+49301234567" },
	{ "+1 202-555-0143", "+12025550143" },
	{ "12345", "12345" },
	{ "1234", NULL },           /* too short for any number */
	{ "+44 123", NULL },        /* a foreign number needs 7 digits */
	{ "+0044 7700 900123", NULL }, /* + and 00 together */
	{ "+1234567890123456", NULL }, /* 16 digits: longer than E.164 */
	{ "2251023456789012", NULL },
	{ "22510+23456", NULL },    /* + inside */
	{ "++302251023456", NULL },
	{ "2251Ο23456", NULL },     /* a Greek capital omicron for a zero */
	{ "2251023456;", NULL },
	{ "<script>", NULL },
	{ "", NULL },
	{ "   ", NULL },
};

static const struct row prefix[] = {
	{ "2251", "2251" },
	{ "22 51", "2251" },
	{ "+30 69", "69" },
	{ "0030 22", "22" },
	{ "+3", "" },
	{ "+", "" },
	{ "00", "" },
	{ "0044 77", "+4477" },
	{ "+44 7700 900123", "+447700900123" },
	{ "", "" },
	{ "22a", NULL },
	{ "2+2", NULL },
	{ "' OR 1=1", NULL },
};

static void test_norm(void **state)
{
	(void)state;
	assert_int_equal(check("help_phone_norm", help_phone_norm, norm,
	                       sizeof(norm) / sizeof(norm[0])), 0);
	struct arena *a = arena_new(1024);
	assert_null(help_phone_norm(a, NULL));
	assert_null(help_phone_prefix(a, NULL));
	arena_free(a);
}

static void test_prefix(void **state)
{
	(void)state;
	assert_int_equal(check("help_phone_prefix", help_phone_prefix, prefix,
	                       sizeof(prefix) / sizeof(prefix[0])), 0);
}

static void test_show_tel(void **state)
{
	(void)state;
	struct arena *a = arena_new(1024);
	assert_string_equal(help_phone_show(a, "6912345678"), "6912 345 678");
	assert_string_equal(help_phone_show(a, "2251023456"), "2251 023456");
	assert_string_equal(help_phone_show(a, "+447700900123"), "+447700900123");
	assert_string_equal(help_phone_show(a, "12345"), "12345");
	assert_string_equal(help_phone_show(a, NULL), "");
	assert_string_equal(help_phone_tel(a, "2251023456"), "+302251023456");
	assert_string_equal(help_phone_tel(a, "+447700900123"), "+447700900123");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_show_tel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
