/*
 * fuzz_export.c - libFuzzer target for the JSON writer of the support
 * desk's data export (help/export.c: j_string_n, the indenting writer,
 * j_row with the resident's and a case's column lists, j_int, j_time,
 * j_split), fed hostile column values.  Those functions are static:
 * export.c is included here whole (this file then defines every function
 * export.c does, in place of the library's copy).
 *
 * Input: up to a NUL, column values separated by '|' (a value "\N" is SQL
 * NULL).  A resident row and a case row are made of them, in turn, and
 * written as export.c writes them, with the first value as the
 * vulnerability list (split at ',') and the second as the prescriptions
 * (split at '\n').
 *
 * Checked: the document is valid UTF-8 with no raw control character,
 * U+2028 or U+2029, and core/json.c reads it back as one object; every
 * text column reads back as the value given (an invalid byte as U+FFFD;
 * NULL as null), an integer column as that integer when the value is
 * one (null or a number otherwise), a time as null or an ISO 8601 time
 * with its offset.  See README.md for how to build and run it.
 */
#include "help/export.c"

#include <stdint.h>

#include "core/json.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

#define MAXV 64

/* A row of ncols values for db_str, cycling through vals. */
static void make_row(struct arena *a, struct db_res *r, size_t ncols, char **vals, size_t nv)
{
	memset(r, 0, sizeof(*r));
	r->nrows = 1;
	r->ncols = ncols;
	r->v = arena_calloc(a, ncols * sizeof(*r->v));
	r->len = arena_calloc(a, ncols * sizeof(*r->len));
	for (size_t k = 0; k < ncols; k++) {
		r->v[k] = vals[k % nv];
		r->len[k] = r->v[k] ? strlen(r->v[k]) : 0;
	}
}

static void cleaned(struct buf *o, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k > 0) {
			buf_add(o, s + i, (size_t)k);
			i += (size_t)k;
		} else {
			buf_adds(o, "\xEF\xBF\xBD");
			i++;
		}
	}
}

static int canonical_int(const char *s)
{
	const char *d = s + (s[0] == '-');
	if (*d == '\0' || strspn(d, "0123456789") != strlen(d) || (d[0] == '0' && d[1]) ||
	    (s[0] == '-' && d[0] == '0'))
		return 0;
	char back[32];
	snprintf(back, sizeof(back), "%lld", strtoll(s, NULL, 10));
	return strcmp(back, s) == 0;
}

static int digits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

/* [-]Y...-MM-DDTHH:MM:SS and Z or +HH:MM / -HH:MM. */
static int iso_time(const char *s)
{
	const char *t = strchr(s, 'T'), *y = s + (s[0] == '-');
	if (t == NULL || t - y < 7 || t[-3] != '-' || t[-6] != '-' || !digits(t - 2, 2) ||
	    !digits(t - 5, 2) || strspn(y, "0123456789") != (size_t)(t - 6 - y))
		return 0;
	if (!digits(t + 1, 2) || t[3] != ':' || !digits(t + 4, 2) || t[6] != ':' ||
	    !digits(t + 7, 2))
		return 0;
	const char *z = t + 9;
	return strcmp(z, "Z") == 0 || ((z[0] == '+' || z[0] == '-') && digits(z + 1, 2) &&
	                               z[3] == ':' && digits(z + 4, 2) && z[6] == '\0');
}

static void check_members(struct arena *a, const struct json_member *m,
                          const struct ex_col *cols, size_t ncols, const struct db_res *row)
{
	for (size_t k = 0; k < ncols; k++) {
		const char *v = row->v[k];
		if (cols[k].kind == '-')
			continue;
		const struct json_member *x = json_get(m, cols[k].key);
		CHECK(x != NULL);
		if (v == NULL) {
			CHECK(x->type == JSON_NULL);
			continue;
		}
		if (cols[k].kind == 's') {
			struct buf w;
			buf_init(&w, 64);
			cleaned(&w, v);
			CHECK(x->type == JSON_STRING && x->len == w.len && memcmp(x->val, w.p, w.len) == 0);
			buf_free(&w);
		} else if (cols[k].kind == 'i') {
			long long i;
			CHECK(x->type == JSON_NULL ||
			      json_int(x, -9223372036854775807LL - 1, 9223372036854775807LL, &i));
			if (canonical_int(v))
				CHECK(x->type == JSON_NUMBER && strcmp(x->val, v) == 0);
		} else {
			CHECK(x->type == JSON_NULL || (x->type == JSON_STRING && iso_time(x->val)));
		}
	}
	(void)a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (a == NULL) {
		a = arena_new(1 << 16);
		setenv("TZ", "Europe/Athens", 1);
		tzset();
	}
	arena_reset(a);
	size_t len = strnlen((const char *)data, size);
	char *in = malloc(len + 1);
	if (in == NULL)
		return 0;
	memcpy(in, data, len);
	in[len] = '\0';
	char *vals[MAXV];
	size_t nv = 0;
	for (char *p = in; p != NULL && nv < MAXV;) {
		char *v = p;
		p = strchr(p, '|');
		if (p != NULL)
			*p++ = '\0';
		vals[nv++] = strcmp(v, "\\N") == 0 ? NULL : v;
	}

	struct db_res ben, cs;
	make_row(a, &ben, B__END + 1, vals, nv);
	make_row(a, &cs, C__END + 1, vals, nv);
	struct buf b;
	buf_init(&b, 1024);
	struct jw w = { .b = &b };
	j_open(&w, NULL, '{');
	j_row(&w, &ben, 0, ben_cols, B__END);
	j_split(&w, "vulnerability", vals[0], ',');
	j_split(&w, "prescriptions", nv > 1 ? vals[1] : NULL, '\n');
	j_open(&w, "cases", '[');
	j_open(&w, NULL, '{');
	j_row(&w, &cs, 0, case_cols, C__END);
	j_close(&w, '}');
	j_close(&w, ']');
	j_close(&w, '}');
	buf_addc(&b, '\n');
	CHECK(w.depth == 0);

	CHECK(strlen(b.p) == b.len && utf8_valid(b.p, b.len));
	for (size_t i = 0; i < b.len; i++) {
		CHECK((unsigned char)b.p[i] >= 0x20 || b.p[i] == '\n');
		CHECK(!(i + 2 < b.len && memcmp(b.p + i, "\xE2\x80", 2) == 0 &&
		        (b.p[i + 2] == '\xA8' || b.p[i + 2] == '\xA9')));
	}
	struct json_member *m;
	const char *why;
	CHECK(json_parse_object(a, b.p, b.len, b.len, &m, &why) == 0);
	check_members(a, m, ben_cols, B__END, &ben);
	const struct json_member *x = json_get(m, "vulnerability");
	CHECK(x && x->type == JSON_ARRAY);
	x = json_get(m, "cases");
	CHECK(x && x->type == JSON_ARRAY && x->len > 2);
	/* The case: the array's one object, read as a document of its own. */
	struct json_member *cm;
	const char *o = memchr(x->val, '{', x->len), *e = x->val + x->len - 1;
	while (e > o && *e != '}')
		e--;
	CHECK(o != NULL && json_parse_object(a, o, (size_t)(e - o + 1), x->len, &cm, &why) == 0);
	check_members(a, cm, case_cols, C__END, &cs);
	buf_free(&b);
	free(in);
	return 0;
}
