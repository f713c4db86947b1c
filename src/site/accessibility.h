/* accessibility.h - the accessibility statement (EU model, Decision 2018/1523). */
#ifndef AGORA_ACCESSIBILITY_H
#define AGORA_ACCESSIBILITY_H

#include "view/layout.h"

/* GET /accessibility: 200, with the feedback form and a fresh one-time token. */
void accessibility_statement(struct ctx *c);
/* POST /accessibility: 422 with the form again (what was typed kept) on
 * invalid input; 303 to ?sent=1 after COMMIT; a reused token answers that
 * the message was already received. */
void accessibility_post(struct ctx *c);

#endif
