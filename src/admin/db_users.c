/*
 * db_users.c - the SQL of the users admin (db_users.h).
 *
 * The list is a keyset over the UNIQUE key on username: each page reads
 * its 51 rows from where the last one ended, so no page costs more than
 * the first, and nothing counts the table.  A text filter is two ranges,
 * one on each index (users_username, users_display_name), each cut at the
 * cursor and the page size, merged by UNION in username order.  The role
 * filter is a join (see ROLE_JOIN).
 */
#include "admin/db_users.h"

#include <string.h>

#include "core/arena.h"

#define USER_FROM " FROM users u LEFT JOIN departments d ON d.id = u.department_id"
/* One page from the cursor on, with join (the role filter, or ""). */
#define LIST_SELECT(join, where)                                             \
	"SELECT " DB_COLUMNS(USER_COLS) " FROM users u" join                \
	" LEFT JOIN departments d ON d.id = u.department_id WHERE " where    \
	" AND u.username > ? ORDER BY u.username LIMIT ?"
/* A join, not EXISTS: the optimizer then chooses by the statistics
 * between reading users by username, checking each one's role on the
 * primary key (a common role: stops after one page), and reading the
 * role's index, then sorting (a rare role: reads only its holders). */
#define ROLE_JOIN " JOIN user_roles r2 ON r2.user_id = u.id AND r2.role = ?"
#define PREFIX_UNION(join)                                                   \
	"(" LIST_SELECT(join, "u.username LIKE ? ESCAPE '!'") ") UNION ("    \
	LIST_SELECT(join, "u.display_name LIKE ? ESCAPE '!'") ")"            \
	" ORDER BY uname LIMIT ?"

static struct db_stmt st_list = DB_READ(
    LIST_SELECT("", "1"), DB_NCOLS(USER_COLS));
static struct db_stmt st_list_role = DB_READ(
    LIST_SELECT(ROLE_JOIN, "1"), DB_NCOLS(USER_COLS));
static struct db_stmt st_list_prefix = DB_READ(
    PREFIX_UNION(""), DB_NCOLS(USER_COLS));
static struct db_stmt st_list_role_prefix = DB_READ(
    PREFIX_UNION(ROLE_JOIN), DB_NCOLS(USER_COLS));
static struct db_stmt st_get = DB_READ(
    "SELECT " DB_COLUMNS(USER_COLS) USER_FROM " WHERE u.id = ?",
    DB_NCOLS(USER_COLS));
static struct db_stmt st_lock = DB_WRITE(
    "SELECT " DB_COLUMNS(USER_COLS) USER_FROM " WHERE u.id = ? FOR UPDATE");
/* Through user_roles_role, then each admin's row by its key: only the
 * admins' rows are locked, never a scan of every user. */
static struct db_stmt st_admins = DB_WRITE(
    "SELECT STRAIGHT_JOIN u.id FROM user_roles r FORCE INDEX (user_roles_role)"
    " JOIN users u ON u.id = r.user_id"
    " WHERE r.role = 'admin' AND u.active = 1 FOR UPDATE");
static struct db_stmt st_depts = DB_READ(
    "SELECT " DB_COLUMNS(DEPT_COLS) " FROM departments"
    " ORDER BY sort_order, id LIMIT 1000", DB_NCOLS(DEPT_COLS));
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO users (username, display_name, email, password_hash,"
    " department_id, must_change, create_token) VALUES (?, ?, ?, ?, ?, 1, ?)");
static struct db_stmt st_by_token = DB_READ(
    "SELECT id FROM users WHERE create_token = ?", 1);
static struct db_stmt st_role_add = DB_WRITE(
    "INSERT IGNORE INTO user_roles (user_id, role) VALUES (?, ?)");
static struct db_stmt st_role_remove = DB_WRITE(
    "DELETE FROM user_roles WHERE user_id = ? AND role = ?");
static struct db_stmt st_update = DB_WRITE(
    "UPDATE users SET display_name = ?, email = ?, department_id = ?,"
    " active = ? WHERE id = ?");
static struct db_stmt st_reset_pw = DB_WRITE(
    "UPDATE users SET password_hash = ?, must_change = 1,"
    " password_changed_at = NOW() WHERE id = ?");
static struct db_stmt st_reset_2fa = DB_WRITE(
    "UPDATE users SET totp_secret = NULL, totp_pending = NULL,"
    " totp_last_step = 0 WHERE id = ?");
static struct db_stmt st_recovery_clear = DB_WRITE(
    "DELETE FROM recovery_codes WHERE user_id = ?");

/* s as a LIKE prefix pattern, its own wildcards escaped with '!'. */
static const char *like_prefix(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *o = arena_alloc(a, 2 * n + 2), *p = o;
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '!')
			*p++ = '!';
		*p++ = *s;
	}
	*p++ = '%';
	*p = '\0';
	return o;
}

int db_users_list(struct arena *a, const char *role, const char *prefix,
                  const char *after, long long limit, struct db_res *res)
{
	if (*prefix == '\0')
		return *role ? db_run(a, &st_list_role, res, "ssi", role, after, limit)
		             : db_run(a, &st_list, res, "si", after, limit);
	const char *like = like_prefix(a, prefix);
	if (*role)
		return db_run(a, &st_list_role_prefix, res, "sssisssii", role, like, after,
		              limit, role, like, after, limit, limit);
	return db_run(a, &st_list_prefix, res, "ssissii", like, after, limit, like,
	              after, limit, limit);
}

int db_user_get(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_get, res, "i", id);
}

int db_user_lock(struct arena *a, long long id, struct db_res *res)
{
	return db_run(a, &st_lock, res, "i", id);
}

int db_admins_lock(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_admins, res, "");
}

int db_user_departments(struct arena *a, struct db_res *res)
{
	return db_run(a, &st_depts, res, "");
}

int db_user_insert(struct arena *a, const char *username, const char *display,
                   const char *email, const char *hash, const char *department,
                   const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_insert, &res, "ssssss", username, display, email,
	                hash, department, token);
	*id = rc == DB_OK ? (long long)res.insert_id : 0;
	return rc;
}

int db_user_by_token(struct arena *a, const char *token, long long *id)
{
	struct db_res res;
	int rc = db_run(a, &st_by_token, &res, "s", token);
	*id = rc == DB_OK && res.nrows == 1 ? db_ll(&res, 0, 0) : 0;
	return rc;
}

int db_user_role_add(struct arena *a, long long id, const char *role)
{
	return db_run(a, &st_role_add, NULL, "is", id, role);
}

int db_user_role_remove(struct arena *a, long long id, const char *role)
{
	return db_run(a, &st_role_remove, NULL, "is", id, role);
}

int db_user_update(struct arena *a, long long id, const char *display,
                   const char *email, const char *department, int active)
{
	return db_run(a, &st_update, NULL, "sssii", display, email, department,
	              (long long)active, id);
}

int db_user_reset_password(struct arena *a, long long id, const char *hash)
{
	return db_run(a, &st_reset_pw, NULL, "si", hash, id);
}

int db_user_reset_2fa(struct arena *a, long long id)
{
	int rc = db_run(a, &st_reset_2fa, NULL, "i", id);
	if (rc == DB_OK)
		rc = db_run(a, &st_recovery_clear, NULL, "i", id);
	return rc;
}
