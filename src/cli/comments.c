/*
 * comments.c (cli) - agora-admin's reader-comments commands:
 *   comments digest   the moderators' digest of what waits (comments/digest.c);
 *                     run it hourly: it sends nothing when nothing is new.
 *   comments purge    erase commenters' and flaggers' addresses older than
 *                     conf comment_ip_days; run it daily.
 * Touches what digest.c and db_comments_purge_ips touch.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "comments/db_comments.h"
#include "comments/digest.h"
#include "core/arena.h"
#include "core/i18n.h"

static int usage_comments(void)
{
	fprintf(stderr, "usage: agora-admin comments digest|purge\n");
	return 2;
}

int cli_comments(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	if (argc != 1)
		return usage_comments();
	if (strcmp(argv[0], "purge") == 0) {
		unsigned long long n;
		if (db_comments_purge_ips(a, (long long)cf->comment_ip_days, &n) != DB_OK)
			return cli_die_db("comments purge");
		printf("comments purge: %llu addresses older than %zu days erased\n", n,
		       cf->comment_ip_days);
		return 0;
	}
	if (strcmp(argv[0], "digest") != 0)
		return usage_comments();
	/* The digest's words are in the catalogs the workers use. */
	char dir[4096], err[512];
	snprintf(dir, sizeof(dir), "%s/i18n", cf->views_dir);
	if (!i18n_loaded() && i18n_init(dir, err, sizeof(err)) != 0) {
		fprintf(stderr, "agora-admin: comments digest: %s\n", err);
		return 1;
	}
	struct digest_result r;
	if (comments_digest_run(a, cf, &r) != DB_OK)
		return cli_die_db("comments digest");
	if (r.waiting > 0) {
		fprintf(stderr, "agora-admin: comments digest: %zu comments wait, but no active "
		        "moderator or admin has an e-mail address: nothing sent\n", r.waiting);
		return 1;
	}
	if (r.comments == 0)
		printf("comments digest: nothing new waits for the moderators\n");
	else
		printf("comments digest: %zu comments, %zu mails queued\n", r.comments, r.mails);
	return 0;
}
