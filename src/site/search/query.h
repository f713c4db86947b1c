/*
 * query.h - the words of a text, folded (case, accents, diaeresis and
 * final sigma ignored; positions kept in the original), and the terms of
 * a query: its words' index keys (stem.h), at most MAX_TERMS of them, each
 * once.  The index (index.c) and the snippets (snippet.c) take a text's
 * words from here too, so the three agree on what a word is.  Pure;
 * t/unit/test_stem.c.
 */
#ifndef AGORA_QUERY_H
#define AGORA_QUERY_H

#include <stddef.h>

#include "site/search/stem.h"

struct arena;

#define MAX_TERMS 8
#define TOKEN_MAX 84      /* letters: a longer "word" is not one */

/* A word of a text: bytes [start, end) of the original, and its folded
 * form (NUL-terminated UTF-8, in the arena) with its length in letters. */
struct word {
	size_t start, end;
	char *f;
	size_t nf;     /* bytes of f */
	size_t chars;  /* letters in f */
};

/* The words of s[0..n), at most max of them (0: no limit); their number
 * in *nw.  Invalid UTF-8 (the database holds none) counts as a separator. */
struct word *query_words(struct arena *a, const char *s, size_t n,
                         size_t max, size_t *nw);
/* A query term: the word as typed (folded) and its index key. */
struct term {
	const char *word;
	const char *key;
	size_t nkey;
};
/* The same as query_words, stopping `after` words past the first word
 * that has one of the terms (query_word_matches), whose index goes to
 * *first (*nw when no word has): a snippet reads a long text only as far
 * as it shows. */
struct word *query_words_to_match(struct arena *a, const char *s, size_t n,
                                  const struct term *t, size_t nt, size_t after,
                                  size_t *nw, size_t *first);

/* The index key of a text word, in the arena (or in buf when it has room
 * for w->nf + 1 bytes); its length in *nkey.  NULL for a word the index
 * does not keep (longer than TOKEN_MAX letters). */
const char *query_word_key(struct arena *a, const struct word *w, size_t *nkey);
/* Terms of the query q (at most MAX_TERMS, no two with one key; words of
 * one letter and words longer than TOKEN_MAX dropped) into t[].  Returns
 * the number of terms; *had_words is set when q had letters or digits at
 * all. */
size_t query_terms(struct arena *a, const char *q, struct term *t, int *had_words);
/* 1 if text word w has the key of one of the terms. */
int query_word_matches(const struct word *w, const struct term *t, size_t nt);

#endif
