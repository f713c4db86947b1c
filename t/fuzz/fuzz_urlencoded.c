/*
 * fuzz_urlencoded.c - libFuzzer target for req_parse_urlencoded() and
 * req_decode(): the input is a query string or form body.  Besides the
 * sanitizers' checks, every successful parse must respect the contract:
 * names and values valid UTF-8 without NUL, values NUL-terminated with the
 * stated length, limits kept.  See README.md for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "http/req.h"
#include "core/utf8.h"

#define CHECK(c) \
	do {         \
		if (!(c)) \
			abort(); \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static const struct req_limits lim = {
		.max_body = 1 << 20,
		.max_fields = 16,
		.max_field = 64,
		.max_header = 256,
		.max_file = 256,
	};
	const char *s = (const char *)data;
	struct field *list = NULL;
	const char *why = NULL;
	size_t n = 0, len;

	if (a == NULL)
		a = arena_new(4096);
	arena_reset(a);

	int rc = req_parse_urlencoded(a, s, size, &lim, &list, &why);
	if (rc == 0) {
		for (const struct field *f = list; f; f = f->next, n++) {
			CHECK(f->name && f->val);
			CHECK(utf8_valid(f->name, strlen(f->name)));
			CHECK(f->val[f->len] == '\0' && strlen(f->val) == f->len);
			CHECK(utf8_valid(f->val, f->len));
			CHECK(f->len <= lim.max_field);
		}
		CHECK(n <= lim.max_fields);
	} else {
		CHECK(rc == 400 || rc == 413);
		CHECK(why && *why);
	}

	for (int plus = 0; plus < 2; plus++) {
		char *d = req_decode(a, s, size, plus, &len);
		if (d) {
			CHECK(len <= size);
			CHECK(d[len] == '\0');
		}
	}
	return 0;
}
