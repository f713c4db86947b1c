/*
 * accessibility.c - the accessibility statement.  Its text is in
 * views/accessibility.tpl; the contact details come from the configuration,
 * so a municipality adapts it without touching code.
 */
#include "accessibility.h"

void accessibility_statement(struct ctx *c)
{
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, "Δήλωση προσβασιμότητας", "accessibility.tpl",
	                          "/accessibility", &top);
	tmpl_set(d, "CONTACT_EMAIL", c->conf->contact_email);
	tmpl_set(d, "CONTACT_PHONE", c->conf->contact_phone);
	page_render(c, top);
}
