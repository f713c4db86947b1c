/*
 * plain.h - Markdown source as plain text, roughly: what the search index
 * (index.c) takes an item's words from and what its snippets (snippet.c)
 * show, so both see the same words.  Pure.
 */
#ifndef AGORA_PLAIN_H
#define AGORA_PLAIN_H

#include <stddef.h>

struct arena;

/* s as plain text (links' targets, emphasis, headings, list markers
 * dropped; white space collapsed) in the arena; *outlen its bytes. */
char *search_plain_text(struct arena *a, const char *s, size_t *outlen);

#endif
