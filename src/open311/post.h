/*
 * post.h - filing a citizens' request through Open311: POST
 * /open311/v2/requests.{xml,json} with an api_key (open311/keys.h), and
 * GET tokens/{token}.{xml,json}.
 */
#ifndef AGORA_OPEN311_POST_H
#define AGORA_OPEN311_POST_H

#include "http/ctx.h"

void open311_post(struct ctx *c);  /* POST requests.{fmt}: cap 0 fmt */
void open311_token(struct ctx *c); /* GET tokens/{token}.{fmt} */

#endif
