/*
 * slug.c - ELOT 743 transliteration of Greek titles into URL slugs.
 *
 * Letters are first folded to lower case without accents (remembering a
 * diaeresis, which breaks digraphs: "Ευρωπαϊκή" keeps "ai", "προϋπόθεση"
 * keeps "oy").  Then the digraph rules of ELOT 743 apply: γγ ng, γκ gk, γξ nx,
 * γχ nch, μπ mp, ντ nt, ου ou, and αυ/ευ/ηυ as av/ev/iv before a vowel or a
 * voiced consonant, af/ef/if before a voiceless one or at the end.
 */
#include "core/slug.h"

#include <string.h>

#include "core/arena.h"
#include "core/fold.h"
#include "core/utf8.h"

struct gch {
	unsigned cp;    /* folded: lower case, no accent; 0 = separator */
	int diaeresis;
};

/* Lower-case Greek base letter, ASCII lower case letter or digit, or 0
 * for "not part of a slug" (punctuation, other scripts, '_'). */
static unsigned fold(unsigned c, int *diaer)
{
	unsigned f = fold_char(c, diaer);
	if (f <= FOLD_IGNORABLE || f == '_' || (f >= 0x80 && !(f >= 0x3B1 && f <= 0x3C9)))
		return 0;
	return f;
}

/* Single-letter ELOT 743 values for α..ω (0x3B1..0x3C9). */
static const char *const single[] = {
	"a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x",
	"o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o",
};

static int is_vowel(unsigned c)
{
	return c == 0x3B1 || c == 0x3B5 || c == 0x3B7 || c == 0x3B9 ||
	       c == 0x3BF || c == 0x3C5 || c == 0x3C9;
}

static int is_voiced(unsigned c)
{
	return c == 0x3B2 || c == 0x3B3 || c == 0x3B4 || c == 0x3B6 ||
	       c == 0x3BB || c == 0x3BC || c == 0x3BD || c == 0x3C1;
}

static int is_greek(unsigned c)
{
	return c >= 0x3B1 && c <= 0x3C9;
}

char *slug_make(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	struct gch *g = arena_alloc(a, (n + 1) * sizeof(*g));
	size_t ng = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			cp = 0;
		}
		i += (size_t)k;
		g[ng].cp = fold(cp, &g[ng].diaeresis);
		ng++;
	}
	g[ng].cp = 0;

	/* Longest output: "nch" for two letters, so 2 bytes per input letter
	 * plus separators is enough; 3x is safe. */
	char *out = arena_alloc(a, ng * 3 + 1);
	size_t len = 0;
	int dash = 0;
	for (size_t i = 0; i < ng; i++) {
		unsigned c = g[i].cp, nx = g[i + 1].cp;
		const char *t;
		char one[2] = { 0, 0 };
		if (c == 0) {
			dash = len > 0;
			continue;
		}
		if (!is_greek(c)) {
			one[0] = (char)c;
			t = one;
		} else if (c == 0x3B3 && nx == 0x3B3) { t = "ng"; i++; }
		else if (c == 0x3B3 && nx == 0x3BA) { t = "gk"; i++; }
		else if (c == 0x3B3 && nx == 0x3BE) { t = "nx"; i++; }
		else if (c == 0x3B3 && nx == 0x3C7) { t = "nch"; i++; }
		else if (c == 0x3BC && nx == 0x3C0) { t = "mp"; i++; }
		else if (c == 0x3BD && nx == 0x3C4) { t = "nt"; i++; }
		else if (c == 0x3BF && nx == 0x3C5 && !g[i + 1].diaeresis) { t = "ou"; i++; }
		else if ((c == 0x3B1 || c == 0x3B5 || c == 0x3B7) && nx == 0x3C5 &&
		         !g[i + 1].diaeresis) {
			unsigned after = g[i + 2].cp;
			int v = is_vowel(after) || is_voiced(after);
			static const char *const dv[] = { "av", "ev", "iv" };
			static const char *const df[] = { "af", "ef", "if" };
			int w = c == 0x3B1 ? 0 : c == 0x3B5 ? 1 : 2;
			t = v ? dv[w] : df[w];
			i++;
		} else {
			t = single[c - 0x3B1];
		}
		if (dash) {
			out[len++] = '-';
			dash = 0;
		}
		size_t tl = strlen(t);
		memcpy(out + len, t, tl);
		len += tl;
	}
	out[len] = '\0';
	if (len > SLUG_MAX) {
		size_t cut = SLUG_MAX;
		while (cut > 0 && out[cut] != '-')
			cut--;
		len = cut > 0 ? cut : SLUG_MAX;
		while (len > 0 && out[len - 1] == '-')
			len--;
		out[len] = '\0';
	}
	return out;
}
