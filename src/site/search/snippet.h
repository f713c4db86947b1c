/*
 * snippet.h - what a search result shows: its title and a snippet of its
 * text of about SNIPPET_WORDS words around the first match, with the
 * matched words marked.  Text goes to the template as values (escaped
 * there); the positions of matches are found on the folded words, so what
 * is marked is what the index matched.
 */
#ifndef AGORA_SNIPPET_H
#define AGORA_SNIPPET_H

#include <stddef.h>

#include "site/search/query.h"
#include "view/tmpl.h"

#define SNIPPET_WORDS 30
#define SNIPPET_BEFORE 8  /* words shown before the first match */

/* The title into d as TPART sections, matched words marked. */
void snippet_title(struct arena *a, tmpl_dict *d, const char *title,
                   const struct term *t, size_t nt);
/* A snippet from the first of texts[] with a match (else the start of the
 * first non-empty one) into item; the index of the text used, or -1. */
int snippet_add(struct arena *a, tmpl_dict *item, const char *const texts[],
                size_t ntexts, const struct term *t, size_t nt);

#endif
