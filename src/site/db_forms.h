/*
 * db_forms.h - what public forms store, and their one-time tokens.
 */
#ifndef AGORA_DB_FORMS_H
#define AGORA_DB_FORMS_H

#include "db/db.h"

/* The key that signs tokens (conf form_secret); 0, or -1 if too short. */
int forms_init(const char *secret);
/* A fresh one-time token for form (e.g. "a11y"), in the arena: 43
 * characters of base64url over a random nonce, the time, and an HMAC of
 * both with the form's name.  Valid for FORMS_TOKEN_TTL seconds. */
char *forms_token(struct arena *a, const char *form);
/* 1 if t is a token this site issued for form, not expired. */
int forms_token_valid(const char *t, const char *form);

#define FORMS_TOKEN_TTL (24 * 3600)

/* Store accessibility feedback in one transaction.  DB_OK after COMMIT;
 * DB_DUP when this token was already used (the message is stored once);
 * DB_DOWN / DB_ERR otherwise. */
int db_forms_a11y_feedback(struct arena *a, const char *token, const char *name,
                           const char *email, const char *page_url,
                           const char *message, const char *lang);

#endif
