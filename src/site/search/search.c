/*
 * search.c - GET /search?q=&page=: full-text search over news, pages and
 * events, with snippets in which the matched words are marked.
 *
 * How Greek is matched.  The FULLTEXT indexes compare tokens with the
 * columns' collation, utf8mb4_unicode_ci, which ignores case, accents,
 * diaeresis and final sigma: on MariaDB 10.11 'δημος', 'ΔΗΜΟΣ', 'Δήμος' and
 * 'δημοσ' find the same rows, in NATURAL LANGUAGE and in BOOLEAN MODE, and
 * so does a prefix 'μυτιληνη*' (which also finds 'Μυτιλήνης').  So no folded
 * column or LIKE scan is needed: the index itself does the folding.  What the
 * index does not do is inflection ('Μυτιλήνη' is not 'Μυτιλήνης'), so every
 * term is required and carries its other forms: "+(μυτιληνη μυτιλην*)" when
 * a common Greek ending leaves a stem of at least 4 letters, "+(δημοσ δημου
 * δημο δημε δημοι δημων δημουσ)" when the stem is shorter (a prefix "δημ*"
 * would find δημόσιο and δημιουργία too), "+word" for words of 2 letters
 * (innodb_ft_min_token_size=2 on our servers).  A plain prefix of the whole
 * word is the fallback for words with no known ending.  This is a rough
 * stemmer, not a dictionary; a better one (or a folded, stemmed column) can
 * replace inflect() without touching the rest.
 *
 * The server drops two kinds of words, and a required term that the index
 * does not hold makes the whole BOOLEAN MODE query find nothing ('+the
 * +δήμος' finds no row): words shorter than the minimum token size and
 * InnoDB's default stop words (English only: "the", "of", ...).  So both are
 * removed from the terms here, before the expression is built.
 *
 * User text never reaches the expression as is: terms are the runs of
 * letters and digits of the query, folded, so none of the operators
 * + - < > ( ) ~ * " @ can be in them; the expression is bound as a
 * parameter.  The same folding (fold() below) finds the words to mark in
 * the snippets, with positions kept in the original text, so what is marked
 * is what the index matched.  Every piece of text goes to the template as a
 * value and is escaped there.
 */
#include "site/search/search.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/text.h"
#include "core/fold.h"
#include "core/buf.h"
#include "site/search/db_search.h"
#include "core/utf8.h"

#define PER_PAGE 10
#define MAX_PAGE 50
#define Q_MIN 2           /* characters */
#define Q_MAX 200         /* characters, as the form's maxlength */
#define MAX_TERMS 8
#define TOKEN_MIN 2       /* innodb_ft_min_token_size of script/lib/stack.sh */
#define TOKEN_MAX 84      /* innodb_ft_max_token_size's default */
#define STEM_MIN 4        /* letters left after removing an ending */
#define SNIPPET_WORDS 30
#define SNIPPET_BEFORE 8  /* words shown before the first match */

/* ---- folding --------------------------------------------------------------- */

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
static struct word *words_of(struct arena *a, const char *s, size_t n,
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

/* ---- the query --------------------------------------------------------------- */

struct term {
	const char *word;  /* folded */
	const char *pre;   /* a text word matches if its folded form starts
	                      with this (a stem, or the word); may be NULL */
	size_t npre;
	const char *alt[7]; /* or if it is one of these other forms */
	size_t nalt;
};

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
 * final sigma is σ) and the other endings of its common declensions.  A stem
 * of at least STEM_MIN letters is searched as a prefix ("μυτιλην*"); a
 * shorter one would find too much ("δημ*": δημόσιο, δημιουργία), so its
 * other forms are listed instead ("δημοσ" → δημου, δημο, ...). */
static const struct inflection {
	const char *end;
	const char *alt[7];
} greek_endings[] = {
	{ "ουσ", { "οσ", "ου", "ο", "οι", "ων", NULL } },
	{ "εισ", { "η", "ησ", "εων", "ια", NULL } },
	{ "οσ", { "ου", "ο", "ε", "οι", "ων", "ουσ", NULL } },
	{ "ου", { "οσ", "ο", "οι", "ων", "ουσ", NULL } },
	{ "οι", { "οσ", "ου", "ων", "ουσ", NULL } },
	{ "ων", { "οσ", "ου", "α", "η", "εσ", NULL } },
	{ "ησ", { "η", "εσ", "ων", NULL } },
	{ "εσ", { "α", "ασ", "η", "ησ", "ων", NULL } },
	{ "ασ", { "α", "εσ", "ων", NULL } },
	{ "ια", { "ιου", "ιο", "ιων", "ιασ", "ιεσ", NULL } },
	{ "α", { "ασ", "εσ", "ων", NULL } },
	{ "η", { "ησ", "εσ", "ων", NULL } },
	{ "ο", { "ου", "α", "ων", NULL } },
	{ "ι", { "ιου", "ια", "ιων", NULL } },
};

static const char *const english_endings[] = { "ing", "es", "ed", "s" };

/* Fill t's prefix or alternatives for the folded word w (n bytes, chars
 * letters). */
static void inflect(struct arena *a, struct term *t, const char *w, size_t n,
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

/* Terms of the query q (at most MAX_TERMS, no repeats) and the BOOLEAN MODE
 * expression for them in *expr: "+word" or "+(word stem*)" or
 * "+(word alt1 alt2 ...)" for each.  Returns the number of terms;
 * *had_words is set when q had letters or digits at all (0 terms then means
 * they were all too short or stop words). */
static size_t parse_terms(struct arena *a, const char *q, struct term *t,
                          const char **expr, int *had_words)
{
	size_t nw, nt = 0;
	struct word *w = words_of(a, q, strlen(q), 0, &nw);
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
		inflect(a, x, w[i].f, w[i].nf, w[i].chars);
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

static int word_matches(const struct word *w, const struct term *t, size_t nt)
{
	for (size_t i = 0; i < nt; i++) {
		if (strcmp(w->f, t[i].word) == 0 ||
		    (t[i].pre != NULL && w->nf >= t[i].npre &&
		     memcmp(w->f, t[i].pre, t[i].npre) == 0))
			return 1;
		for (size_t j = 0; j < t[i].nalt; j++)
			if (strcmp(w->f, t[i].alt[j]) == 0)
				return 1;
	}
	return 0;
}

/* ---- snippets ------------------------------------------------------------------ */

/* Markdown source as plain text, roughly: link and image targets dropped,
 * emphasis, heading, quote, code and table characters removed, list
 * markers at the start of a line dropped, white space collapsed.  '<' and
 * '&' stay: they are text, and the template escapes them. */
static char *plain_text(struct arena *a, const char *s, size_t *outlen)
{
	size_t n = strlen(s);
	char *o = arena_alloc(a, n + 1);
	size_t k = 0;
	int bol = 1, space = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			if (ch == '\n')
				bol = 1;
			space = k > 0;
			continue;
		}
		if (bol) {
			/* "# ", "> ", "- ", "* ", "+ ", "1. " at the start of a line */
			size_t j = i;
			while (j < n && (s[j] == '#' || s[j] == '>'))
				j++;
			if (j == i && (s[j] == '-' || s[j] == '*' || s[j] == '+') &&
			    j + 1 < n && s[j + 1] == ' ')
				j++;
			if (j == i) {
				while (j < n && s[j] >= '0' && s[j] <= '9')
					j++;
				j = j > i && j + 1 < n && s[j] == '.' && s[j + 1] == ' '
				        ? j + 1
				        : i;
			}
			bol = 0;
			if (j > i) {
				i = j - 1;
				space = k > 0;
				continue;
			}
		}
		if (ch == ']' && i + 1 < n && s[i + 1] == '(') {
			const char *close = memchr(s + i, ')', n - i);
			if (close != NULL) {
				i = (size_t)(close - s);
				continue;
			}
		}
		if (ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == ']' ||
		    ch == '|' || ch == '~' || ch == '#' ||
		    (ch == '!' && i + 1 < n && s[i + 1] == '['))
			continue;
		if (space) {
			o[k++] = ' ';
			space = 0;
		}
		o[k++] = ch;
	}
	o[k] = '\0';
	*outlen = k;
	return o;
}

/* Add s[from..to) as repetitions of section (PART or TPART): T parts for
 * plain text, M parts for matched words. */
static void add_parts(tmpl_dict *d, const char *section, const char *s,
                      size_t from, size_t to, const struct word *w,
                      size_t w0, size_t w1, const struct term *t, size_t nt)
{
	size_t pos = from;
	for (size_t i = w0; i < w1; i++) {
		if (!word_matches(&w[i], t, nt))
			continue;
		if (w[i].start > pos) {
			tmpl_dict *p = tmpl_add(d, section);
			tmpl_show(p, "T");
			tmpl_set_n(p, "S", s + pos, w[i].start - pos);
		}
		tmpl_dict *p = tmpl_add(d, section);
		tmpl_show(p, "M");
		tmpl_set_n(p, "S", s + w[i].start, w[i].end - w[i].start);
		pos = w[i].end;
	}
	if (to > pos) {
		tmpl_dict *p = tmpl_add(d, section);
		tmpl_show(p, "T");
		tmpl_set_n(p, "S", s + pos, to - pos);
	}
}

/* The title with its matched words marked. */
static void add_title(struct arena *a, tmpl_dict *d, const char *title,
                      const struct term *t, size_t nt)
{
	size_t n = strlen(title), nw;
	struct word *w = words_of(a, title, n, 0, &nw);
	add_parts(d, "TPART", title, 0, n, w, 0, nw, t, nt);
}

/* A snippet of about SNIPPET_WORDS words from the first of texts[] that has
 * a match, around its first match; if none has, the start of the first
 * non-empty one.  Returns the index of the text used, or -1 (no text). */
static int add_snippet(struct arena *a, tmpl_dict *item,
                       const char *const texts[], size_t ntexts,
                       const struct term *t, size_t nt)
{
	int fallback = -1;
	const char *fb_s = NULL;
	size_t fb_n = 0;
	for (size_t k = 0; k < ntexts; k++) {
		if (texts[k] == NULL || texts[k][0] == '\0')
			continue;
		size_t n, nw;
		const char *s = plain_text(a, texts[k], &n);
		if (n == 0)
			continue;
		if (fallback < 0) {
			fallback = (int)k;
			fb_s = s;
			fb_n = n;
		}
		struct word *w = words_of(a, s, n, 0, &nw);
		size_t m = 0;
		while (m < nw && !word_matches(&w[m], t, nt))
			m++;
		if (m == nw)
			continue;
		size_t w0 = m > SNIPPET_BEFORE ? m - SNIPPET_BEFORE : 0;
		size_t w1 = w0 + SNIPPET_WORDS < nw ? w0 + SNIPPET_WORDS : nw;
		if (w1 - w0 < SNIPPET_WORDS && w0 > 0)
			w0 = w1 > SNIPPET_WORDS ? w1 - SNIPPET_WORDS : 0;
		tmpl_dict *sn = tmpl_add(item, "SNIPPET");
		if (w0 > 0) {
			tmpl_dict *p = tmpl_add(sn, "PART");
			tmpl_show(p, "T");
			tmpl_set(p, "S", "… ");
		}
		add_parts(sn, "PART", s, w0 ? w[w0].start : 0,
		          w1 < nw ? w[w1 - 1].end : n, w, w0, w1, t, nt);
		if (w1 < nw) {
			tmpl_dict *p = tmpl_add(sn, "PART");
			tmpl_show(p, "T");
			tmpl_set(p, "S", " …");
		}
		return (int)k;
	}
	if (fallback < 0)
		return -1;
	size_t nw;
	struct word *w = words_of(a, fb_s, fb_n, SNIPPET_WORDS + 1, &nw);
	tmpl_dict *sn = tmpl_add(item, "SNIPPET");
	tmpl_dict *p = tmpl_add(sn, "PART");
	tmpl_show(p, "T");
	if (nw > SNIPPET_WORDS) {
		tmpl_set_n(p, "S", fb_s, w[SNIPPET_WORDS - 1].end);
		p = tmpl_add(sn, "PART");
		tmpl_show(p, "T");
		tmpl_set(p, "S", " …");
	} else {
		tmpl_set_n(p, "S", fb_s, fb_n);
	}
	return fallback;
}

/* ---- the page -------------------------------------------------------------------- */

/* ?page=: absent or empty is 1; otherwise 1..MAX_PAGE in plain digits. */
static int parse_page(const char *s, long *page)
{
	*page = 1;
	if (s == NULL || *s == '\0')
		return 1;
	if (strlen(s) > 2)
		return 0;
	long v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > MAX_PAGE)
		return 0;
	*page = v;
	return 1;
}

static const char *result_url(struct ctx *c, const char *type, const char *id,
                              const char *path)
{
	struct arena *a = c->r->a;
	if (path == NULL)
		path = "";
	if (type[0] == 'p')
		return arena_printf(a, "%s/p/%s", c->lp, path);
	const char *base = type[0] == 'n' ? "news" : "events";
	return *path ? arena_printf(a, "%s/%s/%s-%s", c->lp, base, id, path)
	             : arena_printf(a, "%s/%s/%s", c->lp, base, id);
}

static void fill_result(struct ctx *c, tmpl_dict *d, const struct db_res *res,
                        size_t row, const struct term *t, size_t nt)
{
	struct arena *a = c->r->a;
	const char *type = DB_GET(res, row, SEARCH_TYPE);
	int en = c->lang == LANG_EN, fallback;
	tmpl_set(d, "URL", result_url(c, type, DB_GET(res, row, SEARCH_ID),
	                              DB_GET(res, row, SEARCH_PATH)));
	tmpl_show(d, type[0] == 'n' ? "NEWS" : type[0] == 'p' ? "PAGE" : "EVENT");
	const char *title = page_pick(c, DB_GET(res, row, SEARCH_TITLE),
	                              DB_GET(res, row, SEARCH_TITLE_EN), &fallback);
	if (fallback)
		tmpl_show(d, "TITLE_EL");
	add_title(a, d, title ? title : "", t, nt);
	const char *when = DB_GET(res, row, SEARCH_DATE);
	/* A page's date is when it was last edited: not worth showing. */
	if (when != NULL && type[0] != 'p') {
		tmpl_show(d, "DATED");
		tmpl_set(d, "DATE", page_date(c, when, type[0] == 'e'));
		tmpl_set(d, "DATETIME", page_date_iso(a, when));
	}
	const char *texts[4];
	size_t ntexts = 0;
	if (en) {
		texts[ntexts++] = DB_GET(res, row, SEARCH_SUMMARY_EN);
		texts[ntexts++] = DB_GET(res, row, SEARCH_BODY_EN);
	}
	texts[ntexts++] = DB_GET(res, row, SEARCH_SUMMARY);
	texts[ntexts++] = DB_GET(res, row, SEARCH_BODY);
	int used = add_snippet(a, d, texts, ntexts, t, nt);
	if (en && used >= 2)
		tmpl_show(d, "SNIPPET_EL");
}

void search_page(struct ctx *c)
{
	struct arena *a = c->r->a;
	long page;
	if (!parse_page(req_query(c->r, "page"), &page)) {
		page_error(c, 400, "search.err_page");
		return;
	}
	const char *raw = req_query(c->r, "q");
	char *q = text_trim(a, raw ? raw : "");
	size_t nchars = text_chars(q);
	/* What the forms show: never more than their maxlength. */
	const char *shown = nchars > Q_MAX ? text_first_chars(a, q, Q_MAX) : q;

	struct term terms[MAX_TERMS];
	size_t nt = 0;
	int had_words = 0;
	const char *expr = NULL;
	struct db_res res = { 0 };
	unsigned long long total = 0;
	if (nchars >= Q_MIN && nchars <= Q_MAX) {
		nt = parse_terms(a, q, terms, &expr, &had_words);
		if (nt > 0) {
			int en = c->lang == LANG_EN;
			int rc = db_search_run(a, expr, en, PER_PAGE,
			                       (page - 1) * PER_PAGE, &res);
			/* Past the last page: the total from the first one. */
			struct db_res first = res;
			if (rc == DB_OK && res.nrows == 0 && page > 1)
				rc = db_search_run(a, expr, en, 1, 0, &first);
			if (rc != DB_OK) {
				page_db_error(c, rc);
				return;
			}
			if (first.nrows > 0)
				total = strtoull(DB_GET(&first, 0, SEARCH_TOTAL), NULL, 10);
		}
	}

	const char *title = *q ? arena_printf(a, "%s: %s", T(c, "search.title"),
	                                      text_first_chars(a, shown, 60))
	                       : T(c, "search.title");
	const char *enc = text_percent_encode(a, q);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, title, "search.tpl",
	                          *q && nchars <= Q_MAX
	                              ? arena_printf(a, "/search?q=%s", enc)
	                              : "/search",
	                          &top);
	/* The header's search box shows the query trimmed and cut to the
	 * form's maxlength.  (Result pages are R_NOINDEX in routes.def: they
	 * are not for search engines, the items are.) */
	tmpl_set(top, "Q", shown);
	tmpl_set(d, "Q", shown);

	if (*q == '\0') {
		tmpl_show(d, "HELP");
	} else if (nchars < Q_MIN) {
		tmpl_show(d, "TOO_SHORT");
		tmpl_show(d, "INVALID");
		tmpl_show(d, "HELP");
	} else if (nchars > Q_MAX) {
		tmpl_show(d, "TOO_LONG");
		tmpl_show(d, "INVALID");
	} else {
		if (total == 0) {
			tmpl_show(d, "NONE");
			if (had_words && nt == 0)
				tmpl_show(d, "COMMON");
		} else {
			tmpl_dict *r = tmpl_add(d, "RESULTS");
			tmpl_set(r, "Q", shown);
			tmpl_show(r, total == 1 ? "ONE" : "MANY");
			tmpl_set_int(r, "COUNT", (long long)total);
			long long from = (page - 1) * PER_PAGE + 1;
			tmpl_set_int(r, "FROM", from);
			tmpl_set_int(r, "TO", from + (long long)res.nrows - 1);
			long long pages = ((long long)total + PER_PAGE - 1) / PER_PAGE;
			if (pages > MAX_PAGE)
				pages = MAX_PAGE;
			if (res.nrows == 0) {
				tmpl_show(r, "PAST_END");
				tmpl_set(r, "FIRST_URL",
				         arena_printf(a, "%s/search?q=%s", c->lp, enc));
			} else {
				if (total > PER_PAGE)
					tmpl_show(r, "RANGE");
				tmpl_dict *l = tmpl_add(r, "LIST");
				for (size_t i = 0; i < res.nrows; i++)
					fill_result(c, tmpl_add(l, "ITEM"), &res, i, terms, nt);
			}
			if (pages > 1 && page <= pages) {
				tmpl_dict *pg = tmpl_add(r, "PAGER");
				tmpl_set_int(pg, "PAGE", page);
				tmpl_set_int(pg, "PAGES", pages);
				if (page > 1)
					tmpl_set(tmpl_add(pg, "PREV"), "HREF",
					         page == 2 ? arena_printf(a, "%s/search?q=%s",
					                                  c->lp, enc)
					                   : arena_printf(a, "%s/search?q=%s&page=%ld",
					                                  c->lp, enc, page - 1));
				if (page < pages)
					tmpl_set(tmpl_add(pg, "NEXT"), "HREF",
					         arena_printf(a, "%s/search?q=%s&page=%ld", c->lp,
					                      enc, page + 1));
			}
		}
	}
	page_render(c, top);
}
