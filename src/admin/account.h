/*
 * account.h - a staff member's own account: the second factor (enrolment
 * with a QR code, recovery codes), the password, and the list of their
 * sessions with "sign out everywhere else".
 */
#ifndef AGORA_ACCOUNT_H
#define AGORA_ACCOUNT_H

#include "http/ctx.h"

void account_page(struct ctx *c);          /* GET  /admin/account */
void account_2fa_page(struct ctx *c);      /* GET  /admin/account/2fa */
void account_2fa_post(struct ctx *c);      /* POST /admin/account/2fa */
void account_password_page(struct ctx *c); /* GET  /admin/account/password */
void account_password_post(struct ctx *c); /* POST /admin/account/password */
void account_sessions_end(struct ctx *c);  /* POST /admin/account/sessions/end */

/* 0 if pw is acceptable as a new password for username, else the message
 * key of what is wrong (at least 12 characters, not the username). */
const char *account_password_rule(const char *username, const char *pw);

#endif
