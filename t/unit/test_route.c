/*
 * test_route.c - route_match() over the route table: which page a method and
 * a decoded path reach, what is captured, and when the answer is 404 or 405
 * (with the Allow header value).  Patterns must be anchored at both ends: a
 * trailing newline (a decoded "%0A") must not match "$".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "http/ctx.h"
#include "http/route.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static struct arena *A;

static int setup(void **state)
{
	char err[256] = "";

	(void)state;
	A = arena_new(4096);
	if (route_init(err, sizeof err) != 0) {
		print_message("# route_init failed: %s\n", err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	route_free();
	arena_free(A);
	A = NULL;
	return 0;
}

struct row {
	enum req_method m;
	const char *path;
	enum route_result want;
	enum page page;      /* when found */
	const char *cap0;    /* when found; NULL = must be NULL */
	const char *cap1;
	const char *allow;   /* when 405; NULL = any non-empty value */
};

#define FOUND(m, p, pg, c0, c1) { m, p, ROUTE_FOUND, pg, c0, c1, NULL }
#define NOTFOUND(m, p) { m, p, ROUTE_NOT_FOUND, PAGE__MAX, NULL, NULL, NULL }
#define BADMETHOD(m, p, allow) { m, p, ROUTE_BAD_METHOD, PAGE__MAX, NULL, NULL, allow }

static const struct row rows[] = {
	FOUND(M_GET, "/", PAGE_HOME, NULL, NULL),
	FOUND(M_HEAD, "/", PAGE_HOME, NULL, NULL),
	BADMETHOD(M_POST, "/", "GET, HEAD"),
	BADMETHOD(M_OTHER, "/", "GET, HEAD"),
	FOUND(M_GET, "/news/12-some-slug", PAGE_ARTICLE, "12", "some-slug"),
	FOUND(M_HEAD, "/news/12-some-slug", PAGE_ARTICLE, "12", "some-slug"),
	BADMETHOD(M_POST, "/news/12-some-slug", "GET, HEAD"),
	FOUND(M_GET, "/news/12", PAGE_ARTICLE, "12", NULL),
	FOUND(M_GET, "/news/1-a", PAGE_ARTICLE, "1", "a"),
	FOUND(M_GET, "/news/12-Μυτιλήνη", PAGE_ARTICLE, "12", "Μυτιλήνη"),
	FOUND(M_GET, "/news/12-wrong-slug-2026", PAGE_ARTICLE, "12", "wrong-slug-2026"),
	FOUND(M_GET, "/news/9999999999-x", PAGE_ARTICLE, "9999999999", "x"),
	NOTFOUND(M_GET, "/news/99999999999-x"),
	NOTFOUND(M_GET, "/news/99999999999"),
	/* A name after /news/ is a category: its handler says 404 if unknown. */
	FOUND(M_GET, "/news/anakoinoseis", PAGE_NEWS_CATEGORY, "anakoinoseis", NULL),
	FOUND(M_GET, "/news/x12", PAGE_NEWS_CATEGORY, "x12", NULL),
	FOUND(M_GET, "/news/nea/feed.atom", PAGE_FEED_CATEGORY, "nea", NULL),
	NOTFOUND(M_GET, "/news/Nea"),
	NOTFOUND(M_GET, "/news/-12"),
	NOTFOUND(M_GET, "/news/"),
	FOUND(M_GET, "/news", PAGE_NEWS_LIST, NULL, NULL),
	FOUND(M_GET, "/feed.atom", PAGE_FEED, NULL, NULL),
	NOTFOUND(M_GET, "/feedxatom"),
	FOUND(M_GET, "/sitemap.xml", PAGE_SITEMAP, NULL, NULL),
	FOUND(M_GET, "/robots.txt", PAGE_ROBOTS, NULL, NULL),
	FOUND(M_GET, "/p/o-dimos", PAGE_PAGE, "o-dimos", NULL),
	FOUND(M_GET, "/p/o-dimos/dimarchos", PAGE_PAGE, "o-dimos/dimarchos", NULL),
	NOTFOUND(M_GET, "/p/"),
	NOTFOUND(M_GET, "/p/o-dimos/"),
	NOTFOUND(M_GET, "/p/O-Dimos"),
	NOTFOUND(M_GET, "/p/a//b"),
	FOUND(M_GET, "/events", PAGE_EVENTS, NULL, NULL),
	FOUND(M_GET, "/events.ics", PAGE_EVENTS_ICS, NULL, NULL),
	FOUND(M_GET, "/events/7.ics", PAGE_EVENT_ICS, "7", NULL),
	FOUND(M_GET, "/events/7-christougenniatiko-chorio", PAGE_EVENT, "7", "christougenniatiko-chorio"),
	FOUND(M_GET, "/events/7", PAGE_EVENT, "7", NULL),
	NOTFOUND(M_GET, "/events/x"),
	FOUND(M_GET, "/search", PAGE_SEARCH, NULL, NULL),
	NOTFOUND(M_GET, "/news/12/"),
	NOTFOUND(M_GET, "/news/12\n"),
	NOTFOUND(M_GET, "/nope"),
	NOTFOUND(M_POST, "/nope"),
	NOTFOUND(M_GET, "//"),
	NOTFOUND(M_GET, ""),
	NOTFOUND(M_GET, "/index.html"),
	FOUND(M_GET, "/healthz", PAGE_HEALTHZ, NULL, NULL),
	NOTFOUND(M_GET, "/healthz/"),
	NOTFOUND(M_GET, "/healthz\n"),
	NOTFOUND(M_GET, "/healthzz"),
	NOTFOUND(M_GET, "/x/healthz"),
	NOTFOUND(M_GET, "/HEALTHZ"),
	BADMETHOD(M_POST, "/healthz", NULL),
	FOUND(M_GET, "/accessibility", PAGE_ACCESSIBILITY, NULL, NULL),
	FOUND(M_HEAD, "/accessibility", PAGE_ACCESSIBILITY, NULL, NULL),
	FOUND(M_POST, "/accessibility", PAGE_ACCESSIBILITY_POST, NULL, NULL),
	BADMETHOD(M_OTHER, "/accessibility", "GET, HEAD, POST"),
	NOTFOUND(M_GET, "/accessibility/"),
	NOTFOUND(M_GET, "/accessibility.html"),
};

static const char *name(enum route_result r)
{
	switch (r) {
	case ROUTE_FOUND: return "FOUND";
	case ROUTE_NOT_FOUND: return "404";
	case ROUTE_BAD_METHOD: return "405";
	}
	return "?";
}

static int same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static void test_table(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct row *r = &rows[i];
		enum page page = PAGE__MAX;
		const char *cap[4] = { "x", "x", "x", "x" };
		const char *allow = NULL;
		enum route_result got = route_match(A, r->m, r->path, &page, cap, &allow);
		int bad = got != r->want;

		if (!bad && got == ROUTE_FOUND)
			bad = page != r->page || !same(cap[0], r->cap0) ||
			      !same(cap[1], r->cap1) || cap[2] != NULL || cap[3] != NULL;
		if (!bad && got == ROUTE_BAD_METHOD)
			bad = allow == NULL || allow[0] == '\0' ||
			      (r->allow && strcmp(allow, r->allow) != 0);
		if (bad) {
			print_message("# route_match row %zu method %d \"%s\": want %s page %d"
			              " cap %s,%s allow %s; got %s page %d cap %s,%s,%s,%s"
			              " allow %s\n", i, (int)r->m, r->path, name(r->want),
			              (int)r->page, r->cap0 ? r->cap0 : "NULL",
			              r->cap1 ? r->cap1 : "NULL", r->allow ? r->allow : "-",
			              name(got), (int)page, cap[0] ? cap[0] : "NULL",
			              cap[1] ? cap[1] : "NULL", cap[2] ? cap[2] : "NULL",
			              cap[3] ? cap[3] : "NULL", allow ? allow : "NULL");
			failed++;
		}
	}
	assert_int_equal(failed, 0);
}

/* Captures are the arena's copies, not pointers into the path. */
static void test_capture_copies(void **state)
{
	(void)state;
	char path[] = "/news/42-slug";
	enum page page;
	const char *cap[4];
	const char *allow = NULL;

	assert_int_equal(route_match(A, M_GET, path, &page, cap, &allow), ROUTE_FOUND);
	memset(path, 'z', sizeof path - 1);
	assert_string_equal(cap[0], "42");
	assert_string_equal(cap[1], "slug");
}

/* Every line of routes.def: a handler, a name, a pattern that compiles
 * (route_init did), the rules of its flags. */
static void test_declarations(void **state)
{
	(void)state;
	int failed = 0;
	for (int p = 0; p < PAGE__MAX; p++) {
		const struct route *r = route_get((enum page)p);
		const char *why = NULL;
		if (dispatch_handler((enum page)p) == NULL)
			why = "no handler";
		else if (r == NULL || r->name == NULL || r->pattern == NULL)
			why = "no declaration";
		else if ((r->methods & M_POST) && !(r->flags & R_BODY))
			why = "POST without R_BODY";
		else if ((r->methods & M_POST) && r->perm != PERM_PUBLIC &&
		         !(r->flags & R_CSRF))
			why = "staff POST without R_CSRF";
		else if (r->perm != PERM_PUBLIC && strncmp(r->pattern, "/admin/", 7) != 0 &&
		         strcmp(r->pattern, "/admin") != 0)
			why = "staff page outside /admin";
		else if (strncmp(r->pattern, "/admin", 6) == 0 && (r->flags & R_SITEMAP))
			why = "an /admin page in the sitemap";
		else if ((r->flags & R_SITEMAP) && route_path((enum page)p) == NULL)
			why = "R_SITEMAP on a page without a plain path";
		else if ((r->flags & R_SITEMAP) && (r->flags & (R_NOINDEX | R_TEST)))
			why = "R_SITEMAP with R_NOINDEX or R_TEST";
		else if (r->perm >= PERM__MAX)
			why = "unknown permission";
		if (why != NULL) {
			print_message("# page %d (%s): %s\n", p, r && r->name ? r->name : "?", why);
			failed++;
		}
	}
	assert_int_equal(failed, 0);
	assert_null(route_get(PAGE__MAX));
	assert_null(dispatch_handler(PAGE__MAX));
}

/* Plain paths, as the sitemap and links use them. */
static void test_plain_paths(void **state)
{
	(void)state;
	assert_string_equal(route_path(PAGE_HOME), "/");
	assert_string_equal(route_path(PAGE_EVENTS), "/events");
	assert_string_equal(route_path(PAGE_FEED), "/feed.atom");
	assert_string_equal(route_path(PAGE_SITEMAP), "/sitemap.xml");
	assert_null(route_path(PAGE_ARTICLE));
	assert_null(route_path(PAGE_PAGE));
	assert_true(route_has(PAGE_ACCESSIBILITY_POST, R_BODY));
	assert_true(route_has(PAGE_SEARCH, R_NOINDEX));
	assert_false(route_has(PAGE_SEARCH, R_SITEMAP));
	assert_false(route_has(PAGE__MAX, 0));
}

/* The test-only page exists only when asked for. */
static void test_test_routes(void **state)
{
	(void)state;
	enum page page;
	const char *cap[4], *allow = NULL;
	assert_int_equal(route_match(A, M_POST, "/_echo", &page, cap, &allow),
	                 ROUTE_NOT_FOUND);
	route_enable_test(1);
	assert_int_equal(route_match(A, M_POST, "/_echo", &page, cap, &allow),
	                 ROUTE_FOUND);
	assert_int_equal(page, PAGE_ECHO);
	route_enable_test(0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_declarations),
		cmocka_unit_test(test_plain_paths),
		cmocka_unit_test(test_test_routes),
		cmocka_unit_test(test_capture_copies),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("route", tests, setup, teardown);
}
