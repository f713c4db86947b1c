/*
 * feed.h - machine-readable views: Atom feeds, robots.txt (the sitemap is
 * sitemap.h).
 */
#ifndef AGORA_FEED_H
#define AGORA_FEED_H

#include "view/layout.h"

/* GET /feed.atom and /news/{category}/feed.atom: Atom 1.0 (RFC 4287). */
void feed_atom(struct ctx *c);
void feed_category(struct ctx *c);
/* GET /robots.txt: allow all, point to the sitemap. */
void feed_robots(struct ctx *c);

#endif
