/*
 * share.h - the worker's own copy of the pages it may share: a public
 * page that main.c finds shareable - the answers it lets nginx keep for
 * micro_cache seconds (no form token, no cookie set, nothing private) - is
 * kept as rendered by the worker for as long, and the next request for the same URL in that time
 * - a staff member reading the site, whom nginx's cache bypasses, or a
 * visitor nginx could not serve - gets those bytes without the handler
 * running.  The same freshness as nginx's copy: an edit shows within
 * micro_cache seconds more.  Off when micro_cache is 0.
 */
#ifndef AGORA_SHARE_H
#define AGORA_SHARE_H

#include "http/ctx.h"

/* 1 if the request may be answered with a shared page at all: micro_cache
 * on, a GET or HEAD of a public page outside /admin.  main.c's test of the
 * answer starts with it. */
int share_request_ok(const struct ctx *c);
/* 1 if the answer to this GET or HEAD of a public page was the worker's
 * fresh copy (status, type, Cache-Control and body are in c->res);
 * 0 to run the handler. */
int share_serve(struct ctx *c);
/* After the handler, for an answer main.c found shareable: keep it,
 * unless it is too large. */
void share_keep(struct ctx *c);

#endif
