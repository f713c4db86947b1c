/*
 * page.h - /open311: the API's page for developers, in Greek and English:
 * the endpoints, this site's services with their codes, an example of
 * each call and how to get a key.
 */
#ifndef AGORA_OPEN311_PAGE_H
#define AGORA_OPEN311_PAGE_H

#include "http/ctx.h"

void open311_page(struct ctx *c); /* GET /open311 */

#endif
