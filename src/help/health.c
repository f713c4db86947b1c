/*
 * health.c - the only reader of the support desk's special-category
 * tables (help_health, help_case_health, help_health_notes): who may
 * read, the audit row before the data, and the writes with theirs.
 * Touches those three tables and audit_log (through admin/audit.c).
 */
#include "help/health.h"

#include <string.h>

#include "admin/audit.h"
#include "core/arena.h"
#include "db/public.h"
#include "help/help.h"
#include "http/perm.h"
#include "http/session.h"

int help_health_all(const struct ctx *c)
{
	return c->staff != NULL && (c->staff->perms & PERM_BIT(PERM_HELP_HEALTH));
}

int help_health_may(const struct ctx *c, const char *type, long long assignee_id)
{
	if (help_health_all(c))
		return 1;
	const struct staff *s = c->staff;
	return s != NULL && (s->roles & PERM_BIT(ROLE_PROFESSIONAL)) &&
	       (s->perms & PERM_BIT(PERM_HELP_TASKS)) && help_type_professional(type) &&
	       assignee_id > 0 && assignee_id == s->id;
}

static int audit_read(struct ctx *c, const char *type, long long id, const char *why)
{
	return audit_staff(c, "help_health_read", type, arena_printf(c->r->a, "%lld", id),
	                   why ? why : "");
}

#define CASE_COLS(X) X(CH_PRESC, "prescriptions") X(CH_AMKA, "amka") X(CH_DETAILS, "details")
enum { DB_COLS_ENUM(CASE_COLS, CH__END) };
static struct db_stmt st_case = DB_READ(
    "SELECT " DB_COLUMNS(CASE_COLS) " FROM help_case_health WHERE case_id = ?",
    DB_NCOLS(CASE_COLS));

int help_health_case_read(struct ctx *c, long long case_id, const char *why,
                          struct help_case_health *h)
{
	memset(h, 0, sizeof(*h));
	h->prescriptions = h->amka = h->details = "";
	int rc = audit_read(c, "help_case", case_id, why);
	if (rc != DB_OK)
		return rc;
	struct db_res res;
	rc = db_run(c->r->a, &st_case, &res, "i", case_id);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	h->present = 1;
	h->prescriptions = db_str(&res, 0, CH_PRESC);
	h->amka = db_str(&res, 0, CH_AMKA);
	h->details = db_str(&res, 0, CH_DETAILS);
	return DB_OK;
}

#define PERSON_COLS(X) X(PH_VULN, "vulnerability") X(PH_COND, "conditions") X(PH_AMKA, "amka")
enum { DB_COLS_ENUM(PERSON_COLS, PH__END) };
static struct db_stmt st_person = DB_READ(
    "SELECT " DB_COLUMNS(PERSON_COLS) " FROM help_health WHERE beneficiary_id = ?",
    DB_NCOLS(PERSON_COLS));

int help_health_person_read(struct ctx *c, long long beneficiary_id, const char *why,
                            struct help_person_health *h)
{
	memset(h, 0, sizeof(*h));
	h->vulnerability = h->conditions = h->amka = "";
	int rc = audit_read(c, "help_beneficiary", beneficiary_id, why);
	if (rc != DB_OK)
		return rc;
	struct db_res res;
	rc = db_run(c->r->a, &st_person, &res, "i", beneficiary_id);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	h->present = 1;
	h->vulnerability = db_str(&res, 0, PH_VULN);
	h->conditions = db_str(&res, 0, PH_COND);
	h->amka = db_str(&res, 0, PH_AMKA);
	return DB_OK;
}

#define NOTE_COLS(X) X(N_AT, SQL_DT("n.at")) X(N_AUTHOR, "COALESCE(u.display_name, '')") \
	X(N_BODY, "n.body")
enum { DB_COLS_ENUM(NOTE_COLS, N__END) };
static struct db_stmt st_notes = DB_READ(
    "SELECT " DB_COLUMNS(NOTE_COLS) " FROM help_health_notes n"
    " LEFT JOIN users u ON u.id = n.user_id WHERE n.case_id = ? ORDER BY n.id LIMIT 200",
    DB_NCOLS(NOTE_COLS));

int help_health_notes_read(struct ctx *c, long long case_id, const char *why,
                           struct help_health_note **notes, size_t *n)
{
	*notes = NULL;
	*n = 0;
	int rc = audit_read(c, "help_case_notes", case_id, why);
	if (rc != DB_OK)
		return rc;
	struct db_res res;
	rc = db_run(c->r->a, &st_notes, &res, "i", case_id);
	if (rc != DB_OK)
		return rc;
	*notes = arena_alloc(c->r->a, (res.nrows ? res.nrows : 1) * sizeof(**notes));
	for (size_t i = 0; i < res.nrows; i++) {
		(*notes)[i].at = db_str(&res, i, N_AT);
		(*notes)[i].author = db_str(&res, i, N_AUTHOR);
		(*notes)[i].body = db_str(&res, i, N_BODY);
	}
	*n = res.nrows;
	return DB_OK;
}

/* c's staff member's id as a parameter ('s'), NULL without one. */
static const char *staff_id(const struct ctx *c)
{
	return c->staff ? arena_printf(c->r->a, "%lld", c->staff->id) : NULL;
}

static int empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

static struct db_stmt st_case_put = DB_WRITE(
    "INSERT INTO help_case_health (case_id, prescriptions, amka, details)"
    " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE prescriptions = VALUES(prescriptions),"
    " amka = VALUES(amka), details = VALUES(details)");
static struct db_stmt st_case_del = DB_WRITE(
    "DELETE FROM help_case_health WHERE case_id = ?");

int help_health_case_write(struct ctx *c, long long case_id,
                           const struct help_case_health *h)
{
	struct arena *a = c->r->a;
	int none = empty(h->prescriptions) && empty(h->amka) && empty(h->details);
	int rc = none ? db_run(a, &st_case_del, NULL, "i", case_id)
	              : db_run(a, &st_case_put, NULL, "isss", case_id,
	                       h->prescriptions ? h->prescriptions : "",
	                       h->amka ? h->amka : "", h->details ? h->details : "");
	if (rc == DB_OK)
		rc = audit_staff(c, "help_health_write", "help_case",
		                 arena_printf(a, "%lld", case_id), none ? "cleared" : "saved");
	return rc;
}

static struct db_stmt st_person_put = DB_WRITE(
    "INSERT INTO help_health (beneficiary_id, vulnerability, conditions, amka, updated_by)"
    " VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE vulnerability = VALUES(vulnerability),"
    " conditions = VALUES(conditions), amka = VALUES(amka), updated_by = VALUES(updated_by)");
static struct db_stmt st_person_del = DB_WRITE(
    "DELETE FROM help_health WHERE beneficiary_id = ?");

int help_health_person_write(struct ctx *c, long long beneficiary_id,
                             const struct help_person_health *h)
{
	struct arena *a = c->r->a;
	int none = empty(h->vulnerability) && empty(h->conditions) && empty(h->amka);
	int rc = none ? db_run(a, &st_person_del, NULL, "i", beneficiary_id)
	              : db_run(a, &st_person_put, NULL, "issss", beneficiary_id,
	                       h->vulnerability ? h->vulnerability : "",
	                       h->conditions ? h->conditions : "", h->amka ? h->amka : "",
	                       staff_id(c));
	if (rc == DB_OK)
		rc = audit_staff(c, "help_health_write", "help_beneficiary",
		                 arena_printf(a, "%lld", beneficiary_id), none ? "cleared" : "saved");
	return rc;
}

static struct db_stmt st_note_add = DB_WRITE(
    "INSERT INTO help_health_notes (case_id, user_id, body) VALUES (?, ?, ?)");

int help_health_note_add(struct ctx *c, long long case_id, const char *body)
{
	struct arena *a = c->r->a;
	int rc = db_run(a, &st_note_add, NULL, "iss", case_id, staff_id(c), body);
	if (rc == DB_OK)
		rc = audit_staff(c, "help_health_write", "help_case_notes",
		                 arena_printf(a, "%lld", case_id), "note added");
	return rc;
}
