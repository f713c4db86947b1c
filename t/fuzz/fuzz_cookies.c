/*
 * fuzz_cookies.c - libFuzzer target for req_parse_cookies(): the input, up to
 * its first NUL, is a Cookie header.  A successful parse must give non-empty
 * UTF-8 names, NUL-terminated UTF-8 values of the stated length, and no more
 * cookies than the limit.  See README.md for how to build and run it.
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
		.max_header = 512,
		.max_file = 256,
	};
	struct field *list = NULL;
	const char *why = NULL;
	size_t n = 0;
	size_t hl = strnlen((const char *)data, size);
	char *hdr = malloc(hl + 1); /* exact size: overreads hit the redzone */

	if (hdr == NULL)
		return 0;
	memcpy(hdr, data, hl);
	hdr[hl] = '\0';
	if (a == NULL)
		a = arena_new(4096);
	arena_reset(a);

	int rc = req_parse_cookies(a, hdr, &lim, &list, &why);
	if (rc == 0) {
		CHECK(hl <= lim.max_header);
		for (const struct field *f = list; f; f = f->next, n++) {
			CHECK(f->name && f->val && f->name[0] != '\0');
			CHECK(utf8_valid(f->name, strlen(f->name)));
			CHECK(f->val[f->len] == '\0' && strlen(f->val) == f->len);
			CHECK(utf8_valid(f->val, f->len));
			CHECK(strchr(f->name, ';') == NULL && strchr(f->val, ';') == NULL);
		}
		CHECK(n <= lim.max_fields);
	} else {
		CHECK(rc == 400 || rc == 413);
		CHECK(why && *why);
	}
	free(hdr);
	return 0;
}
