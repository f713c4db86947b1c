/*
 * test_req.c - the request parsers in req.c, from tables of good and bad
 * input: Content-Length, percent-decoding, urlencoded forms and query
 * strings, the Cookie header, the multipart boundary and multipart bodies,
 * the body dispatcher and the field lookups.  Each row states the status the
 * parser must answer (0, 400, 413 or 415) and, on success, what it must have
 * built; every error must come with a message.  A parsed list is compared in
 * a printable form, "name=value|name=value", with bytes below 0x20 shown as
 * \xHH.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "http/req.h"

/* A literal and its length, so rows may hold NUL bytes. */
#define S(lit) lit, sizeof(lit) - 1
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

/* Limits for a row: a generous set, with any non-zero override applied. */
static struct req_limits limits(size_t max_fields, size_t max_field,
                                size_t max_header, size_t max_file)
{
	struct req_limits l = {
		.max_body = 1 << 20,
		.max_fields = 100,
		.max_field = 1000,
		.max_header = 4096,
		.max_file = 4096,
	};
	if (max_fields)
		l.max_fields = max_fields;
	if (max_field)
		l.max_field = max_field;
	if (max_header)
		l.max_header = max_header;
	if (max_file)
		l.max_file = max_file;
	return l;
}

/* Append n bytes to out printably: controls, DEL, '\\' and '|' as \xHH;
 * UTF-8 is left as it is so rows can be written in Greek. */
static void put(char *out, size_t cap, const char *s, size_t n)
{
	size_t o = strlen(out);

	for (size_t i = 0; i < n && o + 5 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f || c == '\\' || c == '|')
			o += (size_t)snprintf(out + o, cap - o, "\\x%02X", c);
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
}

/* "name=value|name=value"; a value whose len disagrees with its NUL is
 * flagged so the comparison fails. */
static const char *repr_fields(const struct field *f)
{
	static char out[4096];

	out[0] = '\0';
	for (; f; f = f->next) {
		if (out[0])
			strncat(out, "|", sizeof out - strlen(out) - 1);
		if (!f->name || !f->val) {
			put(out, sizeof out, "<NULL>", 6);
			continue;
		}
		put(out, sizeof out, f->name, strlen(f->name));
		strncat(out, "=", sizeof out - strlen(out) - 1);
		put(out, sizeof out, f->val, f->len);
		if (f->val[f->len] != '\0' || strlen(f->val) != f->len)
			strncat(out, "<len!>", sizeof out - strlen(out) - 1);
	}
	return out;
}

static const char *show(const char *s, size_t n)
{
	static char out[2048];

	out[0] = '\0';
	if (!s)
		return "(NULL)";
	put(out, sizeof out, s, n);
	return out;
}

static int why_ok(const char *why)
{
	return why != NULL && why[0] != '\0';
}

/* ---- Content-Length -------------------------------------------------- */

struct clen_row {
	const char *s;
	size_t max;
	int want;
	size_t want_out;
};

static const struct clen_row clen_rows[] = {
	{ NULL, 100, 0, 0 },
	{ "", 100, 0, 0 },
	{ "0", 100, 0, 0 },
	{ "1", 100, 0, 1 },
	{ "100", 100, 0, 100 },
	{ "10485760", 10485760, 0, 10485760 },
	{ "-1", 100, 400, 0 },
	{ "-0", 100, 400, 0 },
	{ "+1", 100, 400, 0 },
	{ " 1", 100, 400, 0 },
	{ "1 ", 100, 400, 0 },
	{ "\t1", 100, 400, 0 },
	{ "01", 100, 400, 0 },
	{ "00", 100, 400, 0 },
	{ "1e3", 10000, 400, 0 },
	{ "1.0", 100, 400, 0 },
	{ "0x10", 100, 400, 0 },
	{ "abc", 100, 400, 0 },
	{ "1,2", 100, 400, 0 },
	{ "\xEF\xBC\x91", 100, 400, 0 }, /* fullwidth digit one */
	{ "18446744073709551616", SIZE_MAX, 400, 0 },  /* overflows 64 bits */
	{ "99999999999999999999999999", SIZE_MAX, 400, 0 },
	{ "101", 100, 413, 0 },
	{ "10485761", 10485760, 413, 0 },
	{ "18446744073709551615", 10485760, 413, 0 },
};

static void test_clen(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(clen_rows); i++) {
		const struct clen_row *r = &clen_rows[i];
		size_t out = 12345;
		const char *why = NULL;
		int got = req_parse_clen(r->s, r->max, &out, &why);
		int bad = got != r->want || (r->want == 0 && out != r->want_out) ||
		          (r->want != 0 && !why_ok(why));
		if (bad) {
			print_message("# req_parse_clen row %zu \"%s\" max %zu: want %d/%zu,"
			              " got %d/%zu why=%s\n", i,
			              r->s ? show(r->s, strlen(r->s)) : "(NULL)", r->max,
			              r->want, r->want_out, got, out, why ? why : "(NULL)");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- percent-decoding ------------------------------------------------ */

struct decode_row {
	const char *src;
	size_t n;
	int plus;
	const char *want; /* NULL: must fail */
	size_t want_len;
};

static const struct decode_row decode_rows[] = {
	{ S(""), 0, S("") },
	{ S("abc"), 0, S("abc") },
	{ S("a+b"), 1, S("a b") },
	{ S("a+b"), 0, S("a+b") },
	{ S("%41"), 0, S("A") },
	{ S("%2B"), 1, S("+") },
	{ S("%20"), 0, S(" ") },
	{ S("%CE%B4"), 0, S("δ") },
	{ S("%ce%b4"), 0, S("δ") },
	{ S("%25"), 0, S("%") },
	{ S("%2541"), 0, S("%41") },
	{ S("%00"), 0, S("\0") },
	{ S("a%00b"), 0, S("a\0b") },
	{ S("δήμος"), 0, S("δήμος") },
	{ S("%"), 0, NULL, 0 },
	{ S("%4"), 0, NULL, 0 },
	{ S("abc%"), 0, NULL, 0 },
	{ S("%G1"), 0, NULL, 0 },
	{ S("%4G"), 0, NULL, 0 },
	{ S("% 1"), 0, NULL, 0 },
	{ S("%%41"), 0, NULL, 0 },
	{ S("%-1"), 0, NULL, 0 },
	{ S("%+1"), 1, NULL, 0 },
};

static void test_decode(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(decode_rows); i++) {
		const struct decode_row *r = &decode_rows[i];
		size_t len = 12345;
		char *got = req_decode(A, r->src, r->n, r->plus, &len);
		int bad;
		if (r->want == NULL)
			bad = got != NULL;
		else
			bad = got == NULL || len != r->want_len ||
			      memcmp(got, r->want, len) != 0 || got[len] != '\0';
		if (bad) {
			char g[1024];
			snprintf(g, sizeof g, "%s", got ? show(got, len) : "(NULL)");
			print_message("# req_decode row %zu \"%s\" plus=%d: want \"%s\","
			              " got \"%s\" (len %zu)\n", i, show(r->src, r->n),
			              r->plus, r->want ? r->want : "(NULL)", g, len);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* n bounds the input: bytes past it are not read. */
static void test_decode_bound(void **state)
{
	(void)state;
	size_t len;
	char *s = req_decode(A, "abcdef", 3, 0, &len);

	assert_non_null(s);
	assert_int_equal(len, 3);
	assert_string_equal(s, "abc");
	/* "%41" cut to "%4" is a bad escape */
	assert_null(req_decode(A, "%41", 2, 0, &len));
}

/* ---- application/x-www-form-urlencoded ------------------------------- */

struct form_row {
	const char *s;
	size_t n;
	size_t max_fields, max_field; /* 0: generous */
	int want;
	const char *want_list;
};

static const struct form_row form_rows[] = {
	{ S("a=1&b=2"), 0, 0, 0, "a=1|b=2" },
	{ S("b=2&a=1"), 0, 0, 0, "b=2|a=1" },
	{ S("a=1&a=2"), 0, 0, 0, "a=1|a=2" },
	{ S(""), 0, 0, 0, "" },
	{ S("&"), 0, 0, 0, "" },
	{ S("&&a=1&"), 0, 0, 0, "a=1" },
	{ S("a"), 0, 0, 0, "a=" },
	{ S("a&b=2"), 0, 0, 0, "a=|b=2" },
	{ S("a="), 0, 0, 0, "a=" },
	{ S("a=1=2"), 0, 0, 0, "a=1=2" },
	{ S("q=hello+world"), 0, 0, 0, "q=hello world" },
	{ S("q=a%2Bb"), 0, 0, 0, "q=a+b" },
	{ S("my+name=x"), 0, 0, 0, "my name=x" },
	{ S("q=%26%3D"), 0, 0, 0, "q=&=" },
	{ S("t=%CE%B4%CE%AE%CE%BC%CE%BF%CF%82"), 0, 0, 0, "t=δήμος" },
	{ S("t=%ce%b4"), 0, 0, 0, "t=δ" },
	{ S("%CE%B4=x"), 0, 0, 0, "δ=x" },
	{ S("t=Μυτιλήνη"), 0, 0, 0, "t=Μυτιλήνη" },
	{ S("a=line%0D%0Anext"), 0, 0, 0, "a=line\\x0D\\x0Anext" },
	/* bad escapes */
	{ S("a=%G1"), 0, 0, 400, NULL },
	{ S("a=%4"), 0, 0, 400, NULL },
	{ S("a=%"), 0, 0, 400, NULL },
	{ S("a=1&b=%zz"), 0, 0, 400, NULL },
	{ S("%G1=a"), 0, 0, 400, NULL },
	/* invalid UTF-8, escaped or raw */
	{ S("a=%C3%28"), 0, 0, 400, NULL },
	{ S("a=%FF"), 0, 0, 400, NULL },
	{ S("a=%C0%80"), 0, 0, 400, NULL },
	{ S("a=%ED%A0%80"), 0, 0, 400, NULL },
	{ S("a=%CE"), 0, 0, 400, NULL },
	{ S("a=\xC3\x28"), 0, 0, 400, NULL },
	{ S("\xFF=1"), 0, 0, 400, NULL },
	{ S("%FF=1"), 0, 0, 400, NULL },
	/* NUL */
	{ S("a=%00"), 0, 0, 400, NULL },
	{ S("a%00=1"), 0, 0, 400, NULL },
	{ S("a=1\0"), 0, 0, 400, NULL },
	/* limits */
	{ S("a=1&b=2&c=3&d=4"), 4, 0, 0, "a=1|b=2|c=3|d=4" },
	{ S("a=1&b=2&c=3&d=4&e=5"), 4, 0, 413, NULL },
	{ S("a&b&c&d&e"), 4, 0, 413, NULL },
	{ S("a=12345678"), 0, 8, 0, "a=12345678" },
	{ S("a=123456789"), 0, 8, 413, NULL },
	{ S("a=1&b=123456789"), 0, 8, 413, NULL },
	/* the limit is on decoded bytes: 8 bytes of Greek, 24 characters */
	{ S("a=%CE%B4%CE%B4%CE%B4%CE%B4"), 0, 8, 0, "a=δδδδ" },
	{ S("a=%CE%B4%CE%B4%CE%B4%CE%B4x"), 0, 8, 413, NULL },
	{ S("a=++++++++"), 0, 8, 0, "a=        " },
};

static void test_urlencoded(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(form_rows); i++) {
		const struct form_row *r = &form_rows[i];
		struct req_limits lim = limits(r->max_fields, r->max_field, 0, 0);
		struct field *list = NULL;
		const char *why = NULL;
		int got = req_parse_urlencoded(A, r->s, r->n, &lim, &list, &why);
		const char *have = got == 0 ? repr_fields(list) : "";
		int bad = got != r->want ||
		          (r->want == 0 && strcmp(have, r->want_list) != 0) ||
		          (r->want != 0 && !why_ok(why));
		if (bad) {
			char in[512];
			snprintf(in, sizeof in, "%s", show(r->s, r->n));
			print_message("# req_parse_urlencoded row %zu \"%s\": want %d \"%s\","
			              " got %d \"%s\" why=%s\n", i, in, r->want,
			              r->want_list ? r->want_list : "", got, have,
			              why ? why : "(NULL)");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* n bounds the input; the bytes after it are not part of the form. */
static void test_urlencoded_bound(void **state)
{
	(void)state;
	struct req_limits lim = limits(0, 0, 0, 0);
	struct field *list = NULL;
	const char *why = NULL;

	assert_int_equal(req_parse_urlencoded(A, "a=1&b=%G", 3, &lim, &list, &why), 0);
	assert_string_equal(repr_fields(list), "a=1");
}

/* ---- Cookie header --------------------------------------------------- */

struct cookie_row {
	const char *hdr;
	size_t max_fields, max_header; /* 0: generous */
	int want;
	const char *want_list;
};

static const struct cookie_row cookie_rows[] = {
	{ "a=1; b=2", 0, 0, 0, "a=1|b=2" },
	{ "a=1;b=2", 0, 0, 0, "a=1|b=2" },
	{ "  a=1 ;   b=2  ", 0, 0, 0, "a=1|b=2" },
	{ "a=1;\tb=2", 0, 0, 0, "a=1|b=2" },
	{ "", 0, 0, 0, "" },
	{ ";;a=1;;", 0, 0, 0, "a=1" },
	{ "sid=\"abc\"", 0, 0, 0, "sid=abc" },
	{ "a=\"1\"; b=2", 0, 0, 0, "a=1|b=2" },
	{ "a=", 0, 0, 0, "a=" },
	{ "a=b=c", 0, 0, 0, "a=b=c" },
	{ "a=1; a=2", 0, 0, 0, "a=1|a=2" },
	{ "t=Μυτιλήνη", 0, 0, 0, "t=Μυτιλήνη" },
	{ "a=1; junk; b=2", 0, 0, 0, "a=1|b=2" },
	{ "=x; a=1", 0, 0, 0, "a=1" },
	{ "junk", 0, 0, 0, "" },
	{ "a=\xC3\x28", 0, 0, 400, NULL },
	{ "a=1; b=\xFF", 0, 0, 400, NULL },
	{ "\xC0\x80=1", 0, 0, 400, NULL },
	{ "a=1; b=2; c=3; d=4", 4, 0, 0, "a=1|b=2|c=3|d=4" },
	{ "a=1; b=2; c=3; d=4; e=5", 4, 0, 413, NULL },
	/* 16 bytes exactly, then 17 */
	{ "a=12345678901234", 0, 16, 0, "a=12345678901234" },
	{ "a=123456789012345", 0, 16, 413, NULL },
};

static void test_cookies(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(cookie_rows); i++) {
		const struct cookie_row *r = &cookie_rows[i];
		struct req_limits lim = limits(r->max_fields, 0, r->max_header, 0);
		struct field *list = NULL;
		const char *why = NULL;
		int got = req_parse_cookies(A, r->hdr, &lim, &list, &why);
		const char *have = got == 0 ? repr_fields(list) : "";
		int bad = got != r->want ||
		          (r->want == 0 && strcmp(have, r->want_list) != 0) ||
		          (r->want != 0 && !why_ok(why));
		if (bad) {
			char in[512];
			snprintf(in, sizeof in, "%s", show(r->hdr, strlen(r->hdr)));
			print_message("# req_parse_cookies row %zu \"%s\": want %d \"%s\","
			              " got %d \"%s\" why=%s\n", i, in, r->want,
			              r->want_list ? r->want_list : "", got, have,
			              why ? why : "(NULL)");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* A long header at the default size limit is refused before it is split. */
static void test_cookies_long(void **state)
{
	(void)state;
	struct req_limits lim = limits(0, 0, 8192, 0);
	static char hdr[8192 + 2];
	struct field *list = NULL;
	const char *why = NULL;

	memset(hdr, 'x', sizeof hdr - 1);
	hdr[0] = 'a';
	hdr[1] = '=';
	hdr[8192] = '\0'; /* 8192 bytes: allowed */
	assert_int_equal(req_parse_cookies(A, hdr, &lim, &list, &why), 0);
	assert_non_null(list);
	assert_int_equal(list->len, 8190);
	hdr[8192] = 'x'; /* 8193 bytes */
	hdr[8193] = '\0';
	why = NULL;
	assert_int_equal(req_parse_cookies(A, hdr, &lim, &list, &why), 413);
	assert_true(why_ok(why));
}

/* ---- multipart boundary ---------------------------------------------- */

#define B70 "0123456789012345678901234567890123456789012345678901234567890123456789"

struct bnd_row {
	const char *ctype;
	const char *want; /* NULL: none */
};

static const struct bnd_row bnd_rows[] = {
	{ "multipart/form-data; boundary=abc", "abc" },
	{ "multipart/form-data;boundary=abc", "abc" },
	{ "multipart/form-data; boundary=\"abc\"", "abc" },
	{ "multipart/form-data; boundary=\"abc def\"", "abc def" },
	{ "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
	  "----WebKitFormBoundary7MA4YWxkTrZu0gW" },
	{ "multipart/form-data; charset=utf-8; boundary=xyz", "xyz" },
	{ "multipart/form-data; boundary=xyz; charset=utf-8", "xyz" },
	{ "multipart/form-data; boundary=\"xyz\"; charset=utf-8", "xyz" },
	{ "Multipart/Form-Data; BOUNDARY=abc", "abc" },
	{ "multipart/form-data; boundary=" B70, B70 },
	{ "multipart/form-data; boundary=\"" B70 "\"", B70 },
	{ "multipart/form-data; boundary=" B70 "1", NULL },
	{ "multipart/form-data; boundary=\"" B70 "1\"", NULL },
	{ "multipart/form-data; foo=\"a;boundary=b\"; boundary=c", "c" },
	{ "multipart/form-data", NULL },
	{ "multipart/form-data;", NULL },
	{ "multipart/form-data; boundary=", NULL },
	{ "multipart/form-data; boundary=\"\"", NULL },
	{ "multipart/form-data; boundary=\"abc", NULL },
	{ "multipart/form-data; xboundary=abc", NULL },
	{ "multipart/form-data; charset=utf-8", NULL },
	/* a parameter without '=' at the end: nothing past the NUL is read */
	{ "multipart/form-data; charset", NULL },
	{ "multipart/form-data; boundary=abc; charset", "abc" },
	{ "multipart/form-data; charset; boundary=abc", "abc" },
	{ "multipart/form-data; ;;", NULL },
	{ "", NULL },
};

static void test_boundary(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(bnd_rows); i++) {
		const struct bnd_row *r = &bnd_rows[i];
		char *got = req_multipart_boundary(A, r->ctype);
		int bad = r->want ? (got == NULL || strcmp(got, r->want) != 0)
		                  : got != NULL;
		if (bad) {
			print_message("# req_multipart_boundary row %zu '%s': want '%s',"
			              " got '%s'\n", i, r->ctype, r->want ? r->want : "(NULL)",
			              got ? got : "(NULL)");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- multipart/form-data bodies -------------------------------------- */

#define CT "multipart/form-data; boundary=XyZ123"
#define DL "--XyZ123\r\n"   /* delimiter line */
#define CLOSE "--XyZ123--\r\n"
#define CD(name) "Content-Disposition: form-data; name=\"" name "\"\r\n"
#define CDF(name, file) \
	"Content-Disposition: form-data; name=\"" name "\"; filename=\"" file "\"\r\n"
#define FIELD(name, val) DL CD(name) "\r\n" val "\r\n"

/* File content with NUL, high bytes and things that look like the start of
 * the delimiter "\r\n--XyZ123" but are not it; the last byte is a CR just
 * before the real delimiter. */
#define BIN "\0\x01\x02\xFF\xFE\r\n--XyZ12\r\n--XyZ\r\n-\r\r\n\r"

struct exp_file {
	const char *name, *filename, *ctype, *data;
	size_t len;   /* data NULL: oversize, its bytes dropped */
};

struct mp_row {
	const char *what;
	const char *ctype;
	const char *body;
	size_t n;
	size_t max_fields, max_field, max_file; /* 0: generous */
	int want;
	const char *want_fields;
	size_t nfiles;
	struct exp_file file[2];
};

static const struct mp_row mp_rows[] = {
	{ "two fields and a binary file", CT,
	  S(FIELD("title", "Hello")
	    FIELD("body", "Καλημέρα Μυτιλήνη")
	    DL CDF("file", "a.bin") "Content-Type: application/octet-stream\r\n"
	    "\r\n" BIN "\r\n" CLOSE),
	  0, 0, 0, 0, "title=Hello|body=Καλημέρα Μυτιλήνη", 1,
	  { { "file", "a.bin", "application/octet-stream", S(BIN) } } },
	{ "two files, declared and default type", CT,
	  S(DL CDF("a", "x.png") "Content-Type: image/png\r\n\r\n" "PNG" "\r\n"
	    DL CDF("b", "y.dat") "\r\n" "DAT" "\r\n" CLOSE),
	  0, 0, 0, 0, "", 2,
	  { { "a", "x.png", "image/png", S("PNG") },
	    { "b", "y.dat", "application/octet-stream", S("DAT") } } },
	{ "Greek names, values and filename", CT,
	  S(FIELD("τίτλος", "Νέα έργα")
	    DL CDF("φωτό", "φωτογραφία.jpg") "Content-Type: image/jpeg\r\n\r\n"
	    "\xFF\xD8\xFF" "\r\n" CLOSE),
	  0, 0, 0, 0, "τίτλος=Νέα έργα", 1,
	  { { "φωτό", "φωτογραφία.jpg", "image/jpeg", S("\xFF\xD8\xFF") } } },
	{ "quoted boundary in Content-Type", "multipart/form-data; boundary=\"XyZ123\"",
	  S(FIELD("a", "1") CLOSE), 0, 0, 0, 0, "a=1", 0, { { 0 } } },
	{ "header names in lower case", CT,
	  S(DL "content-disposition: form-data; name=\"a\"\r\n\r\n1\r\n" CLOSE),
	  0, 0, 0, 0, "a=1", 0, { { 0 } } },
	{ "no CRLF after the close delimiter", CT,
	  S(FIELD("a", "1") "--XyZ123--"), 0, 0, 0, 0, "a=1", 0, { { 0 } } },
	{ "empty value", CT, S(FIELD("a", "") CLOSE), 0, 0, 0, 0, "a=", 0, { { 0 } } },
	{ "value with line breaks", CT, S(FIELD("a", "x\r\ny\r\n") CLOSE),
	  0, 0, 0, 0, "a=x\\x0D\\x0Ay\\x0D\\x0A", 0, { { 0 } } },
	{ "fields in order, duplicates kept", CT,
	  S(FIELD("b", "2") FIELD("a", "1") FIELD("b", "3") CLOSE),
	  0, 0, 0, 0, "b=2|a=1|b=3", 0, { { 0 } } },
	/* parameters are quoted-strings: ';' and "x=" inside quotes are text */
	{ "';' and 'filename=' inside a quoted name", CT,
	  S(DL "Content-Disposition: form-data; name=\"a; filename=z\"\r\n\r\n1\r\n"
	    CLOSE), 0, 0, 0, 0, "a; filename=z=1", 0, { { 0 } } },
	{ "filename before name, with '; name=' inside it", CT,
	  S(DL "Content-Disposition: form-data; filename=\"x; name=y.txt\"; name=\"f\"\r\n"
	    "\r\nFILE\r\n" CLOSE), 0, 0, 0, 0, "", 1,
	  { { "f", "x; name=y.txt", "application/octet-stream", S("FILE") } } },
	/* limits: exactly at the limit is fine */
	{ "field of max_field bytes", CT, S(FIELD("a", "12345678") CLOSE),
	  0, 8, 0, 0, "a=12345678", 0, { { 0 } } },
	{ "Greek field of max_field bytes", CT, S(FIELD("a", "δδδδ") CLOSE),
	  0, 8, 0, 0, "a=δδδδ", 0, { { 0 } } },
	{ "file of max_file bytes", CT,
	  S(DL CDF("f", "f.txt") "\r\n" "0123456789abcdef" "\r\n" CLOSE),
	  0, 0, 16, 0, "", 1, { { "f", "f.txt", "application/octet-stream",
	                           S("0123456789abcdef") } } },
	{ "max_fields parts", CT, S(FIELD("a", "1") FIELD("b", "2") FIELD("c", "3") CLOSE),
	  3, 0, 0, 0, "a=1|b=2|c=3", 0, { { 0 } } },
	{ "binary file data is not checked as UTF-8", CT,
	  S(DL CDF("f", "f.bin") "\r\n" "\xC3\x28\0\xFF" "\r\n" CLOSE),
	  0, 0, 0, 0, "", 1, { { "f", "f.bin", "application/octet-stream",
	                          S("\xC3\x28\0\xFF") } } },
	/* over a limit */
	{ "field over max_field", CT, S(FIELD("a", "123456789") CLOSE),
	  0, 8, 0, 413, NULL, 0, { { 0 } } },
	{ "Greek field over max_field", CT, S(FIELD("a", "δδδδδ") CLOSE),
	  0, 8, 0, 413, NULL, 0, { { 0 } } },
	/* A file over max_file is kept as a mark without its bytes, so that
	 * the form can say so beside its field and show the rest again. */
	{ "file over max_file", CT,
	  S(DL CDF("f", "f.txt") "\r\n" "0123456789abcdefg" "\r\n" FIELD("a", "1") CLOSE),
	  0, 0, 16, 0, "a=1", 1, { { "f", "f.txt", "application/octet-stream", NULL, 17 } } },
	{ "too many parts", CT,
	  S(FIELD("a", "1") FIELD("b", "2") FIELD("c", "3") FIELD("d", "4") CLOSE),
	  3, 0, 0, 413, NULL, 0, { { 0 } } },
	{ "too many file parts", CT,
	  S(DL CDF("a", "1") "\r\nx\r\n" DL CDF("b", "2") "\r\nx\r\n"
	    DL CDF("c", "3") "\r\nx\r\n" DL CDF("d", "4") "\r\nx\r\n" CLOSE),
	  3, 0, 0, 413, NULL, 0, { { 0 } } },
	/* bad text */
	{ "invalid UTF-8 in a field value", CT, S(FIELD("a", "\xC3\x28") CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "overlong UTF-8 in a field value", CT, S(FIELD("a", "\xC0\xAF") CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "NUL in a field value", CT, S(FIELD("a", "x\0y") CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "invalid UTF-8 in a field name", CT, S(FIELD("\xFF", "1") CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "invalid UTF-8 in a filename", CT,
	  S(DL CDF("f", "\xFF.txt") "\r\nx\r\n" CLOSE), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	/* bad structure */
	{ "missing close delimiter, ends in data", CT, S(FIELD("a", "1")),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "missing close delimiter, ends in a value", CT, S(DL CD("a") "\r\nabc"),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "missing close delimiter, ends with a delimiter line", CT,
	  S(FIELD("a", "1") DL), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "ends in part headers", CT, S(DL CD("a")), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "boundary absent from body", CT, S("hello world"),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "body uses another boundary", "multipart/form-data; boundary=AbC",
	  S(FIELD("a", "1") CLOSE), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "no boundary in Content-Type", "multipart/form-data",
	  S(FIELD("a", "1") CLOSE), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "part without Content-Disposition", CT,
	  S(DL "Content-Type: text/plain\r\n\r\n1\r\n" CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "part with no headers", CT, S(DL "\r\n1\r\n" CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "Content-Disposition without name", CT,
	  S(DL "Content-Disposition: form-data\r\n\r\n1\r\n" CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "a part header line without ':', then another part", CT,
	  S(DL CD("a") "value\r\n" FIELD("b", "2") CLOSE), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "Content-Disposition not form-data", CT,
	  S(DL "Content-Disposition: form-dataX; name=\"a\"\r\n\r\n1\r\n" CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	/* A parameter without a value ends the header: the next header
	 * line must not be read as its parameters (regression: a field
	 * named "smuggled" was stored from the line below). */
	{ "Content-Disposition with a bare flag, name in the next line", CT,
	  S(DL "Content-Disposition: form-data; flag\r\nX: ; name=\"smuggled\"\r\n"
	    "\r\n1\r\n" CLOSE), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "name, then a bare flag at the end", CT,
	  S(DL "Content-Disposition: form-data; name=\"m\"; x\r\n\r\n1\r\n" CLOSE),
	  0, 0, 0, 0, "m=1", 0, { { 0 } } },
	{ "a bare flag before the name", CT,
	  S(DL "Content-Disposition: form-data; x; name=\"m\"\r\n\r\n1\r\n" CLOSE),
	  0, 0, 0, 0, "m=1", 0, { { 0 } } },
	{ "empty name", CT, S(DL CD("") "\r\n1\r\n" CLOSE),
	  0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "a good part, then one without a name", CT,
	  S(FIELD("a", "1") DL "Content-Disposition: form-data; filename=\"f\"\r\n"
	    "\r\nx\r\n" CLOSE), 0, 0, 0, 400, NULL, 0, { { 0 } } },
	{ "part headers not ended by a blank line", CT,
	  S(DL CD("a") "value\r\n" CLOSE), 0, 0, 0, 400, NULL, 0, { { 0 } } },
};

/* Every byte outside printable ASCII as \xHH: file data is not text. */
static const char *repr_bytes(const char *s, size_t n)
{
	static char out[1024];
	size_t o = 0;

	for (size_t i = 0; i < n && o + 5 < sizeof out; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x7f || c == '\\')
			o += (size_t)snprintf(out + o, sizeof out - o, "\\x%02X", c);
		else
			out[o++] = (char)c;
	}
	out[o] = '\0';
	return out;
}

/* 1 if the upload matches the expectation (and is NUL-terminated). */
static int file_ok(const struct upload *u, const struct exp_file *e)
{
	return u && u->name && strcmp(u->name, e->name) == 0 && u->filename &&
	       strcmp(u->filename, e->filename) == 0 && u->ctype &&
	       strcmp(u->ctype, e->ctype) == 0 && u->len == e->len && u->data &&
	       u->oversize == (e->data == NULL) &&
	       (e->data == NULL ? u->data[0] == '\0'
	                    : memcmp(u->data, e->data, e->len) == 0 && u->data[u->len] == '\0');
}

static void test_multipart(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(mp_rows); i++) {
		const struct mp_row *r = &mp_rows[i];
		struct req_limits lim = limits(r->max_fields, r->max_field, 0, r->max_file);
		struct field *fields = NULL;
		struct upload *files = NULL;
		const char *why = NULL;
		int got = req_parse_multipart(A, r->ctype, r->body, r->n, &lim,
		                              &fields, &files, &why);
		int bad = got != r->want || (r->want != 0 && !why_ok(why));

		/* A refused body leaves nothing behind. */
		if (r->want != 0 && (fields != NULL || files != NULL))
			bad = 1;
		if (!bad && r->want == 0) {
			const struct upload *u = files;
			size_t k = 0;
			if (strcmp(repr_fields(fields), r->want_fields) != 0)
				bad = 1;
			for (; u; u = u->next, k++)
				if (k >= r->nfiles || !file_ok(u, &r->file[k]))
					bad = 1;
			if (k != r->nfiles)
				bad = 1;
		}
		if (bad) {
			print_message("# req_parse_multipart row %zu (%s): want %d, got %d"
			              " why=%s\n", i, r->what, r->want, got,
			              why ? why : "(NULL)");
			if (got == 0) {
				print_message("#   fields \"%s\" (want \"%s\")\n",
				              repr_fields(fields),
				              r->want_fields ? r->want_fields : "");
				for (const struct upload *u = files; u; u = u->next)
					print_message("#   file name=%s filename=%s ctype=%s len=%zu"
					              " data=\"%s\"\n", u->name ? u->name : "(NULL)",
					              u->filename ? u->filename : "(NULL)",
					              u->ctype ? u->ctype : "(NULL)", u->len,
					              u->data ? repr_bytes(u->data, u->len) : "");
			}
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- the body dispatcher --------------------------------------------- */

struct body_row {
	const char *ctype;
	const char *body;
	size_t n;
	int want;
	const char *want_a; /* req_form(r, "a") on success */
	size_t nfiles;
};

#define URLENC "application/x-www-form-urlencoded"

static const struct body_row body_rows[] = {
	{ URLENC, S("a=1&b=2"), 0, "1", 0 },
	{ URLENC "; charset=UTF-8", S("a=1"), 0, "1", 0 },
	{ "Application/X-WWW-Form-URLEncoded", S("a=1"), 0, "1", 0 },
	{ URLENC, S("a=%CE%B4"), 0, "δ", 0 },
	{ URLENC, S("a=%G1"), 400, NULL, 0 },
	{ URLENC, S("a=%C3%28"), 400, NULL, 0 },
	{ CT, S(FIELD("a", "Δήμος") DL CDF("f", "f.txt") "\r\nhi\r\n" CLOSE), 0, "Δήμος", 1 },
	{ CT, S("no delimiter"), 400, NULL, 0 },
	{ "multipart/form-data", S(FIELD("a", "1") CLOSE), 400, NULL, 0 },
	{ "application/xml", S("<a/>"), 415, NULL, 0 },
	{ "application/json", S("{\"a\":1}"), 415, NULL, 0 },
	{ "text/plain", S("a=1"), 415, NULL, 0 },
	{ URLENC "x", S("a=1"), 415, NULL, 0 },
	{ "", S("a=1"), 415, NULL, 0 },
	/* an empty body is fine whatever its type */
	{ "application/xml", S(""), 0, NULL, 0 },
	{ "", S(""), 0, NULL, 0 },
	{ URLENC, S(""), 0, NULL, 0 },
	{ CT, S(""), 0, NULL, 0 },
};

static void test_body(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(body_rows); i++) {
		const struct body_row *row = &body_rows[i];
		struct req_limits lim = limits(0, 0, 0, 0);
		struct req r;
		const char *why = NULL;
		size_t nfiles = 0;

		memset(&r, 0, sizeof r);
		r.a = A;
		r.method_s = "POST";
		r.method = M_POST;
		r.path = "/";
		r.query_s = "";
		r.host = "";
		r.ctype = row->ctype;
		r.clen = row->n;
		int got = req_parse_body(&r, row->body, row->n, &lim, &why);
		const char *a = got == 0 ? req_form(&r, "a") : NULL;
		for (const struct upload *u = r.files; got == 0 && u; u = u->next)
			nfiles++;
		int bad = got != row->want || (row->want != 0 && !why_ok(why)) ||
		          (row->want == 0 &&
		           ((row->want_a == NULL) != (a == NULL) ||
		            (a && strcmp(a, row->want_a) != 0) || nfiles != row->nfiles));
		if (bad) {
			char in[512];
			snprintf(in, sizeof in, "%s", show(row->body, row->n));
			print_message("# req_parse_body row %zu '%s' \"%s\": want %d a=%s"
			              " files=%zu, got %d a=%s files=%zu why=%s\n", i,
			              row->ctype, in, row->want,
			              row->want_a ? row->want_a : "(NULL)", row->nfiles, got,
			              a ? a : "(NULL)", nfiles, why ? why : "(NULL)");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- lookups --------------------------------------------------------- */

static void test_lookups(void **state)
{
	(void)state;
	struct req_limits lim = limits(0, 0, 0, 0);
	struct req r;
	const char *why = NULL;

	memset(&r, 0, sizeof r);
	r.a = A;
	assert_int_equal(req_parse_urlencoded(A, S("q=1&q=2&p=&Δ=δ"), &lim,
	                                      &r.query, &why), 0);
	assert_int_equal(req_parse_urlencoded(A, S("title=x&body=y"), &lim,
	                                      &r.form, &why), 0);
	assert_int_equal(req_parse_cookies(A, "sid=abc; lang=el", &lim,
	                                   &r.cookies, &why), 0);

	/* the first of a name wins */
	assert_string_equal(req_field(r.query, "q"), "1");
	assert_string_equal(req_query(&r, "q"), "1");
	assert_string_equal(req_query(&r, "p"), "");
	assert_string_equal(req_query(&r, "Δ"), "δ");
	assert_null(req_query(&r, "Q")); /* names are case-sensitive */
	assert_null(req_query(&r, "title"));
	assert_null(req_query(&r, ""));
	assert_string_equal(req_form(&r, "title"), "x");
	assert_string_equal(req_form(&r, "body"), "y");
	assert_null(req_form(&r, "q"));
	assert_string_equal(req_cookie(&r, "sid"), "abc");
	assert_string_equal(req_cookie(&r, "lang"), "el");
	assert_null(req_cookie(&r, "si"));
	assert_null(req_cookie(&r, "sid2"));
	assert_null(req_field(NULL, "a"));

	/* an empty request has nothing */
	memset(&r, 0, sizeof r);
	assert_null(req_query(&r, "q"));
	assert_null(req_form(&r, "q"));
	assert_null(req_cookie(&r, "q"));
}

static void test_method(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		enum req_method want;
	} rows[] = {
		{ "GET", M_GET },     { "HEAD", M_HEAD },   { "POST", M_POST },
		{ "get", M_OTHER },   { "Get", M_OTHER },   { "PUT", M_OTHER },
		{ "DELETE", M_OTHER }, { "GETX", M_OTHER }, { "GE", M_OTHER },
		{ "", M_OTHER },      { "OPTIONS", M_OTHER },
	};
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		enum req_method got = req_method_parse(rows[i].s);
		if (got != rows[i].want) {
			print_message("# req_method_parse row %zu '%s': want %d, got %d\n", i,
			              rows[i].s, (int)rows[i].want, (int)got);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clen),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_bound),
		cmocka_unit_test(test_urlencoded),
		cmocka_unit_test(test_urlencoded_bound),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_cookies_long),
		cmocka_unit_test(test_boundary),
		cmocka_unit_test(test_multipart),
		cmocka_unit_test(test_body),
		cmocka_unit_test(test_lookups),
		cmocka_unit_test(test_method),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("req", tests, setup, teardown);
}
