/*
 * test_slug.c - slug_make(): Greek titles transliterated per ELOT 743 as
 * slug.c implements it (γγ→ng, γκ→gk, γξ→nx, γχ→nch, μπ→mp, ντ→nt; αυ/ευ/ηυ
 * → av/ev/iv before a vowel or a voiced consonant β γ δ ζ λ μ ν ρ, af/ef/if
 * before a voiceless consonant and at the end; ου→ou; θ→th, χ→ch, ψ→ps,
 * ξ→x, η→i, υ→y, ω→o, β→v, φ→f; accents and diaeresis dropped), Latin
 * lower-cased, every other run one '-', cut at SLUG_MAX on a '-'.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/slug.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static struct arena *A;

static int setup(void **state)
{
	(void)state;
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

/* Every slug: only [a-z0-9-], no leading, trailing or doubled '-', at most
 * SLUG_MAX bytes.  Returns a reason or NULL. */
static const char *slug_shape(const char *s)
{
	size_t n = strlen(s);

	if (n > SLUG_MAX)
		return "longer than SLUG_MAX";
	if (n && (s[0] == '-' || s[n - 1] == '-'))
		return "starts or ends with '-'";
	if (strstr(s, "--"))
		return "has \"--\"";
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		      s[i] == '-'))
			return "has a byte outside [a-z0-9-]";
	return NULL;
}

struct row {
	const char *in;
	const char *want;
};

static const struct row rows[] = {
	/* from the brief and the standard's examples */
	{ "Μυτιλήνη", "mytilini" },
	{ "Δήμος Μυτιλήνης", "dimos-mytilinis" },
	{ "Ευαγγελισμός", "evangelismos" },
	{ "Αύγουστος", "avgoustos" },
	{ "Ευρώπη", "evropi" },
	{ "ΘΕΣΣΑΛΟΝΙΚΗ", "thessaloniki" },
	{ "Χανιά", "chania" },
	{ "Ψαρά", "psara" },
	{ "Ξάνθη", "xanthi" },
	{ "μπαμπάς", "mpampas" },
	{ "Άγγελος", "angelos" },
	{ "ΟΥΡΑΝΟΣ", "ouranos" },
	{ "Γκάζι", "gkazi" },
	{ "όγκος", "ogkos" },
	{ "Ραφήνα", "rafina" },
	{ "Καλλονή 2026: Νέα έργα!", "kalloni-2026-nea-erga" },
	/* αυ/ευ/ηυ: v before vowels and voiced consonants, f otherwise */
	{ "ευχή", "efchi" },
	{ "αυτός", "aftos" },
	{ "Παύλος", "pavlos" },
	{ "Διαύγεια", "diavgeia" },
	{ "ευδαιμονία", "evdaimonia" },
	{ "Ευβοια", "evvoia" },
	{ "αυζ", "avz" },
	{ "ευμένεια", "evmeneia" },
	{ "αύνος", "avnos" },
	{ "ηύρα", "ivra" },
	{ "ευκολία", "efkolia" },
	{ "ναύτης", "naftis" },
	{ "αυθεντικός", "afthentikos" },
	{ "Ζευς", "zefs" },
	{ "ευψυχία", "efpsychia" },
	{ "ευφορία", "efforia" },
	{ "λευ", "lef" },
	{ "ευ ζην", "ef-zin" },
	{ "ΕΥΡΩΠΗ", "evropi" },
	{ "ΑΥΤΟΣ", "aftos" },
	{ "ΗΥ", "if" },
	/* diaeresis: dropped; ϋ after a vowel is not a diphthong */
	{ "Μαΐου", "maiou" },
	{ "Ταΰγετος", "taygetos" },
	{ "προϋπόθεση", "proypothesi" },
	/* consonant pairs */
	{ "Σφίγξ", "sfinx" },
	{ "Ελέγχω", "elencho" },
	{ "Αγγλία", "anglia" },
	{ "Ντίνος", "ntinos" },
	{ "ΜΠΑΜΠΑΣ", "mpampas" },
	{ "Αντώνης", "antonis" },
	/* every letter once */
	{ "αβγδεζηθικλμνξοπρσςτυφχψω", "avgdezithiklmnxoprsstyfchpso" },
	{ "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ", "avgdezithiklmnxoprstyfchpso" },
	{ "άέήίύόώ ΆΈΉΊΎΌΏ", "aeiiyoo-aeiiyoo" },
	{ "ϊΐϋΰ", "iiyy" },
	/* Latin, digits, separators */
	{ "  --Hello, World--  ", "hello-world" },
	{ "Hello World", "hello-world" },
	{ "COVID-19 μέτρα", "covid-19-metra" },
	{ "a_b.c/d", "a-b-c-d" },
	{ "Τι; Πού· Πότε;", "ti-pou-pote" },
	{ "«Αγορά» — νέα", "agora-nea" },
	{ "2026", "2026" },
	{ "", "" },
	{ "!!!", "" },
	{ "   ", "" },
	{ "---", "" },
	{ "\xE2\x82\xAC", "" },
};

static void test_table(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		char *got = slug_make(A, rows[i].in);
		const char *shape = got ? slug_shape(got) : "NULL";
		if (!got || strcmp(got, rows[i].want) != 0 || shape) {
			print_message("# slug_make row %zu \"%s\": want \"%s\", got \"%s\"%s%s\n",
			              i, rows[i].in, rows[i].want, got ? got : "(NULL)",
			              shape ? " - " : "", shape ? shape : "");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* Long titles: cut at a '-' so no word is split, never ending in '-'; a
 * title without any '-' to cut at is cut at SLUG_MAX bytes. */
static void test_length(void **state)
{
	(void)state;
	char in[2048], want[2048];
	char *got;

	/* 20 × "λέξη": "lexi" + '-' is 5 bytes, 16 of them fill 80 bytes
	 * exactly with a trailing '-', so 16 words (79 bytes) are kept. */
	in[0] = want[0] = '\0';
	for (int i = 0; i < 20; i++)
		strcat(in, "λέξη ");
	for (int i = 0; i < 16; i++)
		strcat(want, i ? "-lexi" : "lexi");
	got = slug_make(A, in);
	assert_non_null(got);
	assert_string_equal(got, want);

	/* 12 × "abcdef" is 83 bytes; byte 80 falls inside the 12th word, so
	 * the cut is at the 11th '-': "abcdef-" × 10 + "abcdef", 76 bytes. */
	in[0] = want[0] = '\0';
	for (int i = 0; i < 12; i++)
		strcat(in, "abcdef ");
	for (int i = 0; i < 11; i++)
		strcat(want, i ? "-abcdef" : "abcdef");
	got = slug_make(A, in);
	assert_non_null(got);
	assert_int_equal(strlen(want), 76);
	assert_string_equal(got, want);

	/* 10 × "abcdefg" + "ab" is 82 bytes; the first 80 end in '-' */
	in[0] = want[0] = '\0';
	for (int i = 0; i < 10; i++)
		strcat(in, i ? " abcdefg" : "abcdefg");
	strcat(in, " ab"); /* 10×7 + 9 + 3 = 82 */
	for (int i = 0; i < 10; i++)
		strcat(want, i ? "-abcdefg" : "abcdefg");
	got = slug_make(A, in);
	assert_non_null(got);
	assert_int_equal(strlen(want), 79);
	assert_string_equal(got, want);

	in[0] = '\0';
	for (int i = 0; i < 10; i++)
		strcat(in, i ? " abcdefg" : "abcdefg");
	strcat(in, " a"); /* 81 bytes: the same cut */
	got = slug_make(A, in);
	assert_non_null(got);
	assert_string_equal(got, want);

	in[0] = '\0';
	for (int i = 0; i < 9; i++)
		strcat(in, i ? " abcdefg" : "abcdefg");
	strcat(in, " abcdefgh"); /* 71 + 1 + 8 = SLUG_MAX bytes: kept whole */
	got = slug_make(A, in);
	assert_non_null(got);
	assert_int_equal(strlen(got), SLUG_MAX);
	assert_null(slug_shape(got));
	assert_string_equal(got + 72, "abcdefgh");

	/* no '-' to cut at: cut at SLUG_MAX bytes */
	memset(in, 'a', 100);
	in[100] = '\0';
	got = slug_make(A, in);
	assert_non_null(got);
	assert_int_equal(strlen(got), SLUG_MAX);
	assert_null(slug_shape(got));

	/* 50 × Ψ -> "ps" × 50 = 100 bytes, cut to 80 */
	in[0] = '\0';
	for (int i = 0; i < 50; i++)
		strcat(in, "Ψ");
	got = slug_make(A, in);
	assert_non_null(got);
	assert_int_equal(strlen(got), SLUG_MAX);
	assert_int_equal(strncmp(got, "pspsps", 6), 0);
	assert_null(slug_shape(got));

	/* a long title of separators leaves nothing */
	memset(in, '!', 500);
	in[500] = '\0';
	got = slug_make(A, in);
	assert_non_null(got);
	assert_string_equal(got, "");
}

/* A long title with all kinds of text always gives a well-shaped slug. */
static void test_shape(void **state)
{
	(void)state;
	static const char *const titles[] = {
		"Ανακοίνωση: Διακοπή υδροδότησης στη Μυτιλήνη, στις 12/3/2026, από 08:00 έως 14:00 — "
		"ενημέρωση για τις περιοχές Επάνω Σκάλα, Χρυσομαλλούσα και Καλλιθέα",
		"Αύριο η ευλογία των υδάτων - Ευχαριστήριο προς τους εθελοντές της Εύβοιας!!!",
		"  ---  ΜΕΓΑΛΗ ΠΡΟΣΚΛΗΣΗ ΕΚΔΗΛΩΣΗΣ ΕΝΔΙΑΦΕΡΟΝΤΟΣ ΓΙΑ ΤΗ ΣΥΜΜΕΤΟΧΗ ΣΤΟ ΠΡΟΓΡΑΜΜΑ "
		"«ΒΟΗΘΕΙΑ ΣΤΟ ΣΠΙΤΙ» ΤΟΥ ΔΗΜΟΥ ---  ",
	};

	for (size_t i = 0; i < NROWS(titles); i++) {
		char *got = slug_make(A, titles[i]);
		const char *shape;
		assert_non_null(got);
		shape = slug_shape(got);
		if (shape)
			print_message("# title %zu: \"%s\" %s\n", i, got, shape);
		assert_null(shape);
		assert_true(strlen(got) > 40);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_shape),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("slug", tests, setup, teardown);
}
