/* search.c - placeholder until search lands. */
#include "search.h"

void search_page(struct ctx *c) { page_error(c, 404, NULL); }
