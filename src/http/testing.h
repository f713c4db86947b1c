/*
 * testing.h - pages that exist only for the HTTP tests (R_TEST in
 * routes.def: only with test_routes = 1, never in production).
 */
#ifndef AGORA_TESTING_H
#define AGORA_TESTING_H

#include "http/ctx.h"

/* POST /_echo: the parsed form and files, one per line, so the tests see
 * what the body parsers made of a request. */
void test_echo(struct ctx *c);
/* GET /_leak_tx: a handler with a bug - it opens a transaction, writes a
 * feedback row (token "leak-<request id>") and returns without COMMIT or
 * ROLLBACK.  The end-of-request phase must roll it back. */
void test_leak_tx(struct ctx *c);
/* GET /_slow?s=N: a page whose read takes N seconds (SELECT SLEEP(N),
 * 0..60), as a query gone wrong at a real municipality's size would: the
 * statement time limit must stop it (503) and the worker serve on. */
void test_slow(struct ctx *c);

#endif
