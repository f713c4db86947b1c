/*
 * text.h - small rules about UTF-8 text that several places need, written
 * once: counting and cutting characters, trimming white space (Unicode
 * spaces too), percent-encoding, the host of a URL, finding a web address
 * in running text and escaping text for HTML.  Pure functions; results
 * are arena strings (or appended to a buf).
 */
#ifndef AGORA_TEXT_H
#define AGORA_TEXT_H

#include <stddef.h>

struct arena;
struct buf;

/* Characters (code points) in valid UTF-8 s. */
size_t text_chars(const char *s);
/* The first max characters of s. */
char *text_first_chars(struct arena *a, const char *s, size_t max);
/* s without leading and trailing white space: ASCII controls 9-13, space,
 * no-break and the other Unicode spaces, BOM. */
char *text_trim(struct arena *a, const char *s);
/* Percent-encode every byte but RFC 3986's unreserved characters (spaces
 * as %20): safe in a query string, a path segment and a mailto: URL. */
char *text_percent_encode(struct arena *a, const char *s);
/* The host of an absolute URL ("https://User@WWW.Example.gr:8443/x" ->
 * "www.example.gr", "[::1]" kept in brackets), lower case; "localhost" when
 * there is none. */
const char *text_url_host(struct arena *a, const char *url);
/* The length of the web address starting at s - "https://", "http://" or,
 * with www, "www.", in any case - up to the first space, control character
 * or < > " ' `, less the punctuation that ends a sentence after it; 0 when
 * none starts there (the caller checks that s starts a word).  What the
 * mails' HTML part and readers' comments turn into links. */
size_t text_url_at(const char *s, int www);
/* Append s[0..n) to b escaped for HTML text and attribute values
 * (& < > " '), carriage returns dropped. */
void text_html_escape(struct buf *b, const char *s, size_t n);

#endif
