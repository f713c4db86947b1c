/*
 * phone.c - phone numbers of the support desk's registry (phone.h):
 * normalised for storing and searching, grouped for reading, prefixed
 * for dialling.  Pure functions over strings; touches no table.
 */
#include "help/phone.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"

#define E164_MAX 15 /* ITU-T E.164: at most 15 digits with the country code */

/* The digits of s in d (and whether it began with +); -1 when s holds
 * another character, a + that is not first, or too many digits. */
static int digits_of(const char *s, char d[E164_MAX + 6], int *plus)
{
	size_t n = 0;
	*plus = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n >= E164_MAX + 4) /* room for a 00 before 15 digits */
				return -1;
			d[n++] = *p;
		} else if (*p == '+' && n == 0 && !*plus)
			*plus = 1;
		else if (!strchr(" .-()/", *p))
			return -1;
	}
	d[n] = '\0';
	return 0;
}

/* The digits after the international prefix (+ or 00), or NULL when the
 * number is national. */
static const char *international(const char *d, int plus)
{
	if (plus)
		return d;
	if (strncmp(d, "00", 2) == 0)
		return d + 2;
	return NULL;
}

char *help_phone_norm(struct arena *a, const char *s)
{
	char d[E164_MAX + 6];
	int plus;
	if (s == NULL || digits_of(s, d, &plus) != 0)
		return NULL;
	const char *cc = international(d, plus);
	if (cc == NULL || strncmp(cc, "30", 2) == 0) {
		const char *national = cc ? cc + 2 : d;
		size_t len = strlen(national);
		if (len < 5 || len > E164_MAX - 2)
			return NULL;
		return arena_strdup(a, national);
	}
	size_t len = strlen(cc);
	if (len < 7 || len > E164_MAX || cc[0] == '0')
		return NULL;
	return arena_printf(a, "+%s", cc);
}

char *help_phone_prefix(struct arena *a, const char *s)
{
	char d[E164_MAX + 6];
	int plus;
	if (s == NULL || digits_of(s, d, &plus) != 0)
		return NULL;
	char *whole = help_phone_norm(a, s);
	if (whole != NULL)
		return whole;
	const char *cc = international(d, plus);
	if (cc == NULL)
		return arena_strdup(a, d);
	if (strncmp(cc, "30", 2) == 0)
		return arena_strdup(a, cc + 2);
	if (cc[0] == '\0' || strcmp(cc, "3") == 0)
		return arena_strdup(a, ""); /* Greece or not: not known yet */
	return arena_printf(a, "+%s", cc);
}

const char *help_phone_show(struct arena *a, const char *stored)
{
	size_t n = stored ? strlen(stored) : 0;
	if (n != 10 || stored[0] == '+')
		return stored ? stored : "";
	/* 69xx xxx xxx for mobiles, 2xxx 0 xxxxx for the island's lines:
	 * the groups people say on the phone. */
	if (stored[0] == '6')
		return arena_printf(a, "%.4s %.3s %.3s", stored, stored + 4, stored + 7);
	return arena_printf(a, "%.4s %.6s", stored, stored + 4);
}

const char *help_phone_tel(struct arena *a, const char *stored)
{
	if (stored != NULL && stored[0] == '+')
		return stored;
	return arena_printf(a, "+30%s", stored ? stored : "");
}
