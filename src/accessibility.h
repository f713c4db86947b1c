/* accessibility.h - the accessibility statement (EU model, Decision 2018/1523). */
#ifndef AGORA_ACCESSIBILITY_H
#define AGORA_ACCESSIBILITY_H

#include "page.h"

/* GET /accessibility: 200. */
void accessibility_statement(struct ctx *c);

#endif
