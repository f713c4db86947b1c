/*
 * test_fold.c - fold_char(), one code point at a time, from tables written
 * as UTF-8 strings: every Greek capital and accented letter folds to its
 * plain lower-case letter, ς to σ, with the diaeresis flag for ϊ ΐ ϋ ΰ Ϊ Ϋ
 * only; Latin-1 accented letters to ASCII; punctuation, spaces and symbols
 * to FOLD_NOT_WORD; combining marks U+0300-U+036F to FOLD_IGNORABLE;
 * digits and a-z unchanged; letters of other scripts unchanged.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/fold.h"
#include "core/utf8.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

enum kind {
	MAP,       /* in[i] folds to want[i] */
	SAME,      /* in[i] folds to itself */
	NOT_WORD,  /* FOLD_NOT_WORD */
	IGNORABLE, /* FOLD_IGNORABLE */
};

struct row {
	const char *what;
	const char *in;
	const char *want; /* MAP only: as many code points as in */
	enum kind kind;
	int dia;          /* the diaeresis flag every code point must give */
};

static const struct row rows[] = {
	/* Greek */
	{ "Greek capitals", "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", "αβγδεζηθικλμνξοπρστυφχψω", MAP, 0 },
	{ "Greek small", "αβγδεζηθικλμνξοπρστυφχψω", NULL, SAME, 0 },
	{ "final sigma", "ς", "σ", MAP, 0 },
	{ "capitals with tonos", "ΆΈΉΊΌΎΏ", "αεηιουω", MAP, 0 },
	{ "small with tonos", "άέήίόύώ", "αεηιουω", MAP, 0 },
	{ "iota with diaeresis", "ϊΐΪ", "ιιι", MAP, 1 },
	{ "upsilon with diaeresis", "ϋΰΫ", "υυυ", MAP, 1 },
	/* ASCII */
	{ "a-z", "abcdefghijklmnopqrstuvwxyz", NULL, SAME, 0 },
	{ "digits", "0123456789", NULL, SAME, 0 },
	{ "A-Z", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", MAP, 0 },
	/* Latin-1 */
	{ "Latin-1 capitals", "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ", "aaaaaaceeeeiiiinoooooouuuuy", MAP, 0 },
	{ "Latin-1 small", "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ", "aaaaaaceeeeiiiinoooooouuuuyy", MAP, 0 },
	{ "eth", "Ðð", "dd", MAP, 0 },
	/* not words */
	{ "ASCII punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", NULL, NOT_WORD, 0 },
	{ "ASCII spaces and controls", " \t\n\r\v\f\x01\x1f\x7f", NULL, NOT_WORD, 0 },
	{ "Latin-1 punctuation and symbols", "\xC2\xA0¡¢£¤¥¦§¨©«¬®¯°±²³´·¸¹»¼½¾¿×÷", NULL,
	  NOT_WORD, 0 },
	/* escaped: editors normalise U+037E to ';', U+0387 to U+00B7, U+0374 to U+02B9 */
	{ "Greek question mark, ano teleia", "\xCD\xBE\xCE\x87", NULL, NOT_WORD, 0 },
	{ "Greek numeral signs", "\xCD\xB4\xCD\xB5", NULL, NOT_WORD, 0 },
	{ "Greek spacing tonos and dialytika tonos", "\xCE\x84\xCE\x85", NULL, NOT_WORD, 0 },
	{ "general punctuation", "‐–—―‘’‚“”„†•…‰′″‹›", NULL, NOT_WORD, 0 },
	{ "Unicode spaces", "\xE2\x80\x80\xE2\x80\x83\xE2\x80\x89\xE2\x80\xAF\xE2\x80\xA8\xE3\x80\x80",
	  NULL, NOT_WORD, 0 },
	{ "symbols", "€₽™←→∑√∞≠≤★☺✓", NULL, NOT_WORD, 0 },
	{ "CJK punctuation", "、。「」【】", NULL, NOT_WORD, 0 },
	{ "fullwidth punctuation", "！（），：；？", NULL, NOT_WORD, 0 },
	{ "emoji", "😀🎉🇬🇷🏛", NULL, NOT_WORD, 0 },
	{ "variation selector", "\xEF\xB8\x8F", NULL, NOT_WORD, 0 },
	{ "private use", "\xEE\x80\x80", NULL, NOT_WORD, 0 },
	/* combining marks (decomposed accents): see also test_combining */
	{ "combining acute, diaeresis, tonos", "\xCC\x81\xCC\x88\xCD\x84", NULL, IGNORABLE, 0 },
	/* other scripts unchanged */
	{ "Cyrillic", "ДджЖЯяЁё", NULL, SAME, 0 },
	{ "CJK", "中文日本語한국어", NULL, SAME, 0 },
	{ "Hebrew and Arabic", "עבריתعربي", NULL, SAME, 0 },
	{ "Latin Extended-A", "ĀāČčŁłŒœ", NULL, SAME, 0 },
};

/* The code points of s, at most max; their number. */
static size_t decode_all(const char *s, unsigned *out, size_t max)
{
	size_t n = 0, len = strlen(s);

	for (size_t i = 0; i < len && n < max;) {
		int k = utf8_decode(s + i, len - i, &out[n]);
		if (k <= 0)
			return 0;
		i += (size_t)k;
		n++;
	}
	return n;
}

static const char *kind_name(unsigned c)
{
	return c == FOLD_NOT_WORD ? " (NOT_WORD)" : c == FOLD_IGNORABLE ? " (IGNORABLE)" : "";
}

static void test_table(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct row *r = &rows[i];
		unsigned in[64], want[64];
		size_t n = decode_all(r->in, in, 64);

		assert_true(n > 0);
		if (r->kind == MAP)
			assert_int_equal(decode_all(r->want, want, 64), n);
		for (size_t k = 0; k < n; k++) {
			unsigned w = r->kind == MAP        ? want[k]
			             : r->kind == SAME     ? in[k]
			             : r->kind == NOT_WORD ? (unsigned)FOLD_NOT_WORD
			                                   : (unsigned)FOLD_IGNORABLE;
			int dia = 7;
			unsigned got = fold_char(in[k], &dia);
			unsigned got_null = fold_char(in[k], NULL);
			int want_dia = w > FOLD_IGNORABLE ? r->dia : 0;
			if (got != w || got_null != w || (dia != want_dia && !(w <= 1 && dia == 0))) {
				print_message("# fold_char row %zu (%s) U+%04X: want U+%04X%s dia %d,"
				              " got U+%04X%s dia %d\n", i, r->what, in[k], w,
				              kind_name(w), want_dia, got, kind_name(got), dia);
				failed++;
			}
		}
	}
	assert_int_equal(failed, 0);
}

/* All of U+0300..U+036F, and their neighbours. */
static void test_combining(void **state)
{
	(void)state;
	int failed = 0;

	for (unsigned c = 0x300; c <= 0x36F; c++) {
		int dia = 7;
		unsigned got = fold_char(c, &dia);
		if (got != FOLD_IGNORABLE || dia != 0) {
			print_message("# fold_char U+%04X: want IGNORABLE, got U+%04X%s dia %d\n", c,
			              got, kind_name(got), dia);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
	assert_int_not_equal(fold_char(0x2FF, NULL), FOLD_IGNORABLE); /* ˿ modifier */
	assert_int_equal(fold_char(0x370, NULL), 0x370);              /* Ͱ, a letter */
}

/* Every ASCII code point: letters and digits are words, nothing else is. */
static void test_ascii(void **state)
{
	(void)state;
	int failed = 0;

	for (unsigned c = 0; c < 0x80; c++) {
		unsigned want;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
			want = c; /* '_' is a word character, as in MariaDB's full-text */
		else if (c >= 'A' && c <= 'Z')
			want = c + 32;
		else
			want = FOLD_NOT_WORD;
		if (fold_char(c, NULL) != want) {
			print_message("# fold_char U+%04X: want U+%04X, got U+%04X\n", c, want,
			              fold_char(c, NULL));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* Every Greek code point U+0370..U+03FF: nothing folds to a capital or an
 * accented letter; every letter of the basic block U+0386..U+03CE (but
 * U+0387 ano teleia and the unassigned U+038B, U+038D, U+03A2) folds to a
 * plain small letter α..ω other than ς; the diaeresis flag is set exactly
 * for ϊ ΐ ϋ ΰ Ϊ Ϋ. */
static void test_greek_block(void **state)
{
	(void)state;
	int failed = 0;

	for (unsigned c = 0x370; c <= 0x3FF; c++) {
		int dia = 7;
		unsigned got = fold_char(c, &dia);
		int plain = got >= 0x3B1 && got <= 0x3C9 && got != 0x3C2;
		int want_dia = c == 0x3CA || c == 0x390 || c == 0x3AA || c == 0x3CB ||
		               c == 0x3B0 || c == 0x3AB;
		int basic = c >= 0x386 && c <= 0x3CE && c != 0x387 && c != 0x38B &&
		            c != 0x38D && c != 0x3A2;
		int bad = dia != want_dia || (basic && !plain) ||
		          (!basic && got != c && got != FOLD_NOT_WORD && !plain);
		if (bad) {
			print_message("# fold_char U+%04X: got U+%04X%s dia %d\n", c, got,
			              kind_name(got), dia);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_combining),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_greek_block),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
