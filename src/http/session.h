/*
 * session.h - the staff session: who is asking, read from the session
 * cookie in main.c's session phase; started at sign-in, replaced (a new id)
 * at every change of privilege, ended at sign-out.
 *
 * The cookie holds 32 random bytes (base64url); MariaDB holds only their
 * BLAKE2b hash, with the user, the stage and the session's CSRF token.  A
 * session ends after conf session_idle seconds without a request and
 * session_max seconds after it began.  The cookie is HttpOnly, SameSite=Lax,
 * for the whole site, and "__Host-agora" with Secure unless conf
 * cookie_secure is 0.  Anonymous visitors are never given a cookie.
 */
#ifndef AGORA_SESSION_H
#define AGORA_SESSION_H

#include "http/ctx.h"
#include "http/perm.h"

enum stage {
	STAGE_CODE,  /* password accepted; the second-factor code is due */
	STAGE_ENROL, /* signed in, but must set up a second factor first */
	STAGE_FULL,  /* signed in */
};

#define SESSION_ID_BYTES 32

struct staff {
	long long id;
	const char *username;
	const char *display_name;
	perm_set roles;          /* bits 1 << enum role */
	perm_set perms;          /* perm_of_roles(roles) */
	long long department_id; /* 0: none */
	enum stage stage;
	int has_totp;            /* a second factor is set up */
	int must_change;         /* an admin reset the password: choose a new one */
	const char *csrf;        /* this session's CSRF token (43 characters) */
	unsigned char id_hash[SESSION_ID_BYTES];
};

/* Read the session cookie: c->staff is the session's user, or NULL when
 * there is no cookie or it names no live session (then the stale cookie
 * is cleared).  DB_OK, or the database error (the caller answers 503). */
int session_load(struct ctx *c);

/* Begin a session at stage for user id, replacing c's current one if any
 * (so the id changes at every sign-in step: no fixation), and set the
 * cookie.  Runs inside the caller's transaction when one is open.  On
 * DB_OK c->staff describes the new session. */
int session_begin(struct ctx *c, long long user_id, enum stage stage);

/* End c's session and clear the cookie. */
int session_end(struct ctx *c);

/* End every session of user id but c's own one (NULL c->staff: all);
 * *ended the number ended.  For "sign out everywhere", a password change
 * and an admin's reset of another user. */
int session_end_user(struct ctx *c, long long user_id, unsigned long long *ended);

/* 1 if the request's form field "csrf" is c's session's token. */
int session_csrf_ok(const struct ctx *c);
/* 1 if the request carries a staff session cookie, valid or not (read
 * without the database): such a request is never served from nginx's
 * micro-cache, nor put in it. */
int session_cookie_sent(const struct ctx *c);

/* 1 if user with roles must have a second factor (admins, or everyone
 * with conf second_factor_all). */
int session_needs_totp(const struct conf *cf, perm_set roles);

/* Roles from their names joined by commas ("admin,editor"). */
perm_set session_roles(const char *names);

#endif
