/*
 * test_ics.c - the iCalendar writer in ics.c, from tables: content lines
 * folded at exactly 75 octets with CRLF and one space, a fold never inside
 * a UTF-8 sequence (Greek, a 4-byte emoji) or an escape; TEXT escaping of
 * backslash, ';', ',' and line breaks (RFC 5545 3.3.11); control
 * characters dropped; invalid UTF-8 replaced by U+FFFD; unfolding and
 * unescaping the output gives the input back; a whole VCALENDAR from
 * ics_begin/ics_event/ics_end is balanced and has the required properties;
 * every event has an end (an hour when it has none), and one held over
 * several days at the same hours repeats daily (RRULE); ics_host.  Outputs are shown with CR, LF and other controls as \r \n \xHH.
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
#include "core/buf.h"
#include "site/ics.h"
#include "core/text.h"
#include "core/utf8.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))
#define FFFD "\xEF\xBF\xBD"

static struct arena *A;
static struct buf B;

static int setup(void **state)
{
	(void)state;
	A = arena_new(4096);
	buf_init(&B, 4096);
	return A == NULL;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	A = NULL;
	buf_free(&B);
	return 0;
}

/* s printably, in the arena: CR, LF, TAB and other controls escaped. */
static const char *show(const char *s)
{
	struct buf o;
	const char *r;

	if (s == NULL)
		return "(NULL)";
	buf_init(&o, 256);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '\r')
			buf_adds(&o, "\\r");
		else if (c == '\n')
			buf_adds(&o, "\\n");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(&o, "\\x%02X", c);
		else
			buf_addc(&o, (char)c);
	}
	buf_addc(&o, '\0');
	r = arena_strdup(A, o.p);
	buf_free(&o);
	return r;
}

static char *repeat(char c, size_t n)
{
	char *s = arena_alloc(A, n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* One ics_line into a fresh string in the arena. */
static const char *line_of(const char *name, const char *value, int text)
{
	buf_reset(&B);
	ics_line(&B, name, value, text);
	return arena_strndup(A, B.p, B.len);
}

/* The shape every output must have: lines end in CRLF with no other CR or
 * LF, a line has at most 75 octets, each line (without its leading fold
 * space) is valid UTF-8 - so no sequence is split - and no line ends in
 * half an escape.  Returns a reason or NULL. */
static const char *ics_shape(const char *s)
{
	static char why[160];
	size_t lineno = 1;

	if (!utf8_valid(s, strlen(s)))
		return "output is not valid UTF-8";
	while (*s) {
		const char *crlf = strstr(s, "\r\n");
		size_t n;
		if (crlf == NULL)
			return "last line does not end in CRLF";
		n = (size_t)(crlf - s);
		if (memchr(s, '\r', n) || memchr(s, '\n', n)) {
			snprintf(why, sizeof why, "line %zu has a bare CR or LF", lineno);
			return why;
		}
		if (n > 75) {
			snprintf(why, sizeof why, "line %zu has %zu octets", lineno, n);
			return why;
		}
		if (!utf8_valid(s, n)) {
			snprintf(why, sizeof why, "line %zu splits a UTF-8 sequence", lineno);
			return why;
		}
		/* an odd run of trailing backslashes is a split escape */
		size_t bs = 0;
		while (bs < n && s[n - 1 - bs] == '\\')
			bs++;
		if (bs % 2 && crlf[2] == ' ') {
			snprintf(why, sizeof why, "line %zu ends inside an escape", lineno);
			return why;
		}
		s = crlf + 2;
		lineno++;
	}
	return NULL;
}

/* RFC 5545 3.1: remove every CRLF followed by one space or tab. */
static char *unfold(const char *s)
{
	char *out = arena_alloc(A, strlen(s) + 1), *o = out;

	while (*s) {
		if (s[0] == '\r' && s[1] == '\n' && (s[2] == ' ' || s[2] == '\t')) {
			s += 3;
			continue;
		}
		*o++ = *s++;
	}
	*o = '\0';
	return out;
}

/* RFC 5545 3.3.11, reading: \\ \; \, \n \N.  NULL on a bad escape. */
static char *unescape(const char *s)
{
	char *out = arena_alloc(A, strlen(s) + 1), *o = out;

	for (; *s; s++) {
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		s++;
		switch (*s) {
		case '\\': case ';': case ',': *o++ = *s; break;
		case 'n': case 'N': *o++ = '\n'; break;
		default: return NULL;
		}
	}
	*o = '\0';
	return out;
}

/* ---- escaping, controls and invalid UTF-8 (short lines) ------------- */

struct line_row {
	const char *name;
	const char *value;
	int text;
	const char *want; /* the whole output, CRLF included */
};

static const struct line_row line_rows[] = {
	{ "SUMMARY", "", 1, "SUMMARY:\r\n" },
	{ "SUMMARY", "Συναυλία", 1, "SUMMARY:Συναυλία\r\n" },
	/* TEXT escapes */
	{ "SUMMARY", "a\\b", 1, "SUMMARY:a\\\\b\r\n" },
	{ "SUMMARY", "a;b", 1, "SUMMARY:a\\;b\r\n" },
	{ "SUMMARY", "a,b", 1, "SUMMARY:a\\,b\r\n" },
	{ "SUMMARY", "1;2,3\\4", 1, "SUMMARY:1\\;2\\,3\\\\4\r\n" },
	{ "SUMMARY", "\\\\", 1, "SUMMARY:\\\\\\\\\r\n" },
	{ "SUMMARY", "\\n", 1, "SUMMARY:\\\\n\r\n" }, /* a literal backslash-n */
	{ "DESCRIPTION", "one\ntwo", 1, "DESCRIPTION:one\\ntwo\r\n" },
	{ "DESCRIPTION", "one\r\ntwo", 1, "DESCRIPTION:one\\ntwo\r\n" },
	{ "DESCRIPTION", "one\rtwo", 1, "DESCRIPTION:one\\ntwo\r\n" },
	{ "DESCRIPTION", "one\n\ntwo", 1, "DESCRIPTION:one\\n\\ntwo\r\n" },
	{ "DESCRIPTION", "one\r\n\r\ntwo", 1, "DESCRIPTION:one\\n\\ntwo\r\n" },
	{ "DESCRIPTION", "\n", 1, "DESCRIPTION:\\n\r\n" },
	/* what TEXT does not escape */
	{ "SUMMARY", "a:b", 1, "SUMMARY:a:b\r\n" },
	{ "SUMMARY", "\"q\"", 1, "SUMMARY:\"q\"\r\n" },
	{ "SUMMARY", "a\tb", 1, "SUMMARY:a\tb\r\n" },
	{ "SUMMARY", "<b>&amp;</b>", 1, "SUMMARY:<b>&amp\\;</b>\r\n" },
	/* control characters dropped (TAB kept) */
	{ "SUMMARY", "a\x01" "b", 1, "SUMMARY:ab\r\n" },
	{ "SUMMARY", "\x1b[31mred", 1, "SUMMARY:[31mred\r\n" },
	{ "SUMMARY", "a\x7f" "b\x1f" "c\x08", 1, "SUMMARY:abc\r\n" },
	{ "SUMMARY", "\x0b\x0c", 1, "SUMMARY:\r\n" },
	/* invalid UTF-8: U+FFFD */
	{ "SUMMARY", "\xC3\x28", 1, "SUMMARY:" FFFD "(\r\n" },
	{ "SUMMARY", "a\xFF" "b", 1, "SUMMARY:a" FFFD "b\r\n" },
	{ "SUMMARY", "\x80", 1, "SUMMARY:" FFFD "\r\n" },
	{ "SUMMARY", "ab\xCE", 1, "SUMMARY:ab" FFFD "\r\n" },
	{ "SUMMARY", "\xC0\xAF", 1, "SUMMARY:" FFFD FFFD "\r\n" },          /* overlong '/' */
	{ "SUMMARY", "\xED\xA0\x80", 1, "SUMMARY:" FFFD FFFD FFFD "\r\n" }, /* surrogate */
	{ "SUMMARY", "\xF4\x90\x80\x80", 1,
	  "SUMMARY:" FFFD FFFD FFFD FFFD "\r\n" },                          /* > U+10FFFF */
	{ "SUMMARY", "δ\xCE;", 1, "SUMMARY:δ" FFFD "\\;\r\n" },
	/* not TEXT: no escapes, a line break is a space, controls still dropped */
	{ "UID", "a;b,c\\d", 0, "UID:a;b,c\\d\r\n" },
	{ "URL", "https://x.gr/a?b=1;c=2,3", 0, "URL:https://x.gr/a?b=1;c=2,3\r\n" },
	{ "UID", "a\nb\r\nc", 0, "UID:a b c\r\n" },
	{ "UID", "a\x01" "b\xFF", 0, "UID:ab" FFFD "\r\n" },
	/* the name is written as it is, with parameters */
	{ "DTSTART;TZID=Europe/Athens", "20261212T180000", 0,
	  "DTSTART;TZID=Europe/Athens:20261212T180000\r\n" },
};

static void test_lines(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(line_rows); i++) {
		const struct line_row *r = &line_rows[i];
		const char *got = line_of(r->name, r->value, r->text);
		const char *shape = ics_shape(got);
		if (strcmp(got, r->want) != 0 || shape) {
			print_message("# ics_line row %zu %s \"%s\" text=%d: want \"%s\", got"
			              " \"%s\"%s%s\n", i, r->name, show(r->value), r->text,
			              show(r->want), show(got), shape ? " - " : "",
			              shape ? shape : "");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- folding at exactly 75 octets ----------------------------------- */

#define B10 "bbbbbbbbbb"
#define B74 B10 B10 B10 B10 B10 B10 B10 "bbbb"
#define BS10 "\\\\\\\\\\\\\\\\\\\\" /* ten backslashes */
#define ALPHA36 "αααααααααααααααααααααααααααααααααααα"

/* value = pad × 'a' + tail on a SUMMARY line ("SUMMARY:" is 8 octets);
 * the output must be "SUMMARY:" + pad × 'a' + want. */
struct fold_row {
	const char *what;
	size_t pad;
	const char *tail;
	const char *want;
};

static const struct fold_row fold_rows[] = {
	{ "74 octets", 66, "", "\r\n" },
	{ "75 octets: no fold", 67, "", "\r\n" },
	{ "76 octets: one fold", 67, "b", "\r\n b\r\n" },
	{ "77 octets", 67, "bc", "\r\n bc\r\n" },
	{ "76 octets, pad 66", 66, "bc", "b\r\n c\r\n" },
	/* Greek (2 octets): fits at 74+2 - no; at 73+2 = 75 - yes */
	{ "α fits at octet 75", 65, "α", "α\r\n" },
	{ "α would end at octet 76", 66, "α", "\r\n α\r\n" },
	{ "αβ across the fold", 65, "αβ", "α\r\n β\r\n" },
	{ "Greek ending at 75, then more", 65, "αβγ", "α\r\n βγ\r\n" },
	/* a 3-octet character (€) and a 4-octet emoji (U+1F600) */
	{ "€ fits at octet 75", 64, "€", "€\r\n" },
	{ "€ would end at octet 76", 65, "€", "\r\n €\r\n" },
	{ "€ would end at octet 77", 66, "€", "\r\n €\r\n" },
	{ "emoji fits at octet 75", 63, "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80\r\n" },
	{ "emoji would end at 76", 64, "\xF0\x9F\x98\x80", "\r\n \xF0\x9F\x98\x80\r\n" },
	{ "emoji would end at 77", 65, "\xF0\x9F\x98\x80", "\r\n \xF0\x9F\x98\x80\r\n" },
	{ "emoji would end at 78", 66, "\xF0\x9F\x98\x80", "\r\n \xF0\x9F\x98\x80\r\n" },
	{ "emoji after a full line", 67, "\xF0\x9F\x98\x80", "\r\n \xF0\x9F\x98\x80\r\n" },
	/* an escape is one unit */
	{ "\\; fits at octet 75", 65, ";", "\\;\r\n" },
	{ "\\; would end at octet 76", 66, ";", "\r\n \\;\r\n" },
	{ "\\\\ would end at octet 76", 66, "\\", "\r\n \\\\\r\n" },
	{ "\\n would end at octet 76", 66, "\n", "\r\n \\n\r\n" },
	{ "U+FFFD is one unit", 65, "\xFF", "\r\n " FFFD "\r\n" },
	{ "a dropped control takes no room", 67, "\x01", "\r\n" },
	/* a continuation line is one space + at most 74 octets */
	{ "continuation of 74", 67, B74, "\r\n " B74 "\r\n" },
	{ "continuation of 75 folds again", 67, B74 "c", "\r\n " B74 "\r\n c\r\n" },
	{ "Greek continuation", 67, "b" ALPHA36, "\r\n b" ALPHA36 "\r\n" },
	{ "Greek continuation folds before β", 67, "b" ALPHA36 "β",
	  "\r\n b" ALPHA36 "\r\n β\r\n" },
	{ "Greek continuation, 1 free octet", 67, "bc" ALPHA36 "β",
	  "\r\n bc" ALPHA36 "\r\n β\r\n" },
};

static void test_fold(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(fold_rows); i++) {
		const struct fold_row *r = &fold_rows[i];
		const char *value = arena_printf(A, "%s%s", repeat('a', r->pad), r->tail);
		const char *want = arena_printf(A, "SUMMARY:%s%s", repeat('a', r->pad), r->want);
		const char *got = line_of("SUMMARY", value, 1);
		const char *shape = ics_shape(got);
		if (strcmp(got, want) != 0 || shape) {
			print_message("# ics_line fold row %zu (%s): want \"%s\", got \"%s\"%s%s\n",
			              i, r->what, show(want), show(got), shape ? " - " : "",
			              shape ? shape : "");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- unfolding and unescaping gives the input back ------------------ */

static const char *const roundtrip_rows[] = {
	"",
	"Συναυλία της Φιλαρμονικής στην πλατεία Σαπφούς",
	"Η Φιλαρμονική του Δήμου Μυτιλήνης παρουσιάζει έργα Σκαλκώτα, Χατζιδάκι και "
	"Θεοδωράκη; είσοδος ελεύθερη.\nΠληροφορίες: 22510 12345, \\ γραμματεία.",
	"🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉",
	";;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;",
	BS10 BS10 BS10 BS10 "\\",
	"\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
	"a€b€c€d€e€f€g€h€i€j€k€l€m€n€o€p€q€r€s€t€u€v€w€x€y€z€a€b€c€d€e€f€g€h€i€j€",
	"Ελληνικά, English; 中文, русский\\日本語\nעברית 😀 ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ "
	"άέήίόύώϊϋΐΰ ÀÉÎÕÜ ß æ ø\tκαι τέλος.",
};

static void test_roundtrip(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(roundtrip_rows); i++) {
		const char *in = roundtrip_rows[i];
		/* lengths that put every character at every column */
		for (size_t pad = 0; pad < 8; pad++) {
			const char *value = arena_printf(A, "%s%s", repeat('x', pad), in);
			const char *got = line_of("DESCRIPTION", value, 1);
			const char *shape = ics_shape(got);
			const char *un = unfold(got);
			const char *back = NULL;
			size_t n = strlen(un);
			if (n >= 2 && strcmp(un + n - 2, "\r\n") == 0 &&
			    strncmp(un, "DESCRIPTION:", 12) == 0) {
				char *v = arena_strndup(A, un + 12, n - 14);
				back = unescape(v);
			}
			if (shape || back == NULL || strcmp(back, value) != 0) {
				print_message("# round trip row %zu pad %zu: \"%s\" -> \"%s\" -> \"%s\""
				              "%s%s\n", i, pad, show(value), show(got), show(back),
				              shape ? " - " : "", shape ? shape : "");
				failed++;
				break;
			}
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- a whole calendar ------------------------------------------------ */

/* The unfolded content lines of s, in the arena; *n receives their count. */
static char **lines_of(const char *s, size_t *n)
{
	char *u = unfold(s);
	size_t cap = 16, k = 0;
	char **v = arena_alloc(A, cap * sizeof *v);

	for (char *p = u; *p;) {
		char *e = strstr(p, "\r\n");
		if (e == NULL)
			break;
		*e = '\0';
		if (k == cap) {
			char **w = arena_alloc(A, 2 * cap * sizeof *w);
			memcpy(w, v, cap * sizeof *v);
			v = w;
			cap *= 2;
		}
		v[k++] = p;
		p = e + 2;
	}
	*n = k;
	return v;
}

/* How many lines in [from, to) start with prefix. */
static int count(char **v, size_t from, size_t to, const char *prefix)
{
	int c = 0;
	for (size_t i = from; i < to; i++)
		if (strncmp(v[i], prefix, strlen(prefix)) == 0)
			c++;
	return c;
}

/* BEGIN/END nest and match; NULL or a reason. */
static const char *balance(char **v, size_t n)
{
	static char why[200];
	const char *stack[16];
	size_t depth = 0;

	for (size_t i = 0; i < n; i++) {
		if (strncmp(v[i], "BEGIN:", 6) == 0) {
			if (depth == 16)
				return "nesting too deep";
			stack[depth++] = v[i] + 6;
		} else if (strncmp(v[i], "END:", 4) == 0) {
			if (depth == 0 || strcmp(stack[depth - 1], v[i] + 4) != 0) {
				snprintf(why, sizeof why, "line %zu \"%s\" closes %s", i + 1, v[i],
				         depth ? stack[depth - 1] : "nothing");
				return why;
			}
			depth--;
			if (depth == 0 && i + 1 != n)
				return "lines after END:VCALENDAR";
		}
	}
	return depth ? "BEGIN without END" : NULL;
}

static const struct ics_event events[] = {
	{
		.uid = "event-12@www.example.gr",
		.stamp = 1767225600, /* 2026-01-01T00:00:00Z */
		.start = "2026-12-12 18:00:00",
		.end = "2026-12-12 21:30:00",
		.summary = "Χριστουγεννιάτικη συναυλία; Φιλαρμονική, χορωδία",
		.description = "Η Φιλαρμονική του Δήμου παρουσιάζει κάλαντα από όλη την "
		               "Ελλάδα.\nΕίσοδος ελεύθερη \\ δωρεάν. 🎄🎄🎄 Καλές γιορτές σε "
		               "όλους και όλες, από τον Δήμο Μυτιλήνης!",
		.location = "Πλατεία Σαπφούς, Μυτιλήνη",
		.lat = "39.1044",
		.lon = "26.5547",
		.url = "https://www.example.gr/events/12-christougenniatiki-synavlia",
	},
	{
		.uid = "event-13@www.example.gr",
		.stamp = 0,
		.start = "2027-01-06 11:00:00",
		.end = NULL,
		.summary = "Αγιασμός των υδάτων",
	},
};

static void test_calendar(void **state)
{
	(void)state;
	size_t n, ev[2] = { 0, 0 }, k = 0;
	char **v;
	const char *shape, *why;

	buf_reset(&B);
	ics_begin(&B, "Εκδηλώσεις Δήμου Μυτιλήνης, 2026");
	for (size_t i = 0; i < NROWS(events); i++)
		assert_int_equal(ics_event(&B, &events[i]), 0);
	ics_end(&B);
	assert_int_equal(strlen(B.p), B.len);

	shape = ics_shape(B.p);
	if (shape)
		print_message("# calendar: %s\n", shape);
	assert_null(shape);

	v = lines_of(B.p, &n);
	why = balance(v, n);
	if (why)
		print_message("# calendar: %s\n", why);
	assert_null(why);
	assert_true(n > 10);
	assert_string_equal(v[0], "BEGIN:VCALENDAR");
	assert_string_equal(v[n - 1], "END:VCALENDAR");

	/* RFC 5545 3.6: VERSION and PRODID once each */
	assert_int_equal(count(v, 0, n, "VERSION:2.0"), 1);
	assert_int_equal(count(v, 0, n, "VERSION:"), 1);
	assert_int_equal(count(v, 0, n, "PRODID:"), 1);
	assert_int_equal(count(v, 0, n, "X-WR-CALNAME:Εκδηλώσεις Δήμου Μυτιλήνης\\, 2026"), 1);
	/* every TZID used has its VTIMEZONE */
	assert_int_equal(count(v, 0, n, "BEGIN:VTIMEZONE"), 1);
	assert_int_equal(count(v, 0, n, "TZID:Europe/Athens"), 1);
	assert_int_equal(count(v, 0, n, "BEGIN:STANDARD"), 1);
	assert_int_equal(count(v, 0, n, "BEGIN:DAYLIGHT"), 1);

	/* the events, in order */
	assert_int_equal(count(v, 0, n, "BEGIN:VEVENT"), 2);
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], "BEGIN:VEVENT") == 0 && k < 2)
			ev[k++] = i;
	assert_int_equal(k, 2);
	for (k = 0; k < 2; k++) {
		size_t from = ev[k], to = from;
		while (to < n && strcmp(v[to], "END:VEVENT") != 0)
			to++;
		assert_true(to < n);
		/* RFC 5545 3.6.1: UID and DTSTAMP required, once; DTSTART once */
		assert_int_equal(count(v, from, to, "UID:"), 1);
		assert_int_equal(count(v, from, to, "DTSTAMP:"), 1);
		assert_int_equal(count(v, from, to, "DTSTART"), 1);
		assert_true(count(v, from, to, "DTEND") <= 1);
		assert_true(count(v, from, to, "SUMMARY:") == 1);
	}
	assert_int_equal(count(v, ev[0], ev[1], "UID:event-12@www.example.gr"), 1);
	assert_int_equal(count(v, ev[0], ev[1], "DTSTAMP:20260101T000000Z"), 1);
	assert_int_equal(count(v, ev[0], ev[1], "DTSTART;TZID=Europe/Athens:20261212T180000"), 1);
	assert_int_equal(count(v, ev[0], ev[1], "DTEND;TZID=Europe/Athens:20261212T213000"), 1);
	assert_int_equal(count(v, ev[0], ev[1],
	                       "SUMMARY:Χριστουγεννιάτικη συναυλία\\; Φιλαρμονική\\, χορωδία"), 1);
	assert_int_equal(count(v, ev[0], ev[1], "DESCRIPTION:Η Φιλαρμονική"), 1);
	assert_int_equal(count(v, ev[0], ev[1], "LOCATION:Πλατεία Σαπφούς\\, Μυτιλήνη"), 1);
	/* GEO's ';' is its separator, not escaped */
	assert_int_equal(count(v, ev[0], ev[1], "GEO:39.1044;26.5547"), 1);
	assert_int_equal(count(v, ev[0], ev[1],
	                       "URL:https://www.example.gr/events/12-christougenniatiki-synavlia"), 1);
	for (size_t i = ev[0]; i < ev[1]; i++)
		if (strncmp(v[i], "DESCRIPTION:", 12) == 0) {
			const char *back = unescape(v[i] + 12);
			assert_non_null(back);
			assert_string_equal(back, events[0].description);
		}
	assert_int_equal(count(v, ev[1], n, "DTSTAMP:19700101T000000Z"), 1);
	/* no end: an hour */
	assert_int_equal(count(v, ev[1], n, "DTEND;TZID=Europe/Athens:20270106T120000"), 1);
	assert_int_equal(count(v, ev[1], n, "DTEND"), 1);
	assert_int_equal(count(v, 0, n, "RRULE:FREQ=DAILY"), 0);
	assert_int_equal(count(v, ev[1], n, "DESCRIPTION"), 0);
	assert_int_equal(count(v, ev[1], n, "LOCATION"), 0);
	assert_int_equal(count(v, ev[1], n, "GEO"), 0);
	assert_int_equal(count(v, ev[1], n, "URL"), 0);
}

/* ---- ics_event: what is left out ------------------------------------ */

struct event_row {
	const char *what;
	const char *start, *end;
	const char *summary, *lat, *lon;
	int want;              /* ics_event's result */
	const char *want_end;  /* the DTEND value (every event written has one) */
	int want_summary, want_geo;
	const char *want_rrule; /* the RRULE value, NULL: no RRULE */
};

static const struct event_row event_rows[] = {
	{ "plain", "2026-05-01 10:00:00", "2026-05-01 12:00:00", "x", "1", "2", 0,
	  "20260501T120000", 1, 1, NULL },
	{ "end = start", "2026-05-01 10:00:00", "2026-05-01 10:00:00", "x", NULL, NULL, 0,
	  "20260501T100000", 1, 0, NULL },
	/* no usable end: an hour */
	{ "end NULL", "2026-05-01 10:00:00", NULL, "x", NULL, NULL, 0, "20260501T110000", 1,
	  0, NULL },
	{ "end before start", "2026-05-01 10:00:00", "2026-05-01 09:59:59", "x", NULL, NULL,
	  0, "20260501T110000", 1, 0, NULL },
	{ "end the day before", "2026-05-01 10:00:00", "2026-04-30 23:00:00", "x", NULL,
	  NULL, 0, "20260501T110000", 1, 0, NULL },
	{ "end unparsable", "2026-05-01 10:00:00", "2026-05-01", "x", NULL, NULL, 0,
	  "20260501T110000", 1, 0, NULL },
	{ "end not a date", "2026-05-01 10:00:00", "2026-02-30 12:00:00", "x", NULL, NULL, 0,
	  "20260501T110000", 1, 0, NULL },
	{ "no end at 23:30", "2026-12-31 23:30:00", NULL, "x", NULL, NULL, 0,
	  "20270101T003000", 1, 0, NULL },
	{ "no end, 28 February of a leap year", "2028-02-28 23:15:00", NULL, "x", NULL, NULL, 0,
	  "20280229T001500", 1, 0, NULL },
	/* several days at the same hours: daily */
	{ "daily for 32 days", "2027-01-22 10:00:00", "2027-02-22 14:00:00", "x", NULL, NULL, 0,
	  "20270122T140000", 1, 0, "FREQ=DAILY;COUNT=32" },
	{ "daily for 2 days", "2026-05-01 10:00:00", "2026-05-02 10:00:01", "x", NULL, NULL, 0,
	  "20260501T100001", 1, 0, "FREQ=DAILY;COUNT=2" },
	{ "daily over a leap day", "2028-02-27 09:00:00", "2028-03-01 17:00:00", "x", NULL, NULL,
	  0, "20280227T170000", 1, 0, "FREQ=DAILY;COUNT=4" },
	{ "daily over a new year", "2026-12-05 17:00:00", "2027-01-06 21:00:00", "x", NULL, NULL,
	  0, "20261205T210000", 1, 0, "FREQ=DAILY;COUNT=33" },
	/* several days otherwise: one block */
	{ "overnight", "2026-12-31 22:00:00", "2027-01-01 02:00:00", "x", NULL, NULL, 0,
	  "20270101T020000", 1, 0, NULL },
	{ "days later at the same time", "2026-05-01 10:00:00", "2026-05-03 10:00:00", "x", NULL,
	  NULL, 0, "20260503T100000", 1, 0, NULL },
	{ "days later, earlier in the day", "2026-07-10 21:00:00", "2026-07-12 18:00:00", "x",
	  NULL, NULL, 0, "20260712T180000", 1, 0, NULL },
	{ "empty summary", "2026-05-01 10:00:00", NULL, "", NULL, NULL, 0, "20260501T110000", 0,
	  0, NULL },
	{ "NULL summary", "2026-05-01 10:00:00", NULL, NULL, NULL, NULL, 0, "20260501T110000", 0,
	  0, NULL },
	{ "lat only", "2026-05-01 10:00:00", NULL, "x", "1", NULL, 0, "20260501T110000", 1, 0,
	  NULL },
	{ "lon only", "2026-05-01 10:00:00", NULL, "x", NULL, "2", 0, "20260501T110000", 1, 0,
	  NULL },
	{ "empty lat", "2026-05-01 10:00:00", NULL, "x", "", "2", 0, "20260501T110000", 1, 0,
	  NULL },
	/* an unparsable start: nothing written */
	{ "start NULL", NULL, NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start empty", "", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start a date", "2026-05-01", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start with T", "2026-05-01T10:00:00", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start with Z", "2026-05-01 10:00:00Z", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start short", "2026-05-01 10:00:0", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start non-digit", "2026-05-01 1a:00:00", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start iCalendar form", "20260501T100000", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start 13th month", "2026-13-01 10:00:00", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	{ "start 25 o'clock", "2026-05-01 25:00:00", NULL, "x", NULL, NULL, -1, NULL, 0, 0, NULL },
	/* found by t/fuzz/fuzz_ics.c: was written as 1 March */
	{ "start 29 February 2027", "2027-02-29 10:00:00", NULL, "x", NULL, NULL, -1, NULL, 0, 0,
	  NULL },
	{ "end 29 February 2027", "2027-02-28 10:00:00", "2027-02-29 09:00:00", "x", NULL, NULL, 0,
	  "20270228T110000", 1, 0, NULL },
};

static void test_event_rows(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(event_rows); i++) {
		const struct event_row *r = &event_rows[i];
		struct ics_event e = {
			.uid = "u@x", .stamp = 1767225600, .start = r->start, .end = r->end,
			.summary = r->summary, .lat = r->lat, .lon = r->lon,
		};
		int got;
		size_t n;
		char **v;
		const char *want_end = r->want_end
		                           ? arena_printf(A, "DTEND;TZID=Europe/Athens:%s",
		                                          r->want_end)
		                           : NULL;
		const char *want_rrule = r->want_rrule
		                             ? arena_printf(A, "RRULE:%s", r->want_rrule)
		                             : NULL;
		int bad;

		buf_reset(&B);
		got = ics_event(&B, &e);
		v = lines_of(B.p ? B.p : "", &n);
		if (r->want != 0)
			bad = got != r->want || B.len != 0;
		else
			bad = got != 0 || ics_shape(B.p) != NULL || balance(v, n) != NULL ||
			      n < 2 || strcmp(v[0], "BEGIN:VEVENT") != 0 ||
			      count(v, 0, n, "DTEND") != (want_end != NULL) ||
			      (want_end && count(v, 0, n, want_end) != 1) ||
			      count(v, 0, n, "RRULE") != (want_rrule != NULL) ||
			      (want_rrule && count(v, 0, n, want_rrule) != 1) ||
			      count(v, 0, n, "SUMMARY:") != r->want_summary ||
			      count(v, 0, n, "GEO:") != r->want_geo;
		if (bad) {
			print_message("# ics_event row %zu (%s): want %d, got %d: \"%s\"\n", i,
			              r->what, r->want, got, show(B.len ? B.p : ""));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* ---- ics_host -------------------------------------------------------- */

static void test_host(void **state)
{
	(void)state;
	static const struct {
		const char *url, *want;
	} rows[] = {
		{ "https://www.x.gr:8443/y", "www.x.gr" },
		{ "https://www.example.gr", "www.example.gr" },
		{ "https://www.example.gr/", "www.example.gr" },
		{ "HTTPS://WWW.Example.GR/Path", "www.example.gr" },
		{ "http://user:pw@host.gr:81/x", "host.gr" },
		{ "https://a.gr?x=1", "a.gr" },
		{ "https://a.gr#top", "a.gr" },
		{ "https://a.gr/p@q", "a.gr" },
		{ "https://[::1]:8080/", "[::1]" },
		{ "www.example.gr/x", "www.example.gr" },
		{ "https://", "localhost" },
		{ "https:///x", "localhost" },
		{ "https://:80/", "localhost" },
		{ "", "localhost" },
		{ NULL, "localhost" },
	};
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const char *got = text_url_host(A, rows[i].url);
		if (got == NULL || strcmp(got, rows[i].want) != 0) {
			print_message("# ics_host row %zu \"%s\": want \"%s\", got \"%s\"\n", i,
			              show(rows[i].url), rows[i].want, show(got));
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_event_rows),
		cmocka_unit_test(test_host),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("ics", tests, setup, teardown);
}
