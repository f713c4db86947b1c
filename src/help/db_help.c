/*
 * db_help.c - the queries of the support desk's ordinary data: cases,
 * residents, history (see db_help.h).  Never the special-category
 * tables (help/health.c).
 */
#include "help/db_help.h"

#include "core/arena.h"

#define CASE_FROM                                                              \
	" FROM help_cases c LEFT JOIN help_beneficiaries b ON b.id = c.beneficiary_id" \
	" LEFT JOIN help_web_contacts w ON w.case_id = c.id WHERE c.id = ?"

static struct db_stmt st_case = DB_READ(
    "SELECT " DB_COLUMNS(HELP_CASE_COLS) CASE_FROM, DB_NCOLS(HELP_CASE_COLS));
static struct db_stmt st_case_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(HELP_CASE_COLS) CASE_FROM " FOR UPDATE");

int db_help_case(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_case, res, "i", id);
}

int db_help_case_lock(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_case_lock, res, "i", id);
}

static struct db_stmt st_event = DB_WRITE(
    "INSERT INTO help_case_events (case_id, user_id, kind, status, assignee_id, note)"
    " VALUES (?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?)");

int db_help_event(struct arena *a, long long case_id, long long user_id,
                  const char *kind, const char *status, long long assignee_id,
                  const char *note)
{
	return db_run(a, &st_event, NULL, "iissis", case_id, user_id, kind,
	              status ? status : "", assignee_id, note ? note : "");
}

static struct db_stmt st_events = DB_READ(
    "SELECT " DB_COLUMNS(HELP_EVENT_COLS) " FROM help_case_events e"
    " LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ? ORDER BY e.id LIMIT 500",
    DB_NCOLS(HELP_EVENT_COLS));

int db_help_events(struct arena *a, long long case_id, struct db_res *res)
{
	return db_run(a, &st_events, res, "i", case_id);
}

/* ---- the queue --------------------------------------------------------- */

#define OPEN_STATUSES "('new','assigned','in_progress')"
#define QUEUE_FILTERS                                                          \
	" ((? = 'open' AND c.status IN " OPEN_STATUSES ") OR ? = '' OR c.status = ?)" \
	" AND (? = '' OR c.type = ?) AND (? = 0 OR c.area_id = ?)"              \
	" AND (? = 0 OR c.assignee_id = ?)"                                     \
	" AND (? = 0 OR (c.wanted_by < NOW() AND c.status IN " OPEN_STATUSES "))" \
	" AND (? = 0 OR c.beneficiary_id IS NULL)"                              \
	" AND (? IS NULL OR (c.wanted_by, c.id) > (?, ?))"

/* help_cases_queue (status, wanted_by, id) serves every status filter; the
 * open ones are three ranges of it, merged by the sort (open cases are
 * the few of the table: closed ones, the many, are never sorted). */
static struct db_stmt st_queue = DB_READ(
    "SELECT " DB_COLUMNS(HELP_CASE_COLS) " FROM help_cases c"
    " LEFT JOIN help_beneficiaries b ON b.id = c.beneficiary_id"
    " LEFT JOIN help_web_contacts w ON w.case_id = c.id"
    " WHERE" QUEUE_FILTERS " ORDER BY c.wanted_by, c.id LIMIT ?",
    DB_NCOLS(HELP_CASE_COLS));

int db_help_queue(struct arena *a, const struct help_queue_filter *f,
                  const char *after_at, long long after_id, size_t limit,
                  struct db_res *res)
{
	const char *st = f->status ? f->status : "";
	const char *ty = f->type ? f->type : "";
	return db_run(a, &st_queue, res, "sssssiiiiiissiu", st, st, st, ty, ty,
	              f->area_id, f->area_id, f->assignee_id, f->assignee_id,
	              (long long)f->overdue, (long long)f->unmatched,
	              after_at, after_at, after_id, (unsigned long long)limit + 1);
}

static struct db_stmt st_counts = DB_READ(
    "SELECT (SELECT COUNT(*) FROM help_cases WHERE status IN " OPEN_STATUSES
    " AND wanted_by < NOW()),"
    " (SELECT COUNT(*) FROM help_cases WHERE status IN " OPEN_STATUSES
    " AND beneficiary_id IS NULL)", 2);

int db_help_counts(struct arena *a, long long *overdue, long long *unmatched)
{
	struct db_res res;
	int rc = db_run(a, &st_counts, &res, "");
	*overdue = rc == DB_OK ? db_ll(&res, 0, 0) : 0;
	*unmatched = rc == DB_OK ? db_ll(&res, 0, 1) : 0;
	return rc;
}

/* ---- the registry -------------------------------------------------------- */

/* Each arm one index range (help_ben_phone, help_ben_phone2,
 * help_ben_name); '' matches nothing but is never asked alone. */
static struct db_stmt st_find = DB_READ(
    "SELECT " DB_COLUMNS(HELP_PERSON_COLS) " FROM help_beneficiaries b WHERE b.id IN ("
    " SELECT id FROM (SELECT id FROM help_beneficiaries WHERE ? <> '' AND phone LIKE CONCAT(?, '%')"
    " LIMIT 200) p1 UNION SELECT id FROM (SELECT id FROM help_beneficiaries"
    " WHERE ? <> '' AND phone2 LIKE CONCAT(?, '%') LIMIT 200) p2"
    " UNION SELECT id FROM (SELECT id FROM help_beneficiaries WHERE ? <> ''"
    " AND last_name LIKE CONCAT(?, '%') LIMIT 200) p3)"
    " AND b.anonymised_at IS NULL ORDER BY b.last_name, b.first_name, b.id LIMIT ?",
    DB_NCOLS(HELP_PERSON_COLS));

/* s with LIKE's wildcards escaped. */
static const char *like_prefix(struct arena *a, const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p; p++)
		n += (*p == '%' || *p == '_' || *p == '\\') ? 2 : 1;
	char *o = arena_alloc(a, n + 1), *q = o;
	for (const char *p = s; *p; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			*q++ = '\\';
		*q++ = *p;
	}
	*q = '\0';
	return o;
}

int db_help_people_find(struct arena *a, const char *phone, const char *name,
                        size_t limit, struct db_res *res)
{
	const char *ph = like_prefix(a, phone ? phone : "");
	const char *nm = like_prefix(a, name ? name : "");
	return db_run(a, &st_find, res, "ssssssu", ph, ph, ph, ph, nm, nm,
	              (unsigned long long)limit);
}

static struct db_stmt st_person = DB_READ(
    "SELECT " DB_COLUMNS(HELP_PERSON_COLS) " FROM help_beneficiaries b WHERE b.id = ?",
    DB_NCOLS(HELP_PERSON_COLS));

int db_help_person(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_person, res, "i", id);
}

static struct db_stmt st_person_add = DB_WRITE(
    "INSERT INTO help_beneficiaries (first_name, last_name, phone, phone2, address,"
    " area_id, household, lang, consent_at, consent_how, consent_by, created_by)"
    " VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, IF(? IS NULL, NULL, NOW()), ?,"
    " IF(? IS NULL, NULL, NULLIF(?, 0)), NULLIF(?, 0))");

int db_help_person_add(struct arena *a, const struct help_person *p,
                       long long user_id, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_person_add, &res, "sssssisssssii", p->first, p->last,
	                p->phone, p->phone2 ? p->phone2 : "", p->address ? p->address : "",
	                p->area_id, p->household ? p->household : "", p->lang ? p->lang : "el",
	                p->consent_how, p->consent_how, p->consent_how, user_id, user_id);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	return rc;
}

static struct db_stmt st_person_save = DB_WRITE(
    "UPDATE help_beneficiaries SET first_name = ?, last_name = ?, phone = ?, phone2 = ?,"
    " address = ?, area_id = NULLIF(?, 0), household = ?, lang = ?,"
    " consent_at = IF(consent_how <=> ?, consent_at, IF(? IS NULL, NULL, NOW())),"
    " consent_by = IF(consent_how <=> ?, consent_by, IF(? IS NULL, NULL, NULLIF(?, 0))),"
    " consent_how = ? WHERE id = ? AND anonymised_at IS NULL");

int db_help_person_save(struct arena *a, long long id, const struct help_person *p,
                        long long user_id)
{
	const char *h = p->consent_how;
	return db_run(a, &st_person_save, NULL, "sssssissssssisi", p->first, p->last,
	              p->phone, p->phone2 ? p->phone2 : "", p->address ? p->address : "",
	              p->area_id, p->household ? p->household : "", p->lang ? p->lang : "el",
	              h, h, h, h, user_id, h, id);
}

static struct db_stmt st_person_cases = DB_READ(
    "SELECT " DB_COLUMNS(HELP_CASE_COLS) " FROM help_cases c"
    " LEFT JOIN help_beneficiaries b ON b.id = c.beneficiary_id"
    " LEFT JOIN help_web_contacts w ON w.case_id = c.id"
    " WHERE c.beneficiary_id = ? ORDER BY c.id DESC LIMIT ?",
    DB_NCOLS(HELP_CASE_COLS));

int db_help_person_cases(struct arena *a, long long id, size_t limit, struct db_res *res)
{
	return db_run(a, &st_person_cases, res, "iu", id, (unsigned long long)limit);
}

/* ---- cases ----------------------------------------------------------------- */

static struct db_stmt st_case_add = DB_WRITE(
    "INSERT INTO help_cases (beneficiary_id, area_id, type, errand, details, urgency,"
    " wanted_by, channel, caller_name, caller_phone, caller_relation, form_token, created_by)"
    " VALUES (NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0))");
static struct db_stmt st_case_by_token = DB_READ(
    "SELECT id FROM help_cases WHERE form_token = ?", 1);
static struct db_stmt st_touch_person = DB_WRITE(
    "UPDATE help_beneficiaries SET last_case_at = NOW() WHERE id = ?");

int db_help_case_add(struct arena *a, const struct help_case_new *n,
                     long long user_id, long long *id)
{
	struct db_res res;
	*id = 0;
	int rc = db_run(a, &st_case_add, &res, "iissssssssssi", n->beneficiary_id,
	                n->area_id, n->type, n->errand, n->details ? n->details : "",
	                n->urgency, n->wanted_by, n->channel, n->caller_name ? n->caller_name : "",
	                n->caller_phone ? n->caller_phone : "",
	                n->caller_relation ? n->caller_relation : "", n->token, user_id);
	if (rc == DB_DUP) {
		struct db_res t;
		if (db_run(a, &st_case_by_token, &t, "s", n->token) == DB_OK && t.nrows == 1)
			*id = db_ll(&t, 0, 0);
		return DB_DUP;
	}
	if (rc != DB_OK)
		return rc;
	*id = (long long)res.insert_id;
	rc = db_help_event(a, *id, user_id, "created", "new", 0, "");
	if (rc == DB_OK && n->beneficiary_id > 0)
		rc = db_run(a, &st_touch_person, NULL, "i", n->beneficiary_id);
	return rc;
}

int db_help_case_by_token(struct arena *a, const char *token, long long *id)
{
	struct db_res t;
	*id = 0;
	int rc = db_run(a, &st_case_by_token, &t, "s", token);
	if (rc == DB_OK && t.nrows == 1)
		*id = db_ll(&t, 0, 0);
	return rc;
}

static struct db_stmt st_status = DB_WRITE(
    "UPDATE help_cases SET status = ?,"
    " closed_at = IF(? IN ('done','cancelled','unreachable'), NOW(), NULL),"
    " assignee_id = IF(? = 'new', NULL, assignee_id),"
    " assigned_at = IF(? = 'new', NULL, assigned_at) WHERE id = ?");

int db_help_case_status(struct arena *a, long long id, const char *status)
{
	return db_run(a, &st_status, NULL, "ssssi", status, status, status, status, id);
}

static struct db_stmt st_assign = DB_WRITE(
    "UPDATE help_cases SET status = 'assigned', assignee_id = ?, assigned_at = NOW(),"
    " closed_at = NULL WHERE id = ?");

int db_help_case_assign(struct arena *a, long long id, long long user_id)
{
	return db_run(a, &st_assign, NULL, "ii", user_id, id);
}

static struct db_stmt st_link = DB_WRITE(
    "UPDATE help_cases c JOIN help_beneficiaries b ON b.id = ?"
    " SET c.beneficiary_id = b.id, c.area_id = COALESCE(b.area_id, c.area_id),"
    " b.last_case_at = NOW() WHERE c.id = ? AND c.beneficiary_id IS NULL");
static struct db_stmt st_web_del = DB_WRITE(
    "DELETE FROM help_web_contacts WHERE case_id = ?");

int db_help_case_link(struct arena *a, long long id, long long beneficiary_id)
{
	int rc = db_run(a, &st_link, NULL, "ii", beneficiary_id, id);
	if (rc == DB_OK)
		rc = db_run(a, &st_web_del, NULL, "i", id);
	return rc;
}

static struct db_stmt st_edit = DB_WRITE(
    "UPDATE help_cases SET details = ?, urgency = ?, wanted_by = ? WHERE id = ?");

int db_help_case_edit(struct arena *a, long long id, const char *details,
                      const char *urgency, const char *wanted_by)
{
	return db_run(a, &st_edit, NULL, "sssi", details, urgency, wanted_by, id);
}

/* help_cases_assignee (assignee_id, status, wanted_by, id): the open ones
 * are three short ranges; the closed ones the newest by id of the rest. */
static struct db_stmt st_tasks = DB_READ(
    "(SELECT " DB_COLUMNS(HELP_CASE_COLS) ", 0 AS closed_part, c.wanted_by AS k1, c.id AS k2"
    " FROM help_cases c LEFT JOIN help_beneficiaries b ON b.id = c.beneficiary_id"
    " LEFT JOIN help_web_contacts w ON w.case_id = c.id"
    " WHERE c.assignee_id = ? AND c.status IN " OPEN_STATUSES
    " ORDER BY c.wanted_by, c.id LIMIT ?)"
    " UNION ALL (SELECT " DB_COLUMNS(HELP_CASE_COLS) ", 1, c.closed_at, -c.id"
    " FROM help_cases c LEFT JOIN help_beneficiaries b ON b.id = c.beneficiary_id"
    " LEFT JOIN help_web_contacts w ON w.case_id = c.id"
    " WHERE ? = 1 AND c.assignee_id = ? AND c.status IN ('done','cancelled','unreachable')"
    " ORDER BY c.id DESC LIMIT ?) ORDER BY closed_part, k1, k2", 0);

int db_help_tasks(struct arena *a, long long user_id, int closed, size_t limit,
                  struct db_res *res)
{
	return db_run(a, &st_tasks, res, "iuiiu", user_id, (unsigned long long)limit,
	              (long long)closed, user_id, (unsigned long long)limit);
}

static struct db_stmt st_contact = DB_READ(
    "SELECT " DB_COLUMNS(HELP_CONTACT_COLS) " FROM users u"
    " LEFT JOIN help_volunteers v ON v.user_id = u.id WHERE u.id = ?",
    DB_NCOLS(HELP_CONTACT_COLS));

int db_help_contact(struct arena *a, long long user_id, struct db_res *res)
{
	return db_run(a, &st_contact, res, "i", user_id);
}
