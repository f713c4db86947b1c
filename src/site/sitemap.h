/*
 * sitemap.h - the sitemap (sitemaps.org 0.9) as an index of child files,
 * so that it stays within the protocol's 50 000 URLs a file and costs the
 * same at a thousand news items and at a million.
 */
#ifndef AGORA_SITEMAP_H
#define AGORA_SITEMAP_H

#include "view/layout.h"

/* GET /sitemap.xml: the sitemap index, naming the child files below. */
void sitemap_index(struct ctx *c);
/* GET /sitemap-site.xml: the fixed pages, the categories, the page tree
 * and the latest events, both languages. */
void sitemap_site(struct ctx *c);
/* GET /sitemap-news-{k}.xml: the visible news items with ids from
 * k * SITEMAP_NEWS_IDS + 1 to (k + 1) * SITEMAP_NEWS_IDS, both languages;
 * 404 past the highest id. */
void sitemap_news(struct ctx *c);

/* News ids per child file: each item gives at most two URLs (Greek and
 * English), so a child holds at most 40 000. */
#define SITEMAP_NEWS_IDS 20000

#endif
