/*
 * db_volunteers.c - the SQL of the registry of volunteers and
 * professionals and of the dispatcher's suggestion (db_volunteers.h).
 * Tables: help_volunteers and help_volunteer_areas (read and written);
 * users, user_roles, areas and help_cases (read only).
 *
 * The suggestion reads the candidates of one kind through help_vol_kind
 * (kind, available), the village through the primary key of
 * help_volunteer_areas, and counts each candidate's open cases through
 * help_cases_assignee (assignee_id, status, ...): a range of three
 * statuses of one assignee, never a scan of the cases.  The sort is over
 * the candidates of that kind only (thousands at most).
 */
#include "help/db_volunteers.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "help/help.h"

/* ---- the suggestion ------------------------------------------------------- */

#define SUGGEST_COLS(X)                                                        \
	X(SG_ID, "u.id") X(SG_NAME, "u.display_name") X(SG_KIND, "v.kind")      \
	X(SG_COVERS, "va.user_id IS NOT NULL") X(SG_CAR, "v.has_car")           \
	X(SG_OPEN, "(SELECT COUNT(*) FROM help_cases c WHERE c.assignee_id = v.user_id" \
	           " AND c.status IN " HV_SQL_OPEN ")")                         \
	X(SG_AVAIL, "v.availability")
enum { DB_COLS_ENUM(SUGGEST_COLS, SG__END) };

/* The rules a person must meet to take a type: an active account, still
 * holding the role of the kind (?: 'volunteer' or 'professional'), the
 * kind (?), and for a volunteer the skill (? = '' for a professional). */
#define FITS                                                                   \
	" JOIN users u ON u.id = v.user_id AND u.active = 1"                    \
	" JOIN user_roles r ON r.user_id = v.user_id AND r.role = ?"            \
	" WHERE v.kind = ? AND (? = '' OR FIND_IN_SET(?, v.skills) > 0)"

static struct db_stmt st_suggest = DB_READ(
    "SELECT " DB_COLUMNS(SUGGEST_COLS) " FROM help_volunteers v"
    " LEFT JOIN help_volunteer_areas va ON va.user_id = v.user_id AND va.area_id = ?"
    FITS " AND v.available = 1"
    " ORDER BY 4 DESC, 6, u.display_name, u.id LIMIT ?",
    DB_NCOLS(SUGGEST_COLS));

static struct db_stmt st_assignable = DB_READ(
    "SELECT v.user_id FROM help_volunteers v" FITS " AND v.user_id = ?", 1);

/* The kind, role and skill a type needs: 1, or 0 for an unknown type. */
static int rules_of(const char *type, const char **kind, const char **role,
                    const char **skill)
{
	if (help_index(help_types, type) < 0)
		return 0;
	const char *pro = help_type_kind(type);
	*kind = pro ? pro : "volunteer";
	*role = pro ? "professional" : "volunteer";
	*skill = pro ? "" : type;
	return 1;
}

int help_suggest(struct arena *a, const char *type, long long area_id, size_t limit,
                 struct help_candidate **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const char *kind, *role, *skill;
	if (!rules_of(type, &kind, &role, &skill) || limit == 0)
		return DB_OK;
	struct db_res res;
	int rc = db_run(a, &st_suggest, &res, "issssi", area_id, role, kind, skill, skill,
	                (long long)limit);
	if (rc != DB_OK)
		return rc;
	struct help_candidate *c = arena_calloc(a, (res.nrows ? res.nrows : 1) * sizeof(*c));
	for (size_t i = 0; i < res.nrows; i++) {
		const char *av = db_str(&res, i, SG_AVAIL);
		c[i] = (struct help_candidate){
			.user_id = db_ll(&res, i, SG_ID),
			.name = db_str(&res, i, SG_NAME),
			.kind = db_str(&res, i, SG_KIND),
			.covers_area = db_ll(&res, i, SG_COVERS) != 0,
			.has_car = db_ll(&res, i, SG_CAR) != 0,
			.open_tasks = db_ll(&res, i, SG_OPEN),
			.availability = av ? av : "",
		};
	}
	*out = c;
	*n = res.nrows;
	return DB_OK;
}

int help_assignable(struct arena *a, long long user_id, const char *type)
{
	const char *kind, *role, *skill;
	if (!rules_of(type, &kind, &role, &skill) || user_id <= 0)
		return 0;
	struct db_res res;
	int rc = db_run(a, &st_assignable, &res, "ssssi", role, kind, skill, skill, user_id);
	if (rc != DB_OK)
		return rc;
	return res.nrows > 0;
}

/* ---- the registry ------------------------------------------------------------ */

static struct db_stmt st_list = DB_READ(
    "SELECT " DB_COLUMNS(HV_LIST_COLS) " FROM help_volunteers v"
    " JOIN users u ON u.id = v.user_id"
    " WHERE (? = '' OR v.kind = ?)"
    " AND (? = 0 OR EXISTS (SELECT 1 FROM help_volunteer_areas f"
    "      WHERE f.user_id = v.user_id AND f.area_id = ?))"
    " AND (? < 0 OR v.available = ?)"
    " AND (? = 0 OR u.display_name > (SELECT display_name FROM users WHERE id = ?)"
    "      OR (u.display_name = (SELECT display_name FROM users WHERE id = ?) AND u.id > ?))"
    " ORDER BY u.display_name, u.id LIMIT ?",
    DB_NCOLS(HV_LIST_COLS));

int db_hv_list(struct arena *a, const struct hv_filter *f, long long limit,
               struct db_res *res)
{
	long long av = f->available;
	return db_run(a, &st_list, res, "sssiiiiiiiii", f->lang, f->kind, f->kind,
	              f->area_id, f->area_id, av, av, f->after, f->after, f->after,
	              f->after, limit);
}

/* Driven by user_roles_role (role, user_id): the accounts of two roles. */
static struct db_stmt st_pending = DB_READ(
    "SELECT " DB_COLUMNS(HV_PENDING_COLS) " FROM user_roles r"
    " JOIN users u ON u.id = r.user_id AND u.active = 1"
    " LEFT JOIN help_volunteers v ON v.user_id = r.user_id"
    " WHERE r.role IN ('volunteer', 'professional') AND v.user_id IS NULL"
    " GROUP BY u.id, u.display_name, u.username"
    " ORDER BY u.display_name, u.id LIMIT ?",
    DB_NCOLS(HV_PENDING_COLS));

int db_hv_pending(struct arena *a, long long limit, struct db_res *res)
{
	return db_run(a, &st_pending, res, "i", limit);
}

static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(HV_COLS) " FROM users u"
    " LEFT JOIN help_volunteers v ON v.user_id = u.id WHERE u.id = ?",
    DB_NCOLS(HV_COLS));

int db_hv_get(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_get, res, "i", id);
}

static struct db_stmt st_lock = DB_WRITE(
    "SELECT user_id FROM help_volunteers WHERE user_id = ? FOR UPDATE");

int db_hv_lock(struct arena *a, long long id, int *exists)
{
	struct db_res res;
	int rc = db_run(a, &st_lock, &res, "i", id);
	*exists = rc == DB_OK && res.nrows > 0;
	return rc;
}

static struct db_stmt st_areas = DB_READ(
    "SELECT " DB_COLUMNS(HV_AREA_COLS) " FROM areas ORDER BY sort_order, id LIMIT 500",
    DB_NCOLS(HV_AREA_COLS));

int db_hv_areas(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_areas, res, "");
}

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO help_volunteers (user_id, kind, phone, skills, has_car, available,"
    " availability, notify, notes, onboarded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

int db_hv_insert(struct arena *a, long long id, const struct hv_profile *p,
                 long long by)
{
	return db_run(a, &st_insert, NULL, "isssiisssi", id, p->kind, p->phone, p->skills,
	              (long long)p->has_car, (long long)p->available, p->availability,
	              p->notify, p->notes, by);
}

static struct db_stmt st_update = DB_WRITE(
    "UPDATE help_volunteers SET kind = ?, phone = ?, skills = ?, has_car = ?,"
    " available = ?, availability = ?, notify = ?, notes = ? WHERE user_id = ?");

int db_hv_update(struct arena *a, long long id, const struct hv_profile *p)
{
	return db_run(a, &st_update, NULL, "sssiisssi", p->kind, p->phone, p->skills,
	              (long long)p->has_car, (long long)p->available, p->availability,
	              p->notify, p->notes, id);
}

static struct db_stmt st_areas_del = DB_WRITE(
    "DELETE FROM help_volunteer_areas WHERE user_id = ?");
static struct db_stmt st_area_add = DB_WRITE(
    "INSERT INTO help_volunteer_areas (user_id, area_id) VALUES (?, ?)");

int db_hv_set_areas(struct arena *a, long long id, const char *areas)
{
	int rc = db_run(a, &st_areas_del, NULL, "i", id);
	for (const char *p = areas ? areas : ""; rc == DB_OK && *p;) {
		char *end;
		long long area = strtoll(p, &end, 10);
		if (end == p)
			return DB_ERR;
		rc = db_run(a, &st_area_add, NULL, "ii", id, area);
		p = *end ? end + 1 : end;
	}
	return rc;
}
