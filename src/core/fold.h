/*
 * fold.h - one code point folded for comparison: lower case without accents
 * (Greek, ASCII, Latin-1), final sigma as σ.  Used by slugs (ELOT 743) and
 * by search (to find the words to mark in a snippet), so both agree on what
 * "the same letter" means - and agree with utf8mb4_unicode_ci.
 */
#ifndef AGORA_FOLD_H
#define AGORA_FOLD_H

enum { FOLD_NOT_WORD = 0, FOLD_IGNORABLE = 1 };

/* The folded code point; FOLD_NOT_WORD for punctuation, spaces and
 * symbols; FOLD_IGNORABLE for combining marks (decomposed accents).  Letters
 * of other scripts come back unchanged.  *diaeresis (may be NULL) is set to
 * 1 for ϊ ΐ ϋ ΰ, whose diaeresis breaks a Greek digraph. */
unsigned fold_char(unsigned c, int *diaeresis);

#endif
