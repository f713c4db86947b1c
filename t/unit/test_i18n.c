/*
 * test_i18n.c - the catalog reader in i18n.c.  Each row is a set of .po
 * files written into a fresh temporary directory (mkdtemp), the result
 * i18n_init must give, the words its error message must hold (file:line
 * for a bad line, the key for a missing one), and on success lookups that
 * must answer what the files say.  Then the real catalogs in views/i18n.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/log.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

struct file {
	const char *name;
	const char *text;
};

struct lookup {
	enum lang lang;
	const char *key;
	const char *want; /* NULL: i18n_find must answer NULL */
};

struct row {
	const char *what;
	struct file files[4];
	int want;                 /* 0 or -1 */
	const char *err[3];       /* substrings of the message on failure */
	struct lookup look[6];    /* checked on success */
};

/* failing rows look nothing up */
#define NOLOOK { { LANG_EL, NULL, NULL } }

#define EL_A "msgid \"a\"\nmsgstr \"Άλφα\"\n"
#define EN_A "msgid \"a\"\nmsgstr \"Alpha\"\n"

static const struct row rows[] = {
	{ "a good pair",
	  { { "core.el.po", "# Greek\n\nmsgid \"nav.home\"\nmsgstr \"Αρχική\"\n\n"
	                    "msgid \"nav.news\"\nmsgstr \"Νέα\"\n" },
	    { "core.en.po", "# English\n\nmsgid \"nav.home\"\nmsgstr \"Home\"\n\n"
	                    "msgid \"nav.news\"\nmsgstr \"News\"\n" } },
	  0, { NULL },
	  { { LANG_EL, "nav.home", "Αρχική" }, { LANG_EN, "nav.home", "Home" },
	    { LANG_EL, "nav.news", "Νέα" }, { LANG_EN, "nav.news", "News" },
	    { LANG_EN, "nav.nope", NULL }, { LANG_EL, "", NULL } } },
	{ "two areas",
	  { { "core.el.po", EL_A }, { "core.en.po", EN_A },
	    { "news.el.po", "msgid \"n\"\nmsgstr \"Ειδήσεις\"\n" },
	    { "news.en.po", "msgid \"n\"\nmsgstr \"News\"\n" } },
	  0, { NULL },
	  { { LANG_EL, "a", "Άλφα" }, { LANG_EN, "a", "Alpha" },
	    { LANG_EL, "n", "Ειδήσεις" }, { LANG_EN, "n", "News" } } },
	{ "escapes in msgstr",
	  { { "x.el.po", "msgid \"e\"\nmsgstr \"say \\\"hi\\\" \\\\ back\\nnew\\ttab\"\n" },
	    { "x.en.po", "msgid \"e\"\nmsgstr \"\\\"\\\\\\n\"\n" } },
	  0, { NULL },
	  { { LANG_EL, "e", "say \"hi\" \\ back\nnew\ttab" }, { LANG_EN, "e", "\"\\\n" } } },
	{ "continuation lines",
	  { { "x.el.po", "msgid \"long\"\nmsgstr \"\"\n\"line one \"\n\"line two\"\n"
	                 "  \"  and three\"\n\nmsgid \"next\"\nmsgstr \"ok\"\n" },
	    { "x.en.po", "msgid \"\"\n\"long\"\nmsgstr \"one \"\n\"two\"\n"
	                 "msgid \"next\"\nmsgstr \"\"\n\"ok\"" } },
	  0, { NULL },
	  { { LANG_EL, "long", "line one line two  and three" },
	    { LANG_EN, "long", "one two" }, { LANG_EL, "next", "ok" },
	    { LANG_EN, "next", "ok" } } },
	{ "the header entry, comments, CRLF, indentation, no final newline",
	  { { "x.el.po", "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	                 "\n#, fuzzy\n#: views/home.tpl:3\n\tmsgid \"a\"\r\n   msgstr \"Άλφα\"\r\n" },
	    { "x.en.po", "msgid  \"a\"\nmsgstr \"Alpha\"  \n# trailing comment" } },
	  0, { NULL },
	  { { LANG_EL, "a", "Άλφα" }, { LANG_EN, "a", "Alpha" }, { LANG_EL, "", NULL } } },
	{ "other files in the directory are ignored",
	  { { "x.el.po", EL_A }, { "x.en.po", EN_A },
	    { "x.fr.po", "this is not a catalog\n" }, { "x.en.po.orig", "nor this\n" } },
	  0, { NULL },
	  { { LANG_EL, "a", "Άλφα" }, { LANG_EN, "a", "Alpha" } } },

	/* every key in every language */
	{ "a key missing in English",
	  { { "x.el.po", EL_A "msgid \"only.el\"\nmsgstr \"Μόνο\"\n" }, { "x.en.po", EN_A } },
	  -1, { "\"only.el\"", "en" }, NOLOOK },
	{ "a key missing in Greek",
	  { { "x.el.po", EL_A }, { "x.en.po", EN_A "msgid \"only.en\"\nmsgstr \"Only\"\n" } },
	  -1, { "\"only.en\"", "el" }, NOLOOK },
	{ "a key missing in Greek, other area",
	  { { "a.el.po", EL_A }, { "a.en.po", EN_A }, { "b.en.po", "msgid \"b.k\"\nmsgstr \"B\"\n" } },
	  -1, { "\"b.k\"", "el" }, NOLOOK },

	/* duplicates */
	{ "a duplicate key in one file",
	  { { "x.el.po", EL_A "\nmsgid \"b\"\nmsgstr \"Β\"\n\nmsgid \"a\"\nmsgstr \"Άλφα 2\"\n" },
	    { "x.en.po", EN_A } },
	  -1, { "x.el.po:7:", "\"a\"" }, NOLOOK },
	{ "a duplicate key in two files of one language",
	  { { "a.en.po", "\n\n\nmsgid \"k\"\nmsgstr \"one\"\n" },
	    { "b.en.po", "\n\n\nmsgid \"k\"\nmsgstr \"two\"\n" },
	    { "a.el.po", "msgid \"k\"\nmsgstr \"ένα\"\n" } },
	  -1, { ".en.po:4:", "\"k\"" }, NOLOOK },

	/* malformed lines: file and line */
	{ "msgid without quotes",
	  { { "x.el.po", EL_A "msgid nav.home\nmsgstr \"x\"\n" }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:3:" }, NOLOOK },
	{ "an unterminated string",
	  { { "x.el.po", EL_A }, { "x.en.po", EN_A "msgid \"b\"\nmsgstr \"B\n" } },
	  -1, { "x.en.po:4:" }, NOLOOK },
	{ "text after the string",
	  { { "x.el.po", "msgid \"a\" x\nmsgstr \"Άλφα\"\n" }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:1:" }, NOLOOK },
	{ "an unknown escape",
	  { { "x.el.po", EL_A }, { "x.en.po", "msgid \"a\"\nmsgstr \"\\q\"\n" } },
	  -1, { "x.en.po:2:" }, NOLOOK },
	{ "a backslash at the end of the line",
	  { { "x.el.po", EL_A }, { "x.en.po", "msgid \"a\"\nmsgstr \"x\\\n" } },
	  -1, { "x.en.po:2:" }, NOLOOK },
	{ "msgstr before any msgid",
	  { { "x.el.po", "msgstr \"x\"\n" EL_A }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:1:" }, NOLOOK },
	{ "a continuation line before any msgid",
	  { { "x.el.po", "# c\n\"orphan\"\n" EL_A }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:2:" }, NOLOOK },
	{ "msgctxt is not supported",
	  { { "x.el.po", EL_A }, { "x.en.po", "msgctxt \"c\"\n" EN_A } },
	  -1, { "x.en.po:1:" }, NOLOOK },
	{ "a stray word",
	  { { "x.el.po", EL_A "\nhello\n" }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:4:" }, NOLOOK },
	{ "msgid without msgstr, then msgid",
	  { { "x.el.po", "msgid \"a\"\nmsgid \"b\"\nmsgstr \"Β\"\n" }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:1:" }, NOLOOK },
	{ "msgid without msgstr at the end",
	  { { "x.el.po", EL_A "\nmsgid \"b\"\n" }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:4:" }, NOLOOK },
	{ "two msgstr for one msgid",
	  { { "x.el.po", "msgid \"a\"\nmsgstr \"Άλφα\"\nmsgstr \"Βήτα\"\n" }, { "x.en.po", EN_A } },
	  -1, { "x.el.po:3:" }, NOLOOK },

	/* languages */
	{ "no English catalog",
	  { { "x.el.po", EL_A } }, -1, { "en.po" }, NOLOOK },
	{ "no Greek catalog",
	  { { "x.en.po", EN_A } }, -1, { "el.po" }, NOLOOK },
	{ "no catalog at all", { { "README", "x\n" } }, -1, { ".po" }, NOLOOK },
	{ "an upper-case language code is not a catalog",
	  { { "x.el.po", EL_A }, { "x.EN.po", EN_A } }, -1, { "en.po" }, NOLOOK },
};

/* Write the row's files into a new directory; its path in dir. */
static void make_dir(const struct row *r, char dir[PATH_MAX])
{
	snprintf(dir, PATH_MAX, "%s/agora-i18n-XXXXXX",
	         getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	assert_non_null(mkdtemp(dir));
	for (size_t k = 0; k < NROWS(r->files) && r->files[k].name; k++) {
		char path[PATH_MAX + 64];
		FILE *f;
		snprintf(path, sizeof path, "%s/%s", dir, r->files[k].name);
		f = fopen(path, "w");
		assert_non_null(f);
		assert_int_equal(fputs(r->files[k].text, f) >= 0, 1);
		assert_int_equal(fclose(f), 0);
	}
}

static void remove_dir(const struct row *r, const char *dir)
{
	for (size_t k = 0; k < NROWS(r->files) && r->files[k].name; k++) {
		char path[PATH_MAX + 64];
		snprintf(path, sizeof path, "%s/%s", dir, r->files[k].name);
		unlink(path);
	}
	rmdir(dir);
}

static void test_catalogs(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct row *r = &rows[i];
		char dir[PATH_MAX], err[512] = "";
		int got;

		make_dir(r, dir);
		got = i18n_init(dir, err, sizeof err);
		if (got != r->want) {
			print_message("# i18n_init row %zu (%s): want %d, got %d: %s\n", i, r->what,
			              r->want, got, err);
			failed++;
		} else if (got != 0) {
			if (i18n_loaded() != 0) {
				print_message("# row %zu (%s): i18n_loaded %d after a failure\n", i,
				              r->what, i18n_loaded());
				failed++;
			}
			for (size_t k = 0; k < NROWS(r->err) && r->err[k]; k++)
				if (strstr(err, r->err[k]) == NULL) {
					print_message("# i18n_init row %zu (%s): message \"%s\" lacks \"%s\"\n",
					              i, r->what, err, r->err[k]);
					failed++;
				}
		} else {
			if (i18n_loaded() != LANG__MAX) {
				print_message("# row %zu (%s): i18n_loaded %d\n", i, r->what,
				              i18n_loaded());
				failed++;
			}
			for (size_t k = 0; k < NROWS(r->look) && r->look[k].key; k++) {
				const struct lookup *l = &r->look[k];
				const char *f = i18n_find(l->lang, l->key);
				const char *g = i18n_get(l->lang, l->key);
				/* i18n_get answers the key itself for an unknown key */
				const char *want_get = l->want ? l->want : l->key;
				if ((l->want == NULL) != (f == NULL) || (f && strcmp(f, l->want) != 0) ||
				    g == NULL || strcmp(g, want_get) != 0 ||
				    (l->want == NULL && g != l->key)) {
					print_message("# row %zu (%s): %s \"%s\": want \"%s\", i18n_find"
					              " \"%s\", i18n_get \"%s\"\n", i, r->what,
					              i18n_code(l->lang), l->key, l->want ? l->want : "(NULL)",
					              f ? f : "(NULL)", g ? g : "(NULL)");
					failed++;
				}
			}
		}
		i18n_free();
		remove_dir(r, dir);
	}
	assert_int_equal(failed, 0);
}

static void test_no_dir(void **state)
{
	(void)state;
	char err[512] = "";

	assert_int_equal(i18n_init("/nonexistent/agora/i18n", err, sizeof err), -1);
	assert_non_null(strstr(err, "/nonexistent/agora/i18n"));
	assert_int_equal(i18n_loaded(), 0);
}

static void test_codes(void **state)
{
	(void)state;
	assert_string_equal(i18n_code(LANG_EL), "el");
	assert_string_equal(i18n_code(LANG_EN), "en");
	/* before or without i18n_init nothing is known */
	i18n_free();
	assert_int_equal(i18n_loaded(), 0);
	assert_null(i18n_find(LANG_EL, "nav.home"));
	assert_string_equal(i18n_get(LANG_EN, "nav.home"), "nav.home");
}

/* The catalogs the site ships. */
static void test_real(void **state)
{
	(void)state;
	static const struct lookup look[] = {
		{ LANG_EN, "nav.home", "Home" },
		{ LANG_EN, "nav.news", "News" },
		{ LANG_EN, "lang.other_code", "el" },
		{ LANG_EL, "lang.other_code", "en" },
	};
	char dir[PATH_MAX], err[512] = "";
	const char *src = getenv("AGORA_SRCDIR");

	if (src && *src) {
		snprintf(dir, sizeof dir, "%s/views/i18n", src);
	} else {
		/* t/unit/test_i18n.c -> views/i18n */
		const char *slash = strrchr(__FILE__, '/');
		int n = slash ? (int)(slash - __FILE__) : 1;
		snprintf(dir, sizeof dir, "%.*s/../../views/i18n", n, slash ? __FILE__ : ".");
	}
	if (i18n_init(dir, err, sizeof err) != 0)
		print_message("# i18n_init(\"%s\"): %s\n", dir, err);
	assert_int_equal(i18n_loaded(), LANG__MAX);
	for (size_t k = 0; k < NROWS(look); k++) {
		const char *f = i18n_find(look[k].lang, look[k].key);
		if (f == NULL || strcmp(f, look[k].want) != 0)
			print_message("# %s \"%s\": want \"%s\", got \"%s\"\n",
			              i18n_code(look[k].lang), look[k].key, look[k].want,
			              f ? f : "(NULL)");
		assert_non_null(f);
		assert_string_equal(f, look[k].want);
	}
	/* Greek and English differ where they must */
	assert_string_not_equal(i18n_get(LANG_EL, "nav.home"), i18n_get(LANG_EN, "nav.home"));
	i18n_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_catalogs),
		cmocka_unit_test(test_no_dir),
		cmocka_unit_test(test_real),
	};

	/* unknown keys are logged: keep stderr for real trouble */
	log_set_level(LOG_ERROR);
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
