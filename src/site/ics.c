/*
 * ics.c - iCalendar output (RFC 5545).  Each content line is written unit
 * by unit - one character, or one escape sequence such as "\;" - and a
 * fold (CRLF and one space) goes in before any unit that would take the
 * line past 75 octets, so a fold never splits a UTF-8 sequence or an
 * escape.  Only the events feed writes these, so there is no parser here.
 */
#include "site/ics.h"

#include "core/civil.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/utf8.h"

#define LINE_MAX_OCTETS 75

/* Product identifier: who wrote the calendar (RFC 5545 3.7.3). */
#define PRODID "-//Agora//Municipal portal events//EL"

/* Europe/Athens since 1996: EU rules, the change at 01:00 UTC on the last
 * Sunday of March and of October.  DTSTART is the first onset, in the
 * local time before it (03:00 EET, 04:00 EEST). */
static const char VTIMEZONE[] =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Athens\r\n"
    "X-LIC-LOCATION:Europe/Athens\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0300\r\n"
    "TZNAME:EEST\r\n"
    "DTSTART:19700329T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0300\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:EET\r\n"
    "DTSTART:19701025T040000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/* Append unit p[0..n) to the line, folding first if it would not fit. */
static void put(struct buf *b, size_t *col, const char *p, size_t n)
{
	if (*col + n > LINE_MAX_OCTETS) {
		buf_add(b, "\r\n ", 3);
		*col = 1;
	}
	buf_add(b, p, n);
	*col += n;
}

/* Append s as units: escaped as TEXT when text is set, control
 * characters (but TAB) dropped, invalid UTF-8 replaced by U+FFFD. */
static void put_value(struct buf *b, size_t *col, const char *s, int text)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '\r' || ch == '\n') {
			/* CRLF, LF or CR: one line break. */
			i += ch == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
			if (text)
				put(b, col, "\\n", 2);
			else
				put(b, col, " ", 1);
			continue;
		}
		if (text && (ch == '\\' || ch == ';' || ch == ',')) {
			char esc[2] = { '\\', (char)ch };
			put(b, col, esc, 2);
			i++;
			continue;
		}
		if ((ch < 0x20 && ch != '\t') || ch == 0x7f) {
			i++;
			continue;
		}
		if (ch < 0x80) {
			put(b, col, s + i, 1);
			i++;
			continue;
		}
		unsigned cp;
		int n = utf8_decode(s + i, len - i, &cp);
		if (n <= 0) {
			put(b, col, "\xEF\xBF\xBD", 3);
			i++;
			continue;
		}
		put(b, col, s + i, (size_t)n);
		i += (size_t)n;
	}
}

void ics_line(struct buf *b, const char *name, const char *value, int text)
{
	size_t col = 0;
	put_value(b, &col, name, 0);
	put(b, &col, ":", 1);
	put_value(b, &col, value, text);
	buf_add(b, "\r\n", 2);
}

/* "2026-12-12 18:00:00" -> its fields in *tm (tm_year as a year, tm_mon
 * 1-12); 0, or -1 unless dt is exactly that form (as DATE_FORMAT writes
 * it) and a real date and time. */
static int parse_time(const char *dt, struct tm *tm)
{
	static const char form[] = "dddd-dd-dd dd:dd:dd";
	int v[6] = { 0 }, k = 0;
	if (dt == NULL || strlen(dt) != sizeof(form) - 1)
		return -1;
	for (size_t i = 0; form[i]; i++) {
		if (form[i] == 'd') {
			if (dt[i] < '0' || dt[i] > '9')
				return -1;
			v[k] = v[k] * 10 + (dt[i] - '0');
		} else if (dt[i] != form[i]) {
			return -1;
		} else {
			k++;
		}
	}
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > mdays[v[1] - 1] ||
	    (v[1] == 2 && v[2] == 29 && !leap) || v[3] > 23 || v[4] > 59 || v[5] > 59)
		return -1;
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = v[0];
	tm->tm_mon = v[1];
	tm->tm_mday = v[2];
	tm->tm_hour = v[3];
	tm->tm_min = v[4];
	tm->tm_sec = v[5];
	return 0;
}

/* Dates are compared and moved as days (core/civil.h): the times here are
 * wall-clock times of the municipality's zone. */
#define LOCAL_MAX 64

/* The iCalendar form "20261212T180000" of day `days` at secs seconds past
 * midnight (secs may exceed a day: it carries into the next). */
static void format_local(char out[LOCAL_MAX], long days, long secs)
{
	int y, m, d;
	days += secs / 86400;
	secs %= 86400;
	civil_date(days, &y, &m, &d);
	snprintf(out, LOCAL_MAX, "%04d%02d%02dT%02d%02d%02d", y, m, d, (int)(secs / 3600),
	         (int)(secs / 60 % 60), (int)(secs % 60));
}

void ics_begin(struct buf *b, const char *calname)
{
	buf_adds(b, "BEGIN:VCALENDAR\r\n"
	            "VERSION:2.0\r\n"
	            "PRODID:" PRODID "\r\n"
	            "CALSCALE:GREGORIAN\r\n"
	            "METHOD:PUBLISH\r\n");
	ics_line(b, "X-WR-CALNAME", calname, 1);
	ics_line(b, "X-WR-TIMEZONE", "Europe/Athens", 0);
	buf_adds(b, VTIMEZONE);
}

int ics_event(struct buf *b, const struct ics_event *e)
{
	struct tm st, en;
	char start[LOCAL_MAX], end[LOCAL_MAX], stamp[20], rrule[40] = "";
	if (parse_time(e->start, &st) != 0)
		return -1;
	long sday = civil_days(st.tm_year, st.tm_mon, st.tm_mday);
	long ssec = st.tm_hour * 3600L + st.tm_min * 60L + st.tm_sec;
	format_local(start, sday, ssec);
	if (parse_time(e->end, &en) == 0) {
		long eday = civil_days(en.tm_year, en.tm_mon, en.tm_mday);
		long esec = en.tm_hour * 3600L + en.tm_min * 60L + en.tm_sec;
		if (eday > sday && esec > ssec) {
			/* Several days, ending later in the day than it starts:
			 * the same hours every day (an exhibition open 10:00-14:00
			 * for a month), not one block of weeks. */
			format_local(end, sday, esec);
			snprintf(rrule, sizeof(rrule), "FREQ=DAILY;COUNT=%ld", eday - sday + 1);
		} else if (eday > sday || (eday == sday && esec >= ssec)) {
			format_local(end, eday, esec);
		} else {
			format_local(end, sday, ssec + ICS_DEFAULT_LENGTH);
		}
	} else {
		/* No end (or an unusable one): calendars would show a moment of
		 * no length, so it is given one. */
		format_local(end, sday, ssec + ICS_DEFAULT_LENGTH);
	}
	struct tm tm;
	time_t t = e->stamp;
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm) == 0)
		return -1;

	buf_adds(b, "BEGIN:VEVENT\r\n");
	ics_line(b, "UID", e->uid, 0);
	ics_line(b, "DTSTAMP", stamp, 0);
	ics_line(b, "LAST-MODIFIED", stamp, 0);
	ics_line(b, "DTSTART;TZID=Europe/Athens", start, 0);
	ics_line(b, "DTEND;TZID=Europe/Athens", end, 0);
	if (rrule[0])
		ics_line(b, "RRULE", rrule, 0);
	if (e->summary != NULL && *e->summary)
		ics_line(b, "SUMMARY", e->summary, 1);
	if (e->description != NULL && *e->description)
		ics_line(b, "DESCRIPTION", e->description, 1);
	if (e->location != NULL && *e->location)
		ics_line(b, "LOCATION", e->location, 1);
	if (e->lat != NULL && *e->lat && e->lon != NULL && *e->lon) {
		/* GEO is FLOAT;FLOAT: the ';' is the separator, not escaped. */
		size_t col = 0;
		put(b, &col, "GEO:", 4);
		put_value(b, &col, e->lat, 0);
		put(b, &col, ";", 1);
		put_value(b, &col, e->lon, 0);
		buf_add(b, "\r\n", 2);
	}
	if (e->url != NULL && *e->url)
		ics_line(b, "URL", e->url, 0);
	buf_adds(b, "END:VEVENT\r\n");
	return 0;
}

void ics_end(struct buf *b)
{
	buf_adds(b, "END:VCALENDAR\r\n");
}
