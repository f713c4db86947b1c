/*
 * digest.c (comments) - the moderators' digest (digest.h).  Reads
 * comments and users; writes comments.digested and the outbox, in one
 * transaction.  The mail is in Greek: the staff's language (the
 * escalation digest of requests/escalate.c is too).
 */
#include "comments/digest.h"

#include <string.h>

#include "comments/db_comments.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/i18n.h"
#include "mail/outbox.h"

#define DIGEST_TAKE 200  /* marked by one run; the rest wait for the next */
#define DIGEST_LIST 30   /* listed in the mail */

static const char *state_of(const struct db_res *res, size_t i)
{
	if (db_ll(res, i, DG_FLAGGED))
		return i18n_get(LANG_EL, "cm.digest_flagged");
	if (strcmp(db_str(res, i, DG_STATUS), "approved") == 0)
		return i18n_get(LANG_EL, "cm.digest_published");
	return i18n_get(LANG_EL, "cm.digest_pending");
}

int comments_digest_run(struct arena *a, const struct conf *cf, struct digest_result *r)
{
	struct db_res res, mods;
	r->comments = r->mails = r->waiting = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_comments_digest(a, DIGEST_TAKE, &res);
	if (rc == DB_OK && res.nrows > 0)
		rc = db_comments_moderators(a, &mods);
	if (rc != DB_OK || res.nrows == 0)
		return db_end(rc);
	struct buf b;
	buf_init(&b, 4096);
	buf_printf(&b, "%s\n\n", i18n_get(LANG_EL, "cm.digest_intro"));
	for (size_t i = 0; i < res.nrows && i < DIGEST_LIST; i++)
		buf_printf(&b, "- %s, %s (%s): «%s»\n  %s\n  %s/admin/comments/%s\n\n",
		           db_str(&res, i, DG_NAME), db_str(&res, i, DG_WHERE),
		           state_of(&res, i), db_str(&res, i, DG_BODY),
		           db_str(&res, i, DG_AT), cf->site_url, db_str(&res, i, DG_ID));
	if (res.nrows > DIGEST_LIST)
		buf_printf(&b, "%zu %s\n\n", res.nrows - DIGEST_LIST,
		           i18n_get(LANG_EL, "cm.digest_more"));
	buf_printf(&b, "%s/admin/comments\n\n-- \n%s\n", cf->site_url, cf->site_name);
	const char *text = arena_strdup(a, b.p);
	buf_free(&b);
	const char *subject = arena_printf(a, "%s: %zu", i18n_get(LANG_EL, "cm.digest_subject"),
	                                   res.nrows);
	for (size_t i = 0; rc == DB_OK && i < mods.nrows; i++) {
		const char *to = db_str(&mods, i, MOD_EMAIL);
		if (!outbox_address_ok(to))
			continue;
		struct mail m = { .kind = "comments.digest", .to = to, .subject = subject,
		                  .text = text };
		if ((rc = outbox_add(a, &m)) == DB_OK)
			r->mails++;
	}
	if (rc == DB_OK && r->mails == 0) {
		/* Nobody to tell: keep them for the digest that can be sent. */
		r->waiting = res.nrows;
		db_rollback();
		return DB_OK;
	}
	if (rc == DB_OK)
		rc = db_comments_digested(a, db_ll(&res, res.nrows - 1, DG_ID));
	if ((rc = db_end(rc)) == DB_OK)
		r->comments = res.nrows;
	return rc;
}
