/*
 * valid.h - validators: small pure functions over one value as received
 * (UTF-8 already checked by the request parsers), each returning 1 when
 * the value is valid and 0 when not, filling the typed result only on 1.
 * The declared forms (form.h) call them; so do the handlers for query
 * parameters such as keyset cursors.  Table-tested in t/unit/valid.t.
 */
#ifndef AGORA_VALID_H
#define AGORA_VALID_H

#include <stddef.h>

struct arena;

/* Text of minc..maxc characters with no control character but, when
 * multiline, LF and tab (the caller has turned CRLF into LF). */
int valid_text(const char *s, size_t minc, size_t maxc, int multiline);
/* An e-mail address as people type it: local@domain.tld, one '@', a dot in
 * the domain with something on each side, no spaces or controls, at most
 * 254 bytes. */
int valid_email(const char *s);
/* A phone number: digits with optional spaces, dots, dashes, parentheses
 * and one leading '+'; 7 to 15 digits (E.164's most). */
int valid_phone(const char *s);
/* Plain decimal digits with an optional '-', no spaces or leading zeros,
 * within min..max. */
int valid_int(const char *s, long long min, long long max, long long *out);
/* A real calendar date and time (1970..9999; February 29 only in leap
 * years). */
int valid_date_parts(int y, int mo, int d, int h, int mi, int s);
/* "YYYY-MM-DDTHH:MM" (an <input type="datetime-local">, seconds allowed)
 * -> "YYYY-MM-DD HH:MM:SS" in the arena. */
int valid_datetime(struct arena *a, const char *s, const char **out);
/* s is one of the NULL-terminated choices. */
int valid_choice(const char *s, const char *const *choices);
/* A keyset cursor "YYYYMMDDHHMMSS-id" (a real date and time, an id of 1-10
 * digits) -> "YYYY-MM-DD HH:MM:SS" (arena) and the id. */
int valid_cursor(struct arena *a, const char *s, const char **at, long long *id);

#endif
