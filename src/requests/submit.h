/*
 * submit.h - reporting a problem or making a request: the public form
 * /requests/new and its POST, and the tracking page /requests/{code}.
 */
#ifndef AGORA_REQUESTS_SUBMIT_H
#define AGORA_REQUESTS_SUBMIT_H

#include "http/ctx.h"

void requests_new(struct ctx *c);    /* GET  /requests/new */
void requests_submit(struct ctx *c); /* POST /requests/new */
void requests_show(struct ctx *c);   /* GET  /requests/{code} */

/* The date n working days (Monday to Friday) after the civil date
 * y-m-d, as "YYYY-MM-DD" in the arena. */
const char *requests_due_date(struct arena *a, int y, int m, int d, int n);

#endif
