/*
 * outbox.c - agora-admin's outbox commands:
 *   outbox send            deliver the due messages once; prints the counts
 *   outbox send --loop     the same every few seconds until SIGTERM/SIGINT
 *   outbox list [--failed] the queued and failed messages, newest first
 *   outbox retry ID        queue a failed message again, to go at once
 * Touches the outbox table (through mail/send.c and mail/db_outbox.c) and,
 * when a prescription's webhook fails for good, its case's pharmacy state
 * (help/pharmacy_outbox.c).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/log.h"
#include "help/pharmacy_outbox.h"
#include "mail/db_outbox.h"
#include "mail/send.h"
#include "mail/smtp.h"

#define LOOP_SECONDS 5

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static int usage_outbox(void)
{
	fprintf(stderr, "usage: agora-admin outbox send [--loop]\n"
	                "       agora-admin outbox list [--failed]\n"
	                "       agora-admin outbox retry ID\n");
	return 2;
}

/* What the services record when one of their messages fails for good. */
static const struct outbox_on_failed on_failed[] = {
	{ "help.pharmacy", help_pharmacy_undelivered },
	{ NULL, NULL },
};

static int send_once(struct arena *a, const struct conf *cf, int quiet)
{
	struct outbox_stats st = { 0, 0, 0 };
	int rc = outbox_send_due(a, cf, on_failed, &st);
	if (!quiet || st.sent || st.retried || st.failed)
		printf("%u sent, %u retried, %u failed\n", st.sent, st.retried, st.failed);
	fflush(stdout);
	if (rc == DB_DOWN) {
		fprintf(stderr, "agora-admin: outbox send: database unreachable: %s\n",
		        db_error());
		return 1;
	}
	/* Any other database error was logged; the next run tries again. */
	return 0;
}

static int send_loop(struct arena *a, const struct conf *cf)
{
	/* No SA_RESTART: the signal ends the sleep at once. */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	log_info("msg=\"outbox sender started\" every=%ds", LOOP_SECONDS);
	while (!stop) {
		if (send_once(a, cf, 1) != 0)
			db_close(); /* reconnect at the next round */
		arena_reset(a);
		struct timespec ts = { LOOP_SECONDS, 0 };
		nanosleep(&ts, NULL);
	}
	log_info("msg=\"outbox sender stopped\"");
	return 0;
}

static int list(struct arena *a, int failed_only)
{
	printf("%-8s %-7s %-5s %-19s %-19s %-20s %-30s %s\n", "ID", "STATE", "TRIES",
	       "CREATED", "NEXT TRY", "KIND", "TO", "SUBJECT / LAST ERROR");
	unsigned long long before = 0;
	for (;;) {
		struct outbox_item *it;
		size_t n;
		int more;
		if (outbox_page(a, failed_only, before, 200, &it, &n, &more) != DB_OK)
			return cli_die_db("reading the outbox");
		for (size_t i = 0; i < n; i++) {
			printf("%-8llu %-7s %-5u %-19s %-19s %-20s %-30s %s\n", it[i].id,
			       it[i].state, it[i].tries, it[i].created_at, it[i].next_try_at,
			       it[i].kind, it[i].rcpt, it[i].subject);
			if (it[i].last_error[0])
				printf("%-8s %s\n", "", it[i].last_error);
		}
		if (!more || n == 0)
			return 0;
		before = it[n - 1].id;
	}
}

static int retry(struct arena *a, const char *arg)
{
	char *end;
	unsigned long long id = strtoull(arg, &end, 10);
	if (arg[0] < '0' || arg[0] > '9' || *end != '\0' || id == 0)
		return usage_outbox();
	int changed;
	if (outbox_requeue(a, id, &changed) != DB_OK)
		return cli_die_db("queueing the message again");
	if (!changed) {
		fprintf(stderr, "agora-admin: outbox retry: %llu is no failed message\n", id);
		return 1;
	}
	printf("message %llu queued again\n", id);
	return 0;
}

int cli_outbox(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	if (argc < 1)
		return usage_outbox();
	if (strcmp(argv[0], "send") == 0) {
		int loop = argc == 2 && strcmp(argv[1], "--loop") == 0;
		if (argc > 2 || (argc == 2 && !loop))
			return usage_outbox();
		if (smtp_init() != 0) {
			fprintf(stderr, "agora-admin: libcurl failed to initialise\n");
			return 1;
		}
		int rc = loop ? send_loop(a, cf) : send_once(a, cf, 0);
		smtp_done();
		return rc;
	}
	if (strcmp(argv[0], "list") == 0) {
		int failed = argc == 2 && strcmp(argv[1], "--failed") == 0;
		if (argc > 2 || (argc == 2 && !failed))
			return usage_outbox();
		return list(a, failed);
	}
	if (strcmp(argv[0], "retry") == 0 && argc == 2)
		return retry(a, argv[1]);
	return usage_outbox();
}
