/*
 * db_forms.h - what public forms store, and their one-time tokens.
 */
#ifndef AGORA_DB_FORMS_H
#define AGORA_DB_FORMS_H

#include "db.h"

/* A fresh one-time form token: 43 characters of base64url (32 random
 * bytes), in the arena. */
char *forms_token(struct arena *a);
/* 1 if t looks like a token forms_token() made. */
int forms_token_valid(const char *t);

/* Store accessibility feedback in one transaction.  DB_OK after COMMIT;
 * DB_DUP when this token was already used (the message is stored once);
 * DB_DOWN / DB_ERR otherwise. */
int db_forms_a11y_feedback(struct arena *a, const char *token, const char *name,
                           const char *email, const char *page_url,
                           const char *message, const char *lang);

#endif
