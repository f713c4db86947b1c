/*
 * db_accessibility.c - the SQL of the accessibility feedback form: one row
 * per message, under its one-time token (UNIQUE), so a resubmission stores
 * nothing twice.
 */
#include "site/db_accessibility.h"

#include "core/log.h"
#include "mail/outbox.h"

static struct db_stmt a11y_insert = DB_WRITE(
    "INSERT INTO accessibility_feedback (token, name, email, page_url, message, lang)"
    " VALUES (?, ?, ?, ?, ?, ?)");
static struct db_stmt a11y_notified = DB_WRITE(
    "UPDATE accessibility_feedback SET notified_at = NOW() WHERE token = ?");

int db_a11y_feedback(struct arena *a, const char *token, const char *name,
                     const char *email, const char *page_url,
                     const char *message, const char *lang,
                     const struct mail *notice)
{
	int rc = db_begin();
	if (rc != DB_OK)
		return rc;
	rc = db_run(a, &a11y_insert, NULL, "ssssss", token, name, email, page_url,
	            message, lang);
	if (rc == DB_OK && notice != NULL) {
		/* The outbox only inserts a row: SMTP being down never matters
		 * here.  A refused notice (a bad feedback_email) is the
		 * configuration's fault and must not lose the citizen's
		 * message; DB_DOWN still fails the whole transaction. */
		int mrc = outbox_add(a, notice);
		if (mrc == DB_OK)
			rc = db_run(a, &a11y_notified, NULL, "s", token);
		else if (mrc == DB_DOWN)
			rc = mrc;
		else
			log_error("msg=\"accessibility feedback stored without a notice\"");
	}
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}
