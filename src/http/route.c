/*
 * route.c - the route table and its matcher.  Each pattern is anchored and
 * compiled once (PCRE2, UTF mode) at start; a request is matched in table
 * order.  A path that matches some pattern but not with this method answers
 * 405 with the methods that pattern allows.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "http/route.h"

#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"

struct route {
	unsigned methods; /* mask of enum req_method */
	const char *pattern;
	enum page page;
	int test_only;    /* exists only after route_enable_test(1) */
};

#define GH (M_GET | M_HEAD)

static struct route routes[] = {
	{ GH, "/", PAGE_HOME, 0 },
	{ GH, "/news", PAGE_NEWS_LIST, 0 },
	{ GH, "/news/([0-9]{1,10})(?:-(.*))?", PAGE_ARTICLE, 0 },
	{ GH, "/news/([a-z][a-z0-9-]{0,39})/feed\\.atom", PAGE_FEED_CATEGORY, 0 },
	{ GH, "/news/([a-z][a-z0-9-]{0,39})", PAGE_NEWS_CATEGORY, 0 },
	{ GH, "/feed\\.atom", PAGE_FEED, 0 },
	{ GH, "/sitemap\\.xml", PAGE_SITEMAP, 0 },
	{ GH, "/robots\\.txt", PAGE_ROBOTS, 0 },
	{ GH, "/p/([a-z0-9-]{1,100}(?:/[a-z0-9-]{1,100}){0,7})", PAGE_PAGE, 0 },
	{ GH, "/events", PAGE_EVENTS, 0 },
	{ GH, "/events\\.ics", PAGE_EVENTS_ICS, 0 },
	{ GH, "/events/([0-9]{1,10})\\.ics", PAGE_EVENT_ICS, 0 },
	{ GH, "/events/([0-9]{1,10})(?:-(.*))?", PAGE_EVENT, 0 },
	{ GH, "/search", PAGE_SEARCH, 0 },
	{ GH, "/healthz", PAGE_HEALTHZ, 0 },
	{ GH, "/accessibility", PAGE_ACCESSIBILITY, 0 },
	{ M_POST, "/accessibility", PAGE_ACCESSIBILITY_POST, 0 },
	{ M_POST, "/_echo", PAGE_ECHO, 1 },
};

#define NROUTES (sizeof(routes) / sizeof(routes[0]))

static pcre2_code *compiled[NROUTES];
static pcre2_match_data *md;
static int test_enabled;

void route_enable_test(int on)
{
	test_enabled = on;
}

int route_init(char *err, size_t errlen)
{
	for (size_t i = 0; i < NROUTES; i++) {
		int ec;
		PCRE2_SIZE off;
		compiled[i] = pcre2_compile(
		    (PCRE2_SPTR)routes[i].pattern, PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED |
		        PCRE2_NO_UTF_CHECK,
		    &ec, &off, NULL);
		if (compiled[i] == NULL) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(ec, msg, sizeof(msg));
			snprintf(err, errlen, "route \"%s\": %s at offset %zu",
			         routes[i].pattern, (char *)msg, (size_t)off);
			return -1;
		}
		/* No JIT: a path is matched against a few short anchored
		 * patterns in microseconds anyway, and JIT code is opaque to
		 * valgrind (false "uninitialised value" reports). */
	}
	md = pcre2_match_data_create(8, NULL);
	return md == NULL ? -1 : 0;
}

void route_free(void)
{
	for (size_t i = 0; i < NROUTES; i++) {
		pcre2_code_free(compiled[i]);
		compiled[i] = NULL;
	}
	pcre2_match_data_free(md);
	md = NULL;
}

static void add_allow(char *allow, size_t len, unsigned methods)
{
	static const struct {
		unsigned m;
		const char *name;
	} names[] = { { M_GET, "GET" }, { M_HEAD, "HEAD" }, { M_POST, "POST" } };
	for (size_t i = 0; i < 3; i++) {
		if (!(methods & names[i].m) || strstr(allow, names[i].name))
			continue;
		if (*allow)
			strncat(allow, ", ", len - strlen(allow) - 1);
		strncat(allow, names[i].name, len - strlen(allow) - 1);
	}
}

enum route_result route_match(struct arena *a, enum req_method m,
                              const char *path, enum page *page,
                              const char *cap[4], const char **allow)
{
	char allowed[64] = "";
	unsigned seen = 0;
	size_t plen = strlen(path);
	for (int i = 0; i < 4; i++)
		cap[i] = NULL;
	for (size_t i = 0; i < NROUTES; i++) {
		if (routes[i].test_only && !test_enabled)
			continue;
		/* The path was UTF-8 checked by the caller (req.c). */
		int rc = pcre2_match(compiled[i], (PCRE2_SPTR)path, plen, 0,
		                     PCRE2_NO_UTF_CHECK, md, NULL);
		if (rc < 0)
			continue;
		if (!(routes[i].methods & m)) {
			seen |= routes[i].methods;
			continue;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		for (int c = 1; c < rc && c <= 4; c++) {
			if (ov[2 * c] == PCRE2_UNSET)
				continue;
			cap[c - 1] = arena_strndup(a, path + ov[2 * c],
			                           ov[2 * c + 1] - ov[2 * c]);
		}
		*page = routes[i].page;
		return ROUTE_FOUND;
	}
	if (seen == 0)
		return ROUTE_NOT_FOUND;
	add_allow(allowed, sizeof(allowed), seen);
	if (allow != NULL)
		*allow = arena_strdup(a, allowed);
	return ROUTE_BAD_METHOD;
}
