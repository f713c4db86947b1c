/*
 * fuzz_ics.c - libFuzzer target for the iCalendar writer (site/ics.c:
 * ics_begin, ics_event, ics_end, ics_line) fed hostile text.  The input,
 * up to a NUL, is one event's fields separated by '|':
 *   stamp|calname|uid|start|end|summary|description|location|lat|lon|url
 * (stamp: Unix seconds in decimal; start and end "YYYY-MM-DD HH:MM:SS";
 * a field left out is NULL).
 *
 * Checked on the whole calendar: valid UTF-8, every line ended by CRLF
 * and no CR or LF anywhere else, no line longer than 75 octets, each
 * line valid UTF-8 on its own (a fold never splits a character) and no
 * fold inside an escape; unfolded, BEGIN and END balanced from VCALENDAR
 * to VCALENDAR, one VEVENT when ics_event wrote one; every TEXT value
 * (X-WR-CALNAME, SUMMARY, DESCRIPTION, LOCATION) has only the escapes
 * \\ \; \, \n, no bare ';' or ',', and unescapes to the text given less
 * its controls (a line break of any kind as one \n, an invalid byte as
 * U+FFFD); UID, URL and GEO are the text given on one line; DTSTART is
 * the start, and DTEND and RRULE what ics.h says of the end.  An event is
 * left out (-1) only when its start is not a real date and time or its
 * stamp cannot be written.  See README.md for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/civil.h"
#include "core/utf8.h"
#include "site/ics.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

#define NF 11

/* The text as it should come out: controls dropped, line breaks as nl
 * (one for CRLF), invalid bytes as U+FFFD. */
static void cleaned(struct buf *o, const char *s, const char *nl)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)s[i];
		unsigned cp;
		int k;
		if (ch == '\r' || ch == '\n') {
			i += ch == '\r' && s[i + 1] == '\n' ? 2 : 1;
			buf_adds(o, nl);
		} else if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
			i++;
		} else if (ch < 0x80) {
			buf_addc(o, (char)ch);
			i++;
		} else if ((k = utf8_decode(s + i, n - i, &cp)) > 0) {
			buf_add(o, s + i, (size_t)k);
			i += (size_t)k;
		} else {
			buf_adds(o, "\xEF\xBF\xBD");
			i++;
		}
	}
}

/* A TEXT value unescaped; 0 if it holds another escape or a bare ; or ,. */
static int unescape(struct buf *o, const char *v)
{
	for (; *v; v++) {
		if (*v == ';' || *v == ',')
			return 0;
		if (*v != '\\') {
			buf_addc(o, *v);
			continue;
		}
		v++;
		if (*v == 'n' || *v == 'N')
			buf_addc(o, '\n');
		else if (*v == '\\' || *v == ';' || *v == ',')
			buf_addc(o, *v);
		else
			return 0;
	}
	return 1;
}

/* "YYYY-MM-DD HH:MM:SS", a real date and time: 1 and the day and second. */
static int ref_time(const char *s, long *day, long *sec)
{
	int y, mo, d, h, mi, se;
	if (s == NULL || strlen(s) != 19 || strspn(s, "0123456789") != 4 || s[4] != '-' ||
	    strspn(s + 5, "0123456789") != 2 || s[7] != '-' || strspn(s + 8, "0123456789") != 2 ||
	    s[10] != ' ' || strspn(s + 11, "0123456789") != 2 || s[13] != ':' ||
	    strspn(s + 14, "0123456789") != 2 || s[16] != ':' || strspn(s + 17, "0123456789") != 2 ||
	    sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se) != 6)
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59)
		return 0;
	int y2, m2, d2;
	*day = civil_days(y, mo, d);
	civil_date(*day, &y2, &m2, &d2);
	if (y2 != y || m2 != mo || d2 != d) /* 31 April, 29 February 2027 */
		return 0;
	*sec = h * 3600L + mi * 60L + se;
	return 1;
}

static const char *local(char out[32], long day, long sec)
{
	int y, m, d;
	day += sec / 86400;
	sec %= 86400;
	civil_date(day, &y, &m, &d);
	snprintf(out, 32, "%04d%02d%02dT%02ld%02ld%02ld", y, m, d, sec / 3600, sec / 60 % 60,
	         sec % 60);
	return out;
}

/* The unfolded value of the first property named name, or NULL. */
static const char *prop(char **lines, size_t n, const char *name)
{
	size_t k = strlen(name);
	for (size_t i = 0; i < n; i++)
		if (strncmp(lines[i], name, k) == 0 && lines[i][k] == ':')
			return lines[i] + k + 1;
	return NULL;
}

/* Property name's value against in: TEXT (escaped) or on one line;
 * always: written even when in is empty. */
static void check_text(char **lines, size_t n, const char *name, const char *in, int text,
                       int always)
{
	const char *v = prop(lines, n, name);
	if (!always && (in == NULL || *in == '\0')) {
		CHECK(v == NULL);
		return;
	}
	CHECK(v != NULL);
	struct buf want, got;
	buf_init(&want, 64);
	buf_init(&got, 64);
	cleaned(&want, in ? in : "", text ? "\n" : " ");
	if (text)
		CHECK(unescape(&got, v));
	else
		buf_adds(&got, v);
	CHECK(got.len == want.len && memcmp(got.p, want.p, got.len) == 0);
	buf_free(&want);
	buf_free(&got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = strnlen((const char *)data, size);
	char *in = malloc(len + 1);
	if (in == NULL)
		return 0;
	memcpy(in, data, len);
	in[len] = '\0';
	char *f[NF] = { NULL };
	char *p = in;
	for (size_t i = 0; i < NF && p != NULL; i++) {
		f[i] = p;
		p = strchr(p, '|');
		if (p != NULL)
			*p++ = '\0';
	}
	struct ics_event e = {
		.stamp = f[0] ? (time_t)strtoll(f[0], NULL, 10) : 0,
		.uid = f[2] ? f[2] : "", .start = f[3], .end = f[4], .summary = f[5],
		.description = f[6], .location = f[7], .lat = f[8], .lon = f[9], .url = f[10],
	};
	const char *calname = f[1] ? f[1] : "";

	struct buf b;
	buf_init(&b, 4096);
	ics_begin(&b, calname);
	int rc = ics_event(&b, &e);
	ics_end(&b);

	/* Physical lines. */
	CHECK(strlen(b.p) == b.len && utf8_valid(b.p, b.len));
	CHECK(b.len >= 2 && memcmp(b.p + b.len - 2, "\r\n", 2) == 0);
	size_t nlines = 0, cap = 64;
	char **lines = malloc(cap * sizeof(*lines));
	struct buf cur;
	buf_init(&cur, 128);
	int in_escape = 0, text = 0;
	static const char *const texts[] = { "SUMMARY:", "DESCRIPTION:", "LOCATION:",
		                             "X-WR-CALNAME:" };
	for (const char *s = b.p; *s;) {
		const char *crlf = strstr(s, "\r\n");
		CHECK(crlf != NULL);
		size_t l = (size_t)(crlf - s);
		CHECK(memchr(s, '\r', l) == NULL && memchr(s, '\n', l) == NULL);
		CHECK(l <= 75 && utf8_valid(s, l));
		int cont = s[0] == ' ';
		CHECK(!(cont && nlines == 0 && cur.len == 0));
		if (!cont && cur.len > 0) {
			CHECK(!in_escape);
			if (nlines == cap)
				lines = realloc(lines, (cap *= 2) * sizeof(*lines));
			lines[nlines++] = strdup(cur.p);
			buf_reset(&cur);
		}
		/* No fold inside an escape of a TEXT value: each piece ends
		 * after a whole one. */
		if (cont)
			CHECK(!in_escape);
		else {
			text = 0;
			for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
				text |= strncmp(s, texts[i], strlen(texts[i])) == 0;
		}
		in_escape = 0;
		for (size_t i = cont; text && i < l; i++)
			in_escape = !in_escape && s[i] == '\\';
		buf_add(&cur, s + cont, l - cont);
		s = crlf + 2;
	}
	CHECK(cur.len > 0);
	lines[nlines++] = strdup(cur.p);
	buf_free(&cur);

	/* The calendar's structure. */
	CHECK(strcmp(lines[0], "BEGIN:VCALENDAR") == 0 &&
	      strcmp(lines[nlines - 1], "END:VCALENDAR") == 0);
	const char *stack[8];
	size_t depth = 0, events = 0;
	for (size_t i = 0; i < nlines; i++) {
		if (strncmp(lines[i], "BEGIN:", 6) == 0) {
			CHECK(depth < 8);
			stack[depth++] = lines[i] + 6;
			events += strcmp(lines[i] + 6, "VEVENT") == 0;
		} else if (strncmp(lines[i], "END:", 4) == 0) {
			CHECK(depth > 0 && strcmp(stack[depth - 1], lines[i] + 4) == 0);
			depth--;
		} else {
			CHECK(depth > 0 && strchr(lines[i], ':') != NULL);
		}
	}
	CHECK(depth == 0);
	check_text(lines, nlines, "X-WR-CALNAME", calname, 1, 1);

	/* The event. */
	long sday, ssec, eday, esec;
	int start_ok = ref_time(e.start, &sday, &ssec);
	struct tm tm;
	char stamp[32];
	time_t t = e.stamp;
	int stamp_ok = gmtime_r(&t, &tm) != NULL &&
	               strftime(stamp, 20, "%Y%m%dT%H%M%SZ", &tm) != 0;
	CHECK(rc == (start_ok && stamp_ok ? 0 : -1));
	CHECK(events == (rc == 0));
	if (rc == 0) {
		/* The event's properties (the time zone has an RRULE too). */
		size_t ev = 0;
		while (strcmp(lines[ev], "BEGIN:VEVENT") != 0)
			ev++;
		lines += ev;
		nlines -= ev;
		char want[32], got_end[32];
		CHECK(strcmp(prop(lines, nlines, "DTSTAMP"), stamp) == 0);
		CHECK(strcmp(prop(lines, nlines, "DTSTART;TZID=Europe/Athens"),
		             local(want, sday, ssec)) == 0);
		const char *rrule = prop(lines, nlines, "RRULE");
		const char *dtend = prop(lines, nlines, "DTEND;TZID=Europe/Athens");
		CHECK(dtend != NULL);
		if (ref_time(e.end, &eday, &esec) && eday > sday && esec > ssec) {
			char count[40];
			snprintf(count, sizeof(count), "FREQ=DAILY;COUNT=%ld", eday - sday + 1);
			CHECK(strcmp(dtend, local(got_end, sday, esec)) == 0);
			CHECK(rrule != NULL && strcmp(rrule, count) == 0);
		} else if (ref_time(e.end, &eday, &esec) &&
		           (eday > sday || (eday == sday && esec >= ssec))) {
			CHECK(strcmp(dtend, local(got_end, eday, esec)) == 0 && rrule == NULL);
		} else {
			CHECK(strcmp(dtend, local(got_end, sday, ssec + 3600)) == 0 && rrule == NULL);
		}
		check_text(lines, nlines, "SUMMARY", e.summary, 1, 0);
		check_text(lines, nlines, "DESCRIPTION", e.description, 1, 0);
		check_text(lines, nlines, "LOCATION", e.location, 1, 0);
		check_text(lines, nlines, "UID", e.uid, 0, 1);
		check_text(lines, nlines, "URL", e.url, 0, 0);
		const char *geo = prop(lines, nlines, "GEO");
		if (e.lat && *e.lat && e.lon && *e.lon) {
			struct buf g, w;
			buf_init(&g, 64);
			buf_init(&w, 64);
			cleaned(&w, e.lat, " ");
			buf_addc(&w, ';');
			cleaned(&w, e.lon, " ");
			buf_adds(&g, geo ? geo : "");
			CHECK(geo && g.len == w.len && memcmp(g.p, w.p, g.len) == 0);
			buf_free(&g);
			buf_free(&w);
		} else {
			CHECK(geo == NULL);
		}
		lines -= ev;
		nlines += ev;
	}
	for (size_t i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
	buf_free(&b);
	free(in);
	return 0;
}
