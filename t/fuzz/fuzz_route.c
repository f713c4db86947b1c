/*
 * fuzz_route.c - libFuzzer target for route_match().  The first byte picks
 * the method ('G' GET, 'H' HEAD, 'P' POST, anything else another method);
 * the rest, up to a NUL, is the decoded path.  Like req.c, the target only
 * passes valid UTF-8 on (route_match relies on that).  Each answer must be
 * consistent: a page in range, an article id of 1-10 digits, a 405 with an
 * Allow value.  See README.md for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "http/route.h"
#include "core/utf8.h"

#define CHECK(c) \
	do {         \
		if (!(c)) \
			abort(); \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	enum req_method m;
	enum page page = PAGE__MAX;
	const char *cap[4];
	const char *allow = NULL;
	size_t pl;
	char *path;

	if (a == NULL) {
		char err[256];
		a = arena_new(4096);
		if (route_init(err, sizeof err) != 0) {
			fprintf(stderr, "route_init: %s\n", err);
			abort();
		}
	}
	if (size == 0)
		return 0;
	m = data[0] == 'G' ? M_GET : data[0] == 'H' ? M_HEAD
	    : data[0] == 'P' ? M_POST : M_OTHER;
	pl = strnlen((const char *)data + 1, size - 1);
	if (!utf8_valid((const char *)data + 1, pl))
		return 0;
	path = malloc(pl + 1);
	if (path == NULL)
		return 0;
	memcpy(path, data + 1, pl);
	path[pl] = '\0';
	arena_reset(a);

	enum route_result r = route_match(a, m, path, &page, cap, &allow);
	switch (r) {
	case ROUTE_FOUND:
		CHECK(page < PAGE__MAX);
		CHECK(path[0] == '/');
		if (page == PAGE_ARTICLE) {
			size_t d = cap[0] ? strspn(cap[0], "0123456789") : 0;
			CHECK(d >= 1 && d <= 10 && cap[0][d] == '\0');
		}
		for (int i = 0; i < 4; i++)
			CHECK(cap[i] == NULL || utf8_valid(cap[i], strlen(cap[i])));
		break;
	case ROUTE_BAD_METHOD:
		CHECK(allow && *allow);
		break;
	case ROUTE_NOT_FOUND:
		break;
	default:
		abort();
	}
	free(path);
	return 0;
}
