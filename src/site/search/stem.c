/*
 * stem.c - inflection of search terms (stem.h).
 */
#include "site/search/stem.h"

#include <string.h>

#include "core/arena.h"
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

/* Inflection, roughly: an ending of a Greek noun or adjective (folded:
 * final sigma is σ) and the other endings of its common declensions.  The
 * first ending that matches wins, so -μα and -ον come before -οσ, -ων and
 * -α, and -εων before -ων.  A stem of at least STEM_MIN letters is searched
 * as a prefix ("μυτιλην*"); a shorter one would find too much ("δημ*":
 * δημόσιο, δημιουργία), so its other forms are listed instead ("δημοσ" →
 * δημου, δημο, ...).  An ending that would leave fewer than TOKEN_MIN
 * letters is passed over for the next one (νέων is νε-ων, not ν-εων).
 * Measured on t/unit/data/greek-inflections.tsv (t/unit/stem.t). */
static const struct inflection {
	const char *end;
	const char *alt[STEM_ALTS];
} greek_endings[] = {
	{ "ματοσ", { "μα", "ματα", "ματων", NULL } },
	{ "ματων", { "μα", "ματοσ", "ματα", NULL } },
	{ "ματα", { "μα", "ματοσ", "ματων", NULL } },
	{ "μα", { "ματοσ", "ματα", "ματων", NULL } },
	{ "οντοσ", { "ον", "οντα", "οντων", NULL } },
	{ "οντων", { "ον", "οντοσ", "οντα", NULL } },
	{ "οντα", { "ον", "οντοσ", "οντων", NULL } },
	{ "ουσ", { "οσ", "ου", "ο", "οι", "ων", "ε", "η", NULL } },
	{ "εισ", { "η", "ησ", "εων", "ια", "εα", "εασ", NULL } },
	{ "οσ", { "ου", "ο", "ε", "οι", "ων", "ουσ", "η", NULL } },
	{ "ου", { "οσ", "ο", "οι", "ων", "ουσ", "ε", "α", NULL } },
	{ "οι", { "οσ", "ου", "ων", "ουσ", "ο", "ε", NULL } },
	{ "εων", { "η", "ησ", "εισ", "εα", "εασ", "εεσ", NULL } },
	{ "ων", { "οσ", "ου", "α", "η", "εσ",
	          "ο", "ε", "οι", "ουσ", "ασ", "ησ", NULL } },
	{ "ησ", { "η", "εσ", "ων", "εισ", "εων", NULL } },
	{ "εσ", { "α", "ασ", "η", "ησ", "ων", "ε", NULL } },
	{ "ασ", { "α", "εσ", "ων", NULL } },
	{ "ια", { "ιου", "ιο", "ιων", "ιασ", "ιεσ", "ι", NULL } },
	{ "α", { "ασ", "εσ", "ων", "ο", "ου", NULL } },
	{ "η", { "ησ", "εσ", "ων", "εισ", "εων", "οσ", "ουσ", NULL } },
	{ "ο", { "ου", "α", "ων", "οσ", "οι", "ουσ", "ε", NULL } },
	{ "ι", { "ιου", "ια", "ιων", NULL } },
	{ "ε", { "οσ", "ου", "ο", "οι", "ων", "ουσ", "εσ", NULL } },
};

static const char *const english_endings[] = { "ing", "es", "ed", "s" };

/* Fill t's prefix or alternatives for the folded word w (n bytes, chars
 * letters). */
void stem_inflect(struct arena *a, struct term *t, const char *w, size_t n,
                    size_t chars)
{
	t->pre = NULL;
	t->npre = 0;
	t->nalt = 0;
	if (chars <= TOKEN_MIN)
		return;   /* matched whole */
	if (all_greek(w, n)) {
		for (size_t i = 0; i < sizeof(greek_endings) / sizeof(greek_endings[0]); i++) {
			const struct inflection *g = &greek_endings[i];
			size_t el = strlen(g->end);
			if (el >= n || memcmp(w + n - el, g->end, el) != 0)
				continue;
			size_t stem = n - el, stem_chars = chars - el / 2;
			if (stem_chars < TOKEN_MIN)
				continue;
			if (stem_chars >= STEM_MIN) {
				t->pre = arena_strndup(a, w, stem);
				t->npre = stem;
			} else if (stem_chars >= TOKEN_MIN) {
				for (size_t j = 0; g->alt[j] != NULL; j++)
					t->alt[t->nalt++] = arena_printf(a, "%.*s%s",
					    (int)stem, w, g->alt[j]);
			}
			return;
		}
	} else {
		for (size_t i = 0; i < sizeof(english_endings) / sizeof(english_endings[0]); i++) {
			size_t el = strlen(english_endings[i]);
			if (el < n && chars - el >= STEM_MIN &&
			    memcmp(w + n - el, english_endings[i], el) == 0) {
				t->pre = arena_strndup(a, w, n - el);
				t->npre = n - el;
				return;
			}
		}
	}
	/* No ending known: other forms that start the same way. */
	if (chars >= STEM_MIN) {
		t->pre = w;
		t->npre = n;
	}
}

int stem_matches(const struct term *t, const char *f, size_t nf)
{
	if (strcmp(f, t->word) == 0 ||
	    (t->pre != NULL && nf >= t->npre && memcmp(f, t->pre, t->npre) == 0))
		return 1;
	for (size_t j = 0; j < t->nalt; j++)
		if (strcmp(f, t->alt[j]) == 0)
			return 1;
	return 0;
}
