/*
 * test_json.c - json_parse_object(), json_get(), json_int() and
 * json_add_str() against tables of good and hostile documents: every
 * grammar rule of RFC 8259 the reader enforces (numbers, escapes,
 * surrogate pairs, controls, trailing text, commas), the limits (depth,
 * size), invalid UTF-8, U+0000 and duplicate names; and the writer's
 * escapes, read back.  Every failing row is named before the test fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"

#define S(lit) lit, sizeof(lit) - 1

struct bad_row {
	const char *what;
	const char *doc;
	size_t len;
};

static const struct bad_row bad[] = {
	{ "empty", S("") },
	{ "only spaces", S("   ") },
	{ "an array at the top", S("[1,2]") },
	{ "a string at the top", S("\"x\"") },
	{ "unterminated object", S("{\"a\":1") },
	{ "trailing comma", S("{\"a\":1,}") },
	{ "trailing comma in array", S("{\"a\":[1,]}") },
	{ "missing colon", S("{\"a\" 1}") },
	{ "single quotes", S("{'a':1}") },
	{ "unquoted name", S("{a:1}") },
	{ "comment", S("{\"a\":1 /* c */}") },
	{ "text after the object", S("{\"a\":1} x") },
	{ "two objects", S("{}{}") },
	{ "leading zero", S("{\"a\":01}") },
	{ "plus sign", S("{\"a\":+1}") },
	{ "bare dot", S("{\"a\":1.}") },
	{ "dot first", S("{\"a\":.5}") },
	{ "bare exponent", S("{\"a\":1e}") },
	{ "minus alone", S("{\"a\":-}") },
	{ "NaN", S("{\"a\":NaN}") },
	{ "Infinity", S("{\"a\":Infinity}") },
	{ "hex number", S("{\"a\":0x10}") },
	{ "truncated true", S("{\"a\":tru}") },
	{ "capital True", S("{\"a\":True}") },
	{ "raw newline in string", S("{\"a\":\"x\ny\"}") },
	{ "raw tab in string", S("{\"a\":\"x\ty\"}") },
	{ "bad escape", S("{\"a\":\"\\x41\"}") },
	{ "short \\u", S("{\"a\":\"\\u12\"}") },
	{ "\\u not hex", S("{\"a\":\"\\u12G4\"}") },
	{ "lone high surrogate", S("{\"a\":\"\\ud83d\"}") },
	{ "high surrogate then text", S("{\"a\":\"\\ud83dxx\"}") },
	{ "high then high surrogate", S("{\"a\":\"\\ud83d\\ud83d\"}") },
	{ "lone low surrogate", S("{\"a\":\"\\ude00\"}") },
	{ "escaped NUL", S("{\"a\":\"\\u0000\"}") },
	{ "raw NUL", S("{\"a\":\"x\0y\"}") },
	{ "NUL after the object", S("{}\0") },
	{ "invalid UTF-8", S("{\"a\":\"\xc3\x28\"}") },
	{ "overlong UTF-8", S("{\"a\":\"\xc0\xaf\"}") },
	{ "UTF-8 surrogate", S("{\"a\":\"\xed\xa0\x80\"}") },
	{ "invalid UTF-8 in a name", S("{\"\xff\":1}") },
	{ "truncated UTF-8 at the end", S("{\"a\":\"\xce") },
	{ "duplicate name", S("{\"a\":1,\"a\":2}") },
	{ "duplicate name after escapes", S("{\"a\":1,\"\\u0061\":2}") },
	{ "unterminated string", S("{\"a\":\"abc") },
	{ "backslash at the end", S("{\"a\":\"\\") },
	{ "bad nested value", S("{\"a\":{\"b\":[1,2,}]}}") },
	{ "nested unterminated", S("{\"a\":[[[") },
	{ "bad UTF-8 nested", S("{\"a\":[\"\xff\"]}") },
	{ "control in nested string", S("{\"a\":{\"b\":\"\x01\"}}") },
	{ "vertical tab as space", S("{\v\"a\":1}") },
	{ "BOM", S("\xef\xbb\xbf{}") },
};

static void test_bad(void **state)
{
	(void)state;
	struct arena *a = arena_new(4096);
	int failed = 0;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct json_member *m = (struct json_member *)1;
		const char *why = NULL;
		int rc = json_parse_object(a, bad[i].doc, bad[i].len, 4096, &m, &why);
		if (rc != -1 || why == NULL || *why == '\0' || m != NULL) {
			printf("# accepted (or no reason): %s\n", bad[i].what);
			failed++;
		}
	}
	arena_free(a);
	assert_int_equal(failed, 0);
}

static void test_depth_and_size(void **state)
{
	(void)state;
	struct arena *a = arena_new(4096);
	char doc[200];
	const char *why;
	struct json_member *m;
	/* The top object and JSON_MAX_DEPTH - 1 arrays: the limit itself. */
	size_t n = 0;
	doc[n++] = '{';
	memcpy(doc + n, "\"a\":", 4);
	n += 4;
	for (int i = 0; i < JSON_MAX_DEPTH - 1; i++)
		doc[n++] = '[';
	for (int i = 0; i < JSON_MAX_DEPTH - 1; i++)
		doc[n++] = ']';
	doc[n++] = '}';
	assert_int_equal(json_parse_object(a, doc, n, sizeof doc, &m, &why), 0);
	assert_int_equal(m->type, JSON_ARRAY);
	/* One more is refused. */
	n = 0;
	doc[n++] = '{';
	memcpy(doc + n, "\"a\":", 4);
	n += 4;
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		doc[n++] = '[';
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		doc[n++] = ']';
	doc[n++] = '}';
	assert_int_equal(json_parse_object(a, doc, n, sizeof doc, &m, &why), -1);
	assert_non_null(strstr(why, "deep"));
	/* Size: max is checked before anything is read. */
	assert_int_equal(json_parse_object(a, S("{\"a\":1}"), 6, &m, &why), -1);
	assert_string_equal(why, "document too large");
	/* 100000 nested brackets: refused at the depth limit, no stack overflow. */
	static char deep[100000];
	memset(deep, '[', sizeof deep);
	memcpy(deep, "{\"a\":", 5);
	assert_int_equal(json_parse_object(a, deep, sizeof deep, sizeof deep, &m, &why), -1);
	assert_non_null(strstr(why, "deep"));
	/* The value budget. */
	struct buf b;
	buf_init(&b, 1 << 16);
	buf_adds(&b, "{\"a\":[");
	for (int i = 0; i < JSON_MAX_VALUES + 5; i++)
		buf_adds(&b, i ? ",0" : "0");
	buf_adds(&b, "]}");
	assert_int_equal(json_parse_object(a, b.p, b.len, b.len, &m, &why), -1);
	assert_non_null(strstr(why, "too many"));
	buf_free(&b);
	arena_free(a);
}

static void test_good(void **state)
{
	(void)state;
	struct arena *a = arena_new(4096);
	const char doc[] =
	    " \r\n\t{ \"case\" : 42 , \"status\":\"ready\", \"note\": \"\\u0394\\u03b5\\u03c2 "
	    "\\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \xce\xb1\", \"t\":true, "
	    "\"f\":false, \"z\":null, \"neg\":-0, \"x\":-12.5e+3, \"o\":{\"k\":[1,{\"d\":[]}]},"
	    " \"e\":\"\", \"\":1 } \n";
	struct json_member *m;
	const char *why = NULL;
	assert_int_equal(json_parse_object(a, doc, sizeof doc - 1, 4096, &m, &why), 0);
	long long v;
	assert_true(json_int(json_get(m, "case"), 1, 100, &v));
	assert_int_equal(v, 42);
	assert_false(json_int(json_get(m, "case"), 1, 10, &v));
	assert_false(json_int(json_get(m, "x"), -100000, 100000, &v));
	assert_false(json_int(json_get(m, "status"), 0, 10, &v));
	assert_false(json_int(json_get(m, "missing"), 0, 10, &v));
	assert_true(json_int(json_get(m, "neg"), -1, 1, &v));
	assert_int_equal(v, 0);
	const struct json_member *s = json_get(m, "status");
	assert_int_equal(s->type, JSON_STRING);
	assert_string_equal(s->val, "ready");
	s = json_get(m, "note");
	assert_string_equal(s->val, "\xce\x94\xce\xb5\xcf\x82 \xf0\x9f\x98\x80 \"q\" \\ / \b\f\n\r\t \xce\xb1");
	assert_int_equal(s->len, strlen(s->val));
	assert_int_equal(json_get(m, "t")->type, JSON_BOOL);
	assert_string_equal(json_get(m, "f")->val, "false");
	assert_int_equal(json_get(m, "z")->type, JSON_NULL);
	assert_string_equal(json_get(m, "x")->val, "-12.5e+3");
	assert_int_equal(json_get(m, "o")->type, JSON_OBJECT);
	assert_string_equal(json_get(m, "o")->val, "{\"k\":[1,{\"d\":[]}]}");
	assert_string_equal(json_get(m, "e")->val, "");
	assert_non_null(json_get(m, ""));
	/* In order. */
	assert_string_equal(m->name, "case");
	assert_string_equal(m->next->name, "status");
	/* Empty object. */
	assert_int_equal(json_parse_object(a, S("{}"), 10, &m, &why), 0);
	assert_null(m);
	/* Not NUL-terminated: only n bytes are read. */
	char cut[] = { '{', '"', 'a', '"', ':', '1', '}', 'x', 'x' };
	assert_int_equal(json_parse_object(a, cut, 7, 10, &m, &why), 0);
	assert_int_equal(json_parse_object(a, cut, 6, 10, &m, &why), -1);
	/* Huge integers do not overflow json_int. */
	assert_int_equal(json_parse_object(a, S("{\"n\":99999999999999999999999}"), 100, &m, &why), 0);
	assert_false(json_int(json_get(m, "n"), 0, 4294967295LL, &v));
	arena_free(a);
}

static void test_write(void **state)
{
	(void)state;
	static const struct { const char *in, *out; } rows[] = {
		{ "plain", "\"plain\"" },
		{ "", "\"\"" },
		{ "a\"b\\c", "\"a\\\"b\\\\c\"" },
		{ "\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"" },
		{ "\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"" },
		{ "</script>&", "\"\\u003c/script\\u003e\\u0026\"" },
		{ "\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1", "\"\xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1\"" },
		{ "\xe2\x80\xa8\xe2\x80\xa9", "\"\\u2028\\u2029\"" },
	};
	struct arena *a = arena_new(4096);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct buf b;
		buf_init(&b, 16);
		json_add_str(&b, rows[i].in);
		assert_string_equal(b.p, rows[i].out);
		/* Read back, it is the same text. */
		struct buf d;
		buf_init(&d, 16);
		buf_adds(&d, "{\"k\":");
		buf_add(&d, b.p, b.len);
		buf_addc(&d, '}');
		struct json_member *m;
		const char *why;
		assert_int_equal(json_parse_object(a, d.p, d.len, d.len, &m, &why), 0);
		assert_string_equal(m->val, rows[i].in);
		buf_free(&b);
		buf_free(&d);
	}
	struct buf b;
	buf_init(&b, 16);
	json_add_str(&b, NULL);
	assert_string_equal(b.p, "null");
	buf_free(&b);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_depth_and_size),
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_write),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
