/* health.h - the health check endpoint. */
#ifndef AGORA_HEALTH_H
#define AGORA_HEALTH_H

#include "view/layout.h"

/* GET /healthz: 200 "ok" or 503 with Retry-After. */
void health_check(struct ctx *c);

#endif
