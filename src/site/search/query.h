/*
 * query.h - from what a resident typed to a FULLTEXT expression: the words
 * of a text (folded as the index folds them, positions kept in the
 * original), the terms of a query with their other forms (stem.h), and
 * the BOOLEAN MODE expression, which never holds user text as is - only
 * folded runs of letters and digits, so no operator can be in it.  Pure;
 * t/unit/stem.t.
 */
#ifndef AGORA_QUERY_H
#define AGORA_QUERY_H

#include <stddef.h>

#include "site/search/stem.h"

#define MAX_TERMS 8
#define TOKEN_MAX 84      /* innodb_ft_max_token_size's default */

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
/* Terms of the query q (at most MAX_TERMS, no repeats; too short, too long
 * and stop words dropped) into t[], and the expression in *expr: "+word",
 * "+(word stem*)" or "+(word alt1 alt2 ...)" for each.  Returns the number
 * of terms; *had_words is set when q had letters or digits at all. */
size_t query_terms(struct arena *a, const char *q, struct term *t,
                   const char **expr, int *had_words);
/* 1 if text word w is one of the terms' forms. */
int query_word_matches(const struct word *w, const struct term *t, size_t nt);

#endif
