/*
 * stem.c - the index key of a word (stem.h).
 */
#include "site/search/stem.h"

#include <string.h>

#include "core/utf8.h"

static int all_greek(const char *f, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int k = utf8_decode(f + i, n - i, &cp);
		if (k == 0 || cp < 0x3B1 || cp > 0x3C9)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* Endings of Greek nouns and adjectives, folded (final sigma is σ), and
 * what replaces them.  The first that matches and leaves at least
 * TOKEN_MIN letters wins, so longer endings come first: -ματοσ before
 * -οσ, -εων before -ων, -εασ before -ασ.  -ματοσ/-ματα/-ματων keep their
 * μ, so προγράμματα meets πρόγραμμα (-α) at "προγραμμ".  A final -ι is not
 * an ending: λιμάνι, λιμανιού, λιμάνια all keep it ("λιμανι"), and so the
 * -ιο nouns (συμβούλιο "συμβουλι") stay apart from the -ος ones (σύμβουλος
 * "συμβουλ").  Each ending is two bytes a letter. */
static const struct ending {
	const char *end, *put;
} greek_endings[] = {
	{ "ματοσ", "μ" }, { "ματων", "μ" }, { "ματα", "μ" },
	{ "οντοσ", "" }, { "οντων", "" }, { "οντα", "" },
	{ "ουσ", "" }, { "εισ", "" }, { "εων", "" }, { "εασ", "" },
	{ "ον", "" }, { "οσ", "" }, { "ου", "" }, { "οι", "" }, { "ων", "" },
	{ "ησ", "" }, { "εσ", "" }, { "ασ", "" }, { "εα", "" },
	{ "α", "" }, { "η", "" }, { "ο", "" }, { "ε", "" },
};

static size_t cut(const char *w, size_t n, char *out)
{
	if (n > KEY_MAX) {
		n = KEY_MAX;
		while (n > 0 && ((unsigned char)w[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, w, n);
	out[n] = '\0';
	return n;
}

static int ends_with(const char *w, size_t n, const char *e, size_t el)
{
	return el < n && memcmp(w + n - el, e, el) == 0;
}

size_t stem_key(const char *w, size_t n, size_t chars, char *out)
{
	if (chars <= TOKEN_MIN)
		return cut(w, n, out);
	if (all_greek(w, n)) {
		for (size_t i = 0; i < sizeof(greek_endings) / sizeof(greek_endings[0]); i++) {
			const struct ending *g = &greek_endings[i];
			size_t el = strlen(g->end), pl = strlen(g->put);
			if (!ends_with(w, n, g->end, el) || chars - el / 2 < TOKEN_MIN)
				continue;
			size_t k = cut(w, n - el, out);
			if (k == n - el && pl > 0 && k + pl <= KEY_MAX) {
				memcpy(out + k, g->put, pl + 1);
				k += pl;
			}
			return k;
		}
		return cut(w, n, out);
	}
	/* English, roughly: -ies is -y; -ing, -ed and a plural -s go when four
	 * letters are left; so does a final -e, so service, services and
	 * serviced meet at "servic". */
	size_t k = n;
	if (chars > 4 && ends_with(w, k, "ies", 3)) {
		size_t m = cut(w, k - 2, out);
		if (m == k - 2)
			out[m - 1] = 'y';   /* "cities" -> "city" (not when cut) */
		return m;
	}
	if (chars - 3 >= 4 && ends_with(w, k, "ing", 3))
		k -= 3;
	else if (chars - 2 >= 4 && ends_with(w, k, "ed", 2))
		k -= 2;
	else if (chars - 1 >= 4 && ends_with(w, k, "s", 1) && !ends_with(w, k, "ss", 2))
		k -= 1;
	if (k == n - 1 && chars - 2 >= 4 && ends_with(w, k, "e", 1))
		k -= 1;
	else if (k == n && chars - 1 >= 4 && ends_with(w, k, "e", 1))
		k -= 1;
	return cut(w, k, out);
}
