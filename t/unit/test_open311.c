/*
 * test_open311.c - the Open311 document writer (open311/emit.c) and the
 * ISO 8601 reader it is queried with (core/civil.c civil_from_iso): the
 * same description written as XML and as JSON, byte for byte - list and
 * object top levels, nested lists of objects and of scalars, absent
 * values (an empty element / null), numbers written bare only when they
 * are plain decimals, booleans, and hostile text (markup, quotes,
 * control characters and U+FFFF, which XML forbids, U+2028) escaped in
 * both; and times
 * with offsets, Z, fractions and dates alone, and what is refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/civil.h"
#include "open311/emit.h"

/* One request list, as the API writes it. */
static char *write_requests(enum o311_fmt fmt)
{
	struct buf b;
	buf_init(&b, 256);
	struct o311_doc d;
	o311_open(&d, &b, fmt, "service_requests", 1);
	o311_obj(&d, "request");
	o311_str(&d, "service_request_id", "2026-000001");
	o311_str(&d, "description", "<b>\"Α\" & 'β'</b>\x01\t\xe2\x80\xa8\xef\xbf\xbf");
	o311_str(&d, "agency_responsible", NULL);
	o311_num(&d, "lat", "39.106000");
	o311_num(&d, "long", "-26.5");
	o311_num(&d, "zipcode", "081");  /* not a plain number: absent */
	o311_num(&d, "address_id", "1e5");
	o311_end(&d);
	o311_obj(&d, "request");
	o311_bool(&d, "flag", 0);
	o311_close(&d);
	char *s = strndup(b.p, b.len);
	buf_free(&b);
	return s;
}

static void test_requests(void **state)
{
	(void)state;
	char *x = write_requests(O311_XML);
	assert_string_equal(x,
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests>"
		"<request><service_request_id>2026-000001</service_request_id>"
		"<description>&lt;b&gt;&quot;Α&quot; &amp; &apos;β&apos;&lt;/b&gt;\t\xe2\x80\xa8"
		"</description><agency_responsible></agency_responsible>"
		"<lat>39.106000</lat><long>-26.5</long><zipcode></zipcode><address_id></address_id>"
		"</request><request><flag>false</flag></request></service_requests>\n");
	free(x);
	char *j = write_requests(O311_JSON);
	assert_string_equal(j,
		"[{\"service_request_id\":\"2026-000001\","
		"\"description\":\"\\u003cb\\u003e\\\"Α\\\" \\u0026 'β'\\u003c/b\\u003e\\u0001\\t\\u2028\xef\xbf\xbf\","
		"\"agency_responsible\":null,\"lat\":39.106000,\"long\":-26.5,\"zipcode\":null,"
		"\"address_id\":null},{\"flag\":false}]\n");
	free(j);
}

/* An object top level with nested lists of objects and of scalars. */
static char *write_discovery(enum o311_fmt fmt)
{
	struct buf b;
	buf_init(&b, 256);
	struct o311_doc d;
	o311_open(&d, &b, fmt, "discovery", 0);
	o311_str(&d, "changeset", "2026-12-02T00:00:00+02:00");
	o311_list(&d, "endpoints");
	o311_obj(&d, "endpoint");
	o311_str(&d, "type", "production");
	o311_list(&d, "formats");
	o311_str(&d, "format", "text/xml");
	o311_str(&d, "format", "application/json");
	o311_end(&d);
	o311_end(&d);
	o311_obj(&d, "endpoint");
	o311_list(&d, "formats");
	o311_close(&d);
	char *s = strndup(b.p, b.len);
	buf_free(&b);
	return s;
}

static void test_discovery(void **state)
{
	(void)state;
	char *x = write_discovery(O311_XML);
	assert_string_equal(x,
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<discovery>"
		"<changeset>2026-12-02T00:00:00+02:00</changeset><endpoints>"
		"<endpoint><type>production</type><formats><format>text/xml</format>"
		"<format>application/json</format></formats></endpoint>"
		"<endpoint><formats></formats></endpoint></endpoints></discovery>\n");
	free(x);
	char *j = write_discovery(O311_JSON);
	assert_string_equal(j,
		"{\"changeset\":\"2026-12-02T00:00:00+02:00\",\"endpoints\":["
		"{\"type\":\"production\",\"formats\":[\"text/xml\",\"application/json\"]},"
		"{\"formats\":[]}]}\n");
	free(j);
	assert_string_equal(o311_ctype(O311_XML), "text/xml; charset=utf-8");
	assert_string_equal(o311_ctype(O311_JSON), "application/json");
}

static void test_from_iso(void **state)
{
	(void)state;
	/* The tests run in the municipality's zone (Europe/Athens). */
	setenv("TZ", "Europe/Athens", 1);
	static const struct { const char *in, *out; } good[] = {
		{ "2026-03-08T10:00:00+02:00", "2026-03-08 10:00:00" },
		{ "2026-03-08T08:00:00Z", "2026-03-08 10:00:00" },
		{ "2026-03-08T08:00:00.123Z", "2026-03-08 10:00:00" },
		{ "2026-03-08T08:00Z", "2026-03-08 10:00:00" },
		{ "2026-07-08T10:00:00+03:00", "2026-07-08 10:00:00" },
		{ "2026-07-08T10:00:00-04:00", "2026-07-08 17:00:00" },
		{ "2026-03-08", "2026-03-08 00:00:00" },
		{ "2026-12-31T23:30:00-01:00", "2027-01-01 02:30:00" },
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char out[20] = "";
		print_message("%s\n", good[i].in);
		assert_int_equal(civil_from_iso(good[i].in, out), 0);
		assert_string_equal(out, good[i].out);
	}
	static const char *const bad[] = {
		"", "yesterday", "2026-3-8", "2026-02-30", "2026-13-01", "2026-03-08T25:00:00Z",
		"2026-03-08T10:00:00", "2026-03-08T10:00:00+2", "2026-03-08T10:00:00+02:00x",
		"2026-03-08 garbage", "1969-12-31", "2026-03-08T10:00:00+15:00",
		"9999-12-31T23:59:59-14:00", /* the year 10000 here (t/fuzz/fuzz_open311.c) */
		NULL,
	};
	for (size_t i = 0; bad[i] != NULL; i++) {
		char out[20];
		print_message("bad: '%s'\n", bad[i]);
		assert_int_equal(civil_from_iso(bad[i], out), -1);
	}
	assert_int_equal(civil_from_iso(NULL, (char[20]){ 0 }), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_requests),
		cmocka_unit_test(test_discovery),
		cmocka_unit_test(test_from_iso),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
