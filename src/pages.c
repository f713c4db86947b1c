/* pages.c - placeholder. */
#include "pages.h"

void pages_show(struct ctx *c) { page_error(c, 404, NULL); }
