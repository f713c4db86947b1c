/*
 * test_valid.c - the validators of declared forms and query parameters,
 * each from a table of good and bad inputs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "http/valid.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static struct arena *A;

static int setup(void **state)
{
	(void)state;
	A = arena_new(4096);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static void test_text(void **state)
{
	(void)state;
	static const struct { const char *s; size_t min, max; int ml, want; } rows[] = {
		{ "Γιώργος", 1, 7, 0, 1 },      /* characters, not bytes */
		{ "Γιώργος", 1, 6, 0, 0 },
		{ "", 0, 5, 0, 1 },
		{ "", 1, 5, 0, 0 },
		{ "a\nb", 0, 10, 1, 1 },
		{ "a\nb", 0, 10, 0, 0 },        /* one line only */
		{ "a\tb", 0, 10, 1, 1 },
		{ "a\rb", 0, 10, 1, 0 },        /* CR left over: the caller turns CRLF into LF */
		{ "a\x01" "b", 0, 10, 1, 0 },
		{ "a\x7f", 0, 10, 0, 0 },
		{ "ω", 1, 1, 0, 1 },
	};
	int failed = 0;
	for (size_t i = 0; i < NROWS(rows); i++)
		if (valid_text(rows[i].s, rows[i].min, rows[i].max, rows[i].ml) != rows[i].want) {
			print_message("# valid_text row %zu\n", i);
			failed++;
		}
	assert_int_equal(failed, 0);
	assert_false(valid_text(NULL, 0, 1, 0));
}

static void test_email_phone(void **state)
{
	(void)state;
	static const struct { const char *s; int want; } mail[] = {
		{ "giorgos.p@example.gr", 1 }, { "a@b.gr", 1 }, { "not-an-email", 0 },
		{ "giorgos@", 0 }, { "a b@example.gr", 0 }, { "a@b@example.gr", 0 },
		{ "giorgos@example", 0 }, { "@example.gr", 0 }, { "a@.gr", 0 },
		{ "a@b.", 0 }, { "a@b.gr\n", 0 },
	}, tel[] = {
		{ "22513 50500", 1 }, { "+30 22513 50500", 1 }, { "(2251) 350-500", 1 },
		{ "6912345678", 1 }, { "123456", 0 }, { "1234567890123456", 0 },
		{ "2251 ab 500", 0 }, { "22+513 50500", 0 }, { "", 0 },
	};
	int failed = 0;
	for (size_t i = 0; i < NROWS(mail); i++)
		if (valid_email(mail[i].s) != mail[i].want) {
			print_message("# valid_email \"%s\"\n", mail[i].s);
			failed++;
		}
	for (size_t i = 0; i < NROWS(tel); i++)
		if (valid_phone(tel[i].s) != tel[i].want) {
			print_message("# valid_phone \"%s\"\n", tel[i].s);
			failed++;
		}
	assert_int_equal(failed, 0);
}

static void test_int(void **state)
{
	(void)state;
	static const struct { const char *s; long long min, max; int want; long long v; } rows[] = {
		{ "0", 0, 10, 1, 0 }, { "10", 0, 10, 1, 10 }, { "11", 0, 10, 0, 0 },
		{ "-3", -5, 5, 1, -3 }, { "-0", -5, 5, 0, 0 }, { "007", 0, 10, 0, 0 },
		{ " 7", 0, 10, 0, 0 }, { "7 ", 0, 10, 0, 0 }, { "+7", 0, 10, 0, 0 },
		{ "", 0, 10, 0, 0 }, { "1e3", 0, 10000, 0, 0 },
		{ "9223372036854775807", 0, 9223372036854775807LL, 1, 9223372036854775807LL },
		{ "9223372036854775808", 0, 9223372036854775807LL, 0, 0 },
	};
	int failed = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		long long v = -42;
		int got = valid_int(rows[i].s, rows[i].min, rows[i].max, &v);
		if (got != rows[i].want || (got && v != rows[i].v)) {
			print_message("# valid_int \"%s\"\n", rows[i].s);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

static void test_dates_and_cursors(void **state)
{
	(void)state;
	static const struct { const char *s; const char *want; } dt[] = {
		{ "2026-12-01T09:30", "2026-12-01 09:30:00" },
		{ "2026-12-01T09:30:15", "2026-12-01 09:30:15" },
		{ "2024-02-29T00:00", "2024-02-29 00:00:00" },
		{ "2026-02-29T00:00", NULL }, { "2026-02-31T12:00", NULL },
		{ "2100-02-29T00:00", NULL }, { "2000-02-29T00:00", "2000-02-29 00:00:00" },
		{ "2026-13-01T00:00", NULL }, { "2026-12-01T24:00", NULL },
		{ "2026-12-1T09:30", NULL }, { "2026-12-01", NULL }, { "x", NULL },
	}, cur[] = {
		{ "20261201093000-42", "2026-12-01 09:30:00" },
		{ "20260231120000-1", NULL },   /* February 31 (events.c took it) */
		{ "20261201093000-0", NULL }, { "20261201093000-", NULL },
		{ "20261201093000-12345678901", NULL }, { "2026120109300-42", NULL },
		{ "20261201093060-42", NULL }, { "20261201093000x42", NULL },
	};
	int failed = 0;
	for (size_t i = 0; i < NROWS(dt); i++) {
		const char *out = NULL;
		int got = valid_datetime(A, dt[i].s, &out);
		if (got != (dt[i].want != NULL) || (got && strcmp(out, dt[i].want) != 0)) {
			print_message("# valid_datetime \"%s\"\n", dt[i].s);
			failed++;
		}
	}
	for (size_t i = 0; i < NROWS(cur); i++) {
		const char *at = NULL;
		long long id = 0;
		int got = valid_cursor(A, cur[i].s, &at, &id);
		if (got != (cur[i].want != NULL) || (got && strcmp(at, cur[i].want) != 0)) {
			print_message("# valid_cursor \"%s\"\n", cur[i].s);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
	const char *at;
	long long id;
	assert_true(valid_cursor(A, "20261201093000-42", &at, &id));
	assert_int_equal(id, 42);
}

static void test_choice(void **state)
{
	(void)state;
	static const char *const c[] = { "phone", "web", "walk-in", NULL };
	assert_true(valid_choice("web", c));
	assert_false(valid_choice("Web", c));
	assert_false(valid_choice("", c));
	assert_false(valid_choice(NULL, c));
	assert_false(valid_choice("web", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_email_phone),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_dates_and_cursors),
		cmocka_unit_test(test_choice),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("valid", tests, setup, teardown);
}
