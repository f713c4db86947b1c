/* feed.c - placeholder until feeds land. */
#include "feed.h"

void feed_atom(struct ctx *c) { page_error(c, 404, NULL); }
void feed_category(struct ctx *c) { page_error(c, 404, NULL); }
void feed_sitemap(struct ctx *c) { page_error(c, 404, NULL); }
void feed_robots(struct ctx *c) { page_error(c, 404, NULL); }
