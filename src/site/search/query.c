/*
 * query.c - words and terms (query.h).
 */
#include "site/search/query.h"

#include <string.h>

#include "core/arena.h"
#include "core/fold.h"
#include "core/utf8.h"


enum { NOT_WORD = FOLD_NOT_WORD, IGNORABLE = FOLD_IGNORABLE };

static unsigned fold(unsigned c)
{
	return fold_char(c, NULL);
}

static size_t utf8_put(char *o, unsigned c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}


/* The words of s[0..n), at most max of them (0: no limit), their number
 * in *nw.  With terms (t, nt > 0) the walk also stops `after` words past
 * the first word that has one of them, whose index goes to *first (*nw
 * when none has).  Invalid UTF-8 (the database holds none) counts as a
 * separator. */
static struct word *words(struct arena *a, const char *s, size_t n, size_t max,
                          const struct term *t, size_t nt, size_t after,
                          size_t *nw, size_t *first)
{
	size_t cap = 16, k = 0, hit = (size_t)-1;
	struct word *w = arena_alloc(a, cap * sizeof(*w));
	/* A folded letter never takes more bytes than the original. */
	char *fbuf = arena_alloc(a, n + 1);
	size_t fl = 0;
	int in = 0;
	for (size_t i = 0; i <= n;) {
		unsigned cp = 0, f = NOT_WORD;
		int len = 1;
		if (i < n) {
			len = utf8_decode(s + i, n - i, &cp);
			if (len == 0)
				len = 1;
			else
				f = fold(cp);
		}
		if (f != NOT_WORD && !in) {
			if ((max && k == max) || (hit != (size_t)-1 && k > hit + after))
				break;
			if (k == cap) {
				struct word *nwv = arena_alloc(a, 2 * cap * sizeof(*w));
				memcpy(nwv, w, cap * sizeof(*w));
				w = nwv;
				cap *= 2;
			}
			w[k].start = i;
			w[k].f = fbuf + fl;
			w[k].chars = 0;
			in = 1;
		}
		if (f == NOT_WORD && in) {
			w[k].end = i;
			w[k].nf = (size_t)(fbuf + fl - w[k].f);
			fbuf[fl++] = '\0';
			if (nt > 0 && hit == (size_t)-1 && query_word_matches(&w[k], t, nt))
				hit = k;
			k++;
			in = 0;
		} else if (f > IGNORABLE) {
			fl += utf8_put(fbuf + fl, f);
			w[k].chars++;
		}
		i += (size_t)len;
	}
	*nw = k;
	if (first != NULL)
		*first = hit == (size_t)-1 ? k : hit;
	return w;
}

struct word *query_words(struct arena *a, const char *s, size_t n,
                         size_t max, size_t *nw)
{
	return words(a, s, n, max, NULL, 0, 0, nw, NULL);
}

struct word *query_words_to_match(struct arena *a, const char *s, size_t n,
                                  const struct term *t, size_t nt, size_t after,
                                  size_t *nw, size_t *first)
{
	return words(a, s, n, 0, t, nt, after, nw, first);
}

/* Words too common to be worth an index entry: the Greek articles,
 * pronouns, prepositions and conjunctions of every sentence, and InnoDB's
 * English stop words (folded, as query_words gives them).  The index does
 * not keep them and a query does not ask for them. */
static int is_stopword(const char *w)
{
	static const char *const sw[] = {
		"αλλα", "απο", "αυτη", "αυτο", "αυτοσ", "για", "δεν", "εινα",
		"ειναι", "εωσ", "η", "θα", "και", "κατα", "με", "μετα", "μη", "μην",
		"να", "ο", "οι", "οπωσ", "οτι", "παρα", "που", "προσ", "πωσ", "σα",
		"σαν", "σε", "στα", "στη", "στην", "στισ", "στο", "στον", "στουσ",
		"στων", "τα", "τη", "την", "τησ", "τισ", "το", "τον", "του", "τουσ",
		"των", "ωσ",
		"a", "about", "an", "and", "are", "as", "at", "be", "by", "com",
		"de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of",
		"on", "or", "that", "the", "this", "to", "was", "what", "when",
		"where", "who", "will", "with", "und", "www" };
	for (size_t i = 0; i < sizeof(sw) / sizeof(sw[0]); i++)
		if (strcmp(w, sw[i]) == 0)
			return 1;
	return 0;
}

const char *query_word_key(struct arena *a, const struct word *w, size_t *nkey)
{
	if (w->chars < TOKEN_MIN || w->chars > TOKEN_MAX || is_stopword(w->f))
		return NULL;
	char *k = arena_alloc(a, w->nf + 1);
	*nkey = stem_key(w->f, w->nf, w->chars, k);
	return k;
}

size_t query_terms(struct arena *a, const char *q, struct term *t, int *had_words)
{
	size_t nw, nt = 0;
	struct word *w = query_words(a, q, strlen(q), 0, &nw);
	*had_words = nw > 0;
	for (size_t i = 0; i < nw && nt < MAX_TERMS; i++) {
		size_t nk;
		const char *k = query_word_key(a, &w[i], &nk);
		if (k == NULL)
			continue;
		int dup = 0;
		for (size_t j = 0; j < nt; j++)
			dup |= t[j].nkey == nk && memcmp(t[j].key, k, nk) == 0;
		if (dup)
			continue;
		t[nt++] = (struct term){ w[i].f, k, nk };
	}
	return nt;
}

int query_word_matches(const struct word *w, const struct term *t, size_t nt)
{
	/* A key is its word's folded form with the ending cut (and at most
	 * its last letter changed: "cities" -> "city", stem.c), so a word
	 * that does not begin with all but the last byte of a term's key
	 * cannot have it: most words of a text are passed over here, without
	 * the stop-word list or stemming. */
	size_t i = 0;
	while (i < nt && !(t[i].nkey > 0 && w->nf + 1 >= t[i].nkey &&
	                   memcmp(w->f, t[i].key, t[i].nkey - 1) == 0))
		i++;
	if (i == nt)
		return 0;
	/* The words the index keeps, and only those (query_word_key). */
	if (w->chars < TOKEN_MIN || w->chars > TOKEN_MAX || is_stopword(w->f))
		return 0;
	char buf[TOKEN_MAX * 4 + 1];
	size_t nk = stem_key(w->f, w->nf, w->chars, buf);
	for (i = 0; i < nt; i++)
		if (t[i].nkey == nk && memcmp(t[i].key, buf, nk) == 0)
			return 1;
	return 0;
}
