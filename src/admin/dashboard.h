/*
 * dashboard.h - /admin: what needs attention, in panels that each show
 * only to those whose roles deal with it (later services add theirs).
 */
#ifndef AGORA_DASHBOARD_H
#define AGORA_DASHBOARD_H

#include "http/ctx.h"

void dashboard_page(struct ctx *c); /* GET /admin */

#endif
