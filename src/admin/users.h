/*
 * users.h - the users admin (PERM_USERS: admins only), under /admin/users:
 * the list (filters by role and by the start of a name, pages by
 * username), creating a user (the password generated and shown once, to
 * be changed at the first sign-in), editing one (display name, e-mail,
 * roles, department, active), and resetting a user's password or second
 * factor.
 *
 * Rules, the same as agora-admin's (src/cli/users.c): a username is 2-64
 * of [a-z0-9._-]; a user holds at least one role; the role "department"
 * needs a department.  An admin cannot disable themselves or take away
 * their own admin role, and nobody can disable or take the admin role
 * from the last active admin (decided in SQL on the admins' rows, locked).
 * A change of roles, department or of active ends the user's sessions,
 * as do both resets: they sign in again with what they now may do.
 * Disabling and both resets ask for a confirmation first.  Every change is
 * in the audit log, before -> after in words.
 */
#ifndef AGORA_USERS_H
#define AGORA_USERS_H

#include "http/ctx.h"

void users_list(struct ctx *c);           /* GET  /admin/users */
void users_new_page(struct ctx *c);       /* GET  /admin/users/new */
void users_new_post(struct ctx *c);       /* POST /admin/users/new */
void users_edit_page(struct ctx *c);      /* GET  /admin/users/{id} */
void users_edit_post(struct ctx *c);      /* POST /admin/users/{id} */
void users_confirm_page(struct ctx *c);   /* GET  /admin/users/{id}/confirm?what= */
void users_reset_password(struct ctx *c); /* POST /admin/users/{id}/reset-password */
void users_reset_2fa(struct ctx *c);      /* POST /admin/users/{id}/reset-2fa */

#endif
