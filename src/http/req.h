/*
 * req.h - an HTTP request as the worker sees it, and the parsers that build it.
 *
 * Parsers are pure functions over bytes (no FastCGI), so they are unit tested
 * and fuzzed directly.  Each returns 0 on success or the HTTP status to answer
 * (400, 413, 415) and sets *why to a message key (views/i18n) for the
 * error page.  All
 * memory comes from the arena given.  Every name and value is checked to be
 * valid UTF-8 without NUL bytes; limits are checked before work is done.
 */
#ifndef AGORA_REQ_H
#define AGORA_REQ_H

#include <stddef.h>

struct arena;

/* Limits enforced while parsing; from the configuration file. */
struct req_limits {
	size_t max_body;   /* request body bytes (Content-Length) */
	size_t max_upload; /* the same for a route with R_UPLOAD (photos) */
	size_t max_fields; /* fields in query string, form, or cookies (each) */
	size_t max_field;  /* bytes of one decoded field value */
	size_t max_header; /* bytes of one header value (Cookie, Content-Type) */
	size_t max_file;   /* bytes of one uploaded file part */
};

/* A name=value pair; a list kept in the order received. */
struct field {
	const char *name;
	const char *val; /* NUL-terminated */
	size_t len;      /* bytes in val */
	struct field *next;
};

/* A file part of a multipart/form-data body. */
struct upload {
	const char *name;     /* form field name */
	const char *filename; /* as sent by the browser, UTF-8 checked */
	const char *ctype;    /* declared Content-Type, or "application/octet-stream" */
	const char *data;     /* bytes (not NUL-terminated data, though a NUL follows);
	                       * "" when oversize */
	size_t len;           /* the part's length, also when oversize */
	int oversize;         /* longer than max_file: the bytes were dropped, so
	                       * that the form can say so beside its field and
	                       * show the rest of what was typed again */
	struct upload *next;
};

enum req_method { M_GET = 1, M_HEAD = 2, M_POST = 4, M_OTHER = 8 };

struct req {
	struct arena *a;
	const char *rid;          /* request id (nginx $request_id or generated) */
	const char *method_s;     /* as received */
	enum req_method method;
	const char *path;         /* decoded path, UTF-8 checked */
	const char *query_s;      /* raw query string, may be "" */
	const char *ctype;        /* Content-Type or "" */
	size_t clen;              /* Content-Length, 0 if absent */
	const char *host;         /* HTTP Host or "" */
	const char *remote_addr;
	const char *user_agent;   /* HTTP User-Agent or "" */
	struct field *query;      /* decoded query string */
	struct field *cookies;
	struct field *form;       /* urlencoded or multipart fields */
	struct upload *files;
	const char *cap[4];       /* route captures */
	/* Routes flagged R_RAW only (route.h), else NULL / 0: */
	const char *body;         /* the body as sent (a NUL follows it) */
	size_t body_len;
	struct field *headers;    /* the X-* request headers, names lower-case
	                           * ("x-agora-nonce"), values UTF-8 checked */
};

/* Strict Content-Length: digits only, no sign or space, no leading zeros
 * except "0", no overflow.  0 and *out set; 400 if malformed; 413 if above max.
 * NULL or "" means 0. */
int req_parse_clen(const char *s, size_t max, size_t *out, const char **why);

/* Percent-decode src[0..n) into the arena; '+' becomes ' ' when plus is set.
 * Returns NULL on a bad escape. *outlen receives the decoded length. */
char *req_decode(struct arena *a, const char *src, size_t n, int plus,
                 size_t *outlen);

/* application/x-www-form-urlencoded (also query strings): name=value pairs
 * separated by '&'.  Empty pairs are skipped; a pair without '=' has value "".
 * 400 on bad escapes or invalid UTF-8; 413 if there are more than max_fields
 * pairs or a value is longer than max_field.  The list keeps input order. */
int req_parse_urlencoded(struct arena *a, const char *s, size_t n,
                         const struct req_limits *lim, struct field **out,
                         const char **why);

/* The Cookie header (RFC 6265: "a=b; c=d").  Malformed pairs are skipped
 * (browsers send what others set); 400 only on invalid UTF-8, 413 if the
 * header exceeds max_header or holds more than max_fields cookies. */
int req_parse_cookies(struct arena *a, const char *hdr,
                      const struct req_limits *lim, struct field **out,
                      const char **why);

/* The boundary parameter of a multipart/form-data Content-Type (quoted or
 * not), in the arena; NULL if missing or invalid (RFC 2046: 1-70 chars). */
char *req_multipart_boundary(struct arena *a, const char *ctype);

/* multipart/form-data (RFC 7578) body of n bytes with the boundary from
 * ctype.  Parts with a filename go to *files, others to *fields.  400 on a
 * missing or malformed boundary, part headers or closing delimiter, or
 * invalid UTF-8 in names and field values; 413 if a field exceeds max_field
 * or there are more than max_fields parts.  A file over max_file is kept
 * without its bytes, marked oversize (see struct upload). */
int req_parse_multipart(struct arena *a, const char *ctype, const char *body,
                        size_t n, const struct req_limits *lim,
                        struct field **fields, struct upload **files,
                        const char **why);

/* The body as declared by ctype: urlencoded or multipart are parsed into
 * r->form / r->files; an empty body is fine with any type; other types with
 * a body answer 415. */
int req_parse_body(struct req *r, const char *body, size_t n,
                   const struct req_limits *lim, const char **why);

/* 1 if the Content-Type ctype is the media type want (case-insensitive,
 * parameters after ';' ignored): req_ctype_is("application/json;
 * charset=utf-8", "application/json") is 1. */
int req_ctype_is(const char *ctype, const char *want);

/* Lookups; NULL if absent.  The first field of that name wins.
 * req_header: one of r->headers (R_RAW routes), name in lower case. */
const char *req_field(const struct field *list, const char *name);
const char *req_query(const struct req *r, const char *name);
const char *req_form(const struct req *r, const char *name);
const char *req_cookie(const struct req *r, const char *name);
const char *req_header(const struct req *r, const char *name);

/* Method name to enum (case-sensitive, as RFC 9110 says). */
enum req_method req_method_parse(const char *s);

#endif
