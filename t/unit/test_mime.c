/*
 * test_mime.c - the messages of mail/mime.c: RFC 2047 encoded-words (a
 * Greek subject decodes back to itself, every word at most 75 characters,
 * no UTF-8 sequence split between words, ASCII kept), header lines of at
 * most 78 characters, CRLF everywhere, quoted-printable bodies that decode
 * to the original with lines of at most 76, and no header injection
 * through the subject, the recipient or the message id; and the sender's
 * backoff (mail/send.c: doubled each try, at most 6 h).  The decoders
 * below are written from the RFCs, independently of mime.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/utf8.h"
#include "mail/mime.h"
#include "mail/outbox.h"
#include "mail/send.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static struct arena *A;

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	A = arena_new(4096);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static int b64val(char c)
{
	const char *al = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = strchr(al, c);
	return c && p ? (int)(p - al) : -1;
}

/* Base64 of s[0..n) appended to out; the number of bytes. */
static size_t b64dec(const char *s, size_t n, char *out)
{
	size_t o = 0;
	unsigned acc = 0;
	int bits = 0;
	for (size_t i = 0; i < n && s[i] != '='; i++) {
		int v = b64val(s[i]);
		assert_true(v >= 0);
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (char)((acc >> bits) & 0xff);
		}
	}
	return o;
}

/* The unfolded value of header name in msg, its encoded-words decoded (the
 * white space between two words dropped); each word's decoded bytes must
 * be whole UTF-8 by themselves. */
static char *header_value(const char *msg, const char *name, int *words)
{
	static char out[4096];
	char want[64];
	snprintf(want, sizeof(want), "\r\n%s: ", name);
	const char *p = strstr(msg, want);
	if (p == NULL && strncmp(msg, want + 2, strlen(want) - 2) == 0)
		p = msg - 2;
	assert_non_null(p);
	p += strlen(want);
	char raw[4096];
	size_t n = 0;
	for (; *p; p++) { /* unfold: CRLF followed by white space */
		if (p[0] == '\r' && p[1] == '\n') {
			if (p[2] != ' ' && p[2] != '\t')
				break;
			p++;
			continue;
		}
		raw[n++] = *p;
	}
	raw[n] = '\0';
	size_t o = 0;
	*words = 0;
	int last_word = 0;
	for (const char *q = raw; *q;) {
		if (strncmp(q, "=?UTF-8?B?", 10) == 0) {
			const char *end = strstr(q + 10, "?=");
			assert_non_null(end);
			if (last_word) /* drop the space between two words */
				while (o > 0 && out[o - 1] == ' ')
					o--;
			size_t k = b64dec(q + 10, (size_t)(end - q - 10), out + o);
			assert_true(utf8_valid(out + o, k));
			o += k;
			q = end + 2;
			(*words)++;
			last_word = 1;
			continue;
		}
		if (*q != ' ')
			last_word = 0;
		out[o++] = *q++;
	}
	out[o] = '\0';
	return out;
}

/* Every line of msg ends CRLF; the header lines are at most 78
 * characters, the body lines at most 76; no bare CR or LF. */
static void check_lines(const char *msg)
{
	int in_body = 0;
	for (const char *p = msg; *p;) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		for (const char *q = p; q < e; q++)
			assert_true(*q != '\r' && *q != '\n');
		size_t n = (size_t)(e - p);
		if (n == 0)
			in_body = 1;
		assert_true(n <= (in_body ? 76u : 78u));
		p = e + 2;
	}
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Quoted-printable decoded, lines ending LF. */
static char *qp_decode(const char *s, size_t n)
{
	char *o = arena_alloc(A, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=' && i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else if (s[i] == '=') {
			assert_true(i + 2 < n);
			int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
			assert_true(h >= 0 && l >= 0);
			o[k++] = (char)(h * 16 + l);
			i += 2;
		} else if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
			o[k++] = '\n';
			i++;
		} else {
			o[k++] = s[i];
		}
	}
	o[k] = '\0';
	return o;
}

/* The decoded body of the part whose Content-Type starts with type. */
static char *part_body(const char *msg, const char *type)
{
	char want[80];
	snprintf(want, sizeof(want), "Content-Type: %s;", type);
	const char *p = strstr(msg, want);
	assert_non_null(p);
	assert_non_null(strstr(p, "Content-Transfer-Encoding: quoted-printable\r\n"));
	const char *body = strstr(p, "\r\n\r\n");
	assert_non_null(body);
	body += 4;
	const char *end = strstr(body, "\r\n--=_agora_");
	assert_non_null(end);
	return qp_decode(body, (size_t)(end - body));
}

static struct mime_msg base(void)
{
	struct mime_msg m = {
		.from = "noreply@mytilene.gr", .from_name = "Δήμος Μυτιλήνης",
		.to = "citizen@example.org", .subject = "Hello",
		.text = "Line one\nLine two\n", .html = NULL, .unsubscribe = NULL,
		.message_id = "abc123@mytilene.gr", .date = 1700000000, .lang = "el",
	};
	return m;
}

static void test_subjects(void **state)
{
	(void)state;
	static const char *const subjects[] = {
		"Νέο σχόλιο προσβασιμότητας: «Η σελίδα δεν διαβάζεται» — αριθμός 42",
		"Ελληνικά",
		"Μικτό subject με ASCII και Ελληνικά και 😀 emoji και ακόμη περισσότερα "
		"γράμματα ώστε να χρειαστούν πολλές λέξεις κωδικοποίησης, πολλές",
		"ααααααααααααααααααααααααααααααααααααααααααααααααααα€€€€€€€€€€€€€€€€",
	};
	for (size_t i = 0; i < NROWS(subjects); i++) {
		struct mime_msg m = base();
		m.subject = subjects[i];
		size_t len;
		char *msg = mime_build(A, &m, &len);
		assert_non_null(msg);
		assert_int_equal(strlen(msg), len);
		check_lines(msg);
		int words;
		assert_string_equal(header_value(msg, "Subject", &words), subjects[i]);
		assert_true(words >= 1);
		/* Every encoded word is at most 75 characters. */
		for (const char *w = strstr(msg, "=?UTF-8?B?"); w; w = strstr(w + 1, "=?UTF-8?B?")) {
			const char *e = strstr(w + 10, "?=");
			assert_true((size_t)(e + 2 - w) <= 75);
		}
		assert_string_equal(header_value(msg, "From", &words),
		                    "Δήμος Μυτιλήνης <noreply@mytilene.gr>");
	}
}

static void test_ascii_kept(void **state)
{
	(void)state;
	struct mime_msg m = base();
	m.subject = "Plain ASCII subject";
	m.from_name = "Agora";
	char *msg = mime_build(A, &m, NULL);
	assert_non_null(strstr(msg, "\r\nSubject: Plain ASCII subject\r\n"));
	assert_true(strncmp(msg, "From: Agora\r\n <noreply@mytilene.gr>\r\n", 37) == 0);
	assert_null(strstr(msg, "=?"));
	/* A long ASCII subject is folded at spaces, never encoded. */
	char *h = mime_header(A, "Subject",
	                      "A long plain subject that goes on and on and on, longer "
	                      "than one header line of seventy-eight characters can hold");
	check_lines(h);
	assert_null(strstr(h, "=?"));
	assert_non_null(strstr(h, "\r\n "));
}

static void test_headers(void **state)
{
	(void)state;
	struct mime_msg m = base();
	m.unsubscribe = "https://mytilene.gr/unsubscribe?t=abc";
	char *msg = mime_build(A, &m, NULL);
	check_lines(msg);
	static const char *const want[] = {
		"\r\nTo: citizen@example.org\r\n",
		"\r\nDate: ",
		"\r\nMessage-ID: <abc123@mytilene.gr>\r\n",
		"\r\nMIME-Version: 1.0\r\n",
		"\r\nAuto-Submitted: auto-generated\r\n",
		"\r\nList-Unsubscribe: <https://mytilene.gr/unsubscribe?t=abc>\r\n",
		"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
		"\r\nContent-Type: multipart/alternative;\r\n boundary=\"=_agora_",
	};
	for (size_t i = 0; i < NROWS(want); i++)
		assert_non_null(strstr(msg, want[i]));
	/* Without an unsubscribe URL, no List-Unsubscribe. */
	m = base();
	msg = mime_build(A, &m, NULL);
	assert_null(strstr(msg, "List-Unsubscribe"));
	/* The date is RFC 5322's, in the process's zone. */
	setenv("TZ", "Europe/Athens", 1);
	tzset();
	assert_string_equal(mime_date(A, 1700000000), "Wed, 15 Nov 2023 00:13:20 +0200");
	assert_string_equal(mime_date(A, 1690000000), "Sat, 22 Jul 2023 07:26:40 +0300");
}

static void test_bodies(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"Καλημέρα,\n\nυπάρχει νέο σχόλιο: https://example.gr/admin/x?id=1&y=2.\n"
		". a line starting with a dot\nTrailing space \nTab\tinside\n",
		"x = y\r\nCRLF lines\r\n",
		"A very long line without any break at all, Ελληνικά και λατινικά, "
		"that must be cut by soft line breaks into lines of at most seventy-six "
		"characters each, however long it is......................................",
	};
	for (size_t i = 0; i < NROWS(texts); i++) {
		struct mime_msg m = base();
		m.text = texts[i];
		char *msg = mime_build(A, &m, NULL);
		assert_non_null(msg);
		check_lines(msg);
		char *want = arena_strdup(A, texts[i]);
		char *w = want;
		for (const char *p = texts[i]; *p; p++) /* CRLF as LF */
			if (!(p[0] == '\r' && p[1] == '\n'))
				*w++ = *p;
		*w = '\0';
		char *got = part_body(msg, "text/plain");
		if (want[strlen(want) - 1] != '\n') /* the part ends with a line end */
			assert_int_equal(got[strlen(got) - 1], '\n'), got[strlen(got) - 1] = '\0';
		assert_string_equal(got, want);
		char *html = part_body(msg, "text/html");
		assert_non_null(strstr(html, "<html lang=\"el\">"));
	}
	/* The HTML made from text: escaped, paragraphs, links. */
	char *h = mime_html_from_text(A, "a <b> & \"c\"\nnext\n\nsee https://x.gr/p?a=1&b=2.\n",
	                              "T<", "el");
	assert_non_null(strstr(h, "<title>T&lt;</title>"));
	assert_non_null(strstr(h, "<p>a &lt;b&gt; &amp; &quot;c&quot;<br>\nnext</p>"));
	assert_non_null(strstr(h, "<p>see <a href=\"https://x.gr/p?a=1&amp;b=2\">"
	                          "https://x.gr/p?a=1&amp;b=2</a>.</p>"));
	/* A given HTML part is sent as it is. */
	struct mime_msg m = base();
	m.html = "<p>Γειά</p>";
	assert_string_equal(part_body(mime_build(A, &m, NULL), "text/html"), "<p>Γειά</p>\n");
}

static void test_injection(void **state)
{
	(void)state;
	struct mime_msg m = base();
	m.subject = "Hi\r\nBcc: victim@example.org\r\n\r\nbody";
	char *msg = mime_build(A, &m, NULL);
	assert_non_null(msg);
	check_lines(msg);
	assert_null(strstr(msg, "\r\nBcc:"));
	assert_non_null(strstr(msg, "\r\nSubject: Hi  Bcc: victim@example.org    body\r\n"));
	m.subject = "Γειά\r\nBcc: victim@example.org";
	msg = mime_build(A, &m, NULL);
	assert_null(strstr(msg, "\r\nBcc:"));
	int words;
	assert_string_equal(header_value(msg, "Subject", &words), "Γειά  Bcc: victim@example.org");
	static const char *const bad_to[] = {
		"a@b.gr\r\nBcc: c@d.gr", "a@b.gr\nX: y", "a b@c.gr", "<a@b.gr>", "a@b.gr,c@d.gr",
		"", "nobody", "a@b",
	};
	for (size_t i = 0; i < NROWS(bad_to); i++) {
		m = base();
		m.to = bad_to[i];
		assert_null(mime_build(A, &m, NULL));
	}
	m = base();
	m.message_id = "x@y\r\nBcc: c@d.gr";
	assert_null(mime_build(A, &m, NULL));
	m = base();
	m.from_name = "Name\r\nBcc: c@d.gr";
	msg = mime_build(A, &m, NULL);
	check_lines(msg);
	assert_null(strstr(msg, "\r\nBcc:"));
	m = base();
	m.unsubscribe = "https://x.gr/u\r\nBcc: c@d.gr";
	msg = mime_build(A, &m, NULL);
	assert_null(strstr(msg, "Bcc:"));
	assert_null(strstr(msg, "List-Unsubscribe"));
}

static void test_backoff(void **state)
{
	(void)state;
	static const struct { unsigned long base; unsigned tries; unsigned long want; } rows[] = {
		{ 60, 1, 60 }, { 60, 2, 120 }, { 60, 3, 240 }, { 60, 7, 3840 },
		{ 60, 8, 7680 }, { 60, 9, 15360 }, { 60, 10, 21600 }, { 60, 200, 21600 },
		{ 1, 1, 1 }, { 1, 15, 16384 }, { 1, 16, 21600 }, { 30000, 1, 21600 },
		{ 0, 1, 1 },
	};
	for (size_t i = 0; i < NROWS(rows); i++)
		assert_int_equal(outbox_backoff(rows[i].base, rows[i].tries), rows[i].want);
}

static void test_addresses(void **state)
{
	(void)state;
	static const char *const good[] = { "a@b.gr", "first.last+tag@sub.example.org",
	                                     "x_y-z@mytilene.gr" };
	static const char *const bad[] = { "", "a", "@b.gr", "a@", "a@b", "a@.gr", "a@b.gr.",
	                                   "a@@b.gr", "a b@c.gr", "a@b.gr\r\n", "\"a\"@b.gr",
	                                   "<a@b.gr>", "a@b.gr,c@d.gr", "a;b@c.gr", "ä@b.gr" };
	for (size_t i = 0; i < NROWS(good); i++)
		assert_true(outbox_address_ok(good[i]));
	for (size_t i = 0; i < NROWS(bad); i++)
		assert_false(outbox_address_ok(bad[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subjects),
		cmocka_unit_test(test_ascii_kept),
		cmocka_unit_test(test_headers),
		cmocka_unit_test(test_bodies),
		cmocka_unit_test(test_injection),
		cmocka_unit_test(test_backoff),
		cmocka_unit_test(test_addresses),
	};
	return cmocka_run_group_tests_name("mime", tests, setup, teardown);
}
