/*
 * stem.h - Greek (and a little English) inflection for search terms.  The
 * FULLTEXT index folds case, accents and final sigma but knows no word
 * forms, so each folded query word carries its other forms: a stem searched
 * as a prefix when at least STEM_MIN letters remain ("μυτιλην*"), or the
 * other endings of its declension listed when the stem is shorter ("δημοσ"
 * -> δημου, δημο, δημε, ...).  A rough stemmer, not a dictionary; weighed
 * against Snowball's Greek stemmer on t/unit/data/greek-inflections.tsv
 * (README "Search": it finds more of the right forms with fewer false
 * matches, and needs no stemmed copy of the text).  Pure; t/unit/stem.t.
 */
#ifndef AGORA_STEM_H
#define AGORA_STEM_H

#include <stddef.h>

struct arena;

#define TOKEN_MIN 2       /* innodb_ft_min_token_size of script/lib/stack.sh */
#define STEM_MIN 4        /* letters left after removing an ending */
#define STEM_ALTS 12      /* most other forms one ending lists */

struct term {
	const char *word;  /* folded */
	const char *pre;   /* a text word matches if its folded form starts
	                      with this (a stem, or the word); may be NULL */
	size_t npre;
	const char *alt[STEM_ALTS]; /* or if it is one of these other forms */
	size_t nalt;
};

/* Fill t's prefix or alternative forms for the folded word w (n bytes,
 * chars letters); t->word is left as it is. */
void stem_inflect(struct arena *a, struct term *t, const char *w, size_t n,
                  size_t chars);
/* 1 if the folded word f (nf bytes) is one of t's forms: the word itself,
 * one of its alternatives, or a word starting with its prefix - exactly as
 * the index matches the expression built from t. */
int stem_matches(const struct term *t, const char *f, size_t nf);

#endif
