/*
 * valid.c - the validators (valid.h).
 */
#include "http/valid.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/civil.h"
#include "core/text.h"

int valid_text(const char *s, size_t minc, size_t maxc, int multiline)
{
	if (s == NULL)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t'))) ||
		    *p == 0x7f)
			return 0;
	size_t n = text_chars(s);
	return n >= minc && n <= maxc;
}

int valid_email(const char *e)
{
	if (e == NULL || strlen(e) > 254)
		return 0;
	const char *at = strchr(e, '@');
	if (at == NULL || at == e || strchr(at + 1, '@') != NULL)
		return 0;
	const char *dot = strrchr(at, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		return 0;
	for (const char *p = e; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return 0;
	return 1;
}

int valid_phone(const char *s)
{
	if (s == NULL)
		return 0;
	size_t digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '+' && p == s)
			;
		else if (!strchr(" .-()", *p))
			return 0;
	}
	return digits >= 7 && digits <= 15;
}

int valid_int(const char *s, long long min, long long max, long long *out)
{
	if (s == NULL)
		return 0;
	const char *p = s;
	int neg = *p == '-';
	if (neg)
		p++;
	if (*p == '\0' || (p[0] == '0' && p[1] != '\0') || (neg && p[0] == '0'))
		return 0;
	long long v = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		int d = *p - '0';
		if (v > (9223372036854775807LL - d) / 10)
			return 0;
		v = v * 10 + d;
	}
	if (neg)
		v = -v;
	if (v < min || v > max)
		return 0;
	*out = v;
	return 1;
}

int valid_date_parts(int y, int mo, int d, int h, int mi, int s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h < 0 ||
	    h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[mo - 1] + (mo == 2 && leap);
}

int valid_datetime(struct arena *a, const char *s, const char **out)
{
	size_t n = s != NULL ? strlen(s) : 0;
	if ((n != 16 && n != 19) || s[4] != '-' || s[7] != '-' ||
	    (s[10] != 'T' && s[10] != ' ') || s[13] != ':' ||
	    (n == 19 && s[16] != ':'))
		return 0;
	int y = civil_digits(s, 4), mo = civil_digits(s + 5, 2), d = civil_digits(s + 8, 2),
	    h = civil_digits(s + 11, 2), mi = civil_digits(s + 14, 2),
	    se = n == 19 ? civil_digits(s + 17, 2) : 0;
	if (!valid_date_parts(y, mo, d, h, mi, se))
		return 0;
	*out = arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, se);
	return 1;
}

int valid_choice(const char *s, const char *const *choices)
{
	if (s == NULL || choices == NULL)
		return 0;
	for (; *choices; choices++)
		if (strcmp(s, *choices) == 0)
			return 1;
	return 0;
}

int valid_cursor(struct arena *a, const char *s, const char **at, long long *id)
{
	if (s == NULL || strlen(s) < 16 || strlen(s) > 25 || s[14] != '-')
		return 0;
	int y = civil_digits(s, 4), mo = civil_digits(s + 4, 2), d = civil_digits(s + 6, 2),
	    h = civil_digits(s + 8, 2), mi = civil_digits(s + 10, 2), se = civil_digits(s + 12, 2);
	const char *n = s + 15;
	if (strlen(n) > 10 || !valid_int(n, 1, 9999999999LL, id) ||
	    !valid_date_parts(y, mo, d, h, mi, se))
		return 0;
	*at = arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, se);
	return 1;
}
