/*
 * digest.h (comments) - the moderators' digest and the erasure of old
 * addresses, run by agora-admin (cli/comments.c) from a timer or cron.
 */
#ifndef AGORA_COMMENTS_DIGEST_H
#define AGORA_COMMENTS_DIGEST_H

#include <stddef.h>

struct arena;
struct conf;

struct digest_result {
	size_t comments;   /* in this digest (0: nothing new, nothing sent) */
	size_t mails;      /* one per moderator */
	size_t waiting;    /* comments not sent: no moderator has an address */
};

/*
 * One mail to each moderator (db_comments_moderators) listing the
 * comments that came since the last digest and wait for them - pending,
 * hidden by flags, or published at once under post-moderation - with
 * links to the queue; those comments are then marked as digested.  The
 * mails and the marks commit together (the outbox), so a comment is in
 * exactly one digest; when no moderator (nor admin) has an e-mail
 * address nothing is marked (r->waiting).  Run it hourly: it sends nothing when nothing is
 * new.  DB_OK or a DB_* status.
 */
int comments_digest_run(struct arena *a, const struct conf *cf, struct digest_result *r);

#endif
