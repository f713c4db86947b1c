/*
 * fuzz_csv.c - libFuzzer target for the CSV writers: the csv_field() of
 * admin/audit.c (audit.csv), admin/requests.c (requests.csv) and
 * help/reports.c (the support desk's reports), each a static function
 * reached through csv_audit.c, csv_requests.c and csv_reports.c, which
 * include those files whole.  The input, up to a NUL, is one row: its
 * fields separated by '|' (at most 16; the row also gets a NULL cell
 * first, as db_str gives for SQL NULL).
 *
 * Checked: the three write the same bytes; read back by an RFC 4180
 * reader the output is exactly one record of as many fields, ended by
 * CRLF, each field quoted with its quotes doubled and its line breaks
 * kept inside the quotes; each field reads back as the text given, but
 * with an apostrophe first when the text starts as a spreadsheet
 * formula would (= + - @ tab CR: the OWASP CSV-injection guard), so no
 * field read back starts like a formula.  See README.md for how to
 * build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

void fuzz_csv_audit(struct buf *b, const char *s, int last);
void fuzz_csv_requests(struct buf *b, const char *s, int last);
void fuzz_csv_reports(struct buf *b, const char *s, int last);

#define MAXF 17

/* One RFC 4180 field of quoted text at *p into o; 0 if malformed. *p is
 * left after the separator; *end set after the record's CRLF. */
static int read_field(const char **p, const char *e, struct buf *o, int *end)
{
	const char *s = *p;
	if (s >= e || *s != '"')
		return 0;
	for (s++; s < e; s++) {
		if (*s == '"') {
			if (s + 1 < e && s[1] == '"') {
				buf_addc(o, '"');
				s++;
				continue;
			}
			s++;
			if (s < e && *s == ',') {
				*p = s + 1;
				*end = 0;
				return 1;
			}
			if (e - s >= 2 && s[0] == '\r' && s[1] == '\n') {
				*p = s + 2;
				*end = 1;
				return 1;
			}
			return 0;
		}
		buf_addc(o, *s);
	}
	return 0;
}

static int formula(const char *s)
{
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = strnlen((const char *)data, size);
	char *in = malloc(len + 1);
	if (in == NULL)
		return 0;
	memcpy(in, data, len);
	in[len] = '\0';
	const char *f[MAXF];
	size_t n = 0;
	f[n++] = NULL;
	for (char *p = in; p != NULL && n < MAXF;) {
		f[n++] = p;
		p = strchr(p, '|');
		if (p != NULL)
			*p++ = '\0';
	}

	void (*const writers[])(struct buf *, const char *, int) = {
		fuzz_csv_audit, fuzz_csv_requests, fuzz_csv_reports,
	};
	struct buf out[3];
	for (size_t w = 0; w < 3; w++) {
		buf_init(&out[w], 256);
		for (size_t i = 0; i < n; i++)
			writers[w](&out[w], f[i], i == n - 1);
	}
	CHECK(out[0].len == out[1].len && memcmp(out[0].p, out[1].p, out[0].len) == 0);
	CHECK(out[0].len == out[2].len && memcmp(out[0].p, out[2].p, out[0].len) == 0);

	const char *p = out[0].p, *e = out[0].p + out[0].len;
	int end = 0;
	for (size_t i = 0; i < n; i++) {
		struct buf v, want;
		buf_init(&v, 64);
		buf_init(&want, 64);
		CHECK(!end && read_field(&p, e, &v, &end));
		const char *s = f[i] ? f[i] : "";
		if (formula(s))
			buf_addc(&want, '\'');
		buf_adds(&want, s);
		CHECK(v.len == want.len && memcmp(v.p, want.p, v.len) == 0);
		CHECK(v.len == 0 || !formula(v.p));
		buf_free(&v);
		buf_free(&want);
	}
	CHECK(end && p == e); /* one record, all of it */
	for (size_t w = 0; w < 3; w++)
		buf_free(&out[w]);
	free(in);
	return 0;
}
