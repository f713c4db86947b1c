/*
 * token.h - one-time form tokens.  A token is issued with the form (no
 * cookie, nothing stored on GET): a random nonce and the time, signed with
 * the site's form_secret, so only tokens this site issued in the last day
 * are accepted.  What a form stores is stored with its token in a UNIQUE
 * column: submitting the same form twice - a double click, a retry after a
 * timeout, the back button - finds the token taken and creates nothing new.
 */
#ifndef AGORA_TOKEN_H
#define AGORA_TOKEN_H

struct arena;

/* The key that signs tokens (conf form_secret); 0, or -1 if too short. */
int forms_init(const char *secret);
/* A fresh one-time token for form (e.g. "a11y"), in the arena: 43
 * characters of base64url over a random nonce, the time, and an HMAC of
 * both with the form's name.  Valid for FORMS_TOKEN_TTL seconds. */
char *forms_token(struct arena *a, const char *form);
/* 1 if t is a token this site issued for form, not expired. */
int forms_token_valid(const char *t, const char *form);
/* The seconds since a valid token t was issued for form (the form was
 * shown), or -1 if t is not valid: the signed timestamp a spam check
 * reads (nobody reads and writes a comment in one second). */
long forms_token_age(const char *t, const char *form);

/* How many tokens this process has issued: a page that issued one during
 * its request is a form for one visitor and is never cached (main.c). */
unsigned long forms_tokens_issued(void);

#define FORMS_TOKEN_TTL (24 * 3600)

/* A signature of subject for purpose ("reporter", "2026-000123"): 43
 * characters of base64url, for links mailed to someone that must work
 * without an account and without expiring (the reporter's link to
 * confirm or dispute a fix).  Nothing is stored. */
char *forms_sign(struct arena *a, const char *purpose, const char *subject);
/* 1 if sig is forms_sign(purpose, subject) (compared in constant time). */
int forms_sign_valid(const char *sig, const char *purpose, const char *subject);

#endif
