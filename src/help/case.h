/*
 * case.h - /admin/help/cases/{id}: one case for the desk (see case.c).
 */
#ifndef AGORA_HELP_CASE_H
#define AGORA_HELP_CASE_H

#include "http/ctx.h"

void help_case_page(struct ctx *c);    /* GET, ?health=1 shows the health part */
void help_case_status(struct ctx *c);  /* POST .../status */
void help_case_assign(struct ctx *c);  /* POST .../assign (PERM_HELP_ASSIGN) */
void help_case_edit(struct ctx *c);    /* POST .../edit */
void help_case_link(struct ctx *c);    /* POST .../link: an online request to a resident */

#endif
