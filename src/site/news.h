/*
 * news.h - the public news pages: the home page's latest items and the
 * article page.
 */
#ifndef AGORA_NEWS_H
#define AGORA_NEWS_H

#include "view/layout.h"

/* GET / : 200, or 503/500 when the database fails. */
void news_home(struct ctx *c);
/* GET /news and /news/{category}: newest first, keyset pagination
 * (?before=<cursor> / ?after=<cursor>); 404 for an unknown category, 400 for
 * a malformed cursor. */
void news_list(struct ctx *c);
void news_category(struct ctx *c);

/* GET /news/{id}-{slug} : 200; 301 to the canonical URL when the slug
 * differs; 404 for unknown, draft or scheduled items; 503/500. */
void news_article(struct ctx *c);
/* POST /news/{id}/comments: a reader's comment (comments/comments.h);
 * 303 to the article, or the article again with the form (422, 429),
 * 403 when its comments are closed, 404 for no such item. */
void news_comment_post(struct ctx *c);

#endif
