/*
 * stem.h - the key under which the search index keeps a word: the word
 * folded (case, accents, diaeresis and final sigma ignored: query.h) and
 * with a Greek (or English) ending taken off, so that the forms of one
 * noun or adjective share a key: δήμος, δήμου, δήμους -> "δημ"; πόλη,
 * πόλεις, πόλεων -> "πολ"; πρόγραμμα, προγράμματα -> "προγραμμ".  Words of
 * TOKEN_MIN letters or fewer, and digits, are their own key.  A rough
 * stemmer, not a dictionary: measured on t/unit/data/greek-inflections.tsv
 * (t/unit/test_stem.c prints the recall and the false matches; README
 * "Search").  The text's words and the query's go through the same
 * function, so what the index finds is what the snippets mark.  Pure.
 */
#ifndef AGORA_STEM_H
#define AGORA_STEM_H

#include <stddef.h>

#define TOKEN_MIN 2       /* letters a stem keeps at least */
#define KEY_MAX 96        /* bytes of a key the index keeps (longer: cut) */

/* The key of the folded word w (n bytes, chars letters) into out, which
 * has room for n + 1 bytes (a key is never longer than its word); returns
 * its length in bytes, at most KEY_MAX (cut at a character boundary). */
size_t stem_key(const char *w, size_t n, size_t chars, char *out);

#endif
