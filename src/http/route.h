/*
 * route.h - the route table, generated from routes.def (the one place a
 * page is declared): enum page, each page's methods, pattern, permission
 * and flags, and the matcher.  Patterns are PCRE2 (UTF mode, anchored) and
 * compiled once at start.  The handlers are in dispatch.c, generated from
 * the same lines; this file and route.c know nothing of them, so the
 * matcher stays a pure function that the unit tests and fuzzers link alone.
 */
#ifndef AGORA_ROUTE_H
#define AGORA_ROUTE_H

#include "http/perm.h"
#include "http/req.h"

#define GH (M_GET | M_HEAD)

enum page {
#define ROUTE(name, methods, pattern, handler, perm, flags) PAGE_##name,
#include "http/routes.def"
#undef ROUTE
	PAGE__MAX
};

/* The FLAGS column of routes.def. */
enum route_flag {
	R_BODY = 1 << 0,    /* reads a request body */
	R_NEUTRAL = 1 << 1, /* one language only: no /en/ form */
	R_CSRF = 1 << 2,    /* staff form: the session's CSRF token is checked */
	R_SITEMAP = 1 << 3, /* fixed path listed in sitemap.xml */
	R_NOINDEX = 1 << 4, /* <meta name="robots" content="noindex"> */
	R_TEST = 1 << 5,    /* exists only with test_routes = 1 */
	R_UPLOAD = 1 << 6,  /* a public form with files: its body may be up to
	                     * max_upload (nginx: client_max_body_size there) */
	R_RAW = 1 << 7,     /* with R_BODY: the body is kept as sent (r->body),
	                     * application/json only (else 415), never parsed
	                     * as a form; the X-* headers are in r->headers */
};

struct route {
	const char *name;    /* "ARTICLE" */
	unsigned methods;    /* mask of enum req_method */
	const char *pattern;
	enum perm perm;
	unsigned flags;      /* enum route_flag */
};

/* The declaration of page p (p < PAGE__MAX). */
const struct route *route_get(enum page p);
/* 1 if page p has flag f. */
int route_has(enum page p, unsigned f);
/* The path of a page whose pattern is a plain path ("/events",
 * "/feed.atom"), for links and the sitemap; NULL if it has captures or
 * other pattern syntax.  A static string. */
const char *route_path(enum page p);

enum route_result {
	ROUTE_FOUND = 0,
	ROUTE_NOT_FOUND = 404,
	ROUTE_BAD_METHOD = 405,
};

/* Compile every pattern; 0 on success, -1 with a message in err. */
int route_init(char *err, size_t errlen);
void route_free(void);
/* Pages flagged R_TEST (POST /_echo) exist only after this is called with
 * 1 (configuration key test_routes). */
void route_enable_test(int on);

/* Match path (decoded, UTF-8) and method.  On ROUTE_FOUND *page is set and up
 * to 4 captures are copied into cap[] (arena strings; unused ones NULL).  On
 * ROUTE_BAD_METHOD *allow is the "Allow" header value for that path. */
enum route_result route_match(struct arena *a, enum req_method m,
                              const char *path, enum page *page,
                              const char *cap[4], const char **allow);

#endif
