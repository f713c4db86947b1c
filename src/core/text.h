/*
 * text.h - small rules about UTF-8 text that several places need, written
 * once: counting and cutting characters, trimming white space (Unicode
 * spaces too), percent-encoding, and the host of a URL.  Pure functions;
 * results are arena strings.
 */
#ifndef AGORA_TEXT_H
#define AGORA_TEXT_H

#include <stddef.h>

struct arena;

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

#endif
