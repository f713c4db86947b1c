/*
 * query.c - words, terms and the FULLTEXT expression (query.h).
 */
#include "site/search/query.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
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


/* The words of s[0..n), at most max of them (0: no limit); their number
 * in *nw.  Invalid UTF-8 (the database holds none) counts as a separator. */
struct word *query_words(struct arena *a, const char *s, size_t n,
                             size_t max, size_t *nw)
{
	size_t cap = 16, k = 0;
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
			if (max && k == max)
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
			k++;
			in = 0;
		} else if (f > IGNORABLE) {
			fl += utf8_put(fbuf + fl, f);
			w[k].chars++;
		}
		i += (size_t)len;
	}
	*nw = k;
	return w;
}

/* InnoDB's default stop words (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD):
 * as required terms they would make every search fail. */
static int is_stopword(const char *w)
{
	static const char *const sw[] = { "a", "about", "an", "are", "as", "at",
		"be", "by", "com", "de", "en", "for", "from", "how", "i", "in",
		"is", "it", "la", "of", "on", "or", "that", "the", "this", "to",
		"was", "what", "when", "where", "who", "will", "with", "und",
		"www" };
	for (size_t i = 0; i < sizeof(sw) / sizeof(sw[0]); i++)
		if (strcmp(w, sw[i]) == 0)
			return 1;
	return 0;
}

/* Terms of the query q (at most MAX_TERMS, no repeats) and the BOOLEAN MODE
 * expression for them in *expr: "+word" or "+(word stem*)" or
 * "+(word alt1 alt2 ...)" for each.  Returns the number of terms;
 * *had_words is set when q had letters or digits at all (0 terms then means
 * they were all too short or stop words). */
size_t query_terms(struct arena *a, const char *q, struct term *t,
                          const char **expr, int *had_words)
{
	size_t nw, nt = 0;
	struct word *w = query_words(a, q, strlen(q), 0, &nw);
	*had_words = nw > 0;
	struct buf e;
	buf_init(&e, 256);
	for (size_t i = 0; i < nw && nt < MAX_TERMS; i++) {
		if (w[i].chars < TOKEN_MIN || w[i].chars > TOKEN_MAX ||
		    is_stopword(w[i].f))
			continue;
		int dup = 0;
		for (size_t j = 0; j < nt; j++)
			dup |= strcmp(t[j].word, w[i].f) == 0;
		if (dup)
			continue;
		struct term *x = &t[nt++];
		x->word = w[i].f;
		stem_inflect(a, x, w[i].f, w[i].nf, w[i].chars);
		if (e.len)
			buf_addc(&e, ' ');
		if (x->pre == NULL && x->nalt == 0) {
			buf_printf(&e, "+%s", x->word);
			continue;
		}
		buf_printf(&e, "+(%s", x->word);
		for (size_t j = 0; j < x->nalt; j++)
			buf_printf(&e, " %s", x->alt[j]);
		if (x->pre != NULL)
			buf_printf(&e, " %.*s*", (int)x->npre, x->pre);
		buf_addc(&e, ')');
	}
	*expr = arena_strndup(a, e.p, e.len);
	buf_free(&e);
	return nt;
}

int query_word_matches(const struct word *w, const struct term *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++)
		if (stem_matches(&t[i], w->f, w->nf))
			return 1;
	return 0;
}
