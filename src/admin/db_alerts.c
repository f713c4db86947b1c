/*
 * db_alerts.c (admin) - the SQL of editing the alert banner
 * (admin/db_alerts.h).  Alerts are few: the list reads alerts_active
 * (ends_at, starts_at) backwards from the cursor.
 */
#include "admin/db_alerts.h"

#include "core/arena.h"

static struct db_stmt st_page = DB_READ(
    "SELECT " DB_COLUMNS(ADM_ALERT_LIST_COLS) " FROM alerts a"
    " WHERE (? = '' OR a.message LIKE ? ESCAPE '!' OR a.message_en LIKE ? ESCAPE '!')"
    " AND (? = '' OR " SQL_ALERT_STATE("a") " = ?)"
    " AND (? IS NULL OR a.ends_at < ? OR (a.ends_at = ? AND a.id < ?))"
    " ORDER BY a.ends_at DESC, a.id DESC LIMIT ?", DB_NCOLS(ADM_ALERT_LIST_COLS));

int db_adm_alerts_page(struct arena *a, const char *state, const char *like,
                       const char *at, long long id, long long limit,
                       struct db_res *res)
{
	return db_run(a, &st_page, res, "ssssssssii", like, like, like, state, state,
	              at, at, at, id, limit);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(ADM_ALERT_COLS) " FROM alerts WHERE id = ?",
    DB_NCOLS(ADM_ALERT_COLS));
static struct db_stmt st_get_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(ADM_ALERT_COLS) " FROM alerts WHERE id = ? FOR UPDATE");

int db_adm_alert_get(struct arena *a, long long id, int lock, struct db_res *res)
{
	return db_run(a, lock ? &st_get_lock : &st_get, res, "i", id);
}

#define ALERT_SET                                                            \
	" severity = ?, message = ?, message_en = ?, starts_at = ?, ends_at = ?,"\
	" updated_by = ?"
#define ALERT_FMT "sssssi"
#define ALERT_ARGS(x)                                                        \
	(x)->severity, (x)->message, (x)->message_en, (x)->starts_at,         \
	(x)->ends_at, (x)->user_id

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO alerts SET" ALERT_SET ", create_token = ?");
static struct db_stmt st_by_token = DB_READ(
    "SELECT id FROM alerts WHERE create_token = ?", 1);
static struct db_stmt st_update = DB_WRITE(
    "UPDATE alerts SET" ALERT_SET " WHERE id = ?");
static struct db_stmt st_end = DB_WRITE(
    "UPDATE alerts SET starts_at = LEAST(starts_at, NOW()), ends_at = NOW(),"
    " updated_by = ? WHERE id = ? AND ends_at > NOW()");
static struct db_stmt st_delete = DB_WRITE("DELETE FROM alerts WHERE id = ?");

int db_adm_alert_insert(struct arena *a, const struct adm_alert *al,
                        const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_insert, &res, ALERT_FMT "s", ALERT_ARGS(al), token);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	if (rc == DB_DUP && db_run(a, &st_by_token, &res, "s", token) == DB_OK &&
	    res.nrows == 1)
		*id = db_ll(&res, 0, 0);
	return rc;
}

int db_adm_alert_update(struct arena *a, long long id, const struct adm_alert *al)
{
	return db_run(a, &st_update, NULL, ALERT_FMT "i", ALERT_ARGS(al), id);
}

int db_adm_alert_end(struct arena *a, long long id, long long user_id)
{
	return db_run(a, &st_end, NULL, "ii", user_id, id);
}

int db_adm_alert_delete(struct arena *a, long long id)
{
	return db_run(a, &st_delete, NULL, "i", id);
}
