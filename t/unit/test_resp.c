/*
 * test_resp.c - the response block resp_finish() hands to libfcgi: status
 * line, headers, body, HEAD without a body, and no header value that could
 * split the header block (CR, LF, NUL-like controls are refused with a 500).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/buf.h"
#include "http/resp.h"

static struct resp R;

static int setup(void **state)
{
	(void)state;
	resp_init(&R);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	resp_free(&R);
	return 0;
}

/* The finished block as a string (it is NUL-free here). */
static const char *finish(void)
{
	size_t len;
	static char copy[8192];
	const char *out = resp_finish(&R, &len);
	assert_true(len < sizeof(copy));
	memcpy(copy, out, len);
	copy[len] = '\0';
	return copy;
}

static void test_plain(void **state)
{
	(void)state;
	resp_reset(&R);
	buf_adds(&R.out, "hello");
	const char *s = finish();
	assert_non_null(strstr(s, "Status: 200 OK\r\n"));
	assert_non_null(strstr(s, "Content-Length: 5\r\n"));
	assert_non_null(strstr(s, "X-Content-Type-Options: nosniff\r\n"));
	assert_non_null(strstr(s, "frame-ancestors 'none'"));
	assert_non_null(strstr(s, "\r\n\r\nhello"));
}

/* The micro-cache's header: only when the worker allowed it, and before
 * Cache-Control (nginx reads the first caching header it finds). */
static void test_shared(void **state)
{
	(void)state;
	resp_reset(&R);
	buf_adds(&R.out, "x");
	assert_null(strstr(finish(), "X-Accel-Expires"));
	resp_reset(&R);
	R.shared = 1;
	buf_adds(&R.out, "x");
	const char *s = finish();
	const char *x = strstr(s, "X-Accel-Expires: 1\r\n"), *cc = strstr(s, "Cache-Control: no-cache\r\n");
	assert_non_null(x);
	assert_non_null(cc);
	assert_true(x < cc);
	resp_reset(&R);
	assert_int_equal(R.shared, 0);
}

static void test_head(void **state)
{
	(void)state;
	resp_reset(&R);
	R.head_only = 1;
	buf_adds(&R.out, "hello");
	const char *s = finish();
	assert_non_null(strstr(s, "Content-Length: 5\r\n"));
	size_t n = strlen(s);
	assert_true(n >= 4 && strcmp(s + n - 4, "\r\n\r\n") == 0);
}

static void test_redirect(void **state)
{
	(void)state;
	resp_reset(&R);
	R.status = 303;
	R.location = "/accessibility?sent=1#feedback";
	const char *s = finish();
	assert_non_null(strstr(s, "Status: 303 See Other\r\n"));
	assert_non_null(strstr(s, "Location: /accessibility?sent=1#feedback\r\n"));
}

/* Each header that data can reach, with each byte that could split it. */
static void test_no_header_split(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"/x\r\nSet-Cookie: a=b", "/x\nSet-Cookie: a=b", "/x\rSet-Cookie: a=b",
		"/x\x01", "/x\x7f", "\r\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		for (int which = 0; which < 3; which++) {
			resp_reset(&R);
			R.status = 301;
			buf_adds(&R.out, "body");
			if (which == 0)
				R.location = bad[i];
			else if (which == 1)
				R.disposition = bad[i];
			else
				R.ctype = bad[i];
			const char *s = finish();
			assert_non_null(strstr(s, "Status: 500 Internal Server Error\r\n"));
			assert_null(strstr(s, "Set-Cookie"));
			assert_null(strstr(s, "Location:"));
			assert_null(strstr(s, "Content-Disposition:"));
			assert_null(strstr(s, "body"));
		}
	}
	assert_true(resp_header_ok("attachment; filename=\"a b.ics\""));
	assert_true(resp_header_ok("a\tb"));
	assert_true(resp_header_ok(NULL));
	assert_false(resp_header_ok("a\r\nb"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_shared),
		cmocka_unit_test(test_head),
		cmocka_unit_test(test_redirect),
		cmocka_unit_test(test_no_header_split),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("resp", tests, setup, teardown);
}
