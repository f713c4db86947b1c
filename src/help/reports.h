/*
 * reports.h - the support desk's reports (PERM_HELP_REPORTS: admins,
 * dispatchers, operators): the cases made in a period of days counted per
 * type, village, ISO week, status and channel, the time to completion
 * (median and 90th percentile) per type, and the load of each volunteer
 * and professional - each as an SVG chart drawn on the server followed by
 * the table of its numbers, and as CSV.  Counts only: never a resident's
 * name, phone, address or health.
 */
#ifndef AGORA_HELP_REPORTS_H
#define AGORA_HELP_REPORTS_H

#include "http/ctx.h"

/* The longest period, in days (two years and a leap day). */
#define HR_MAX_DAYS 731
/* The most completed cases whose durations are read for the quantiles. */
#define HR_MAX_DURATIONS 100000
/* The most people in the load table. */
#define HR_MAX_LOAD 1000

/* The period of ?from= ?to= ("YYYY-MM-DD", both included) as day numbers
 * (core/civil.h), today's day number given: "to" defaults to today, "from"
 * to the Monday eleven weeks before the week of "to" (twelve ISO weeks).
 * Returns the number of problems; *err_from / *err_to their message keys
 * (not a date, from after to, longer than HR_MAX_DAYS) or NULL. */
int hr_period(const char *from, const char *to, long today, long *fday, long *tday,
              const char **err_from, const char **err_to);

/* GET /admin/help/reports?from=&to=: the page; 422 with the form on bad
 * dates. */
void help_reports_page(struct ctx *c);
/* GET /admin/help/reports.csv?table=types|villages|weeks|completion|load|
 * statuses|channels&from=&to=: one table as CSV (UTF-8 with a BOM); 400 on
 * a bad table or dates. */
void help_reports_csv(struct ctx *c);

#endif
