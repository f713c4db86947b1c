/*
 * test_stem.c - the search's Greek inflection measured on a table of word
 * forms (t/unit/data/greek-inflections.tsv: 114 lemmas, their cases and
 * numbers, and look-alike words of other lemmas).  Every form is taken as
 * the query; a form of the same lemma should be found, a form of another
 * lemma should not (forms that fold alike are not counted: the index
 * cannot tell them apart).  Matching is the index's: two words match
 * when their keys (stem_key) are equal.  The figures are printed and must
 * not fall below what the table gave when the ending table was last tuned
 * (README "Search").
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "site/search/query.h"

#define MAX_FORMS 4096

static struct arena *A;
static const char *form[MAX_FORMS]; /* folded */
static size_t nform_chars[MAX_FORMS];
static int lemma[MAX_FORMS];
static size_t nforms;

static const char *folded(const char *w, size_t *chars)
{
	size_t nw;
	struct word *x = query_words(A, w, strlen(w), 1, &nw);
	if (nw != 1)
		return NULL;
	*chars = x->chars;
	return x->f;
}

static int setup(void **state)
{
	(void)state;
	A = arena_new(1 << 16);
	const char *src = getenv("AGORA_SRCDIR");
	char path[4096];
	snprintf(path, sizeof(path), "%s/t/unit/data/greek-inflections.tsv", src ? src : ".");
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		print_message("# cannot read %s\n", path);
		return -1;
	}
	char line[4096];
	int l = 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		l++;
		for (char *tok = strtok(line, "\t\n"); tok; tok = strtok(NULL, "\t\n")) {
			size_t ch;
			const char *fw = folded(tok, &ch);
			if (fw == NULL || nforms == MAX_FORMS)
				continue;
			int dup = 0;
			for (size_t i = 0; i < nforms; i++)
				dup |= lemma[i] == l && strcmp(form[i], fw) == 0;
			if (dup)
				continue;
			form[nforms] = fw;
			nform_chars[nforms] = ch;
			lemma[nforms++] = l;
		}
	}
	fclose(f);
	return nforms > 500 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static int finds(const char *query, size_t chars, const char *other)
{
	size_t ch = 0;
	const char *o = folded(other, &ch);
	char k1[512], k2[512];
	size_t n1 = stem_key(query, strlen(query), chars, k1);
	size_t n2 = stem_key(o, strlen(o), ch, k2);
	return n1 == n2 && memcmp(k1, k2, n1) == 0;
}

static void test_table(void **state)
{
	(void)state;
	size_t pairs = 0, found = 0, wrong = 0;
	for (size_t q = 0; q < nforms; q++)
		for (size_t o = 0; o < nforms; o++) {
			if (o == q)
				continue;
			if (lemma[o] == lemma[q]) {
				pairs++;
				found += finds(form[q], nform_chars[q], form[o]);
			} else if (strcmp(form[o], form[q]) != 0) {
				wrong += finds(form[q], nform_chars[q], form[o]);
			}
		}
	double recall = 100.0 * (double)found / (double)pairs;
	print_message("# %zu forms: recall %zu/%zu = %.1f%%, %zu false matches\n",
	              nforms, found, pairs, recall, wrong);
	assert_true(recall >= 99.0);
	assert_true(wrong <= 196);
}

/* Cases the old ending table missed, and look-alikes it must keep apart. */
static void test_cases(void **state)
{
	(void)state;
	static const struct { const char *q, *other; int want; } rows[] = {
		{ "πόλη", "πόλεις", 1 }, { "πόλεων", "πόλη", 1 },
		{ "πόλεων", "πόλεμος", 0 }, { "πρόγραμμα", "προγράμματα", 1 },
		{ "προγράμματα", "πρόγραμμα", 1 }, { "θέμα", "θέματος", 1 },
		{ "έργα", "έργο", 1 }, { "δήμο", "δήμος", 1 }, { "δήμος", "δήμους", 1 },
		{ "δήμος", "δημόσιος", 0 }, { "δήμος", "δημιουργία", 0 },
		{ "Μυτιλήνη", "Μυτιλήνης", 1 }, { "νέων", "νέοι", 1 },
		{ "περιβάλλοντος", "περιβάλλον", 1 },
	};
	int failed = 0;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t ch = 0, ch2 = 0;
		const char *q = folded(rows[i].q, &ch), *o = folded(rows[i].other, &ch2);
		if (finds(q, ch, o) != rows[i].want) {
			print_message("# \"%s\" %s \"%s\"\n", rows[i].q,
			              rows[i].want ? "should find" : "should not find", rows[i].other);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* A key never outgrows search_terms.term (KEY_MAX bytes), cut at a
 * character, whatever the word: long Greek words with the endings that
 * put a letter back, long English plurals in -ies. */
static void test_key_max(void **state)
{
	(void)state;
	static const char *const ends[] = { "ματα", "ματοσ", "ματων", "οσ", "" };
	for (size_t letters = 40; letters <= 84; letters++)
		for (size_t e = 0; e < sizeof(ends) / sizeof(ends[0]); e++) {
			char w[512] = "", out[512];
			size_t el = strlen(ends[e]) / 2;
			for (size_t i = 0; i + el < letters; i++)
				strcat(w, "λ");
			strcat(w, ends[e]);
			size_t k = stem_key(w, strlen(w), letters, out);
			assert_true(k <= KEY_MAX);
			assert_int_equal(strlen(out), k);
			assert_true(k % 2 == 0);   /* whole two-byte letters */
		}
	char en[200];
	memset(en, 'a', 120);
	memcpy(en + 117, "ies", 4);
	char out[200];
	size_t k = stem_key(en, 120, 120, out);
	assert_true(k <= KEY_MAX);
	assert_int_equal(strlen(out), k);
	size_t c = stem_key("cities", 6, 6, out);
	assert_int_equal(c, 4);
	assert_string_equal(out, "city");
}

/* query_word_matches (the snippets' marking) agrees with the index keys
 * for every pair of forms in the table, Greek and English words and stop
 * words: its quick test of a word's first bytes never passes over a word
 * that has the term's key, and never marks one that has not. */
static size_t marks(const char *query_word, const char *text_word)
{
	struct term t[MAX_TERMS];
	int had;
	size_t nt = query_terms(A, query_word, t, &had), nw;
	struct word *w = query_words(A, text_word, strlen(text_word), 1, &nw);
	return nt == 1 && nw == 1 ? (size_t)query_word_matches(&w[0], t, nt) : 2;
}

static size_t keys_equal(const char *query_word, const char *text_word)
{
	size_t c1 = 0, c2 = 0, n1, n2;
	const char *f1 = folded(query_word, &c1), *f2 = folded(text_word, &c2);
	if (f1 == NULL || f2 == NULL)
		return 0;
	struct word w1 = { 0, 0, (char *)f1, strlen(f1), c1 }, w2 = { 0, 0, (char *)f2, strlen(f2), c2 };
	const char *k1 = query_word_key(A, &w1, &n1), *k2 = query_word_key(A, &w2, &n2);
	return k1 && k2 && n1 == n2 && memcmp(k1, k2, n1) == 0;
}

static void test_matches(void **state)
{
	(void)state;
	static const char *const extra[] = {
		"cities", "city", "citizens", "service", "services", "serviced", "servicing",
		"ports", "port", "the", "and", "στη", "στης", "του", "Δήμος", "ΔΗΜΟΣ", "δημοσ",
		"προγράμματα", "πρόγραμμα", "λιμάνι", "λιμανιού", "ab", "abc", "x1", "2026",
	};
	size_t n = nforms + sizeof(extra) / sizeof(extra[0]), checked = 0, bad = 0;
	for (size_t q = 0; q < n; q++)
		for (size_t o = 0; o < n; o++) {
			const char *qw = q < nforms ? form[q] : extra[q - nforms];
			const char *ow = o < nforms ? form[o] : extra[o - nforms];
			size_t m = marks(qw, ow);
			if (m == 2)
				continue;   /* a stop word: no term */
			checked++;
			if (m != keys_equal(qw, ow)) {
				if (bad++ < 5)
					print_message("# query \"%s\", word \"%s\": marked %zu\n", qw, ow, m);
			}
		}
	print_message("# %zu pairs checked\n", checked);
	assert_true(checked > 10000);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_key_max),
		cmocka_unit_test(test_matches),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("stem", tests, setup, teardown);
}
