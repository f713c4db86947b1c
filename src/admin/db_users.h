/*
 * db_users.h - the SQL of the users admin (admin/users.h): the list with
 * its filters and keyset, one user, the departments to choose from, and
 * the writes - each run inside the caller's transaction.
 */
#ifndef AGORA_DB_USERS_H
#define AGORA_DB_USERS_H

#include <stddef.h>

#include "db/db.h"

/* One row of the list, and the user of the edit page. */
#define USER_COLS(X)                                                         \
	X(UC_ID, "u.id")                                                     \
	X(UC_NAME, "u.username AS uname")                                    \
	X(UC_DISPLAY, "u.display_name")                                      \
	X(UC_EMAIL, "u.email")                                               \
	X(UC_DEPT_ID, "u.department_id")                                     \
	X(UC_DEPT, "d.name")                                                 \
	X(UC_DEPT_EN, "d.name_en")                                           \
	X(UC_ACTIVE, "u.active")                                             \
	X(UC_TOTP, "u.totp_secret IS NOT NULL")                              \
	X(UC_MUST, "u.must_change")                                          \
	X(UC_ROLES, "(SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM user_roles r" \
	            " WHERE r.user_id = u.id)")                             \
	X(UC_LAST, "DATE_FORMAT(u.last_login_at, '%Y-%m-%d %H:%i:%s')")     \
	X(UC_CREATED, "DATE_FORMAT(u.created_at, '%Y-%m-%d %H:%i:%s')")
enum { DB_COLS_ENUM(USER_COLS, UC__END) };

/* Up to limit users whose username sorts after after (keyset; "" from the
 * start), by username; role "" or a role name every row holds; prefix ""
 * or the start of the username or of the display name (case- and
 * accent-insensitive, as the columns' collation compares). */
int db_users_list(struct arena *a, const char *role, const char *prefix,
                  const char *after, long long limit, struct db_res *res);
/* The user id (0 or 1 row). */
int db_user_get(struct arena *a, long long id, struct db_res *res);
/* The same, its row (and its roles) locked until the end of the caller's
 * transaction: the state a change is decided on. */
int db_user_lock(struct arena *a, long long id, struct db_res *res);
/* The ids of the active admins, their rows locked until the end of the
 * caller's transaction (SELECT ... FOR UPDATE), so two requests cannot
 * both see another admin left and each remove the other. */
int db_admins_lock(struct arena *a, struct db_res *res);

#define DEPT_COLS(X)                                                         \
	X(DC_ID, "id")                                                       \
	X(DC_NAME, "name")                                                   \
	X(DC_NAME_EN, "name_en")
enum { DB_COLS_ENUM(DEPT_COLS, DC__END) };
/* Every department, in the directory's order. */
int db_user_departments(struct arena *a, struct db_res *res);

/* A new user who must change the password at the first sign-in;
 * department NULL for none; token the creating form's (UNIQUE).  DB_DUP
 * when the username or the token is taken.  *id the new user's. */
int db_user_insert(struct arena *a, const char *username, const char *display,
                   const char *email, const char *hash, const char *department,
                   const char *token, long long *id);
/* The user created by the form with this token, or 0. */
int db_user_by_token(struct arena *a, const char *token, long long *id);
int db_user_role_add(struct arena *a, long long id, const char *role);
int db_user_role_remove(struct arena *a, long long id, const char *role);
int db_user_update(struct arena *a, long long id, const char *display,
                   const char *email, const char *department, int active);
/* A new password hash, to be changed at the next sign-in. */
int db_user_reset_password(struct arena *a, long long id, const char *hash);
/* No second factor (secret, pending secret, recovery codes): the user
 * enrols again at the next sign-in when their roles require one. */
int db_user_reset_2fa(struct arena *a, long long id);

#endif
