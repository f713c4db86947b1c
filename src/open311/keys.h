/*
 * keys.h - the Open311 API's keys: the administrators' page
 * /admin/api-keys (PERM_USERS: issue a key to an app or a back office,
 * shown once; see and revoke them) and the check of a POST's api_key.
 */
#ifndef AGORA_OPEN311_KEYS_H
#define AGORA_OPEN311_KEYS_H

#include "http/ctx.h"

void api_keys_page(struct ctx *c);   /* GET  /admin/api-keys */
void api_key_create(struct ctx *c);  /* POST /admin/api-keys: 200, the key once */
void api_key_revoke(struct ctx *c);  /* POST /admin/api-keys/{id}/revoke: 303 */

/* The key of an API call: 1 and *id, *per_hour when key is a valid,
 * unrevoked key; 0 when it is not (missing, malformed, unknown, revoked);
 * -1 when the database failed (*rc set). */
int api_key_check(struct ctx *c, const char *key, long long *id, long long *per_hour,
                  int *rc);

#endif
