/*
 * json.c - the strict JSON reader and the string writer of json.h: a
 * recursive-descent parser over a byte range with a depth and a value
 * budget, decoding strings (escapes, surrogate pairs) into the arena.
 * Touches no table.
 */
#include "core/json.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/utf8.h"

struct jp {
	struct arena *a;
	const char *s, *p, *end;
	int depth;
	size_t values;
	const char *why;
};

static int fail(struct jp *j, const char *what)
{
	if (j->why == NULL)
		j->why = arena_printf(j->a, "%s at byte %zu", what, (size_t)(j->p - j->s));
	return -1;
}

static void ws(struct jp *j)
{
	while (j->p < j->end &&
	       (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return 0;
	}
	*out = v;
	return 1;
}

/* A string at j->p (the opening quote), decoded into *out / *len. */
static int string(struct jp *j, const char **out, size_t *len)
{
	j->p++; /* '"' */
	/* The decoded text is never longer than the source. */
	const char *q = j->p;
	while (q < j->end && *q != '"') {
		if (*q == '\\' && q + 1 < j->end)
			q++;
		q++;
	}
	char *o = arena_alloc(j->a, (size_t)(q - j->p) + 1), *w = o;
	for (;;) {
		if (j->p >= j->end)
			return fail(j, "unterminated string");
		unsigned char c = (unsigned char)*j->p;
		if (c == '"') {
			j->p++;
			break;
		}
		if (c < 0x20)
			return fail(j, "control character in a string");
		if (c == '\\') {
			if (j->end - j->p < 2)
				return fail(j, "unterminated string");
			char e = j->p[1];
			const char *simple = strchr("\"\\/bfnrt", e);
			if (e != '\0' && simple != NULL) {
				static const char map[] = "\"\\/\b\f\n\r\t";
				*w++ = map[simple - "\"\\/bfnrt"];
				j->p += 2;
				continue;
			}
			if (e != 'u')
				return fail(j, "bad escape in a string");
			unsigned cp;
			if (j->end - j->p < 6 || !hex4(j->p + 2, &cp))
				return fail(j, "bad \\u escape");
			j->p += 6;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(j, "unpaired low surrogate");
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				unsigned lo;
				if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u' ||
				    !hex4(j->p + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
					return fail(j, "unpaired high surrogate");
				j->p += 6;
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (cp == 0)
				return fail(j, "U+0000 in a string");
			w += utf8_encode(cp, w);
			continue;
		}
		if (c < 0x80) {
			*w++ = (char)c;
			j->p++;
			continue;
		}
		unsigned cp;
		int k = utf8_decode(j->p, (size_t)(j->end - j->p), &cp);
		if (k == 0)
			return fail(j, "invalid UTF-8");
		memcpy(w, j->p, (size_t)k);
		w += k;
		j->p += k;
	}
	*w = '\0';
	*out = o;
	*len = (size_t)(w - o);
	return 0;
}

static int digits(struct jp *j)
{
	const char *p0 = j->p;
	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > p0;
}

/* -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
static int number(struct jp *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p >= j->end)
		return fail(j, "bad number");
	if (*j->p == '0') {
		j->p++;
		if (j->p < j->end && *j->p >= '0' && *j->p <= '9')
			return fail(j, "leading zero in a number");
	} else if (!digits(j)) {
		return fail(j, "bad number");
	}
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (!digits(j))
			return fail(j, "bad fraction");
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (!digits(j))
			return fail(j, "bad exponent");
	}
	return 0;
}

static int literal(struct jp *j, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
		return fail(j, "unexpected character");
	j->p += n;
	return 0;
}

static int value(struct jp *j, struct json_member *m);

/* An object or an array at j->p, validated to its end.  With list, the
 * members of an object are collected there (the top level only). */
static int container(struct jp *j, struct json_member **list)
{
	char open = *j->p, close = open == '{' ? '}' : ']';
	if (++j->depth > JSON_MAX_DEPTH)
		return fail(j, "nested too deep");
	j->p++;
	ws(j);
	struct json_member **tail = list;
	if (j->p < j->end && *j->p == close) {
		j->p++;
		j->depth--;
		return 0;
	}
	for (;;) {
		struct json_member tmp, *m = list ? arena_calloc(j->a, sizeof(*m)) : &tmp;
		ws(j);
		if (open == '{') {
			if (j->p >= j->end || *j->p != '"')
				return fail(j, "expected a member name");
			const char *name;
			size_t nlen;
			if (string(j, &name, &nlen) != 0)
				return -1;
			if (list != NULL) {
				for (struct json_member *o = *list; o != NULL; o = o->next)
					if (strcmp(o->name, name) == 0)
						return fail(j, "duplicate member name");
			}
			m->name = name;
			ws(j);
			if (j->p >= j->end || *j->p != ':')
				return fail(j, "expected ':'");
			j->p++;
			ws(j);
		}
		if (value(j, m) != 0)
			return -1;
		if (list != NULL) {
			*tail = m;
			tail = &m->next;
		}
		ws(j);
		if (j->p < j->end && *j->p == ',') {
			j->p++;
			continue;
		}
		if (j->p < j->end && *j->p == close) {
			j->p++;
			j->depth--;
			return 0;
		}
		return fail(j, open == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static int value(struct jp *j, struct json_member *m)
{
	if (++j->values > JSON_MAX_VALUES)
		return fail(j, "too many values");
	if (j->p >= j->end)
		return fail(j, "expected a value");
	const char *start = j->p;
	int rc;
	switch (*j->p) {
	case '"':
		m->type = JSON_STRING;
		return string(j, &m->val, &m->len);
	case '{':
	case '[':
		m->type = *j->p == '{' ? JSON_OBJECT : JSON_ARRAY;
		rc = container(j, NULL);
		break;
	case 't':
		m->type = JSON_BOOL;
		rc = literal(j, "true");
		break;
	case 'f':
		m->type = JSON_BOOL;
		rc = literal(j, "false");
		break;
	case 'n':
		m->type = JSON_NULL;
		rc = literal(j, "null");
		break;
	default:
		if (*j->p != '-' && !(*j->p >= '0' && *j->p <= '9'))
			return fail(j, "unexpected character");
		m->type = JSON_NUMBER;
		rc = number(j);
		break;
	}
	if (rc != 0)
		return rc;
	m->len = (size_t)(j->p - start);
	m->val = arena_strndup(j->a, start, m->len);
	return 0;
}

int json_parse_object(struct arena *a, const char *s, size_t n, size_t max,
                      struct json_member **out, const char **why)
{
	struct jp j = { a, s, s, s + n, 0, 0, NULL };
	*out = NULL;
	if (n > max) {
		*why = "document too large";
		return -1;
	}
	ws(&j);
	if (j.p >= j.end || *j.p != '{') {
		*why = "not a JSON object";
		return -1;
	}
	j.values = 1;
	struct json_member *list = NULL;
	if (container(&j, &list) != 0) {
		*why = j.why;
		return -1;
	}
	ws(&j);
	if (j.p != j.end) {
		fail(&j, "text after the object");
		*why = j.why;
		return -1;
	}
	*out = list;
	return 0;
}

const struct json_member *json_get(const struct json_member *list, const char *name)
{
	for (; list != NULL; list = list->next)
		if (strcmp(list->name, name) == 0)
			return list;
	return NULL;
}

int json_int(const struct json_member *m, long long min, long long max, long long *out)
{
	if (m == NULL || m->type != JSON_NUMBER || strpbrk(m->val, ".eE") != NULL ||
	    m->len > 19 + (m->val[0] == '-'))
		return 0;
	errno = 0;
	char *end;
	long long v = strtoll(m->val, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return 0;
	*out = v;
	return 1;
}

void json_add_str(struct buf *b, const char *s)
{
	if (s == NULL) {
		buf_adds(b, "null");
		return;
	}
	buf_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\b': buf_adds(b, "\\b"); break;
		case '\f': buf_adds(b, "\\f"); break;
		case '<': case '>': case '&':
			buf_printf(b, "\\u%04x", *p);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				buf_printf(b, "\\u%04x", *p);
			} else if (*p == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
				buf_printf(b, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
				p += 2;
			} else {
				buf_addc(b, (char)*p);
			}
		}
	}
	buf_addc(b, '"');
}
