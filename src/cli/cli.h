/*
 * cli.h - what agora-admin's command files share: each command is a
 * function of the arena, the configuration and its arguments, returning
 * the exit status (0 done, 1 failed, 2 usage).
 */
#ifndef AGORA_CLI_H
#define AGORA_CLI_H

#include <stdio.h>

#include "core/conf.h"
#include "db/db.h"

struct arena;

/* Report a failed database step; returns 1. */
static inline int cli_die_db(const char *what)
{
	fprintf(stderr, "agora-admin: %s: %s\n", what, db_error());
	return 1;
}

/* users.c: agora-admin user add|reset-password|list ... */
int cli_user(struct arena *a, const struct conf *cf, int argc, char **argv);
/* users.c: agora-admin grants [--host H]: the workers' grants as SQL. */
int cli_grants(struct arena *a, const struct conf *cf, int argc, char **argv);
/* outbox.c: agora-admin outbox send [--loop] | list [--failed] | retry ID. */
int cli_outbox(struct arena *a, const struct conf *cf, int argc, char **argv);
/* requests.c: agora-admin requests escalate (the daily digest). */
int cli_requests(struct arena *a, const struct conf *cf, int argc, char **argv);
/* comments.c: agora-admin comments digest|purge. */
int cli_comments(struct arena *a, const struct conf *cf, int argc, char **argv);
/* help.c: agora-admin help purge|export ID (the support desk). */
int cli_help(struct arena *a, const struct conf *cf, int argc, char **argv);
/* help.c: agora-admin purge: every retention rule (the desk's, comments'). */
int cli_purge(struct arena *a, const struct conf *cf, int argc, char **argv);

/* search.c: agora-admin search reindex. */
int cli_search(struct arena *a, const struct conf *cf, int argc, char **argv);
/* search.c: the whole search index rebuilt (also after migrate and demo). */
int cli_search_reindex(void);

#endif
