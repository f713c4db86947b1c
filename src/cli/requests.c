/*
 * requests.c - agora-admin's citizens' requests commands:
 *   requests escalate   today's escalation digest (requests/escalate.c):
 *                       run it daily from a timer or cron; a second run
 *                       on the same day sends nothing.
 * Touches what escalate.c touches.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "requests/escalate.h"

static int usage_requests(void)
{
	fprintf(stderr, "usage: agora-admin requests escalate\n");
	return 2;
}

int cli_requests(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	if (argc != 1 || strcmp(argv[0], "escalate") != 0)
		return usage_requests();
	struct escalate_result r;
	if (escalate_run(a, cf, &r) != DB_OK)
		return cli_die_db("requests escalate");
	if (r.already)
		printf("escalate %s: today's digest was already sent: nothing to do\n", r.today);
	else
		printf("escalate %s: %zu requests overdue by more than %zu days, %zu digests queued%s\n",
		       r.today, r.requests, cf->escalate_after_days, r.digests,
		       r.skipped ? " (some addresses refused: see the log)" : "");
	return 0;
}
