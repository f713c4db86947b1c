/*
 * route.h - the route table: method mask + PCRE2 pattern (UTF mode, anchored)
 * -> page.  Patterns are compiled once at start.  Adding a page is one line in
 * the table in route.c and one handler in main.c's page table.
 */
#ifndef AGORA_ROUTE_H
#define AGORA_ROUTE_H

#include "http/req.h"

enum page {
	PAGE_HOME,
	PAGE_NEWS_LIST,          /* /news */
	PAGE_NEWS_CATEGORY,      /* /news/{category} */
	PAGE_ARTICLE,            /* /news/{id}-{slug} */
	PAGE_FEED,               /* /feed.atom */
	PAGE_FEED_CATEGORY,      /* /news/{category}/feed.atom */
	PAGE_SITEMAP,            /* /sitemap.xml */
	PAGE_ROBOTS,             /* /robots.txt */
	PAGE_PAGE,               /* /p/{slug}/... */
	PAGE_EVENTS,             /* /events */
	PAGE_EVENTS_ICS,         /* /events.ics */
	PAGE_EVENT,              /* /events/{id}-{slug} */
	PAGE_EVENT_ICS,          /* /events/{id}.ics */
	PAGE_SEARCH,             /* /search?q= */
	PAGE_HEALTHZ,
	PAGE_ACCESSIBILITY,      /* GET: the statement and its feedback form */
	PAGE_ACCESSIBILITY_POST, /* POST: the feedback */
	PAGE_ECHO, /* test_routes only: echoes the parsed body */
	PAGE__MAX
};

enum route_result {
	ROUTE_FOUND = 0,
	ROUTE_NOT_FOUND = 404,
	ROUTE_BAD_METHOD = 405,
};

/* Compile every pattern; 0 on success, -1 with a message in err. */
int route_init(char *err, size_t errlen);
void route_free(void);
/* Routes marked test-only (POST /_echo) exist only after this is called
 * with 1 (configuration key test_routes). */
void route_enable_test(int on);

/* Match path (decoded, UTF-8) and method.  On ROUTE_FOUND *page is set and up
 * to 4 captures are copied into cap[] (arena strings; unused ones NULL).  On
 * ROUTE_BAD_METHOD *allow is the "Allow" header value for that path. */
enum route_result route_match(struct arena *a, enum req_method m,
                              const char *path, enum page *page,
                              const char *cap[4], const char **allow);

#endif
