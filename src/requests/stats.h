/*
 * stats.h - /admin/stats: citizens' requests of a period in numbers, as
 * server-drawn charts each followed by its table.
 */
#ifndef AGORA_REQUESTS_STATS_H
#define AGORA_REQUESTS_STATS_H

#include "http/ctx.h"

/* GET /admin/stats[?from=YYYY-MM&to=YYYY-MM] (PERM_REQUESTS; a department
 * user sees their department's only).  200, or 422 with the form and the
 * errors for a bad month or period; 503/500 on a database failure. */
void stats_page(struct ctx *c);

/* The period from the query's from/to ("YYYY-MM", either may be missing
 * or empty: the last 12 months up to the current one, now_y/now_m), as
 * first and last month.  0 when good; else the number of errors, each
 * field's message key in *err_from / *err_to (NULL when that one is good). */
int stats_period(const char *from, const char *to, int now_y, int now_m,
                 int *fy, int *fm, int *ty, int *tm,
                 const char **err_from, const char **err_to);

/* The longest period the page shows, in months. */
#define STATS_MAX_MONTHS 36

#endif
