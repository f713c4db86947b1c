/*
 * db_forms.c - one-time tokens and the rows public forms store.
 *
 * A token is issued with the form (no cookie, nothing stored on GET) and
 * stored in a UNIQUE column with what the form sent.  Submitting the same
 * form twice - a double click, a retry after a timeout, the back button -
 * finds the token taken and creates nothing new.
 */
#include "db_forms.h"

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "arena.h"
#include "log.h"

static struct db_stmt a11y_insert = DB_STMT(
    "INSERT INTO accessibility_feedback (token, name, email, page_url, message, lang)"
    " VALUES (?, ?, ?, ?, ?, ?)");

char *forms_token(struct arena *a)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	unsigned char r[33];
	if (getrandom(r, 32, 0) != 32) {
		log_error("msg=\"getrandom failed\"");
		abort();
	}
	r[32] = 0;
	char *t = arena_alloc(a, 44);
	size_t o = 0;
	for (size_t i = 0; i < 33 && o < 43; i += 3) {
		unsigned v = (unsigned)r[i] << 16 | (unsigned)r[i + 1] << 8 | r[i + 2];
		for (int k = 18; k >= 0 && o < 43; k -= 6)
			t[o++] = b64[(v >> k) & 63];
	}
	t[43] = '\0';
	return t;
}

int forms_token_valid(const char *t)
{
	if (t == NULL || strlen(t) != 43)
		return 0;
	return strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	                 "0123456789-_") == 43;
}

int db_forms_a11y_feedback(struct arena *a, const char *token, const char *name,
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
