/*
 * db_pharmacy.c - the queries of help/pharmacy.c (see db_pharmacy.h).
 * Touches help_pharmacy_nonces, help_cases (pharmacy_state, pharmacy_at
 * only) and reads users (email).  Never the special-category tables
 * (help/health.c).
 */
#include "help/db_pharmacy.h"

static struct db_stmt st_nonce = DB_WRITE(
    "INSERT INTO help_pharmacy_nonces (nonce) VALUES (?)");
static struct db_stmt st_purge = DB_WRITE(
    "DELETE FROM help_pharmacy_nonces WHERE at < NOW() - INTERVAL ? SECOND"
    " ORDER BY at LIMIT 1000");
static struct db_stmt st_state = DB_WRITE(
    "UPDATE help_cases SET pharmacy_state = ?, pharmacy_at = NOW() WHERE id = ?");
static struct db_stmt st_undelivered = DB_WRITE(
    "UPDATE help_cases SET pharmacy_state = 'problem', pharmacy_at = NOW()"
    " WHERE id = ? AND pharmacy_state = 'queued'");
static struct db_stmt st_email = DB_READ(
    "SELECT email, NULL FROM users WHERE id = ? AND active = 1 AND email <> ''", 2);

int db_pharmacy_nonce_add(struct arena *a, const char *nonce)
{
	return db_run(a, &st_nonce, NULL, "s", nonce);
}

int db_pharmacy_nonces_purge(struct arena *a, unsigned long long seconds)
{
	return db_run(a, &st_purge, NULL, "u", seconds);
}

int db_pharmacy_set_state(struct arena *a, long long case_id, const char *state)
{
	return db_run(a, &st_state, NULL, "si", state, case_id);
}

int db_pharmacy_undelivered(struct arena *a, long long case_id, int *changed)
{
	struct db_res r;
	int rc = db_run(a, &st_undelivered, &r, "i", case_id);
	*changed = rc == DB_OK && r.affected == 1;
	return rc;
}

int db_pharmacy_user_email(struct arena *a, long long user_id, struct db_res *res)
{
	return db_run(a, &st_email, res, "i", user_id);
}
