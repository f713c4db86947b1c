/*
 * reporter.h - the reporter's signed link: from the mail that tells them
 * their request was resolved, they confirm the fix or dispute it (the
 * request reopens and its department is told).  No account: the link
 * carries a signature of the request's code (http/token.h forms_sign).
 */
#ifndef AGORA_REQUESTS_REPORTER_H
#define AGORA_REQUESTS_REPORTER_H

#include "http/ctx.h"

void requests_reporter(struct ctx *c);      /* GET  /requests/{code}/reporter?k= */
void requests_reporter_save(struct ctx *c); /* POST /requests/{code}/reporter */

/* The absolute link for the reporter of request code, in lang ("el",
 * "en"), for their mail. */
const char *rq_reporter_url(struct arena *a, const char *site_url, const char *code,
                            const char *lang);

#endif
