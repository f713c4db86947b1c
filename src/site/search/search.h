/*
 * search.h - full-text search over news, pages and events.
 */
#ifndef AGORA_SEARCH_H
#define AGORA_SEARCH_H

#include "view/layout.h"

/* GET /search?q=&page=: results with marked snippets; a friendly page for
 * an empty, too short, too long or meaningless query; never an error. */
void search_page(struct ctx *c);

#endif
