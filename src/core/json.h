/*
 * json.h - a small strict JSON reader (RFC 8259) and a string writer.
 * The reader takes one object and hands back its members, in order, as
 * typed values: strings decoded to UTF-8, numbers as their text, true,
 * false, null; a nested object or array is validated to the end (the
 * same rules, down to JSON_MAX_DEPTH) and kept as its raw text.  It is
 * for small messages from other systems (the pharmacists' association's
 * callbacks, src/help/pharmacy.c): anything that is not exactly JSON is
 * refused - no comments, no trailing commas, no single quotes, no
 * leading zeros, no invalid UTF-8, no unpaired surrogate.  Two members of
 * the top object with the same name are refused too (which one would a
 * reader believe?), and so is U+0000 in any string, so every string is
 * an ordinary C string.  Pure: no I/O, memory from the arena given.
 */
#ifndef AGORA_JSON_H
#define AGORA_JSON_H

#include <stddef.h>

struct arena;
struct buf;

#define JSON_MAX_DEPTH 32     /* nested objects and arrays, the top one included */
#define JSON_MAX_VALUES 10000 /* values in one document */

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_OBJECT,
                 JSON_ARRAY };

struct json_member {
	const char *name;   /* decoded, UTF-8 */
	enum json_type type;
	const char *val;    /* STRING: decoded text; NUMBER: as written ("-1.5e3");
	                     * BOOL: "true" or "false"; NULL: "null";
	                     * OBJECT/ARRAY: its raw text.  NUL-terminated. */
	size_t len;         /* bytes in val */
	struct json_member *next;
};

/* Parse s[0..n), which must be one JSON object (whitespace around it
 * allowed) of at most max bytes.  0 and *out the list of its members
 * (NULL for "{}"), or -1 and *why a short English reason ("expected ':'
 * at byte 17").  Never reads past s + n; s need not be NUL-terminated. */
int json_parse_object(struct arena *a, const char *s, size_t n, size_t max,
                      struct json_member **out, const char **why);

/* The member named name, or NULL. */
const struct json_member *json_get(const struct json_member *list, const char *name);

/* 1 and *out when m is a number without fraction or exponent within
 * [min, max]; else 0 (also for NULL). */
int json_int(const struct json_member *m, long long min, long long max, long long *out);

/* Append s (UTF-8, NUL-terminated) to b as a JSON string with its quotes:
 * '"', '\\' and the controls escaped (\n, \t, ... or \u00XX), and '<',
 * '>', '&', U+2028, U+2029 as \u escapes too, so the text is safe to
 * embed anywhere.  NULL is written as null. */
void json_add_str(struct buf *b, const char *s);

#endif
