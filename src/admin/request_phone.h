/*
 * request_phone.h - phone-in: staff file a citizens' request for a caller.
 */
#ifndef AGORA_ADMIN_REQUEST_PHONE_H
#define AGORA_ADMIN_REQUEST_PHONE_H

#include "http/ctx.h"

void admin_request_phone(struct ctx *c);      /* GET  /admin/requests/new */
void admin_request_phone_save(struct ctx *c); /* POST /admin/requests/new */

#endif
