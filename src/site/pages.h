/*
 * pages.h - the tree of pages under /p/, with breadcrumbs, child pages and
 * (on the page marked 'departments') the department directory.
 */
#ifndef AGORA_PAGES_H
#define AGORA_PAGES_H

#include "view/layout.h"

/* GET /p/{slug}/{slug}...: 200 or 404 (unknown path or draft). */
void pages_show(struct ctx *c);

#endif
