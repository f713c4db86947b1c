/*
 * help.c (cli) - agora-admin's support-desk commands and the daily purge:
 *   purge             every retention rule: the desk's (help/purge.c) and
 *                     the commenters' addresses (comments purge); run
 *                     daily (docs/systemd/agora-purge.timer).
 *   help purge        the desk's part only.
 *   help export ID    one resident's data as JSON on stdout (an access
 *                     request), after its "help_export" audit row.
 * Touches what help/purge.c, help/export.c and db_comments_purge_ips
 * touch, and audit_log.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "comments/db_comments.h"
#include "core/arena.h"
#include "core/buf.h"
#include "help/export.h"
#include "help/purge.h"
#include "http/valid.h"

static int usage_help(void)
{
	fprintf(stderr, "usage: agora-admin help purge | help export ID\n");
	return 2;
}

/* On a terminal, the counts so far on one line rewritten after every
 * batch; elsewhere (the journal, a test) nothing until the end. */
static void progress(const struct help_purge_stats *st, void *arg)
{
	(void)arg;
	printf("\rhelp purge: %llu cases, %llu residents, %llu nonces, %llu webhooks...",
	       st->cases + st->people_cases, st->people, st->nonces, st->webhooks);
	fflush(stdout);
}

static int help_purge_cmd(struct arena *a, const struct conf *cf)
{
	int tty = isatty(STDOUT_FILENO);
	struct help_purge_stats st;
	int rc = help_purge(a, cf, &st, tty ? progress : NULL, NULL);
	if (tty)
		printf("\r\033[K");
	printf("help purge: %llu closed cases anonymised (closed more than %zu days ago)\n",
	       st.cases, st.days);
	printf("help purge: %llu residents anonymised (no case for %zu days), "
	       "with %llu more of their closed cases\n", st.people, st.days, st.people_cases);
	printf("help purge: %llu pharmacy callback nonces deleted\n", st.nonces);
	printf("help purge: %llu webhook bodies (prescriptions) emptied\n", st.webhooks);
	if (rc != DB_OK)
		return cli_die_db("help purge (what is above was done)");
	return 0;
}

static int comments_purge_cmd(struct arena *a, const struct conf *cf)
{
	char word[] = "purge";
	char *argv[] = { word, NULL };
	return cli_comments(a, cf, 1, argv);
}

int cli_purge(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	(void)argv;
	if (argc != 0) {
		fprintf(stderr, "usage: agora-admin purge\n");
		return 2;
	}
	/* Both run even when the first fails: each is its own retention. */
	int rc1 = help_purge_cmd(a, cf);
	int rc2 = comments_purge_cmd(a, cf);
	return rc1 != 0 ? rc1 : rc2;
}

static struct db_stmt st_audit = DB_WRITE(
    "INSERT INTO audit_log (user_id, username, action, object_type, object_id, summary)"
    " VALUES (NULL, 'agora-admin', 'help_export', 'help_beneficiary', ?, '')");

static int help_export_cmd(struct arena *a, const char *arg)
{
	long long id;
	if (!valid_int(arg, 1, 4294967295LL, &id)) {
		fprintf(stderr, "agora-admin: help export: \"%s\" is not a resident's number\n",
		        arg);
		return 2;
	}
	int rc = help_export_find(a, id);
	if (rc == HELP_EXPORT_NONE) {
		fprintf(stderr, "agora-admin: help export: there is no resident %lld\n", id);
		return 1;
	}
	if (rc != DB_OK)
		return cli_die_db("help export");
	if (db_run(a, &st_audit, NULL, "s", arena_printf(a, "%lld", id)) != DB_OK)
		return cli_die_db("help export: the audit row (nothing exported)");
	struct buf b;
	buf_init(&b, 64 * 1024);
	rc = help_export_json(a, id, &b);
	if (rc == DB_OK && (fwrite(b.p, 1, b.len, stdout) != b.len || fflush(stdout) != 0)) {
		perror("agora-admin: help export: write");
		buf_free(&b);
		return 1;
	}
	buf_free(&b);
	if (rc == HELP_EXPORT_NONE) {
		fprintf(stderr, "agora-admin: help export: there is no resident %lld\n", id);
		return 1;
	}
	return rc == DB_OK ? 0 : cli_die_db("help export");
}

int cli_help(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	if (argc == 1 && strcmp(argv[0], "purge") == 0)
		return help_purge_cmd(a, cf);
	if (argc == 2 && strcmp(argv[0], "export") == 0)
		return help_export_cmd(a, argv[1]);
	return usage_help();
}
