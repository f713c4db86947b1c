/*
 * db_public.c - the online request's SQL (db_public.h): help_cases and
 * help_web_contacts written in the caller's transaction, areas read.
 * Nothing here reads a case back but its number.
 */
#include "help/db_public.h"

static struct db_stmt st_areas = DB_READ(
    "SELECT " DB_COLUMNS(HP_AREA_COLS) " FROM areas ORDER BY sort_order, id LIMIT 500",
    DB_NCOLS(HP_AREA_COLS));

int db_hp_areas(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_areas, res, "");
}

static struct db_stmt st_case = DB_WRITE(
    "INSERT INTO help_cases (beneficiary_id, area_id, type, errand, details, urgency,"
    " wanted_by, channel, status, caller_name, caller_phone, caller_relation, form_token)"
    " VALUES (NULL, NULLIF(?, 0), ?, ?, ?, ?, NOW() + INTERVAL ? HOUR, 'web', 'new',"
    " ?, ?, ?, ?)");
static struct db_stmt st_contact = DB_WRITE(
    "INSERT INTO help_web_contacts (case_id, name, phone, address, area_id, email)"
    " VALUES (?, ?, ?, ?, NULLIF(?, 0), ?)");

int db_hp_insert(struct arena *a, const struct hp_new *n, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_case, &res, "issssissss", n->area, n->type, n->errand,
	                n->details, n->urgency, n->hours, n->caller_name,
	                n->caller_phone, n->caller_relation, n->token);
	if (rc != DB_OK)
		return rc;
	*id = (long long)res.insert_id;
	return db_run(a, &st_contact, NULL, "isssis", *id, n->name, n->phone, n->address,
	              n->area, n->email);
}

static struct db_stmt st_by_token = DB_READ(
    "SELECT id, NULL FROM help_cases WHERE form_token = ?", 2);

int db_hp_by_token(struct arena *a, const char *token, long long *id)
{
	struct db_res res;
	*id = 0;
	int rc = db_run(a, &st_by_token, &res, "s", token);
	if (rc == DB_OK && res.nrows == 1)
		*id = db_ll(&res, 0, 0);
	return rc;
}
