/*
 * db_volunteers.c - who could take a case (see db_volunteers.h).
 * Reads help_volunteers, help_volunteer_areas, users, user_roles and the
 * open cases per assignee.
 */
#include "help/db_volunteers.h"

#include "core/arena.h"
#include "help/help.h"

#define CAND_COLS(X) X(CD_ID, "u.id") X(CD_NAME, "u.display_name") X(CD_KIND, "v.kind") \
	X(CD_COVERS, "EXISTS (SELECT 1 FROM help_volunteer_areas x WHERE x.user_id = v.user_id AND x.area_id = ?)") \
	X(CD_CAR, "v.has_car")                                                          \
	X(CD_OPEN, "(SELECT COUNT(*) FROM help_cases o WHERE o.assignee_id = v.user_id" \
	           " AND o.status IN ('new','assigned','in_progress'))")                   \
	X(CD_AVAIL, "v.availability")
enum { DB_COLS_ENUM(CAND_COLS, CD__END) };

#define FITS                                                                     \
	" FROM help_volunteers v JOIN users u ON u.id = v.user_id AND u.active = 1"    \
	" WHERE ((? = 'medical' AND v.kind = 'doctor') OR (? = 'psych' AND v.kind = 'psychologist')" \
	" OR (? NOT IN ('medical','psych') AND v.kind = 'volunteer' AND FIND_IN_SET(?, v.skills)))" \
	" AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role ="   \
	" IF(v.kind = 'volunteer', 'volunteer', 'professional'))"

static struct db_stmt st_suggest = DB_READ(
    "SELECT " DB_COLUMNS(CAND_COLS) FITS " AND v.available = 1"
    " ORDER BY 4 DESC, 6, u.display_name, u.id LIMIT ?", DB_NCOLS(CAND_COLS));

int help_suggest(struct arena *a, const char *type, long long area_id, size_t limit,
                 struct help_candidate **out, size_t *n)
{
	struct db_res res;
	*out = NULL;
	*n = 0;
	int rc = db_run(a, &st_suggest, &res, "issssu", area_id, type, type, type, type,
	                (unsigned long long)limit);
	if (rc != DB_OK)
		return rc;
	*out = arena_calloc(a, (res.nrows ? res.nrows : 1) * sizeof(**out));
	for (size_t i = 0; i < res.nrows; i++) {
		struct help_candidate *k = &(*out)[i];
		k->user_id = db_ll(&res, i, CD_ID);
		k->name = db_str(&res, i, CD_NAME);
		k->kind = db_str(&res, i, CD_KIND);
		k->covers_area = (int)db_ll(&res, i, CD_COVERS);
		k->has_car = (int)db_ll(&res, i, CD_CAR);
		k->open_tasks = db_ll(&res, i, CD_OPEN);
		k->availability = db_str(&res, i, CD_AVAIL);
	}
	*n = res.nrows;
	return DB_OK;
}

static struct db_stmt st_assignable = DB_READ(
    "SELECT u.id" FITS " AND u.id = ?", 1);

int help_assignable(struct arena *a, long long user_id, const char *type)
{
	struct db_res res;
	int rc = db_run(a, &st_assignable, &res, "ssssi", type, type, type, type, user_id);
	return rc != DB_OK ? rc : res.nrows > 0;
}
