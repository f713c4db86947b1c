/*
 * db_requests.c - the public side's SQL of citizens' requests
 * (db_requests.h).
 */
#include "requests/db_requests.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "media/db_media.h"
#include "requests/mail.h"

static struct db_stmt st_categories = DB_READ(
    "SELECT " DB_COLUMNS(RQ_CAT_COLS) " FROM request_categories c"
    " JOIN request_groups g ON g.id = c.group_id WHERE c.active = 1"
    " ORDER BY g.sort_order, c.sort_order, c.id", DB_NCOLS(RQ_CAT_COLS));
static struct db_stmt st_areas = DB_READ(
    "SELECT " DB_COLUMNS(RQ_AREA_COLS) " FROM areas ORDER BY sort_order, id",
    DB_NCOLS(RQ_AREA_COLS));

int db_rq_categories(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_categories, res, "");
}

int db_rq_areas(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_areas, res, "");
}

/* The year's next number: the row is locked until the transaction ends,
 * so concurrent submissions wait their turn and a rolled-back one gives
 * its number back. */
static struct db_stmt st_counter = DB_WRITE(
    "INSERT INTO protocol_counters (year, last) VALUES (?, LAST_INSERT_ID(1))"
    " ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)");
static struct db_stmt st_last = DB_WRITE("SELECT LAST_INSERT_ID()");
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO requests (code, year, protocol_no, token, category_id,"
    " department_id, area_id, description, address, name, email, phone,"
    " consent_at, lang, due_date, lat, lon, channel, created_by)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), ?, ?, ?, ?, ?, ?)");
static struct db_stmt st_answer = DB_WRITE(
    "INSERT INTO request_answers (request_id, question_id, value) VALUES (?, ?, ?)");
static struct db_stmt st_photo = DB_WRITE(
    "INSERT INTO request_photos (request_id, position, item_id) VALUES (?, ?, ?)");
static struct db_stmt st_first_event = DB_WRITE(
    "INSERT INTO request_events (request_id, status_to) VALUES (?, 'submitted')");
static struct db_stmt st_by_token = DB_READ(
    "SELECT code, protocol_no FROM requests WHERE token = ?", 2);

int db_rq_submit(struct arena *a, const struct rq_new *n, const char **code,
                 long long *protocol)
{
	struct db_res res;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_run(a, &st_counter, NULL, "i", (long long)n->year);
	if (rc == DB_OK)
		rc = db_run(a, &st_last, &res, "");
	long long no = rc == DB_OK && res.nrows ? db_ll(&res, 0, 0) : 0;
	*code = arena_printf(a, "%04d-%06lld", n->year, no);
	*protocol = no;
	if (rc == DB_OK)
		rc = db_run(a, &st_insert, &res, "siisssssssssssssss", *code,
		            (long long)n->year, no, n->token,
		            arena_printf(a, "%lld", n->category),
		            n->department ? arena_printf(a, "%lld", n->department) : NULL,
		            n->area ? arena_printf(a, "%lld", n->area) : NULL,
		            n->description, n->address, n->name, n->email, n->phone,
		            n->lang, n->due_date, n->lat, n->lon,
		            n->channel ? n->channel : "web",
		            n->created_by ? arena_printf(a, "%lld", n->created_by) : NULL);
	long long id = rc == DB_OK ? (long long)res.insert_id : 0;
	/* The confirmation and the department's notice commit with it. */
	if (rc == DB_OK)
		rc = rq_mail_submitted(a, n, *code, no);
	if (rc == DB_OK)
		rc = db_run(a, &st_first_event, NULL, "i", id);
	for (size_t i = 0; rc == DB_OK && i < n->nanswers; i++)
		rc = db_run(a, &st_answer, NULL, "iis", id, n->answers[i].question,
		            n->answers[i].value);
	for (int i = 0, pos = 1; rc == DB_OK && i < 3; i++) {
		if (n->photos[i] == NULL)
			continue;
		long long item;
		rc = db_media_store(a, n->photos[i], "",
		                    arena_printf(a, "Φωτογραφία του αιτήματος %s (%d)", *code, pos),
		                    arena_printf(a, "Photo of request %s (%d)", *code, pos),
		                    n->created_by, &item);
		if (rc == DB_OK)
			rc = db_run(a, &st_photo, NULL, "iii", id, (long long)pos++, item);
	}
	if (rc == DB_DUP) {
		db_rollback();
		if (db_run(a, &st_by_token, &res, "s", n->token) == DB_OK && res.nrows) {
			*code = db_str(&res, 0, 0);
			*protocol = db_ll(&res, 0, 1);
		}
		return DB_DUP;
	}
	return db_end(rc);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(RQ_SHOW_COLS) " FROM requests r"
    " JOIN request_categories c ON c.id = r.category_id"
    " LEFT JOIN areas a ON a.id = r.area_id WHERE r.code = ?",
    DB_NCOLS(RQ_SHOW_COLS));
static struct db_stmt st_events = DB_READ(
    "SELECT " DB_COLUMNS(RQ_EVENT_COLS) " FROM request_events e"
    " WHERE e.request_id = ? AND (e.status_to IS NOT NULL OR e.reply IS NOT NULL)"
    " ORDER BY e.id LIMIT 200", DB_NCOLS(RQ_EVENT_COLS));

int db_rq_get(struct arena *a, const char *code, struct db_res *res)
{
	return db_run(a, &st_get, res, "s", code);
}

int db_rq_events(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_events, res, "i", id);
}

static struct db_stmt st_questions = DB_READ(
    "SELECT " DB_COLUMNS(RQ_Q_COLS) " FROM request_questions q"
    " WHERE q.category_id = ? AND q.active = 1 ORDER BY q.sort_order, q.id LIMIT 50",
    DB_NCOLS(RQ_Q_COLS));
static struct db_stmt st_choices = DB_READ(
    "SELECT " DB_COLUMNS(RQ_CH_COLS) " FROM request_question_choices h"
    " JOIN request_questions q ON q.id = h.question_id"
    " WHERE q.category_id = ? AND q.active = 1"
    " ORDER BY h.question_id, h.sort_order, h.id LIMIT 500",
    DB_NCOLS(RQ_CH_COLS));

int db_rq_questions(struct arena *a, long long category, struct db_res *res)
{
	return db_run(a, &st_questions, res, "i", category);
}

int db_rq_choices(struct arena *a, long long category, struct db_res *res)
{
	return db_run(a, &st_choices, res, "i", category);
}

/* The box around the point first (the index requests_near: category,
 * then a range of latitudes), then the distance on the sphere. */
static struct db_stmt st_near = DB_READ(
    "SELECT " DB_COLUMNS(RQ_NEAR_COLS) " FROM requests r"
    " WHERE r.category_id = ? AND r.lat BETWEEN ? AND ? AND r.lon BETWEEN ? AND ?"
    " AND r.status NOT IN ('resolved', 'rejected', 'duplicate', 'not_ours')"
    " AND ST_Distance_Sphere(POINT(r.lon, r.lat), POINT(?, ?)) <= ?"
    " ORDER BY 6 LIMIT 5", DB_NCOLS(RQ_NEAR_COLS));

int db_rq_near(struct arena *a, long long category, double lat, double lon,
               int metres, struct db_res *res)
{
	/* Degrees of latitude are ~111 km everywhere; degrees of longitude
	 * shrink with cos(latitude): 1.6 is enough up to 50 degrees. */
	double dlat = metres / 111000.0, dlon = dlat * 1.6;
	const char *la = arena_printf(a, "%.6f", lat), *lo = arena_printf(a, "%.6f", lon);
	return db_run(a, &st_near, res, "ssissssssi", lo, la, category,
	              arena_printf(a, "%.6f", lat - dlat), arena_printf(a, "%.6f", lat + dlat),
	              arena_printf(a, "%.6f", lon - dlon), arena_printf(a, "%.6f", lon + dlon),
	              lo, la, (long long)metres);
}

static struct db_stmt st_photos = DB_READ(
    "SELECT " DB_COLUMNS(RQ_PHOTO_COLS) " FROM request_photos p"
    " JOIN media_items i ON i.id = p.item_id"
    " JOIN media_variants v ON v.item_id = p.item_id"
    " JOIN media m ON m.sha256 = v.sha256"
    " WHERE p.request_id = ? AND p.hidden = 0 ORDER BY p.position, m.width LIMIT 30",
    DB_NCOLS(RQ_PHOTO_COLS));

int db_rq_photos(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_photos, res, "i", id);
}

static struct db_stmt st_lock = DB_WRITE(
    "SELECT status, confirmed_at IS NOT NULL FROM requests WHERE id = ? FOR UPDATE");
static struct db_stmt st_confirm = DB_WRITE(
    "UPDATE requests SET confirmed_at = NOW() WHERE id = ?");
static struct db_stmt st_reopen = DB_WRITE(
    "UPDATE requests SET status = 'reopened', resolved_at = NULL WHERE id = ?");
static struct db_stmt st_rep_event = DB_WRITE(
    "INSERT INTO request_events (request_id, status_from, status_to, note, change_note, source)"
    " VALUES (?, ?, ?, ?, ?, 'reporter')");

int db_rq_reporter(struct arena *a, long long id, int dispute, const char *comment,
                   int *changed)
{
	struct db_res res;
	*changed = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_run(a, &st_lock, &res, "i", id);
	if (rc == DB_OK && res.nrows == 1 && strcmp(db_str(&res, 0, 0), "resolved") == 0 &&
	    (dispute || !db_ll(&res, 0, 1))) {
		if (dispute) {
			rc = db_run(a, &st_reopen, NULL, "i", id);
			if (rc == DB_OK)
				rc = db_run(a, &st_rep_event, NULL, "issss", id, "resolved", "reopened",
				            comment, "Ο/η αιτών/ούσα αμφισβήτησε τη λύση");
			if (rc == DB_OK)
				rc = rq_mail_disputed(a, id, comment);
		} else {
			rc = db_run(a, &st_confirm, NULL, "i", id);
			if (rc == DB_OK)
				rc = db_run(a, &st_rep_event, NULL, "issss", id, NULL, NULL, NULL,
				            "Ο/η αιτών/ούσα επιβεβαίωσε ότι διορθώθηκε");
		}
		*changed = rc == DB_OK;
	}
	return db_end(rc);
}

static struct db_stmt st_dept_mail = DB_READ(
    "SELECT NULLIF(email, '') FROM departments WHERE id = ?", 1);
static struct db_stmt st_dispute_facts = DB_READ(
    "SELECT r.code, CONCAT(c.name_el, ', ', r.address), NULLIF(d.email, '')"
    " FROM requests r JOIN request_categories c ON c.id = r.category_id"
    " LEFT JOIN departments d ON d.id = r.department_id WHERE r.id = ?", 3);

int db_rq_department_mail(struct arena *a, long long department, struct db_res *res)
{
	return db_run(a, &st_dept_mail, res, "i", department);
}

int db_rq_dispute_facts(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_dispute_facts, res, "i", id);
}
