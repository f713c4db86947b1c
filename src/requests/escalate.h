/*
 * escalate.h - the daily escalation digest of citizens' requests: those
 * still open more than conf escalate_after_days days after their due date
 * are told, once a day, to each department's e-mail and its department
 * users, and to every dispatcher (all departments) - one mail per
 * recipient, through the outbox, in one transaction with the day's
 * job_runs row and requests.escalated_on.  Run by `agora-admin requests
 * escalate` (src/cli/requests.c) from a daily timer.
 */
#ifndef AGORA_ESCALATE_H
#define AGORA_ESCALATE_H

#include <stddef.h>

struct arena;
struct conf;

struct escalate_result {
	int already;          /* today's digest was sent by an earlier run */
	const char *today;    /* "YYYY-MM-DD", the municipality's */
	size_t requests;      /* listed */
	size_t digests;       /* queued, one per recipient */
	size_t skipped;       /* addresses the outbox refuses (logged) */
};

/* Run today's digest, or find it already done.  DB_OK (see *out) or a
 * DB_* error, everything rolled back. */
int escalate_run(struct arena *a, const struct conf *cf, struct escalate_result *out);

#endif
