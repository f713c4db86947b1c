/*
 * tasks.h - /admin/help/tasks: a volunteer's or professional's own tasks
 * (see tasks.c).
 */
#ifndef AGORA_HELP_TASKS_H
#define AGORA_HELP_TASKS_H

#include "http/ctx.h"

void help_tasks(struct ctx *c);      /* GET /admin/help/tasks */
void help_task(struct ctx *c);       /* GET /admin/help/tasks/{id}[?k=SIG] */
void help_task_post(struct ctx *c);  /* POST /admin/help/tasks/{id} */

#endif
