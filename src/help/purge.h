/*
 * purge.h - the support desk's retention (`agora-admin purge`, `agora-admin
 * help purge`, run daily by docs/systemd/agora-purge.timer): what is kept
 * about residents and their cases once the desk no longer needs it.
 * Usable without a request (agora-admin): the database, an arena and the
 * configuration only.  See purge.c for the rules.
 */
#ifndef AGORA_HELP_PURGE_H
#define AGORA_HELP_PURGE_H

#include <stddef.h>

struct arena;
struct conf;

/* What one run did. */
struct help_purge_stats {
	size_t days;                     /* help_retention_days of the run */
	unsigned long long cases;        /* closed cases anonymised for their age */
	unsigned long long people;       /* residents anonymised */
	unsigned long long people_cases; /* younger closed cases of those residents */
	unsigned long long nonces;       /* pharmacy callback nonces deleted */
	unsigned long long webhooks;     /* webhook bodies (prescriptions) emptied */
};

/*
 * Run the retention rules once, in batches of at most HELP_PURGE_BATCH rows,
 * each batch its own transaction (so a million old rows never hold a long
 * lock, and a run stopped half-way keeps what its batches committed).
 * Idempotent: a second run finds nothing.  progress (may be NULL) is called
 * after every batch with the counts so far.  On success one audit_log row
 * (username 'agora-admin', action 'help_purge', the counts) is written.
 * Returns DB_OK or the first DB_* error (*st holds what was done so far).
 */
#define HELP_PURGE_BATCH 500
int help_purge(struct arena *a, const struct conf *cf, struct help_purge_stats *st,
               void (*progress)(const struct help_purge_stats *st, void *arg),
               void *arg);

#endif
