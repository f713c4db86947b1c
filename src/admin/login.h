/*
 * login.h - signing in and out of the staff area: the password step, the
 * second-factor step (a TOTP code or a recovery code) and signing out.
 *
 * Failed attempts are counted per account name (existing or not) and per
 * client address: after LOGIN_DELAY_AFTER failures an account name must
 * wait before the next try (2, 4, 8 ... up to 60 seconds), after
 * LOGIN_LOCK_AFTER it is locked for LOGIN_LOCK_SECS; an address is locked
 * after IP_LOCK_AFTER.  The answers are the same whether the account
 * exists or not, and a missing account costs the same hash as a real one.
 * Every success, failure and lock is in the audit log.
 */
#ifndef AGORA_LOGIN_H
#define AGORA_LOGIN_H

#include "http/ctx.h"

#define LOGIN_FORGET_SECS (15 * 60) /* failures older than this are forgotten */
#define LOGIN_DELAY_AFTER 3
#define LOGIN_LOCK_AFTER 10
#define LOGIN_LOCK_SECS (15 * 60)
#define IP_LOCK_AFTER 50

/* main.c, for a staff page asked for without a session: 401 and the
 * sign-in form, which returns to the page asked for. */
void admin_login_required(struct ctx *c);

void login_page(struct ctx *c);      /* GET  /admin/login */
void login_post(struct ctx *c);      /* POST /admin/login */
void login_code_page(struct ctx *c); /* GET  /admin/login/code */
void login_code_post(struct ctx *c); /* POST /admin/login/code */
void logout_post(struct ctx *c);     /* POST /admin/logout */

#define LOGIN_BUSY 2
/* Check a password against a crypto_pwhash_str hash in one of the
 * bounded hash slots (conf login_hash_slots): 1 matches, 0 does not,
 * LOGIN_BUSY every slot is taken (answer 503), or a (negative) DB status.
 * A NULL hash is checked against a dummy one, so a missing account costs
 * the same time.  *rehash is set to 1 when the hash matched but was made
 * with other parameters than today's. */
int login_check_password(struct ctx *c, const char *hash, const char *password,
                         int *rehash);

#endif
