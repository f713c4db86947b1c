/*
 * db_departments.h (admin) - the SQL of editing the department directory:
 * the list (menu order, a search in the names, how many staff users each
 * has), one department, the writes, and the public page that shows the
 * directory.  The public side reads it in site/db_pages.c.
 */
#ifndef AGORA_ADMIN_DB_DEPARTMENTS_H
#define AGORA_ADMIN_DB_DEPARTMENTS_H

#include "db/db.h"

#define ADM_DEPTS_MAX 1000

#define ADM_DEPT_LIST_COLS(X)                                                \
	X(DL_ID, "d.id")                                                     \
	X(DL_NAME, "d.name")                                                 \
	X(DL_PHONE, "d.phone")                                               \
	X(DL_EMAIL, "d.email")                                               \
	X(DL_SORT, "d.sort_order")                                           \
	X(DL_USERS, "(SELECT COUNT(*) FROM users u WHERE u.department_id = d.id)") \
	X(DL_HAS_EN, "d.name_en IS NOT NULL AND d.name_en <> ''")
enum { DB_COLS_ENUM(ADM_DEPT_LIST_COLS, DL__END) };

/* Every department in the directory's order (at most ADM_DEPTS_MAX);
 * like: an edit_like() pattern or "". */
int db_adm_departments(struct arena *a, const char *like, struct db_res *res);

#define ADM_DEPT_COLS(X)                                                     \
	X(DE_ID, "id")                                                       \
	X(DE_NAME, "name")                                                   \
	X(DE_NAME_EN, "name_en")                                             \
	X(DE_HEAD, "head")                                                   \
	X(DE_PHONE, "phone")                                                 \
	X(DE_EMAIL, "email")                                                 \
	X(DE_HOURS, "hours")                                                 \
	X(DE_HOURS_EN, "hours_en")                                           \
	X(DE_ADDRESS, "address")                                             \
	X(DE_ADDRESS_EN, "address_en")                                       \
	X(DE_SORT, "sort_order")                                             \
	X(DE_VERSION, "DATE_FORMAT(updated_at, '%Y%m%d%H%i%s')")             \
	X(DE_USERS, "(SELECT COUNT(*) FROM users u WHERE u.department_id = departments.id)")
enum { DB_COLS_ENUM(ADM_DEPT_COLS, DE__END) };

/* The department (0 or 1 row); with lock, FOR UPDATE: no user can be
 * given it until the transaction ends. */
int db_adm_department_get(struct arena *a, long long id, int lock,
                          struct db_res *res);

struct adm_department {
	const char *name, *name_en, *head, *phone, *email, *hours, *hours_en;
	const char *address, *address_en;
	long long sort_order, user_id;
};
/* Insert; *id the new department.  DB_DUP when token was used already
 * (then *id is the department it created). */
int db_adm_department_insert(struct arena *a, const struct adm_department *d,
                             const char *token, long long *id);
int db_adm_department_update(struct arena *a, long long id,
                             const struct adm_department *d);
/* DB_REFERENCED while rows elsewhere (staff users) point at it. */
int db_adm_department_delete(struct arena *a, long long id);

/* The path under /p/ of the public page showing the directory: *path, or
 * NULL when no public page does. */
int db_adm_departments_page(struct arena *a, const char **path);

#endif
