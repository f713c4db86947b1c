/*
 * plain.c - Markdown source as the words a reader sees (plain.h).
 */
#include "site/search/plain.h"

#include <string.h>

#include "core/arena.h"

/* Markdown source as plain text, roughly: link and image targets dropped,
 * emphasis, heading, quote, code and table characters removed, list
 * markers at the start of a line dropped, white space collapsed.  '<' and
 * '&' stay: they are text, and the template escapes them. */
char *search_plain_text(struct arena *a, const char *s, size_t *outlen)
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
