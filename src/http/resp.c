/*
 * resp.c - the response: status, headers and body in one contiguous block.
 *
 * The body is rendered after RESP_HEADROOM reserved bytes; resp_finish()
 * writes the header block just in front of the body, so the worker hands the
 * whole response to FCGX_PutStr in one call without copying the body.
 */
#include "http/resp.h"

#include <stdio.h>
#include <string.h>

#include "core/log.h"

/* No inline script anywhere: script-src 'self' only.  Styles come from our
 * own stylesheet; images may come from our own host or data: URIs, and the
 * map's tiles from the tile server of map_tile_url (nginx's copy in
 * nginx/agora-security-headers.conf says how a site changes it). */
static const char SECURITY_HEADERS[] =
    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
    "style-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; "
    "object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'\r\n"
    "X-Content-Type-Options: nosniff\r\n"
    "Referrer-Policy: strict-origin-when-cross-origin\r\n"
    "X-Frame-Options: DENY\r\n"
    "Permissions-Policy: accelerometer=(), camera=(), display-capture=(), "
    "geolocation=(self), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), usb=()\r\n";

void resp_init(struct resp *r)
{
	buf_init(&r->out, 64 * 1024);
	resp_reset(r);
}

void resp_reset(struct resp *r)
{
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	r->location = NULL;
	r->allow = NULL;
	r->cache = NULL;
	r->shared = 0;
	r->retry_after = 0;
	r->head_only = 0;
	r->disposition = NULL;
	r->set_cookie = NULL;
	r->www_auth = NULL;
	r->cors = 0;
	r->more = NULL;
	r->more_arg = NULL;
	buf_reset(&r->out);
	buf_reserve(&r->out, RESP_HEADROOM);
	r->out.len = RESP_HEADROOM;
}

void resp_free(struct resp *r)
{
	buf_free(&r->out);
}

const char *resp_body(const struct resp *r, size_t *len)
{
	*len = r->out.len - RESP_HEADROOM;
	return r->out.p + RESP_HEADROOM;
}

void resp_clear_body(struct resp *r)
{
	r->out.len = RESP_HEADROOM;
	r->out.p[r->out.len] = '\0';
}

const char *resp_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

/* A header value is one line of visible text: no CR, LF, NUL or other
 * control byte (tab allowed), so data set into a header can never start
 * another header or end the block. */
int resp_header_ok(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; p && *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			return 0;
	return 1;
}

const char *resp_finish(struct resp *r, size_t *len)
{
	char head[RESP_HEADROOM];
	if (!resp_header_ok(r->ctype) || !resp_header_ok(r->location) ||
	    !resp_header_ok(r->allow) || !resp_header_ok(r->cache) ||
	    !resp_header_ok(r->disposition) || !resp_header_ok(r->set_cookie) ||
	    !resp_header_ok(r->www_auth)) {
		/* A bug upstream put data with a line break into a header:
		 * refuse the whole response rather than send a header split. */
		log_error("msg=\"control character in a response header: "
		          "answered 500\" status=%d", r->status);
		r->status = 500;
		r->ctype = "text/plain; charset=utf-8";
		r->location = r->allow = r->disposition = NULL;
		r->set_cookie = r->www_auth = NULL;
		r->cache = NULL;
		r->shared = 0;
		r->retry_after = 0;
		r->more = NULL;
		resp_clear_body(r);
		buf_adds(&r->out, "Εσωτερικό σφάλμα. Internal error.\n");
	}
	size_t body = r->out.len - RESP_HEADROOM;
	char clen[48] = "", shared[48] = "";
	if (r->more == NULL)
		snprintf(clen, sizeof(clen), "Content-Length: %zu\r\n", body);
	/* Before Cache-Control: nginx reads the first of the two it finds
	 * (and agora-page-cache.conf ignores Cache-Control anyway). */
	if (r->shared > 0)
		snprintf(shared, sizeof(shared), "X-Accel-Expires: %d\r\n", r->shared);
	int n = snprintf(head, sizeof(head),
	                 "Status: %d %s\r\nContent-Type: %s\r\n"
	                 "%s%sCache-Control: %s\r\n%s",
	                 r->status, resp_reason(r->status), r->ctype, clen, shared,
	                 r->cache ? r->cache : "no-cache", SECURITY_HEADERS);
	if (r->location != NULL && n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "Location: %s\r\n", r->location);
	if (r->disposition != NULL && n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "Content-Disposition: %s\r\n", r->disposition);
	if (r->set_cookie != NULL && n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "Set-Cookie: %s\r\n", r->set_cookie);
	if (r->www_auth != NULL && n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "WWW-Authenticate: %s\r\n", r->www_auth);
	if (r->cors && n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "Access-Control-Allow-Origin: *\r\n");
	if (r->allow != NULL && n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "Allow: %s\r\n", r->allow);
	if (r->retry_after > 0 && n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n,
		              "Retry-After: %d\r\n", r->retry_after);
	if (n < (int)sizeof(head))
		n += snprintf(head + n, sizeof(head) - (size_t)n, "\r\n");
	if (n >= (int)sizeof(head)) {
		/* A Location longer than the headroom: answer without it. */
		n = snprintf(head, sizeof(head),
		             "Status: 500 Internal Server Error\r\n"
		             "Content-Type: text/plain; charset=utf-8\r\n\r\n");
		r->out.len = RESP_HEADROOM;
		r->more = NULL;
	}
	char *start = r->out.p + RESP_HEADROOM - n;
	memcpy(start, head, (size_t)n);
	*len = (size_t)n + (r->head_only ? 0 : r->out.len - RESP_HEADROOM);
	return start;
}
