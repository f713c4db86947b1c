/*
 * fuzz_clen.c - libFuzzer target for req_parse_clen(), the strict
 * Content-Length reader main.c runs on every request.  The input's first
 * byte picks the limit (0, 1, 1 KiB, 1 MiB, 20 MiB or SIZE_MAX); the rest,
 * up to a NUL, is the header value.  The answer is checked against a
 * reference reading of the same text: digits only, no leading zero but
 * "0" itself, no overflow; 0 with the length, 413 (the length still set)
 * above the limit, 400 (and 0) for anything else; "" means 0.  See
 * README.md for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/req.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

/* The reference: 1 and *v if s is a length as RFC 9110 writes one and it
 * fits a size_t, else 0. */
static int reference(const char *s, size_t *v)
{
	size_t n = strlen(s);
	*v = 0;
	if (n == 0)
		return 1;
	if (strspn(s, "0123456789") != n || (s[0] == '0' && n > 1))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (__builtin_mul_overflow(*v, (size_t)10, v) ||
		    __builtin_add_overflow(*v, (size_t)(s[i] - '0'), v))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t maxes[] = { 0, 1, 1024, (size_t)1 << 20, (size_t)20 << 20, SIZE_MAX };
	if (size == 0)
		return 0;
	size_t max = maxes[data[0] % (sizeof(maxes) / sizeof(maxes[0]))];
	size_t vl = strnlen((const char *)data + 1, size - 1);
	char *val = malloc(vl + 1); /* exact size: overreads hit the redzone */
	if (val == NULL)
		return 0;
	memcpy(val, data + 1, vl);
	val[vl] = '\0';

	size_t out = 12345, want;
	const char *why = NULL;
	int ok = reference(val, &want);
	int rc = req_parse_clen(val, max, &out, &why);
	if (!ok) {
		CHECK(rc == 400 && out == 0 && why && *why);
	} else if (want > max) {
		CHECK(rc == 413 && out == want && why && *why);
	} else {
		CHECK(rc == 0 && out == want);
	}
	/* NULL (no CONTENT_LENGTH at all) is a length of 0. */
	out = 1;
	CHECK(req_parse_clen(NULL, max, &out, &why) == 0 && out == 0);
	free(val);
	return 0;
}
