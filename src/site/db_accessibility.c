/*
 * db_accessibility.c - the SQL of the accessibility feedback form: one row
 * per message, under its one-time token (UNIQUE), so a resubmission stores
 * nothing twice.
 */
#include "site/db_accessibility.h"

static struct db_stmt a11y_insert = DB_WRITE(
    "INSERT INTO accessibility_feedback (token, name, email, page_url, message, lang)"
    " VALUES (?, ?, ?, ?, ?, ?)");

int db_a11y_feedback(struct arena *a, const char *token, const char *name,
                     const char *email, const char *page_url,
                     const char *message, const char *lang)
{
	int rc = db_begin();
	if (rc != DB_OK)
		return rc;
	rc = db_run(a, &a11y_insert, NULL, "ssssss", token, name, email, page_url,
	            message, lang);
	if (rc != DB_OK) {
		db_rollback();
		return rc;
	}
	return db_commit();
}
