/*
 * text.h (comments) - a comment's text: pure functions, no database.
 * A comment is plain text.  It is shown escaped with its line breaks
 * kept; a web address in it is shown as text, and becomes a link
 * (rel="nofollow ugc noopener") only when a moderator allowed links on
 * that comment.  Tested from tables in t/unit/test_comments.c.
 */
#ifndef AGORA_COMMENTS_TEXT_H
#define AGORA_COMMENTS_TEXT_H

#include <stddef.h>

struct arena;

/* The number of web addresses in s: "http://", "https://" and "www."
 * at a word's start, counted case-insensitively (what the link limit
 * counts). */
size_t comment_count_links(const char *s);

/* s as HTML for a <p>: every character escaped, line breaks as <br>,
 * at most two in a row; with links, each web address of s as an <a> to
 * it (www. addresses get https://).  In the arena. */
char *comment_html(struct arena *a, const char *s, int links);

/* The SHA-256 of s folded for comparison (core/fold.h: lower case,
 * no accents; every run of spaces and punctuation as one space), so
 * that "Ωραία!!" and "ωραια" repeat each other.  out: 32 bytes. */
void comment_hash(const char *s, unsigned char out[32]);

#endif
