/*
 * req.c - request parsers: Content-Length, percent-decoding, urlencoded
 * forms and query strings, cookies, multipart/form-data (RFC 7578).
 *
 * They work on bytes already in memory (nginx buffers the whole body before
 * the worker sees it), check every limit before copying, and validate UTF-8
 * in every name and value.  Errors carry a message key (views/i18n/core.*.po).
 */
#include "http/req.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/arena.h"
#include "core/utf8.h"

#define ERR(status, msg)            \
	do {                        \
		if (why != NULL)    \
			*why = msg; \
		return status;      \
	} while (0)

static const char MSG_UTF8[] =
    "req.utf8";
static const char MSG_TOO_MANY[] = "req.too_many";
static const char MSG_FIELD_LONG[] = "req.field_long";

int req_parse_clen(const char *s, size_t max, size_t *out, const char **why)
{
	*out = 0;
	if (s == NULL || *s == '\0')
		return 0;
	if (s[0] == '0' && s[1] != '\0')
		ERR(400, "req.clen_bad");
	size_t v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			ERR(400, "req.clen_bad");
		unsigned d = (unsigned)(*p - '0');
		if (v > (SIZE_MAX - d) / 10) /* not a length anyone sends */
			ERR(400, "req.clen_bad");
		v = v * 10 + d;
	}
	*out = v;
	if (v > max)
		ERR(413, "req.body_large");
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *req_decode(struct arena *a, const char *src, size_t n, int plus,
                 size_t *outlen)
{
	char *d = arena_alloc(a, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = src[i];
		if (c == '%') {
			int h, l;
			if (i + 2 >= n || (h = hexval(src[i + 1])) < 0 ||
			    (l = hexval(src[i + 2])) < 0)
				return NULL;
			d[o++] = (char)(h * 16 + l);
			i += 2;
		} else if (c == '+' && plus) {
			d[o++] = ' ';
		} else {
			d[o++] = c;
		}
	}
	d[o] = '\0';
	if (outlen != NULL)
		*outlen = o;
	return d;
}

int req_parse_urlencoded(struct arena *a, const char *s, size_t n,
                         const struct req_limits *lim, struct field **out,
                         const char **why)
{
	struct field *head = NULL, **tail = &head;
	size_t count = 0;
	size_t i = 0;
	*out = NULL;
	while (i < n) {
		const char *pair = s + i;
		const char *amp = memchr(pair, '&', n - i);
		size_t plen = amp ? (size_t)(amp - pair) : n - i;
		i += plen + 1;
		if (plen == 0)
			continue;
		if (++count > lim->max_fields)
			ERR(413, MSG_TOO_MANY);
		const char *eq = memchr(pair, '=', plen);
		size_t klen = eq ? (size_t)(eq - pair) : plen;
		size_t vraw = eq ? plen - klen - 1 : 0;
		/* A value decodes to at most its raw length; check before work. */
		if (vraw / 3 > lim->max_field || klen / 3 > lim->max_field)
			ERR(413, MSG_FIELD_LONG);
		size_t nl, vl = 0;
		char *k = req_decode(a, pair, klen, 1, &nl);
		char *v = eq ? req_decode(a, eq + 1, vraw, 1, &vl)
		             : arena_strdup(a, "");
		if (k == NULL || v == NULL)
			ERR(400, "req.escape");
		if (!utf8_valid(k, nl) || !utf8_valid(v, vl))
			ERR(400, MSG_UTF8);
		if (vl > lim->max_field || nl > lim->max_field)
			ERR(413, MSG_FIELD_LONG);
		struct field *f = arena_alloc(a, sizeof(*f));
		f->name = k;
		f->val = v;
		f->len = vl;
		f->next = NULL;
		*tail = f;
		tail = &f->next;
	}
	*out = head;
	return 0;
}

static int is_ows(char c)
{
	return c == ' ' || c == '\t';
}

int req_parse_cookies(struct arena *a, const char *hdr,
                      const struct req_limits *lim, struct field **out,
                      const char **why)
{
	struct field *head = NULL, **tail = &head;
	size_t count = 0;
	*out = NULL;
	if (hdr == NULL)
		return 0;
	size_t n = strlen(hdr);
	if (n > lim->max_header)
		ERR(413, "req.cookies_long");
	if (!utf8_valid(hdr, n))
		ERR(400, MSG_UTF8);
	const char *p = hdr, *end = hdr + n;
	while (p < end) {
		const char *semi = memchr(p, ';', (size_t)(end - p));
		const char *pe = semi ? semi : end;
		while (p < pe && is_ows(*p))
			p++;
		const char *eq = memchr(p, '=', (size_t)(pe - p));
		if (eq != NULL && eq > p) {
			const char *ke = eq;
			while (ke > p && is_ows(ke[-1]))
				ke--;
			const char *vs = eq + 1, *ve = pe;
			while (vs < ve && is_ows(*vs))
				vs++;
			while (ve > vs && is_ows(ve[-1]))
				ve--;
			if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
				vs++;
				ve--;
			}
			if (ke > p) {
				if (++count > lim->max_fields)
					ERR(413, "req.cookies_many");
				struct field *f = arena_alloc(a, sizeof(*f));
				f->name = arena_strndup(a, p, (size_t)(ke - p));
				f->val = arena_strndup(a, vs, (size_t)(ve - vs));
				f->len = (size_t)(ve - vs);
				f->next = NULL;
				*tail = f;
				tail = &f->next;
			}
		}
		p = semi ? semi + 1 : end;
	}
	*out = head;
	return 0;
}

/* A header parameter value (token or quoted-string) of parameter name in a
 * header value like `form-data; name="a"; filename="b"`; NULL if absent or
 * malformed.  Names match case-insensitively; quoted values may hold ';'. */
static char *header_param(struct arena *a, const char *s, const char *name)
{
	size_t nl = strlen(name);
	const char *p = strchr(s, ';');
	while (p != NULL) {
		p++;
		while (is_ows(*p))
			p++;
		const char *pn = p;
		while (*p && *p != '=' && *p != ';')
			p++;
		const char *pe = p;
		while (pe > pn && is_ows(pe[-1]))
			pe--;
		/* A parameter without a value: skip it, and never step past the
		 * end of s (in a multipart part the next header line follows
		 * the NUL, and must not be read as this one's parameters). */
		if (*p == '\0')
			break;
		if (*p == ';')
			continue;
		p++;
		while (is_ows(*p))
			p++;
		int match = (size_t)(pe - pn) == nl && strncasecmp(pn, name, nl) == 0;
		char *val;
		if (*p == '"') {
			p++;
			char *d = arena_alloc(a, strlen(p) + 1);
			size_t o = 0;
			while (*p && *p != '"') {
				if (*p == '\\' && p[1])
					p++;
				d[o++] = *p++;
			}
			if (*p != '"')
				return NULL; /* unterminated */
			p++;
			d[o] = '\0';
			val = d;
		} else {
			size_t l = strcspn(p, "; \t");
			val = match ? arena_strndup(a, p, l) : NULL;
			p += l;
		}
		if (match)
			return val;
		p = strchr(p, ';');
	}
	return NULL;
}

char *req_multipart_boundary(struct arena *a, const char *ctype)
{
	if (ctype == NULL)
		return NULL;
	char *b = header_param(a, ctype, "boundary");
	if (b == NULL)
		return NULL;
	size_t l = strlen(b);
	if (l < 1 || l > 70)
		return NULL;
	/* RFC 2046 bchars */
	for (size_t i = 0; i < l; i++) {
		char c = b[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=? ", c)))
			return NULL;
	}
	if (b[l - 1] == ' ')
		return NULL;
	return b;
}

static const char *memfind(const char *h, size_t hl, const char *n, size_t nl)
{
	return memmem(h, hl, n, nl);
}

int req_ctype_is(const char *ctype, const char *want)
{
	size_t l = strlen(want);
	return ctype != NULL && strncasecmp(ctype, want, l) == 0 &&
	       (ctype[l] == '\0' || ctype[l] == ';' || is_ows(ctype[l]));
}

int req_parse_multipart(struct arena *a, const char *ctype, const char *body,
                        size_t n, const struct req_limits *lim,
                        struct field **fields, struct upload **files,
                        const char **why)
{
	static const char MSG_BROKEN[] =
	    "req.multipart";
	*fields = NULL;
	*files = NULL;
	/* Built aside and handed over only when the whole body parsed: a
	 * rejected body leaves nothing behind. */
	struct field *fhead = NULL;
	struct upload *uhead = NULL;
	char *b = req_multipart_boundary(a, ctype);
	if (b == NULL)
		ERR(400, MSG_BROKEN);
	size_t bl = strlen(b);
	/* delim = CRLF "--" boundary; the first one may lack the CRLF. */
	char *delim = arena_printf(a, "\r\n--%s", b);
	size_t dl = bl + 4;
	struct field **ftail = &fhead;
	struct upload **utail = &uhead;
	size_t parts = 0;

	const char *p;
	if (n >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0) {
		p = body + dl - 2;
	} else {
		const char *f = memfind(body, n, delim, dl);
		if (f == NULL)
			ERR(400, MSG_BROKEN);
		p = f + dl; /* preamble skipped */
	}
	const char *end = body + n;
	for (;;) {
		/* after a delimiter: "--" ends, else transport padding + CRLF */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		while (p < end && is_ows(*p))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			ERR(400, MSG_BROKEN);
		p += 2;
		/* part headers up to an empty line */
		const char *hend = memfind(p, (size_t)(end - p), "\r\n\r\n", 4);
		const char *data;
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			hend = p; /* no headers at all */
			data = p + 2;
		} else {
			if (hend == NULL)
				ERR(400, MSG_BROKEN);
			data = hend + 4;
		}
		if ((size_t)(hend - p) > lim->max_header)
			ERR(413, MSG_FIELD_LONG);
		char *hdrs = arena_strndup(a, p, (size_t)(hend - p));
		if (!utf8_valid(hdrs, (size_t)(hend - p)))
			ERR(400, MSG_UTF8);
		const char *next = memfind(p, (size_t)(end - p), delim, dl);
		if (next == NULL || data > next)
			ERR(400, MSG_BROKEN); /* headers run into the next part */
		size_t len = (size_t)(next - data);
		if (++parts > lim->max_fields)
			ERR(413, MSG_TOO_MANY);

		char *name = NULL, *filename = NULL, *pctype = NULL;
		int has_cd = 0;
		for (char *line = hdrs; line != NULL && *line;) {
			char *eol = strstr(line, "\r\n");
			if (eol != NULL)
				*eol = '\0';
			char *colon = strchr(line, ':');
			if (colon == NULL)
				ERR(400, MSG_BROKEN);
			{
				*colon = '\0';
				char *val = colon + 1;
				while (is_ows(*val))
					val++;
				if (strcasecmp(line, "Content-Disposition") == 0) {
					if (!req_ctype_is(val, "form-data"))
						ERR(400, MSG_BROKEN);
					has_cd = 1;
					name = header_param(a, val, "name");
					filename = header_param(a, val, "filename");
				} else if (strcasecmp(line, "Content-Type") == 0) {
					pctype = arena_strdup(a, val);
				}
			}
			line = eol ? eol + 2 : NULL;
		}
		/* Every part is named (RFC 7578 4.2); one without a name is
		 * refused, never filed under some other name. */
		if (!has_cd || name == NULL || *name == '\0')
			ERR(400, MSG_BROKEN);
		if (filename != NULL) {
			struct upload *u = arena_alloc(a, sizeof(*u));
			u->name = name;
			u->filename = filename;
			u->ctype = pctype ? pctype : "application/octet-stream";
			u->oversize = len > lim->max_file;
			u->data = u->oversize ? "" : arena_strndup(a, data, len);
			u->len = len;
			u->next = NULL;
			*utail = u;
			utail = &u->next;
		} else {
			if (len > lim->max_field)
				ERR(413, MSG_FIELD_LONG);
			if (!utf8_valid(data, len))
				ERR(400, MSG_UTF8);
			struct field *f = arena_alloc(a, sizeof(*f));
			f->name = name;
			f->val = arena_strndup(a, data, len);
			f->len = len;
			f->next = NULL;
			*ftail = f;
			ftail = &f->next;
		}
		p = next + dl;
	}
	*fields = fhead;
	*files = uhead;
	return 0;
}

int req_parse_body(struct req *r, const char *body, size_t n,
                   const struct req_limits *lim, const char **why)
{
	if (n == 0)
		return 0;
	if (req_ctype_is(r->ctype, "application/x-www-form-urlencoded"))
		return req_parse_urlencoded(r->a, body, n, lim, &r->form, why);
	if (req_ctype_is(r->ctype, "multipart/form-data"))
		return req_parse_multipart(r->a, r->ctype, body, n, lim,
		                           &r->form, &r->files, why);
	ERR(415, "req.ctype");
}

const char *req_field(const struct field *list, const char *name)
{
	for (; list != NULL; list = list->next)
		if (strcmp(list->name, name) == 0)
			return list->val;
	return NULL;
}

const char *req_query(const struct req *r, const char *name)
{
	return req_field(r->query, name);
}

const char *req_form(const struct req *r, const char *name)
{
	return req_field(r->form, name);
}

const char *req_cookie(const struct req *r, const char *name)
{
	return req_field(r->cookies, name);
}

const char *req_header(const struct req *r, const char *name)
{
	return req_field(r->headers, name);
}

enum req_method req_method_parse(const char *s)
{
	if (s == NULL)
		return M_OTHER;
	if (strcmp(s, "GET") == 0)
		return M_GET;
	if (strcmp(s, "HEAD") == 0)
		return M_HEAD;
	if (strcmp(s, "POST") == 0)
		return M_POST;
	return M_OTHER;
}
