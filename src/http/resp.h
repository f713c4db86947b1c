/*
 * resp.h - building a response.  The body is rendered into one buffer that
 * keeps headroom in front; resp_send() writes the status line and headers
 * into that headroom and hands the whole response to FCGX_PutStr once.
 * Security headers are added to every response.
 */
#ifndef AGORA_RESP_H
#define AGORA_RESP_H

#include <stddef.h>
#include "core/buf.h"

#define RESP_HEADROOM 2048

struct resp {
	int status;
	const char *ctype;    /* default "text/html; charset=utf-8" */
	const char *location; /* for 3xx */
	const char *allow;    /* for 405 */
	const char *cache;    /* Cache-Control; default "no-cache" */
	int shared;           /* seconds nginx's micro-cache may keep it
	                       * (X-Accel-Expires); 0 = not at all */
	int retry_after;      /* seconds, for 503; 0 = none */
	const char *disposition; /* Content-Disposition, for downloads */
	const char *set_cookie;  /* one Set-Cookie value (the staff session) */
	const char *www_auth;    /* WWW-Authenticate, for 401 */
	int cors;             /* Access-Control-Allow-Origin: * (a public API's
	                       * GET, readable by any site's scripts) */
	int head_only;        /* HEAD: send the headers of the full response only */
	/* A body too large to hold at once (a CSV export of the requests
	 * queue): after sending what out holds, main.c empties the body and
	 * calls more(more_arg, &out) again and again, sending what each call
	 * added, until it returns 0.  The response then has no
	 * Content-Length.  NULL: out is the whole body. */
	int (*more)(void *arg, struct buf *out);
	void *more_arg;
	struct buf out;       /* RESP_HEADROOM bytes of room, then the body */
};

void resp_init(struct resp *r);
/* Forget the previous response; keep the buffer's memory. */
void resp_reset(struct resp *r);
void resp_free(struct resp *r);
/* The body so far (for tests). */
const char *resp_body(const struct resp *r, size_t *len);
/* Drop the body (HEAD requests, or an error page replacing partial output). */
void resp_clear_body(struct resp *r);

/* The reason phrase of a status ("Not Found"). */
const char *resp_reason(int status);

/* 1 if v (NULL allowed) may be a header value: no CR, LF or other control
 * byte but tab. */
int resp_header_ok(const char *v);

/* Head and body as one contiguous block.  A header value that fails
 * resp_header_ok turns the response into a plain 500 (logged): no header
 * is ever split.  *len its size.  The pointer stays
 * valid until the next reset. */
const char *resp_finish(struct resp *r, size_t *len);

#endif
