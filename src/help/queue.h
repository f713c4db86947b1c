/*
 * queue.h - /admin/help: the desk's queue (see queue.c).
 */
#ifndef AGORA_HELP_QUEUE_H
#define AGORA_HELP_QUEUE_H

#include "http/ctx.h"

void help_queue(struct ctx *c);

#endif
