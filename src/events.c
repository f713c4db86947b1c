/* events.c - placeholder until the events calendar lands. */
#include "events.h"

void events_list(struct ctx *c) { page_error(c, 404, NULL); }
void event_show(struct ctx *c) { page_error(c, 404, NULL); }
void events_ics(struct ctx *c) { page_error(c, 404, NULL); }
void event_ics(struct ctx *c) { page_error(c, 404, NULL); }
