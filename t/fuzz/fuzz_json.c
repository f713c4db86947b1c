/*
 * fuzz_json.c - libFuzzer target for json_parse_object(): the input is
 * the document.  A successful parse must give members with UTF-8 names
 * and values without NUL, of the stated length, no duplicate top-level
 * name, and a string written back by json_add_str must parse to the same
 * text.  See README.md for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "core/utf8.h"

#define CHECK(c) \
	do {         \
		if (!(c)) \
			abort(); \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (a == NULL)
		a = arena_new(4096);
	arena_reset(a);
	char *doc = malloc(size ? size : 1); /* exact size: overreads hit the redzone */
	if (doc == NULL)
		return 0;
	memcpy(doc, data, size);
	struct json_member *list = NULL;
	const char *why = NULL;
	int rc = json_parse_object(a, doc, size, 1 << 16, &list, &why);
	if (rc == 0) {
		for (const struct json_member *m = list; m; m = m->next) {
			CHECK(m->name && utf8_valid(m->name, strlen(m->name)));
			CHECK(m->val && strlen(m->val) == m->len && utf8_valid(m->val, m->len));
			CHECK(json_get(list, m->name) == m);
			if (m->type == JSON_STRING) {
				struct buf b;
				buf_init(&b, 64);
				buf_adds(&b, "{\"k\":");
				json_add_str(&b, m->val);
				buf_addc(&b, '}');
				struct json_member *back;
				const char *w2;
				CHECK(json_parse_object(a, b.p, b.len, b.len, &back, &w2) == 0);
				CHECK(back && back->type == JSON_STRING && strcmp(back->val, m->val) == 0);
				buf_free(&b);
			}
		}
	} else {
		CHECK(rc == -1 && why && *why);
	}
	free(doc);
	return 0;
}
