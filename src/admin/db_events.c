/*
 * db_events.c (admin) - the SQL of editing events (admin/db_events.h).
 * The staff list reads events_starts_all (starts_at, id) in one direction
 * from the cursor; the filters are checked on the rows met.
 */
#include "admin/db_events.h"

#include "core/arena.h"

/* Parameters: the pattern 4 times, the status 4, when 2. */
#define FILTER                                                               \
	" (? = '' OR e.title LIKE ? ESCAPE '!' OR e.title_en LIKE ? ESCAPE '!'"\
	"  OR e.place LIKE ? ESCAPE '!')"                                      \
	" AND (? = 0 OR (? = 1 AND e.status = 'draft')"                        \
	"  OR (? = 2 AND e.status = 'published' AND e.publish_at > NOW())"     \
	"  OR (? = 3 AND " SQL_EVENT_PUBLIC("e") "))"                          \
	" AND (? = 0 OR (? = 1) = (COALESCE(e.ends_at, e.starts_at) >= NOW()))"
#define FROM "SELECT " DB_COLUMNS(ADM_EVENT_LIST_COLS) " FROM events e WHERE"

static struct db_stmt st_after = DB_READ(
    FROM FILTER " AND (? IS NULL OR e.starts_at > ? OR (e.starts_at = ? AND e.id > ?))"
    " ORDER BY e.starts_at, e.id LIMIT ?", DB_NCOLS(ADM_EVENT_LIST_COLS));
static struct db_stmt st_before = DB_READ(
    FROM FILTER " AND (? IS NULL OR e.starts_at < ? OR (e.starts_at = ? AND e.id < ?))"
    " ORDER BY e.starts_at DESC, e.id DESC LIMIT ?", DB_NCOLS(ADM_EVENT_LIST_COLS));

int db_adm_events_page(struct arena *a, int when, int status, const char *like,
                       const char *at, long long id, long long limit,
                       struct db_res *res)
{
	long long s = status, w = when;
	return db_run(a, when == 1 ? &st_after : &st_before, res, "ssssiiiiiisssii",
	              like, like, like, like, s, s, s, s, w, w, at, at, at, id, limit);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(ADM_EVENT_COLS) " FROM events WHERE id = ?",
    DB_NCOLS(ADM_EVENT_COLS));
static struct db_stmt st_get_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(ADM_EVENT_COLS) " FROM events WHERE id = ? FOR UPDATE");

int db_adm_event_get(struct arena *a, long long id, int lock, struct db_res *res)
{
	return db_run(a, lock ? &st_get_lock : &st_get, res, "i", id);
}

#define EVENT_SET                                                            \
	" slug = ?, title = ?, title_en = ?, summary = ?, summary_en = ?,"    \
	" body = ?, body_en = ?, body_html = ?, body_en_html = ?,"            \
	" starts_at = ?, ends_at = ?, place = ?, place_en = ?, lat = ?,"      \
	" lon = ?, status = ?, publish_at = ?, updated_by = ?"
#define EVENT_FMT "sssssssssssssssssi"
#define EVENT_ARGS(e)                                                        \
	(e)->slug, (e)->title, (e)->title_en, (e)->summary, (e)->summary_en,  \
	(e)->body, (e)->body_en, (e)->body_html, (e)->body_en_html,           \
	(e)->starts_at, (e)->ends_at, (e)->place, (e)->place_en, (e)->lat,   \
	(e)->lon, (e)->status, (e)->publish_at, (e)->user_id

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO events SET" EVENT_SET ", create_token = ?");
static struct db_stmt st_by_token = DB_READ(
    "SELECT id FROM events WHERE create_token = ?", 1);
static struct db_stmt st_update = DB_WRITE(
    "UPDATE events SET" EVENT_SET " WHERE id = ?");
static struct db_stmt st_delete = DB_WRITE("DELETE FROM events WHERE id = ?");

int db_adm_event_insert(struct arena *a, const struct adm_event *e,
                        const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_insert, &res, EVENT_FMT "s", EVENT_ARGS(e), token);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	if (rc == DB_DUP && db_run(a, &st_by_token, &res, "s", token) == DB_OK &&
	    res.nrows == 1)
		*id = db_ll(&res, 0, 0);
	return rc;
}

int db_adm_event_update(struct arena *a, long long id, const struct adm_event *e)
{
	return db_run(a, &st_update, NULL, EVENT_FMT "i", EVENT_ARGS(e), id);
}

int db_adm_event_delete(struct arena *a, long long id)
{
	return db_run(a, &st_delete, NULL, "i", id);
}
