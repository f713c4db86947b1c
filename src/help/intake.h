/*
 * intake.h - /admin/help/new: an operator logs a call (see intake.c).
 */
#ifndef AGORA_HELP_INTAKE_H
#define AGORA_HELP_INTAKE_H

#include "http/ctx.h"

/* GET /admin/help/new[?phone=...|?ben=ID|?new=1&phone=...]: the search by
 * phone, its matches, then the form for the chosen or a new resident. */
void help_intake(struct ctx *c);
/* POST /admin/help/new: store the resident (when new) and the case. */
void help_intake_post(struct ctx *c);
/* GET /admin/help/lookup?phone=...: the matches alone (an HTML fragment
 * the page's script puts in place as the operator types). */
void help_lookup(struct ctx *c);

#endif
