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

void open311_discovery(struct ctx *c); /* GET discovery.{fmt}: cap 0 fmt */
void open311_services(struct ctx *c);  /* GET services.{fmt}: cap 0 fmt */
void open311_service(struct ctx *c);   /* GET services/{code}.{fmt} */
void open311_requests(struct ctx *c);  /* GET requests.{fmt}: cap 0 fmt */
void open311_request(struct ctx *c);   /* GET requests/{id}.{fmt} */

#endif
