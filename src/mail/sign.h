/*
 * sign.h - the signature of the HTTP messages between Agora and the
 * pharmacists' association, both ways (docs/pharmacy-api.md):
 *
 *   X-Agora-Signature: sha256=<hex HMAC-SHA256(secret, timestamp "." nonce "." body)>
 *
 * lowercase hex, the timestamp in Unix seconds as sent in
 * X-Agora-Timestamp and the nonce as sent in X-Agora-Nonce.  Used by the
 * outbox sender (hook.c) and by the callback endpoint (help/pharmacy.c);
 * pure (libsodium), no table.
 */
#ifndef AGORA_SIGN_H
#define AGORA_SIGN_H

#include <stddef.h>

#define HOOK_SECRET_MIN 32          /* bytes of a usable shared secret */
#define HOOK_SIG_LEN (7 + 64)       /* "sha256=" and 64 hex digits */

/* 1 if secret is long enough to sign with (at least HOOK_SECRET_MIN bytes). */
int hook_secret_ok(const char *secret);

/* The signature of body[0..len) into out (HOOK_SIG_LEN + 1 bytes, NUL-
 * terminated).  0, or -1 when the secret is too short (out is then ""). */
int hook_sign(const char *secret, const char *timestamp, const char *nonce,
              const char *body, size_t len, char out[HOOK_SIG_LEN + 1]);

/* 1 if sig is exactly that signature (compared in constant time), else 0
 * (also when the secret is too short). */
int hook_sign_ok(const char *secret, const char *timestamp, const char *nonce,
                 const char *body, size_t len, const char *sig);

#endif
