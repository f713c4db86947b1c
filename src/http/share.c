/*
 * share.c - the worker's copy of shareable pages (share.h).  Uses the one
 * per-worker cache (core/cache.c), keyed by the URL as the worker saw it
 * (language prefix, path, query); touches nothing but the response.
 */
#include "http/share.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/cache.h"

/* A page larger than this is rendered each time: the copies stay small
 * (CACHE_SLOTS of them at most). */
#define SHARE_MAX (256 * 1024)

/* What of the response a copy keeps: every header a shareable 200 can
 * carry (resp.h), and the body. */
struct copy {
	const char *ctype, *cache, *disposition;
	int cors;
	size_t len;
	char body[];
};

static struct cache pages;

static const char *key_of(struct ctx *c)
{
	return arena_printf(c->r->a, "%s%s?%s", c->lp, c->r->path, c->r->query_s);
}

int share_request_ok(const struct ctx *c)
{
	return c->conf->micro_cache > 0 && c->page < PAGE__MAX &&
	       (c->r->method == M_GET || c->r->method == M_HEAD) &&
	       route_get(c->page)->perm == PERM_PUBLIC && strncmp(c->r->path, "/admin", 6) != 0;
}

int share_serve(struct ctx *c)
{
	if (!share_request_ok(c))
		return 0;
	pages.ttl = c->conf->micro_cache > 3600 ? 3600 : (int)c->conf->micro_cache;
	const struct copy *p = cache_get(&pages, key_of(c));
	if (p == NULL)
		return 0;
	c->res->status = 200;
	c->res->ctype = p->ctype;
	c->res->cache = p->cache;
	c->res->disposition = p->disposition;
	c->res->cors = p->cors;
	resp_clear_body(c->res);
	buf_add(&c->res->out, p->body, p->len);
	return 1;
}

void share_keep(struct ctx *c)
{
	size_t len;
	const char *body = resp_body(c->res, &len);
	if (len > SHARE_MAX)
		return;
	struct arena *a = arena_new(len + 1024);
	struct copy *p = arena_alloc(a, sizeof(*p) + len);
	p->ctype = arena_strdup(a, c->res->ctype);
	p->cache = c->res->cache ? arena_strdup(a, c->res->cache) : NULL;
	p->disposition = c->res->disposition ? arena_strdup(a, c->res->disposition) : NULL;
	p->cors = c->res->cors;
	p->len = len;
	memcpy(p->body, body, len);
	cache_put(&pages, key_of(c), a, p);
}
