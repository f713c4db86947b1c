/*
 * public.h - the support desk's public page and online request, /help
 * (Βοήθεια στο Σπίτι): what the service is, its help line, and a short
 * form for a resident, or a relative or neighbour, to ask for help.
 * Nothing of anyone's data is ever shown here: the acknowledgement says
 * the case's number only.
 */
#ifndef AGORA_HELP_PUBLIC_H
#define AGORA_HELP_PUBLIC_H

#include "http/ctx.h"

/* GET /help: 200, the service, the help line and the form with a fresh
 * one-time token. */
void help_public_page(struct ctx *c);
/* POST /help: 422 with the form again (what was typed kept, the errors
 * in Greek or English) on invalid input, a bad or expired token or a
 * filled honeypot; 303 to /help/received after COMMIT; the same token
 * again answers 303 to the same case's acknowledgement, storing nothing.
 * 503/500 when the database fails. */
void help_public_post(struct ctx *c);
/* GET /help/received?n=N&r=SIG: 200, "we received request N" with the
 * help line, when SIG is help_public_received_sig(N); else 404.  Never
 * stored by a browser or a proxy (private, no-store). */
void help_public_received(struct ctx *c);

#endif
