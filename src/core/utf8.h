/*
 * utf8.h - strict UTF-8 validation (RFC 3629): no overlong forms, no
 * surrogates, nothing above U+10FFFF.  Request input that fails answers 400.
 */
#ifndef AGORA_UTF8_H
#define AGORA_UTF8_H

#include <stddef.h>

/* 1 if s[0..len) is valid UTF-8 containing no NUL byte, else 0. */
int utf8_valid(const char *s, size_t len);

/* Decode one code point at *s (len bytes left); returns bytes used (1-4) or 0
 * if invalid.  *cp receives the code point. */
int utf8_decode(const char *s, size_t len, unsigned *cp);

/* Code point cp (at most U+10FFFF) as UTF-8 at out (room for 4 bytes);
 * returns the bytes written (1-4). */
size_t utf8_encode(unsigned cp, char *out);

#endif
