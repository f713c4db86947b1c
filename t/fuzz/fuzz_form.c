/*
 * fuzz_form.c - libFuzzer target for the declared forms: form_parse()
 * (http/form.c) over a field table, with every validator of valid.c it
 * calls, and valid_cursor() (the keyset cursors of the lists).
 *
 * Input: byte 0 picks the table -
 *   0: one field "f" declared by the input: byte 1 its kind (mod 12,
 *      enum fkind), byte 2 its flags (bits 0-3 enum fflag; bit 4: an
 *      F_FILE without allowed types), bytes 3 and 4 its min and max (an
 *      index into bounds[] below, so they reach 0, the real tables' limits
 *      and the ends of long long);
 *   1: the support desk's resident table, help_person_fields (people.c),
 *      with a few villages as the choices of "area", as help_people_fields
 *      fills them;
 *   2: a table of the other forms' declarations, as they are written in
 *      login.c, account.c, departments.c, alerts.c, keys.c,
 *      accessibility.c and requests/submit.c (those tables are static);
 * then one byte: bit 0 set, the rest is a multipart/form-data body with
 * the boundary "B" (so a file part can reach an F_FILE), else an
 * urlencoded one.  The body goes through req_parse_body() as a request's
 * would; a field "token" whose value is "fresh" is given a token this
 * site just issued.
 *
 * Checked on every parse: the count returned is the fields in error plus
 * the bad token; a valid token is accepted and any other refused; every
 * field's raw value is what was sent, trimmed (CRLF and CR as LF in a
 * textarea); an empty required field is in error; and for every kind a
 * reference of the rule (characters counted, e-mail and phone shapes, the
 * integer's canonical decimal and range, a real date in 1970-9999, one of
 * the choices, the chosen boxes in the choices' order, a file's size and
 * type) agrees with the answer both ways: valid values taken with their
 * typed value, invalid ones refused with no value.  See README.md for how
 * to build and run it.
 */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/utf8.h"
#include "help/people.h"
#include "http/form.h"
#include "http/token.h"
#include "http/valid.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

static const long long bounds[] = {
	0, 1, 2, 5, 7, 12, 14, 64, 200, 254, 500, 1000, 4000, 65535, 10000,
	9999999999LL, LLONG_MAX, -1, -100, LLONG_MIN + 1,
};
#define NBOUNDS (sizeof(bounds) / sizeof(bounds[0]))

static const char *const channels[] = { "phone", "web", "walk-in", NULL };
static const char *const images[] = { "image/jpeg", "image/png", "image/webp", NULL };
static const char *const severities[] = { "info", "warning", "danger", NULL };
static const char *const villages[] = { "1", "2", "14", NULL };

/* Table 2: declarations as the static tables of the forms write them. */
static const struct fdef others[] = {
	{ .name = "username", .kind = F_TEXT, .flags = F_REQUIRED, .max = 64, .err = "e" },
	{ .name = "password", .kind = F_PASSWORD, .flags = F_REQUIRED, .max = 1024, .err = "e" },
	{ .name = "next", .kind = F_HIDDEN, .max = 500, .err = "e" },
	{ .name = "code", .kind = F_TEXT, .flags = F_REQUIRED | F_NUMERIC, .max = 7, .err = "e" },
	{ .name = "sort_order", .kind = F_INT, .min = 0, .max = 65535, .err = "e" },
	{ .name = "phone", .kind = F_PHONE, .flags = F_PAIR, .max = 40, .err = "e" },
	{ .name = "email", .kind = F_EMAIL, .max = 254, .err = "e" },
	{ .name = "severity", .kind = F_CHOICE, .flags = F_REQUIRED, .choices = severities,
	  .err = "e" },
	{ .name = "message", .kind = F_TEXTAREA, .flags = F_REQUIRED | F_PAIR, .max = 500,
	  .err = "e", .err_missing = "m" },
	{ .name = "starts_at", .kind = F_DATETIME, .flags = F_PAIR, .err = "e" },
	{ .name = "ends_at", .kind = F_DATETIME, .flags = F_REQUIRED, .err = "e",
	  .err_missing = "m" },
	{ .name = "version", .kind = F_HIDDEN, .max = 14, .err = "e" },
	{ .name = "per_hour", .kind = F_INT, .flags = F_REQUIRED, .min = 1, .max = 10000,
	  .err = "e" },
	{ .name = "feedback", .kind = F_TEXTAREA, .flags = F_REQUIRED, .min = 1, .max = 4000,
	  .err = "e" },
	{ .name = "photo1", .kind = F_FILE, .max = 200, .types = images, .err = "e" },
	{ .name = "channel", .kind = F_CHOICE, .choices = channels, .err = "e" },
	{ .name = "consent", .kind = F_CHECKBOX, .flags = F_REQUIRED, .err = "e" },
	{ .name = "dup_ok", .kind = F_HIDDEN, .max = 1 },
	{ .name = "topics", .kind = F_MULTI, .choices = channels, .err = "e" },
};

/* The white space text_trim() takes off (text.h). */
static size_t space_at(const char *s, size_t n)
{
	unsigned cp;
	int k = utf8_decode(s, n, &cp);
	if (k <= 0)
		return 0;
	int sp = cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 ||
	         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x3000 || cp == 0x202F ||
	         cp == 0x205F || cp == 0xFEFF;
	return sp ? (size_t)k : 0;
}

/* The reference trim, into a malloc'ed string. */
static char *trimmed(const char *s)
{
	size_t n = strlen(s), i = 0, k;
	while (i < n && (k = space_at(s + i, n - i)) > 0)
		i += k;
	size_t end = i, j = i;
	while (j < n) { /* end: after the last character that is not a space */
		if ((k = space_at(s + j, n - j)) > 0) {
			j += k;
		} else {
			int m = utf8_decode(s + j, n - j, &(unsigned){ 0 });
			j += m > 0 ? (size_t)m : 1;
			end = j;
		}
	}
	char *o = malloc(end - i + 1);
	if (o == NULL)
		abort();
	memcpy(o, s + i, end - i);
	o[end - i] = '\0';
	return o;
}

static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int ref_text(const char *s, long long min, long long max, int multi)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p == 0x7f || (*p < 0x20 && !(multi && (*p == '\n' || *p == '\t'))))
			return 0;
	size_t n = chars(s);
	return n >= (size_t)min && n <= (size_t)max;
}

static int ref_email(const char *s)
{
	size_t n = strlen(s), ats = 0, at = 0;
	if (n > 254)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return 0;
		if (s[i] == '@')
			ats++, at = i;
	}
	if (ats != 1 || at == 0)
		return 0;
	const char *dot = strrchr(s + at, '.');
	return dot != NULL && dot > s + at + 1 && dot[1] != '\0';
}

static int ref_phone(const char *s)
{
	size_t digits = 0;
	for (size_t i = 0; s[i]; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!(s[i] == '+' && i == 0) && !strchr(" .-()", s[i]))
			return 0;
	}
	return digits >= 7 && digits <= 15;
}

/* An integer as valid_int takes it: its canonical decimal in range. */
static int ref_int(const char *s, long long min, long long max, long long *v)
{
	const char *digits = s + (s[0] == '-');
	if (digits[0] == '\0' || strspn(digits, "0123456789") != strlen(digits))
		return 0;
	long long x = strtoll(s, NULL, 10);
	char back[32];
	snprintf(back, sizeof(back), "%lld", x);
	if (strcmp(back, s) != 0) /* leading zeros, "-0", overflow */
		return 0;
	if (x < min || x > max)
		return 0;
	*v = x;
	return 1;
}

static int real_date(int y, int mo, int d, int h, int mi, int se)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= md[mo - 1] + (mo == 2 && leap);
}

/* "YYYY-MM-DD[T ]HH:MM[:SS]" -> "YYYY-MM-DD HH:MM:SS" into out. */
static int ref_datetime(const char *s, char out[20])
{
	size_t n = strlen(s);
	static const char form[] = "dddd-dd-ddTdd:dd:dd";
	if (n != 16 && n != 19)
		return 0;
	int v[6] = { 0 }, k = 0;
	for (size_t i = 0; i < n; i++) {
		if (form[i] == 'd') {
			if (s[i] < '0' || s[i] > '9')
				return 0;
			v[k] = v[k] * 10 + (s[i] - '0');
		} else if (s[i] == form[i] || (form[i] == 'T' && s[i] == ' ')) {
			k++;
		} else {
			return 0;
		}
	}
	if (!real_date(v[0], v[1], v[2], v[3], v[4], v[5]))
		return 0;
	snprintf(out, 20, "%04d-%02d-%02d %02d:%02d:%02d", v[0], v[1], v[2], v[3], v[4], v[5]);
	return 1;
}

static int in_list(const char *s, const char *const *list)
{
	for (; list && *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* The first upload of that name. */
static const struct upload *upload_of(const struct req *r, const char *name)
{
	for (const struct upload *u = r->files; u; u = u->next)
		if (strcmp(u->name, name) == 0)
			return u;
	return NULL;
}

/* F_MULTI: the values sent, as the "\n"-list of the choices in their
 * order; NULL when one is not a choice. */
static char *ref_multi(const struct req *r, const struct fdef *d)
{
	size_t n = 0, len = 1;
	for (; d->choices[n]; n++)
		len += strlen(d->choices[n]) + 1;
	int on[16] = { 0 };
	for (const struct field *f = r->form; f; f = f->next) {
		if (strcmp(f->name, d->name) != 0)
			continue;
		size_t i = 0;
		while (i < n && strcmp(f->val, d->choices[i]) != 0)
			i++;
		if (i == n)
			return NULL;
		on[i] = 1;
	}
	char *o = calloc(1, len);
	if (o == NULL)
		abort();
	for (size_t i = 0; i < n; i++)
		if (on[i]) {
			if (*o)
				strcat(o, "\n");
			strcat(o, d->choices[i]);
		}
	return o;
}

/* Field d's answer v against the reference. */
static void check_field(const struct req *r, const struct fdef *d, const struct fval *v)
{
	/* What an invalid value and an empty required one are answered with
	 * (a table may give no message: hidden fields are then dropped). */
	const char *bad = d->err, *missing = d->err_missing ? d->err_missing : d->err;
	CHECK(v->raw != NULL && utf8_valid(v->raw, strlen(v->raw)));
	if (d->kind == F_FILE) {
		const struct upload *u = upload_of(r, d->name);
		int empty = u == NULL || u->len == 0;
		int ok = empty || (!u->oversize && (long long)u->len <= d->max &&
		                   (d->types == NULL || in_list(u->ctype, d->types)));
		CHECK(v->s == NULL);
		if (empty) {
			CHECK(v->file == NULL);
			CHECK(v->err == (d->flags & F_REQUIRED ? missing : NULL));
		} else {
			CHECK(v->err == (ok ? NULL : bad));
			CHECK(v->file == (ok ? u : NULL));
		}
		return;
	}
	if (d->kind == F_MULTI) {
		char *want = ref_multi(r, d);
		if (want == NULL) {
			CHECK(v->err == bad && v->s == NULL && v->raw[0] == '\0');
		} else {
			CHECK(strcmp(v->raw, want) == 0);
			if (want[0] == '\0')
				CHECK(v->s == NULL && v->err == (d->flags & F_REQUIRED ? missing : NULL));
			else
				CHECK(v->err == NULL && v->s != NULL && strcmp(v->s, want) == 0);
		}
		free(want);
		return;
	}
	const char *in = req_field(r->form, d->name);
	char *want;
	if (d->kind == F_PASSWORD) {
		want = strdup(in ? in : "");
	} else {
		want = trimmed(in ? in : "");
		if (d->kind == F_TEXTAREA) { /* CRLF and CR as LF */
			char *o = want;
			for (const char *p = want; *p; p++) {
				if (*p == '\r') {
					*o++ = '\n';
					if (p[1] == '\n')
						p++;
				} else {
					*o++ = *p;
				}
			}
			*o = '\0';
		}
	}
	if (want == NULL)
		abort();
	CHECK(strcmp(v->raw, want) == 0);
	if (want[0] == '\0') {
		CHECK(v->s == NULL);
		CHECK(v->err == (d->flags & F_REQUIRED ? missing : NULL));
		free(want);
		return;
	}
	int ok = 0;
	long long iv = 0;
	char dt[20];
	switch (d->kind) {
	case F_TEXT:
	case F_HIDDEN:
	case F_PASSWORD:
	case F_TEXTAREA:
		ok = ref_text(want, d->min, d->max, d->kind == F_TEXTAREA);
		break;
	case F_EMAIL:
		ok = ref_email(want);
		break;
	case F_PHONE:
		ok = ref_phone(want);
		break;
	case F_INT:
		ok = ref_int(want, d->min, d->max, &iv);
		break;
	case F_DATETIME:
		ok = ref_datetime(want, dt);
		break;
	case F_CHOICE:
		ok = in_list(want, d->choices);
		break;
	case F_CHECKBOX:
		ok = strcmp(want, "1") == 0;
		break;
	case F_FILE:
	case F_MULTI:
		abort();
	}
	CHECK(v->err == (ok ? NULL : bad));
	if (!ok) {
		CHECK(v->s == NULL);
	} else {
		CHECK(v->s != NULL);
		if (d->kind == F_DATETIME)
			CHECK(strcmp(v->s, dt) == 0);
		else
			CHECK(strcmp(v->s, want) == 0);
		if (d->kind == F_INT)
			CHECK(v->i == iv);
		if (d->kind == F_CHECKBOX)
			CHECK(v->i == 1);
	}
	free(want);
}

/* valid_cursor on a value: "YYYYMMDDHHMMSS-id" with a real time and an id
 * of 1 to 9999999999, given back as "YYYY-MM-DD HH:MM:SS" and the id. */
static void check_cursor(struct arena *a, const char *s)
{
	const char *at = NULL;
	long long id = 0;
	size_t n = strlen(s);
	int want = n >= 16 && n <= 25 && s[14] == '-' && strspn(s, "0123456789") == 14;
	int v[6] = { 0 };
	if (want) {
		static const int w[6] = { 4, 2, 2, 2, 2, 2 };
		for (int i = 0, o = 0; i < 6; o += w[i], i++)
			for (int j = 0; j < w[i]; j++)
				v[i] = v[i] * 10 + (s[o + j] - '0');
		want = real_date(v[0], v[1], v[2], v[3], v[4], v[5]);
	}
	long long wid = 0;
	if (want)
		want = ref_int(s + 15, 1, 9999999999LL, &wid);
	int got = valid_cursor(a, s, &at, &id);
	CHECK(got == want);
	if (got) {
		char exp[20];
		snprintf(exp, sizeof(exp), "%04d-%02d-%02d %02d:%02d:%02d", v[0], v[1], v[2], v[3],
		         v[4], v[5]);
		CHECK(at != NULL && strcmp(at, exp) == 0 && id == wid);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static struct fdef person[32];
	static const struct req_limits lim = {
		.max_body = 1 << 20,
		.max_fields = 32,
		.max_field = 4096,
		.max_header = 256,
		.max_file = 256,
	};
	if (a == NULL) {
		a = arena_new(8192);
		if (forms_init("the fuzzer's form secret, 32 bytes or more") != 0)
			abort();
		if (help_person_nfields > sizeof(person) / sizeof(person[0]))
			abort();
		memcpy(person, help_person_fields, help_person_nfields * sizeof(person[0]));
		for (size_t i = 0; i < help_person_nfields; i++)
			if (strcmp(person[i].name, "area") == 0)
				person[i].choices = villages;
	}
	arena_reset(a);
	if (size < 2)
		return 0;

	struct fdef one = { .name = "f", .label = "l", .err = "e.f", .err_missing = "e.missing",
	                    .choices = channels, .types = images };
	struct form f = { .id = "fuzz", .action = "/fuzz", .submit = "s" };
	size_t at;
	switch (data[0] % 3) {
	case 0:
		if (size < 6)
			return 0;
		one.kind = (enum fkind)(data[1] % 12);
		one.flags = data[2] & 0x0f;
		if (data[2] & 0x10)
			one.types = NULL;
		one.min = bounds[data[3] % NBOUNDS];
		one.max = bounds[data[4] % NBOUNDS];
		/* Text lengths are counts: the tables never give them below 0. */
		if (one.kind != F_INT && (one.min < 0 || one.max < 0))
			return 0;
		f.fields = &one;
		f.n = 1;
		at = 5;
		break;
	case 1:
		f.fields = person;
		f.n = help_person_nfields;
		at = 1;
		break;
	default:
		f.fields = others;
		f.n = sizeof(others) / sizeof(others[0]);
		at = 1;
		break;
	}
	int multipart = data[at] & 1;
	at++;
	size_t n = size - at;
	char *body = malloc(n ? n : 1); /* exact size: overreads hit the redzone */
	if (body == NULL)
		return 0;
	memcpy(body, data + at, n);

	struct req r = { .a = a, .ctype = multipart ? "multipart/form-data; boundary=B"
	                                            : "application/x-www-form-urlencoded" };
	struct resp res = { 0 };
	struct ctx c = { .r = &r, .res = &res, .lang = LANG_EL, .lp = "" };
	const char *why = NULL;
	if (req_parse_body(&r, body, n, &lim, &why) != 0) {
		free(body);
		return 0;
	}
	int fresh = 0;
	for (struct field *x = r.form; x; x = x->next)
		if (strcmp(x->name, "token") == 0) {
			if (strcmp(x->val, "fresh") == 0) {
				x->val = forms_token(a, f.id);
				x->len = strlen(x->val);
				fresh = 1;
			}
			break;
		}

	struct form_data fd;
	int bad = form_parse(&c, &f, &fd);
	int nerr = 0, too_large = 0;
	for (size_t i = 0; i < f.n; i++) {
		const struct fdef *d = &f.fields[i];
		check_field(&r, d, &fd.v[i]);
		nerr += fd.v[i].err != NULL;
		const struct upload *u = d->kind == F_FILE ? upload_of(&r, d->name) : NULL;
		too_large |= fd.v[i].err != NULL && u != NULL &&
		             (u->oversize || (long long)u->len > d->max);
		/* form_value finds the first field of the name. */
		size_t k = 0;
		while (strcmp(f.fields[k].name, f.fields[i].name) != 0)
			k++;
		CHECK(form_value(&fd, f.fields[i].name) == &fd.v[k]);
	}
	CHECK(fd.nerr == nerr && bad == nerr + fd.token_bad && fd.too_large == too_large);
	CHECK(fd.token_bad == !fresh);
	CHECK(fd.token != NULL && strlen(fd.token) == 43);
	CHECK(form_status(&fd) == (fd.too_large ? 413 : 422));
	for (const struct field *x = r.form; x; x = x->next)
		check_cursor(a, x->val);
	free(body);
	return 0;
}
