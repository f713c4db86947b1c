/*
 * test_svg_chart.c - the server-drawn charts (src/view/svg_chart.c): the
 * value axis from a table of maxima; labels and titles escaped (markup,
 * quotes, ampersands, control characters; Greek kept); the accessible name
 * (role="img", aria-labelledby naming the <title>, a bad id replaced);
 * bar lengths to scale; zero, one and no values; many months labelled
 * every other one.  Every output is checked to be well-formed XML by a
 * small checker here (elements balanced, only the five references).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "view/svg_chart.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

/* 1 if s is one well-formed element tree of the kind svg_chart writes. */
static int well_formed(const char *s)
{
	char stack[32][16];
	int depth = 0, roots = 0;
	for (const char *p = s; *p;) {
		if (*p == '&') {
			static const char *const refs[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
			int ok = 0;
			for (size_t i = 0; i < NROWS(refs); i++)
				ok |= strncmp(p, refs[i], strlen(refs[i])) == 0;
			if (!ok)
				return 0;
			p++;
			continue;
		}
		if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t')
			return 0;
		if (*p == '>' || *p == '"')
			return 0; /* a stray > or " outside a tag */
		if (*p != '<') {
			p++;
			continue;
		}
		const char *e = strchr(p, '>');
		if (e == NULL)
			return 0;
		int closing = p[1] == '/', empty = e[-1] == '/';
		const char *n = p + 1 + closing;
		size_t nl = strcspn(n, " />");
		if (nl == 0 || nl >= 16)
			return 0;
		/* attribute values: quoted, no < or & outside a reference */
		int quotes = 0;
		for (const char *q = n; q < e; q++) {
			quotes += *q == '"';
			if (*q == '<')
				return 0;
		}
		if (quotes % 2)
			return 0;
		if (closing) {
			if (depth == 0 || strlen(stack[depth - 1]) != nl ||
			    strncmp(stack[depth - 1], n, nl) != 0)
				return 0;
			depth--;
		} else if (!empty) {
			if (depth == 0)
				roots++;
			if (depth == 32)
				return 0;
			memcpy(stack[depth], n, nl);
			stack[depth++][nl] = '\0';
		} else if (depth == 0) {
			return 0;
		}
		p = e + 1;
	}
	return depth == 0 && roots == 1;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
		n++;
	return n;
}

static char *draw(struct buf *b, enum svg_kind kind, const char *id, const char *title,
                  const struct svg_bar *bars, size_t n)
{
	buf_reset(b);
	struct svg_chart c = { kind, id, title, NULL, bars, n };
	svg_chart(b, &c);
	return b->p;
}

static void test_checker(void **state)
{
	(void)state;
	assert_true(well_formed("<svg a=\"1\"><g/><t>x &amp; y</t></svg>"));
	assert_false(well_formed("<svg><t></svg>"));
	assert_false(well_formed("<svg>a & b</svg>"));
	assert_false(well_formed("<svg>a > b</svg>"));
	assert_false(well_formed("<svg a=\"1></svg>"));
	assert_false(well_formed("<svg></svg><svg></svg>"));
}

static void test_scale(void **state)
{
	(void)state;
	static const struct { long long max, step, top; } rows[] = {
		{ -3, 1, 1 }, { 0, 1, 1 }, { 1, 1, 1 }, { 4, 1, 4 }, { 5, 1, 5 }, { 6, 2, 6 },
		{ 7, 2, 8 }, { 10, 2, 10 }, { 11, 5, 15 }, { 23, 5, 25 }, { 25, 5, 25 },
		{ 26, 10, 30 }, { 100, 20, 100 }, { 101, 50, 150 }, { 1000, 200, 1000 },
		{ 1234567, 500000, 1500000 },
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		long long step, top;
		svg_scale(rows[i].max, &step, &top);
		if (step != rows[i].step || top != rows[i].top)
			print_message("max %lld: step %lld top %lld, want %lld %lld\n", rows[i].max,
			              step, top, rows[i].step, rows[i].top);
		assert_int_equal(step, rows[i].step);
		assert_int_equal(top, rows[i].top);
		assert_true(top / step <= 5);
	}
}

static void test_escaping(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	const struct svg_bar bars[] = {
		{ "<b>\"A&B\"</b> 'x'", 3 },
		{ "Καθαριότητα και απορρίμματα", 2 },
		{ "tab\there\x01", 1 },
	};
	for (int kind = SVG_COLUMNS; kind <= SVG_BARS; kind++) {
		const char *s = draw(&b, (enum svg_kind)kind, "c1", "Αιτήματα <ανά> \"μήνα\" & κατηγορία",
		                     bars, NROWS(bars));
		assert_true(well_formed(s));
		assert_null(strstr(s, "<b>"));
		assert_non_null(strstr(s, "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;"));
		assert_non_null(strstr(s, "<title id=\"c1-title\">Αιτήματα &lt;ανά&gt; &quot;μήνα&quot; &amp; κατηγορία</title>"));
		assert_non_null(strstr(s, ">Καθαριότητα και απορρίμματα<"));
		assert_non_null(strstr(s, "tab here "));
		/* the tooltip of each bar escapes the label too */
		assert_non_null(strstr(s, "<title>&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;: 3</title>"));
	}
	buf_free(&b);
}

static void test_name(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	const struct svg_bar one[] = { { "a", 1 } };
	const char *s = draw(&b, SVG_COLUMNS, "per-month", "T", one, 1);
	assert_true(strncmp(s, "<svg xmlns=\"http://www.w3.org/2000/svg\"", 39) == 0);
	assert_non_null(strstr(s, " role=\"img\""));
	assert_non_null(strstr(s, " aria-labelledby=\"per-month-title\""));
	assert_non_null(strstr(s, "<title id=\"per-month-title\">T</title>"));
	s = draw(&b, SVG_COLUMNS, "x\" onload=\"alert(1)", "T", one, 1);
	assert_null(strstr(s, "onload"));
	assert_non_null(strstr(s, "aria-labelledby=\"chart-title\""));
	/* with a description, both name it */
	buf_reset(&b);
	struct svg_chart c = { SVG_BARS, "d", "T", "More & more", one, 1 };
	svg_chart(&b, &c);
	assert_true(well_formed(b.p));
	assert_non_null(strstr(b.p, "aria-labelledby=\"d-title d-desc\""));
	assert_non_null(strstr(b.p, "<desc id=\"d-desc\">More &amp; more</desc>"));
	buf_free(&b);
}

static void test_to_scale(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	/* columns: the plot is 204 high (22 to 226); axis 0..10 by 2 */
	const struct svg_bar cols[] = { { "Ιαν", 0 }, { "Φεβ", 5 }, { "Μαρ", 10 } };
	const char *s = draw(&b, SVG_COLUMNS, "m", "T", cols, NROWS(cols));
	assert_true(well_formed(s));
	assert_int_equal(count(s, "<rect "), 1 + 2); /* the ground, and no bar for 0 */
	assert_non_null(strstr(s, "height=\"204.0\" fill=\"#1f4e8c\""));
	assert_non_null(strstr(s, "height=\"102.0\" fill=\"#1f4e8c\""));
	assert_int_equal(count(s, "<line "), 6);
	assert_non_null(strstr(s, ">10</text>"));
	assert_non_null(strstr(s, ">Ιαν</text>"));
	/* bars: one value of 7 on an axis to 8, 362 wide (230 to 592) */
	const struct svg_bar one[] = { { "Μόρια", 7 } };
	s = draw(&b, SVG_BARS, "a", "T", one, 1);
	assert_true(well_formed(s));
	assert_int_equal(count(s, "<rect "), 2);
	assert_non_null(strstr(s, "width=\"316.8\" height=\"18\""));
	assert_int_equal(count(s, "<line "), 5); /* 0 2 4 6 8 */
	assert_non_null(strstr(s, ">Μόρια</text>"));
	assert_non_null(strstr(s, ">7</text>"));
	buf_free(&b);
}

static void test_zero_and_none(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1024);
	const struct svg_bar zeros[] = { { "a", 0 }, { "b", 0 }, { "c", -4 } };
	for (int kind = SVG_COLUMNS; kind <= SVG_BARS; kind++) {
		const char *s = draw(&b, (enum svg_kind)kind, "z", "Zero", zeros, NROWS(zeros));
		assert_true(well_formed(s));
		assert_int_equal(count(s, "<rect "), 1);  /* the ground only */
		assert_int_equal(count(s, "<line "), 2);  /* 0 and 1 */
		assert_null(strstr(s, "nan"));
		assert_null(strstr(s, "-4"));
		s = draw(&b, (enum svg_kind)kind, "n", "None", NULL, 0);
		assert_true(well_formed(s));
		assert_non_null(strstr(s, "<title id=\"n-title\">None</title>"));
		assert_int_equal(count(s, "<rect "), 1);
	}
	buf_free(&b);
}

static void test_many_months(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 4096);
	struct svg_bar m[24];
	char names[24][8];
	for (int i = 0; i < 24; i++) {
		snprintf(names[i], sizeof(names[i]), "m%02d", i);
		m[i].label = names[i];
		m[i].value = i;
	}
	const char *s = draw(&b, SVG_COLUMNS, "m", "T", m, 24);
	assert_true(well_formed(s));
	assert_non_null(strstr(s, ">m00</text>"));
	assert_null(strstr(s, ">m01</text>"));
	assert_non_null(strstr(s, ">m22</text>"));
	assert_int_equal(count(s, "<rect "), 1 + 23);
	/* no value labels over 24 thin columns: the tooltips and the table have them */
	assert_null(strstr(s, ">23</text>"));
	assert_non_null(strstr(s, "<title>m23: 23</title>"));
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checker),
		cmocka_unit_test(test_scale),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_to_scale),
		cmocka_unit_test(test_zero_and_none),
		cmocka_unit_test(test_many_months),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("svg_chart", tests, NULL, NULL);
}
