/*
 * ctx.h - one request's context, handed to every phase and handler: the
 * parsed request, the response being built, the configuration, the page
 * the route table chose, the language of the URL and the staff session.  Nothing in it
 * outlives the request; its memory is the request's arena (c->r->a).
 */
#ifndef AGORA_CTX_H
#define AGORA_CTX_H

#include "core/conf.h"
#include "core/i18n.h"
#include "http/req.h"
#include "http/resp.h"
#include "http/route.h"

struct staff;

struct ctx {
	struct req *r;
	struct resp *res;
	const struct conf *conf;
	enum page page;
	enum lang lang;       /* from the URL: /en/... is English */
	const char *lp;       /* link prefix for this language: "" or "/en" */
	const struct staff *staff; /* the signed-in staff member, or NULL
	                            * (http/session.h) */
	int from_copy;        /* answered with the worker's copy (http/share.h) */
};

/* The message key in this request's language. */
#define T(c, key) i18n_get((c)->lang, (key))

/* A page's handler (the HANDLER column of routes.def). */
typedef void (*page_handler)(struct ctx *);

/* The handler of page p; never NULL for p < PAGE__MAX (dispatch.c). */
page_handler dispatch_handler(enum page p);

#endif
