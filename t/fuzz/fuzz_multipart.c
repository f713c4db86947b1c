/*
 * fuzz_multipart.c - libFuzzer target for req_multipart_boundary() and
 * req_parse_multipart().  The input's first line (up to '\n', at most 200
 * bytes) is the Content-Type; the rest is the body, kept at the very end of
 * its buffer so any read past it is caught.  A successful parse must give
 * UTF-8 names and values, limits kept, uploads with a NUL after their data
 * (or, over max_file, marked oversize without their bytes).
 * See README.md for how to build and run it.
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
		.max_fields = 8,
		.max_field = 128,
		.max_header = 256,
		.max_file = 512,
	};
	const char *nl = memchr(data, '\n', size < 200 ? size : 200);
	size_t cl = nl ? (size_t)(nl - (const char *)data) : 0;
	const char *body = nl ? nl + 1 : (const char *)data;
	size_t n = size - (size_t)(body - (const char *)data);
	struct field *fields = NULL;
	struct upload *files = NULL;
	const char *why = NULL;
	size_t parts = 0;
	char *ctype;

	if (memchr(data, '\0', cl))
		return 0; /* a header value never holds NUL */
	ctype = malloc(cl + 1);
	if (ctype == NULL)
		return 0;
	memcpy(ctype, data, cl);
	ctype[cl] = '\0';
	if (a == NULL)
		a = arena_new(4096);
	arena_reset(a);

	char *b = req_multipart_boundary(a, ctype);
	if (b)
		CHECK(strlen(b) >= 1 && strlen(b) <= 70);

	int rc = req_parse_multipart(a, ctype, body, n, &lim, &fields, &files, &why);
	if (rc == 0) {
		CHECK(b != NULL);
		for (const struct field *f = fields; f; f = f->next, parts++) {
			CHECK(f->name && *f->name && f->val);
			CHECK(utf8_valid(f->name, strlen(f->name)));
			CHECK(f->val[f->len] == '\0' && strlen(f->val) == f->len);
			CHECK(utf8_valid(f->val, f->len));
			CHECK(f->len <= lim.max_field);
		}
		for (const struct upload *u = files; u; u = u->next, parts++) {
			CHECK(u->name && *u->name && u->filename && u->ctype && u->data);
			CHECK(utf8_valid(u->name, strlen(u->name)));
			CHECK(utf8_valid(u->filename, strlen(u->filename)));
			CHECK(u->len <= n);
			/* Over max_file: kept without its bytes (req.h). */
			if (u->oversize)
				CHECK(u->len > lim.max_file && u->data[0] == '\0');
			else
				CHECK(u->len <= lim.max_file && u->data[u->len] == '\0');
		}
		CHECK(parts <= lim.max_fields);
	} else {
		CHECK(rc == 400 || rc == 413);
		CHECK(why && *why);
		CHECK(fields == NULL && files == NULL); /* nothing half-parsed */
	}
	free(ctype);
	return 0;
}
