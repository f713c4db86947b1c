/*
 * api.h - the Open311 GeoReport v2 API under /open311/v2/
 * (../shared/design/OPEN311.md, README "Open311"): each resource in XML
 * and JSON by its suffix, for apps and other systems.  Public data only:
 * never a reporter's name, e-mail or phone, nor anything staff keep
 * internal.  GET answers carry Access-Control-Allow-Origin: * so that
 * browser clients can read them.
 */
#ifndef AGORA_OPEN311_API_H
#define AGORA_OPEN311_API_H

#include "http/ctx.h"
#include "open311/emit.h"

void open311_discovery(struct ctx *c); /* GET discovery.{fmt}: cap 0 fmt */
void open311_services(struct ctx *c);  /* GET services.{fmt}: cap 0 fmt */
void open311_service(struct ctx *c);   /* GET services/{code}.{fmt} */
void open311_requests(struct ctx *c);  /* GET requests.{fmt}: cap 0 fmt */
void open311_request(struct ctx *c);   /* GET requests/{id}.{fmt} */

/* Shared with post.c. */
/* Start answering: the format of the suffix ext ("xml", "json") into
 * *fmt and the jurisdiction_id checked: 1, or 0 when answered (404). */
int o311_begin(struct ctx *c, const char *ext, enum o311_fmt *fmt);
/* Start the answer's document (status, content type, CORS). */
void o311_start(struct ctx *c, struct o311_doc *d, enum o311_fmt fmt, int status,
                const char *root, int list);
/* The spec's errors document, with the same code as the HTTP status. */
void o311_error(struct ctx *c, enum o311_fmt fmt, int code, const char *description);
/* 503 (DB_DOWN, with Retry-After) or 500 as an errors document. */
void o311_db_failed(struct ctx *c, enum o311_fmt fmt, int rc);
/* A service code: the category's number, 1 to 65535; else 0. */
long long o311_service_id(const char *s);

#endif
