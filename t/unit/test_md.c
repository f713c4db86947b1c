/*
 * test_md.c - md_render(): staff Markdown to HTML with cmark-gfm.  From
 * tables: paragraphs, headings, GFM tables and strikethrough; raw HTML never
 * passed through (script, event-handler attributes, inline tags); dangerous
 * URL schemes neutralised; root-relative links given the language prefix
 * ("/en") except /static/, /media/, links already under /en, protocol-
 * relative and absolute URLs; NULL renders as "".  Headings renumbered
 * under the page's h1 (the body's highest is h2, no level skipped); tables
 * with row headers; tel: links kept.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/md.h"

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

/* s with newlines shown as \n, for one-line messages. */
static const char *show(const char *s)
{
	size_t n = 0;
	char *out, *o;

	if (s == NULL)
		return "(NULL)";
	for (const char *p = s; *p; p++)
		n += *p == '\n' ? 2 : 1;
	out = o = arena_alloc(A, n + 1);
	for (; *s; s++) {
		if (*s == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

/* ---- whole outputs --------------------------------------------------- */

struct html_row {
	const char *md;
	const char *prefix;
	const char *want;
};

static const struct html_row html_rows[] = {
	{ "", "", "" },
	{ "Γεια σας", "", "<p>Γεια σας</p>\n" },
	{ "one\n\ntwo", "", "<p>one</p>\n<p>two</p>\n" },
	{ "one\ntwo", "", "<p>one\ntwo</p>\n" },
	{ "# Δήμος", "", "<h2>Δήμος</h2>\n" },
	{ "## Β\n\n### Γ", "", "<h2>Β</h2>\n<h3>Γ</h3>\n" },
	{ "Τίτλος\n======", "", "<h2>Τίτλος</h2>\n" },
	{ "*em* **strong** `code`", "",
	  "<p><em>em</em> <strong>strong</strong> <code>code</code></p>\n" },
	{ "~~old~~", "", "<p><del>old</del></p>\n" },
	{ "- a\n- b", "", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n" },
	{ "x < y & z", "", "<p>x &lt; y &amp; z</p>\n" },
	{ "| Ώρα | Χώρος |\n|---|---|\n| 18:00 | Πλατεία |", "",
	  "<table>\n<thead>\n<tr>\n<th scope=\"col\">Ώρα</th>\n<th scope=\"col\">Χώρος</th>\n</tr>\n</thead>\n"
	  "<tbody>\n<tr>\n<th scope=\"row\">18:00</th>\n<td>Πλατεία</td>\n</tr>\n</tbody>\n</table>\n" },
	{ "[Ιστορία](/p/istoria)", "/en", "<p><a href=\"/en/p/istoria\">Ιστορία</a></p>\n" },
	{ "[Ιστορία](/p/istoria)", "", "<p><a href=\"/p/istoria\">Ιστορία</a></p>\n" },
};

static void test_html(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(html_rows); i++) {
		const struct html_row *r = &html_rows[i];
		const char *got = md_render(A, r->md, r->prefix);
		if (got == NULL || strcmp(got, r->want) != 0) {
			print_message("# md_render row %zu \"%s\" prefix \"%s\": want \"%s\","
			              " got \"%s\"\n", i, show(r->md), r->prefix, show(r->want),
			              show(got));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

static void test_null(void **state)
{
	(void)state;
	const char *got = md_render(A, NULL, "/en");

	assert_non_null(got);
	assert_string_equal(got, "");
	got = md_render(A, NULL, NULL);
	assert_non_null(got);
	assert_string_equal(got, "");
	/* a NULL prefix means none */
	got = md_render(A, "[a](/p/x)", NULL);
	assert_non_null(got);
	assert_non_null(strstr(got, "href=\"/p/x\""));
}

/* ---- what must never come through ----------------------------------- */

struct safe_row {
	const char *md;
	const char *must;      /* must appear (NULL: no check) */
	const char *never[4];  /* none may appear */
};

static const struct safe_row safe_rows[] = {
	{ "<script>alert(1)</script>", NULL, { "<script", "alert(1)", NULL } },
	{ "Text\n\n<script>alert(1)</script>\n\nmore", "<p>more</p>",
	  { "<script", "</script", NULL } },
	{ "a <script>alert(1)</script> b", NULL, { "<script", "</script", NULL } },
	{ "<img src=x onerror=alert(1)>", NULL, { "<img", "onerror", NULL } },
	{ "x <img src=x onerror=\"alert(1)\"> y", NULL, { "<img", "onerror", NULL } },
	{ "a <b>bold</b> c", "bold", { "<b>", "</b>", NULL } },
	{ "<div onclick=\"x()\">hi</div>", NULL, { "<div", "onclick", NULL } },
	{ "<iframe src=\"https://evil.example\"></iframe>", NULL, { "<iframe", NULL } },
	{ "<a href=\"javascript:alert(1)\">y</a>", NULL, { "<a ", "javascript:", NULL } },
	{ "<style>body{display:none}</style>", NULL, { "<style", NULL } },
	{ "<!-- a comment -->", NULL, { "a comment", NULL } },
	{ "<svg onload=alert(1)>", NULL, { "<svg", "onload", NULL } },
	/* dangerous schemes in links, however they are written */
	{ "[a](javascript:alert(1))", ">a</a>", { "javascript:", "alert", NULL } },
	{ "[a](JaVaScRiPt:alert(1))", NULL, { "avaScRiPt:", "alert", NULL } },
	{ "[a](  javascript:alert(1))", NULL, { "javascript:", NULL } },
	{ "[a](&#106;avascript:alert(1))", NULL, { "avascript:", NULL } },
	{ "<javascript:alert(1)>", NULL, { "href=\"javascript", NULL } },
	{ "[a][r]\n\n[r]: javascript:alert(1)", NULL, { "href=\"javascript", NULL } },
	{ "[a](vbscript:msgbox(1))", NULL, { "vbscript:", NULL } },
	{ "[a](data:text/html;base64,PHNjcmlwdD4=)", NULL, { "data:", NULL } },
	{ "![i](javascript:alert(1))", NULL, { "javascript:", NULL } },
	/* a title cannot break out of its attribute */
	{ "[a](/p/x \"t\\\" onclick=\\\"x\")", "&quot;", { "\" onclick", NULL } },
	/* javascript: links are not given the prefix either */
	{ "[a](javascript:alert(1))", NULL, { "/enjavascript", "/en/javascript", NULL } },
};

static void test_safe(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(safe_rows); i++) {
		const struct safe_row *r = &safe_rows[i];
		const char *got = md_render(A, r->md, "/en");
		const char *why = NULL;
		if (got == NULL)
			why = "NULL";
		else if (r->must && strstr(got, r->must) == NULL)
			why = r->must;
		for (size_t k = 0; !why && k < NROWS(r->never) && r->never[k]; k++)
			if (strstr(got, r->never[k]))
				why = r->never[k];
		if (why) {
			print_message("# md_render safe row %zu \"%s\": got \"%s\" (\"%s\" %s)\n",
			              i, show(r->md), show(got), why,
			              got && r->must == why ? "missing" : "present");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- the language prefix on links ----------------------------------- */

struct link_row {
	const char *url;
	const char *want; /* the href with prefix "/en" */
};

static const struct link_row link_rows[] = {
	{ "/p/x", "/en/p/x" },
	{ "/p/istoria/dimarxos", "/en/p/istoria/dimarxos" },
	{ "/news", "/en/news" },
	{ "/news/12-nea", "/en/news/12-nea" },
	{ "/events?from=2026-01-01", "/en/events?from=2026-01-01" },
	{ "/search?q=x#top", "/en/search?q=x#top" },
	{ "/enimerosi", "/en/enimerosi" },   /* only starts with "/en" */
	{ "/english", "/en/english" },
	{ "/", "/en/" },
	{ "/#top", "/en/#top" },
	/* files are the same in every language */
	{ "/static/docs/diakiryxi.pdf", "/static/docs/diakiryxi.pdf" },
	{ "/static/css/agora.css", "/static/css/agora.css" },
	{ "/media/news/1.jpg", "/media/news/1.jpg" },
	{ "/staticx", "/en/staticx" },
	{ "/mediax/a", "/en/mediax/a" },
	/* already English */
	{ "/en", "/en" },
	{ "/en/", "/en/" },
	{ "/en/p/x", "/en/p/x" },
	{ "/en/news", "/en/news" },
	{ "/en?page=2", "/en?page=2" },
	{ "/en#top", "/en#top" },
	/* not root-relative */
	{ "//cdn.example.gr/x", "//cdn.example.gr/x" },
	{ "https://www.example.gr/p/x", "https://www.example.gr/p/x" },
	{ "http://example.org", "http://example.org" },
	{ "mailto:dimos@example.gr", "mailto:dimos@example.gr" },
	{ "p/x", "p/x" },
	{ "../x", "../x" },
	{ "#top", "#top" },
	{ "?q=1", "?q=1" },
};

static void test_links(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(link_rows); i++) {
		const struct link_row *r = &link_rows[i];
		const char *md = arena_printf(A, "[a](%s)", r->url);
		const char *want = arena_printf(A, "<p><a href=\"%s\">a</a></p>\n", r->want);
		const char *got = md_render(A, md, "/en");
		/* and with no prefix (Greek text) the link is left alone */
		const char *want_el = arena_printf(A, "<p><a href=\"%s\">a</a></p>\n", r->url);
		const char *got_el = md_render(A, md, "");
		if (got == NULL || strcmp(got, want) != 0) {
			print_message("# md_render link row %zu \"%s\" prefix /en: want \"%s\","
			              " got \"%s\"\n", i, md, show(want), show(got));
			failed++;
		}
		if (got_el == NULL || strcmp(got_el, want_el) != 0) {
			print_message("# md_render link row %zu \"%s\" prefix \"\": want \"%s\","
			              " got \"%s\"\n", i, md, show(want_el), show(got_el));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* Links in every place a link can be, one prefix each; images untouched. */
static void test_links_everywhere(void **state)
{
	(void)state;
	static const struct html_row rows[] = {
		{ "[a][r]\n\n[r]: /p/ref", "/en", "<p><a href=\"/en/p/ref\">a</a></p>\n" },
		{ "[r]\n\n[r]: /p/ref", "/en", "<p><a href=\"/en/p/ref\">r</a></p>\n" },
		{ "# [h](/p/h)", "/en", "<h2><a href=\"/en/p/h\">h</a></h2>\n" },
		{ "- [l](/p/l)", "/en", "<ul>\n<li><a href=\"/en/p/l\">l</a></li>\n</ul>\n" },
		{ "[a](/p/a) [b](/p/b)", "/en",
		  "<p><a href=\"/en/p/a\">a</a> <a href=\"/en/p/b\">b</a></p>\n" },
		{ "[a](/p/a)\n\n[a](/p/a)", "/en",
		  "<p><a href=\"/en/p/a\">a</a></p>\n<p><a href=\"/en/p/a\">a</a></p>\n" },
		{ "![i](/static/img/logo.svg)", "/en",
		  "<p><img src=\"/static/img/logo.svg\" alt=\"i\" /></p>\n" },
		{ "[![i](/static/img/logo.svg)](/p/x)", "/en",
		  "<p><a href=\"/en/p/x\"><img src=\"/static/img/logo.svg\" alt=\"i\" /></a></p>\n" },
		{ "| a |\n|---|\n| [t](/p/t) |", "/en",
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
		  "<th scope=\"row\"><a href=\"/en/p/t\">t</a></th>\n</tr>\n</tbody>\n</table>\n" },
		{ "[Σελίδα](/p/σελίδα)", "/en",
		  "<p><a href=\"/en/p/%CF%83%CE%B5%CE%BB%CE%AF%CE%B4%CE%B1\">Σελίδα</a></p>\n" },
	};
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const char *got = md_render(A, rows[i].md, rows[i].prefix);
		if (got == NULL || strcmp(got, rows[i].want) != 0) {
			print_message("# md_render row %zu \"%s\": want \"%s\", got \"%s\"\n", i,
			              show(rows[i].md), show(rows[i].want), show(got));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- headings: the page's title is its h1 ----------------------------- */

/* The levels of the headings of html, in order, as a string: "23" for an
 * h2 then an h3. */
static const char *levels(const char *html)
{
	char *out = arena_alloc(A, strlen(html) + 1), *o = out;
	for (const char *p = html; (p = strstr(p, "<h")) != NULL; p++)
		if (p[2] >= '1' && p[2] <= '6' && p[3] == '>')
			*o++ = p[2];
	*o = '\0';
	return out;
}

struct heading_row {
	const char *md;
	const char *want; /* the levels, in order */
};

static const struct heading_row heading_rows[] = {
	{ "Κείμενο χωρίς επικεφαλίδες.", "" },
	{ "# Α", "2" },
	{ "## Α", "2" },
	{ "### Α", "2" },                       /* right after the page's h1 */
	{ "###### Α", "2" },
	{ "Α\n===\n\nκείμενο\n\nΒ\n---", "23" },  /* setext headings too */
	{ "# Α\n\n## Β\n\n### Γ", "234" },
	{ "## Α\n\n### Β\n\n## Γ\n\n### Δ", "2323" },
	{ "### Α\n\n#### Β\n\n## Γ\n\n### Δ", "2323" },
	{ "## Α\n\n#### Β", "23" },             /* a level skipped */
	{ "## Α\n\n#### Β\n\n### Γ\n\n#### Δ", "2334" },
	{ "# Α\n\n### Β\n\n###### Γ\n\n## Δ", "2343" },
	{ "### Α\n\n# Β\n\n## Γ", "223" },       /* the highest comes later */
	{ "## Α\n\n> ### Β\n\n- #### Γ", "234" }, /* in quotes and lists */
	{ "# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6", "234566" },
	{ "Κείμενο\n\n### Α\n\nκείμενο\n\n#### Β", "23" },
};

static void test_headings(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(heading_rows); i++) {
		const struct heading_row *r = &heading_rows[i];
		const char *got = md_render(A, r->md, "");
		const char *lv = got ? levels(got) : "(NULL)";
		if (strcmp(lv, r->want) != 0 || (got && strstr(got, "<h1"))) {
			print_message("# md_render heading row %zu \"%s\": want levels \"%s\","
			              " got \"%s\" (%s)\n", i, show(r->md), r->want, lv,
			              show(got));
			failed++;
		}
	}
	/* the text and attributes of a heading are kept */
	const char *got = md_render(A, "### Ώρες *λειτουργίας*", "");
	assert_string_equal(got, "<h2>Ώρες <em>λειτουργίας</em></h2>\n");
	assert_int_equal(failed, 0);
}

/* ---- tables: the first column names the row ------------------------- */

static void test_row_headers(void **state)
{
	(void)state;
	static const struct html_row rows[] = {
		{ "| Υπηρεσία | Τηλέφωνο |\n| --- | --- |\n| ΕΚΑΒ | 166 |\n| Αστυνομία | 100 |", "",
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\">Υπηρεσία</th>\n<th scope=\"col\">Τηλέφωνο</th>\n"
		  "</tr>\n</thead>\n<tbody>\n<tr>\n<th scope=\"row\">ΕΚΑΒ</th>\n<td>166</td>\n</tr>\n"
		  "<tr>\n<th scope=\"row\">Αστυνομία</th>\n<td>100</td>\n</tr>\n</tbody>\n</table>\n" },
		/* alignment is kept on both kinds of header */
		{ "| a | b |\n| :-- | --: |\n| x | 1 |", "",
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\" align=\"left\">a</th>\n"
		  "<th scope=\"col\" align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
		  "<th scope=\"row\" align=\"left\">x</th>\n<td align=\"right\">1</td>\n</tr>\n"
		  "</tbody>\n</table>\n" },
		/* a header row only */
		{ "| a | b |\n| --- | --- |", "",
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n<th scope=\"col\">b</th>\n"
		  "</tr>\n</thead>\n</table>\n" },
		/* an empty first cell, markup in it, text that looks like tags */
		{ "| a | b |\n| --- | --- |\n|  | y |\n| **x** `<td>` | </td> |", "",
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n<th scope=\"col\">b</th>\n"
		  "</tr>\n</thead>\n<tbody>\n<tr>\n<th scope=\"row\"></th>\n<td>y</td>\n</tr>\n"
		  "<tr>\n<th scope=\"row\"><strong>x</strong> <code>&lt;td&gt;</code></th>\n"
		  "<td><!-- raw HTML omitted --></td>\n</tr>\n</tbody>\n</table>\n" },
		/* two tables, text between */
		{ "| a |\n| - |\n| 1 |\n\nκείμενο\n\n| b |\n| - |\n| 2 |", "",
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
		  "<th scope=\"row\">1</th>\n</tr>\n</tbody>\n</table>\n<p>κείμενο</p>\n"
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
		  "<th scope=\"row\">2</th>\n</tr>\n</tbody>\n</table>\n" },
		/* no table: text that looks like one is left alone */
		{ "Κείμενο `<tr>` και `</td>`", "",
		  "<p>Κείμενο <code>&lt;tr&gt;</code> και <code>&lt;/td&gt;</code></p>\n" },
	};
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const char *got = md_render(A, rows[i].md, rows[i].prefix);
		if (got == NULL || strcmp(got, rows[i].want) != 0) {
			print_message("# md_render table row %zu \"%s\": want \"%s\", got \"%s\"\n", i,
			              show(rows[i].md), show(rows[i].want), show(got));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- tel: links (phone numbers) are kept, never prefixed --------------- */

static void test_tel(void **state)
{
	(void)state;
	static const struct html_row rows[] = {
		{ "[22513 50500](tel:+302251350500)", "",
		  "<p><a href=\"tel:+302251350500\">22513 50500</a></p>\n" },
		{ "[22513 50500](tel:+302251350500)", "/en",
		  "<p><a href=\"tel:+302251350500\">22513 50500</a></p>\n" },
		{ "Καλέστε το [112](tel:112).", "/en",
		  "<p>Καλέστε το <a href=\"tel:112\">112</a>.</p>\n" },
		{ "| Υπηρεσία | Αριθμός |\n| --- | --- |\n| Πυροσβεστική | [199](tel:199) |", "",
		  "<table>\n<thead>\n<tr>\n<th scope=\"col\">Υπηρεσία</th>\n<th scope=\"col\">Αριθμός</th>\n"
		  "</tr>\n</thead>\n<tbody>\n<tr>\n<th scope=\"row\">Πυροσβεστική</th>\n"
		  "<td><a href=\"tel:199\">199</a></td>\n</tr>\n</tbody>\n</table>\n" },
	};
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const char *got = md_render(A, rows[i].md, rows[i].prefix);
		if (got == NULL || strcmp(got, rows[i].want) != 0) {
			print_message("# md_render tel row %zu \"%s\" prefix \"%s\": want \"%s\", got \"%s\"\n",
			              i, show(rows[i].md), rows[i].prefix, show(rows[i].want), show(got));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* Mentions of the citizens' service platform become links to the form,
 * in any case and number, never inside a link or a heading. */
static void test_platform(void **state)
{
	(void)state;
	static const struct { const char *md, *prefix, *want; } rows[] = {
		{ "Μέσω της πλατφόρμας εξυπηρέτησης πολιτών.", NULL,
		  "<p>Μέσω της <a href=\"/requests/new\">πλατφόρμας εξυπηρέτησης πολιτών</a>.</p>\n" },
		{ "Η Πλατφόρμα Εξυπηρέτησης των Πολιτών και η ηλεκτρονική πλατφόρμα εξυπηρέτησης πολιτών.", NULL,
		  "<p>Η <a href=\"/requests/new\">Πλατφόρμα Εξυπηρέτησης των Πολιτών</a> και η "
		  "<a href=\"/requests/new\">ηλεκτρονική πλατφόρμα εξυπηρέτησης πολιτών</a>.</p>\n" },
		{ "Use the citizens' service platform.", "/en",
		  "<p>Use the <a href=\"/en/requests/new\">citizens’ service platform</a>.</p>\n" },
		{ "[την πλατφόρμα εξυπηρέτησης πολιτών](/p/x)", NULL,
		  "<p><a href=\"/p/x\">την πλατφόρμα εξυπηρέτησης πολιτών</a></p>\n" },
		{ "## Η πλατφόρμα εξυπηρέτησης πολιτών", NULL,
		  "<h2>Η πλατφόρμα εξυπηρέτησης πολιτών</h2>\n" },
		{ "Η πλατφόρμα υποστήριξης πολιτών.", NULL, "<p>Η πλατφόρμα υποστήριξης πολιτών.</p>\n" },
		{ "**πλατφόρμα εξυπηρέτησης πολιτών**", NULL,
		  "<p><strong><a href=\"/requests/new\">πλατφόρμα εξυπηρέτησης πολιτών</a></strong></p>\n" },
	};
	int failed = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const char *got = md_render(A, rows[i].md, rows[i].prefix);
		if (strcmp(got, rows[i].want) != 0) {
			print_message("# md_render platform row %zu: want \"%s\", got \"%s\"\n", i,
			              rows[i].want, got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_null),
		cmocka_unit_test(test_safe),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_links_everywhere),
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_platform),
		cmocka_unit_test(test_row_headers),
		cmocka_unit_test(test_tel),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("md", tests, setup, teardown);
}
