/*
 * test_utf8.c - utf8_valid() and utf8_decode() against tables of good and bad
 * byte strings: ASCII, Greek and 4-byte characters must pass; lone
 * continuation bytes, truncated sequences, overlong forms, surrogates, code
 * points above U+10FFFF, the bytes F5..FF and embedded NUL must not.  Every
 * row is checked and every failing row is named before the test fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/utf8.h"

/* A literal and its length, so rows may hold NUL bytes. */
#define S(lit) lit, sizeof(lit) - 1

/* Printable form of n bytes for failure messages. */
static const char *show(const char *s, size_t n)
{
	static char out[512];
	size_t o = 0;

	for (size_t i = 0; i < n && o + 5 < sizeof out; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, sizeof out - o, "\\x%02X", c);
	}
	out[o] = '\0';
	return out;
}

struct valid_row {
	const char *what;
	const char *s;
	size_t len;
	int want;
};

static const struct valid_row valid_rows[] = {
	/* good */
	{ "empty", S(""), 1 },
	{ "ASCII", S("Hello, world! 0123 ~"), 1 },
	{ "Greek greeting", S("Καλημέρα"), 1 },
	{ "Greek capitals", S("ΜΥΤΙΛΗΝΗ"), 1 },
	{ "final sigma", S("λόγος ς"), 1 },
	{ "Greek with diaeresis", S("Μαΐου Ταΰγετος"), 1 },
	{ "U+0080 smallest 2-byte", S("\xC2\x80"), 1 },
	{ "U+07FF largest 2-byte", S("\xDF\xBF"), 1 },
	{ "U+0800 smallest 3-byte", S("\xE0\xA0\x80"), 1 },
	{ "U+D7FF before surrogates", S("\xED\x9F\xBF"), 1 },
	{ "U+E000 after surrogates", S("\xEE\x80\x80"), 1 },
	{ "U+FFFF", S("\xEF\xBF\xBF"), 1 },
	{ "euro sign", S("€ 10"), 1 },
	{ "U+10000 smallest 4-byte", S("\xF0\x90\x80\x80"), 1 },
	{ "emoji U+1F600", S("\xF0\x9F\x98\x80"), 1 },
	{ "emoji in Greek text", S("γεια \xF0\x9F\x98\x80 σου"), 1 },
	{ "U+10FFFF largest", S("\xF4\x8F\xBF\xBF"), 1 },
	/* bad: continuation bytes where a lead byte belongs */
	{ "lone continuation 80", S("\x80"), 0 },
	{ "lone continuation BF", S("\xBF"), 0 },
	{ "continuation inside ASCII", S("a\x80" "b"), 0 },
	{ "extra continuation after Greek", S("\xCE\xB4\x80"), 0 },
	/* bad: truncated */
	{ "truncated 2-byte at end", S("abc\xCE"), 0 },
	{ "truncated 3-byte at end", S("\xE2\x82"), 0 },
	{ "truncated 4-byte at end", S("\xF0\x9F\x98"), 0 },
	{ "truncated 2-byte before ASCII", S("\xC3\x28"), 0 },
	{ "truncated 3-byte before ASCII", S("\xE2\x82" "a"), 0 },
	{ "truncated 4-byte before ASCII", S("\xF0\x9F\x98" "a"), 0 },
	{ "lead byte after lead byte", S("\xCE\xCE\xB4"), 0 },
	/* bad: overlong */
	{ "overlong NUL C0 80", S("\xC0\x80"), 0 },
	{ "overlong C1 BF", S("\xC1\xBF"), 0 },
	{ "overlong '/' C0 AF", S("\xC0\xAF"), 0 },
	{ "overlong 3-byte E0 80 80", S("\xE0\x80\x80"), 0 },
	{ "overlong 3-byte E0 9F BF", S("\xE0\x9F\xBF"), 0 },
	{ "overlong 4-byte F0 80 80 80", S("\xF0\x80\x80\x80"), 0 },
	{ "overlong 4-byte F0 8F BF BF", S("\xF0\x8F\xBF\xBF"), 0 },
	/* bad: surrogates */
	{ "surrogate ED A0 80", S("\xED\xA0\x80"), 0 },
	{ "surrogate ED BF BF", S("\xED\xBF\xBF"), 0 },
	{ "surrogate pair CESU-8", S("\xED\xA0\xBD\xED\xB8\x80"), 0 },
	/* bad: beyond U+10FFFF and bytes never used */
	{ "U+110000 F4 90 80 80", S("\xF4\x90\x80\x80"), 0 },
	{ "F5 lead", S("\xF5\x80\x80\x80"), 0 },
	{ "F7 lead", S("\xF7\xBF\xBF\xBF"), 0 },
	{ "F8 5-byte lead", S("\xF8\x88\x80\x80\x80"), 0 },
	{ "FC 6-byte lead", S("\xFC\x84\x80\x80\x80\x80"), 0 },
	{ "FE", S("\xFE"), 0 },
	{ "FF", S("\xFF"), 0 },
	{ "Latin-1 text", S("caf\xE9"), 0 },
	/* bad: NUL */
	{ "lone NUL", S("\0"), 0 },
	{ "embedded NUL", S("a\0b"), 0 },
	{ "NUL after Greek", S("\xCE\xB4\0"), 0 },
};

static void test_valid(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < sizeof valid_rows / sizeof valid_rows[0]; i++) {
		const struct valid_row *r = &valid_rows[i];
		int got = utf8_valid(r->s, r->len);
		if (got != r->want) {
			print_message("# utf8_valid row %zu (%s) \"%s\": want %d, got %d\n",
			              i, r->what, show(r->s, r->len), r->want, got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* The length is a bound: bytes past it must not be read or counted. */
static void test_valid_len_bound(void **state)
{
	(void)state;
	/* "δ" followed by garbage beyond len */
	assert_int_equal(utf8_valid("\xCE\xB4\xFF", 2), 1);
	/* a truncated sequence whose continuation lies beyond len */
	assert_int_equal(utf8_valid("a\xCE\xB4", 2), 0);
	assert_int_equal(utf8_valid("\xF0\x9F\x98\x80", 3), 0);
}

struct decode_row {
	const char *what;
	const char *s;
	size_t len;
	int want_n;       /* bytes used, 0 = invalid */
	unsigned want_cp; /* when want_n > 0 */
};

static const struct decode_row decode_rows[] = {
	{ "ASCII A", S("A"), 1, 0x41 },
	{ "ASCII, first only", S("AB"), 1, 0x41 },
	{ "DEL", S("\x7F"), 1, 0x7F },
	{ "U+0080", S("\xC2\x80"), 2, 0x80 },
	{ "delta", S("\xCE\xB4"), 2, 0x3B4 },
	{ "delta, first only", S("\xCE\xB4xyz"), 2, 0x3B4 },
	{ "final sigma", S("\xCF\x82"), 2, 0x3C2 },
	{ "capital alpha with tonos", S("\xCE\x86"), 2, 0x386 },
	{ "U+07FF", S("\xDF\xBF"), 2, 0x7FF },
	{ "U+0800", S("\xE0\xA0\x80"), 3, 0x800 },
	{ "euro sign", S("\xE2\x82\xAC"), 3, 0x20AC },
	{ "U+D7FF", S("\xED\x9F\xBF"), 3, 0xD7FF },
	{ "U+E000", S("\xEE\x80\x80"), 3, 0xE000 },
	{ "U+FFFD", S("\xEF\xBF\xBD"), 3, 0xFFFD },
	{ "U+10000", S("\xF0\x90\x80\x80"), 4, 0x10000 },
	{ "emoji", S("\xF0\x9F\x98\x80"), 4, 0x1F600 },
	{ "U+10FFFF", S("\xF4\x8F\xBF\xBF"), 4, 0x10FFFF },
	{ "empty", S(""), 0, 0 },
	{ "lone continuation", S("\x80"), 0, 0 },
	{ "truncated 2-byte", S("\xCE"), 0, 0 },
	{ "2-byte, bad continuation", S("\xC3\x28"), 0, 0 },
	{ "truncated 3-byte", S("\xE2\x82"), 0, 0 },
	{ "truncated 4-byte", S("\xF0\x9F\x98"), 0, 0 },
	{ "overlong C0 80", S("\xC0\x80"), 0, 0 },
	{ "overlong C1 BF", S("\xC1\xBF"), 0, 0 },
	{ "overlong E0 80 80", S("\xE0\x80\x80"), 0, 0 },
	{ "overlong F0 80 80 80", S("\xF0\x80\x80\x80"), 0, 0 },
	{ "surrogate ED A0 80", S("\xED\xA0\x80"), 0, 0 },
	{ "above U+10FFFF", S("\xF4\x90\x80\x80"), 0, 0 },
	{ "F5", S("\xF5\x80\x80\x80"), 0, 0 },
	{ "FF", S("\xFF"), 0, 0 },
};

static void test_decode(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < sizeof decode_rows / sizeof decode_rows[0]; i++) {
		const struct decode_row *r = &decode_rows[i];
		unsigned cp = 0xDEADBEEF;
		int n = utf8_decode(r->s, r->len, &cp);
		if (n != r->want_n || (r->want_n > 0 && cp != r->want_cp)) {
			print_message("# utf8_decode row %zu (%s) \"%s\": want %d/U+%04X,"
			              " got %d/U+%04X\n", i, r->what, show(r->s, r->len),
			              r->want_n, r->want_cp, n, cp);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* len limits decoding: a sequence cut by len is invalid even if the bytes
 * after it would complete it. */
static void test_decode_len_bound(void **state)
{
	(void)state;
	unsigned cp;

	assert_int_equal(utf8_decode("\xCE\xB4", 1, &cp), 0);
	assert_int_equal(utf8_decode("\xE2\x82\xAC", 2, &cp), 0);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 3, &cp), 0);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

/* Walking a string with utf8_decode yields its code points. */
static void test_decode_walk(void **state)
{
	(void)state;
	static const char s[] = "Καλημέρα";
	static const unsigned want[] = { 0x39A, 0x3B1, 0x3BB, 0x3B7,
	                                 0x3BC, 0x3AD, 0x3C1, 0x3B1 };
	size_t off = 0, k = 0, len = sizeof s - 1;

	while (off < len) {
		unsigned cp;
		int n = utf8_decode(s + off, len - off, &cp);
		assert_true(n > 0);
		assert_true(k < sizeof want / sizeof want[0]);
		assert_int_equal(cp, want[k]);
		off += (size_t)n;
		k++;
	}
	assert_int_equal(k, sizeof want / sizeof want[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_valid_len_bound),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_len_bound),
		cmocka_unit_test(test_decode_walk),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
