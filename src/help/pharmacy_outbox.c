/*
 * pharmacy_outbox.c - a prescription's webhook that failed for good
 * (pharmacy_outbox.h).  Runs inside the outbox sender's transaction.
 * Reads the webhook's own body (the case number only); touches
 * help_cases (pharmacy_state, pharmacy_at) and help_case_events.
 */
#include "help/pharmacy_outbox.h"

#include <string.h>

#include "core/arena.h"
#include "core/json.h"
#include "core/log.h"
#include "db/db.h"
#include "help/db_help.h"
#include "help/db_pharmacy.h"

int help_pharmacy_undelivered(struct arena *a, const char *body, const char *reason)
{
	struct json_member *js;
	const char *why = NULL;
	long long id;
	if (body == NULL ||
	    json_parse_object(a, body, strlen(body), strlen(body) + 1, &js, &why) != 0 ||
	    !json_int(json_get(js, "case"), 1, 4294967295LL, &id)) {
		log_warn("msg=\"a failed pharmacy webhook names no case\" why=\"%s\"",
		         why ? why : "no case member");
		return DB_OK;
	}
	int changed = 0;
	int rc = db_pharmacy_undelivered(a, id, &changed);
	if (rc == DB_OK && changed)
		rc = db_help_event(a, id, 0, "pharmacy", "problem", 0,
		                   arena_printf(a, "Η συνταγή δεν παραδόθηκε στον Σύλλογο"
		                                " Φαρμακοποιών (%s). Ελέγξτε τη ρύθμιση και"
		                                " στείλτε την ξανά.", reason));
	if (rc == DB_OK && changed)
		log_warn("msg=\"prescription not delivered: case marked problem\" case=%lld", id);
	return rc;
}
