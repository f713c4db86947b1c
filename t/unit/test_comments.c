/*
 * test_comments.c - a comment's text (comments/text.h) from tables: the
 * links counted, the HTML made (escaped, line breaks, links only when
 * allowed, never a javascript: or quoted attribute escape), and the hash
 * that finds repeats (same after folding, different otherwise); and the
 * blocklist's pattern check (comments/spam.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "comments/spam.h"
#include "comments/text.h"
#include "core/arena.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static const struct { const char *in; size_t n; } link_rows[] = {
	{ "", 0 },
	{ "καμία διεύθυνση εδώ", 0 },
	{ "δείτε https://example.gr/a?b=1 τώρα", 1 },
	{ "http://a.gr και www.b.gr, και HTTPS://C.GR.", 3 },
	{ "email@www.example.gr is not a link", 0 },
	{ "xhttp://a.gr is not one either", 0 },
	{ "(www.a.gr) [https://b.gr]", 2 },
	{ "https:// alone", 0 },
	{ "www. alone", 0 },
};

static void test_links(void **state)
{
	(void)state;
	for (size_t i = 0; i < NROWS(link_rows); i++) {
		size_t got = comment_count_links(link_rows[i].in);
		if (got != link_rows[i].n)
			fail_msg("%s: %zu links, want %zu", link_rows[i].in, got, link_rows[i].n);
	}
}

static const struct { const char *in; int links; const char *want; } html_rows[] = {
	{ "plain", 0, "plain" },
	{ "<script>alert(1)</script>", 0, "&lt;script&gt;alert(1)&lt;/script&gt;" },
	{ "a & b \"c\" 'd'", 0, "a &amp; b &quot;c&quot; &#39;d&#39;" },
	{ "line1\nline2", 0, "line1<br>\nline2" },
	{ "a\r\nb", 0, "a<br>\nb" },
	{ "a\n\n\n\n\nb", 0, "a<br>\n<br>\nb" },
	{ "see www.a.gr", 0, "see www.a.gr" },
	{ "see www.a.gr.", 1,
	  "see <a href=\"https://www.a.gr\" rel=\"nofollow ugc noopener\">www.a.gr</a>." },
	{ "https://a.gr/?x=1&y=\"2\"", 1,
	  "<a href=\"https://a.gr/?x=1&amp;y=\" rel=\"nofollow ugc noopener\">https://a.gr/?x=1&amp;y=</a>&quot;2&quot;" },
	{ "javascript:alert(1)", 1, "javascript:alert(1)" },
	{ "https://a.gr\"onmouseover=alert(1)", 1,
	  "<a href=\"https://a.gr\" rel=\"nofollow ugc noopener\">https://a.gr</a>&quot;onmouseover=alert(1)" },
	{ "Καλημέρα σας", 1, "Καλημέρα σας" },
};

static void test_html(void **state)
{
	(void)state;
	struct arena *a = arena_new(4096);
	for (size_t i = 0; i < NROWS(html_rows); i++) {
		const char *got = comment_html(a, html_rows[i].in, html_rows[i].links);
		if (strcmp(got, html_rows[i].want) != 0)
			fail_msg("%s (links %d):\n got %s\nwant %s", html_rows[i].in,
			         html_rows[i].links, got, html_rows[i].want);
	}
	arena_free(a);
}

static const struct { const char *a, *b; int same; } hash_rows[] = {
	{ "Ωραία πρωτοβουλία!!", "ωραια   πρωτοβουλια", 1 },
	{ "ΚΑΛΗΜΕΡΑ", "καλημέρα.", 1 },
	{ "  leading and trailing  ", "leading and trailing", 1 },
	{ "one", "two", 0 },
	{ "ab", "a b", 0 },
	{ "σχόλιο", "σχόλια", 0 },
};

static void test_hash(void **state)
{
	(void)state;
	for (size_t i = 0; i < NROWS(hash_rows); i++) {
		unsigned char x[32], y[32];
		comment_hash(hash_rows[i].a, x);
		comment_hash(hash_rows[i].b, y);
		if ((memcmp(x, y, 32) == 0) != hash_rows[i].same)
			fail_msg("\"%s\" vs \"%s\": want %s", hash_rows[i].a, hash_rows[i].b,
			         hash_rows[i].same ? "the same hash" : "different hashes");
	}
}

static const struct { const char *pattern; int ok; } pattern_rows[] = {
	{ "casino", 1 },
	{ "\\bκαζίνο\\b", 1 },
	{ "(viagra|cialis)", 1 },
	{ "(unclosed", 0 },
	{ "[z-a]", 0 },
	{ "*start", 0 },
};

static void test_patterns(void **state)
{
	(void)state;
	for (size_t i = 0; i < NROWS(pattern_rows); i++) {
		char err[256] = "";
		int ok = spam_pattern_ok(pattern_rows[i].pattern, err, sizeof(err));
		if (ok != pattern_rows[i].ok)
			fail_msg("%s: %d, want %d", pattern_rows[i].pattern, ok, pattern_rows[i].ok);
		if (!ok && err[0] == '\0')
			fail_msg("%s: refused without a message", pattern_rows[i].pattern);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_patterns),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
