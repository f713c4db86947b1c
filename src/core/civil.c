/*
 * civil.c - calendar arithmetic (civil.h).
 */
#include "core/civil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"

long civil_days(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void civil_date(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

void civil_now_text(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

const char *civil_iso(struct arena *a, const char *dt)
{
	struct tm tm;
	memset(&tm, 0, sizeof(tm));
	if (dt == NULL || sscanf(dt, "%4d-%2d-%2d %2d:%2d:%2d", &tm.tm_year, &tm.tm_mon,
	                         &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return NULL;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	char s[32];
	if (t == (time_t)-1 || localtime_r(&t, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		return NULL;
	long off = tm.tm_gmtoff;
	char sign = off < 0 ? '-' : '+';
	off = labs(off) / 60;
	return arena_printf(a, "%s%c%02ld:%02ld", s, sign, off / 60, off % 60);
}

int civil_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int civil_from_iso(const char *s, char out[20])
{
	if (s == NULL || strlen(s) < 10 || strlen(s) > 32 || s[4] != '-' || s[7] != '-')
		return -1;
	int y = civil_digits(s, 4), mo = civil_digits(s + 5, 2), d = civil_digits(s + 8, 2);
	int h = 0, mi = 0, se = 0;
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	int y2, m2, d2;
	civil_date(civil_days(y, mo, d), &y2, &m2, &d2);
	if (y2 != y || m2 != mo || d2 != d) /* 31 April */
		return -1;
	const char *p = s + 10;
	if (*p == '\0') {
		snprintf(out, 20, "%04u-%02u-%02u 00:00:00", (unsigned)y % 10000u,
		         (unsigned)mo % 100u, (unsigned)d % 100u);
		return 0;
	}
	if (*p != 'T' && *p != 't' && *p != ' ')
		return -1;
	p++;
	if ((h = civil_digits(p, 2)) < 0 || p[2] != ':' || (mi = civil_digits(p + 3, 2)) < 0)
		return -1;
	p += 5;
	if (*p == ':') {
		if ((se = civil_digits(p + 1, 2)) < 0)
			return -1;
		p += 3;
		if (*p == '.') /* fractions of a second: dropped */
			for (p++; *p >= '0' && *p <= '9'; p++)
				;
	}
	if (h > 23 || mi > 59 || se > 60)
		return -1;
	long off;
	if ((*p == 'Z' || *p == 'z') && p[1] == '\0')
		off = 0;
	else if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
		int oh = civil_digits(p + 1, 2), om = civil_digits(p + 4, 2);
		if (oh < 0 || om < 0 || oh > 14 || om > 59)
			return -1;
		off = (oh * 60L + om) * 60 * (*p == '-' ? -1 : 1);
	} else
		return -1;
	time_t t = (time_t)((civil_days(y, mo, d) * 86400L) + h * 3600L + mi * 60L +
	                    (se > 59 ? 59 : se) - off);
	struct tm tm;
	/* An offset can move 9999-12-31 into the year 10000: no room. */
	if (localtime_r(&t, &tm) == NULL || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		return -1;
	return 0;
}
