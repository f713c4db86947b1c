/*
 * totp.h - the second factor: TOTP codes (RFC 6238, 30-second steps, six
 * digits, HMAC-SHA1 as every authenticator app expects) checked with
 * liboath, the otpauth:// URI an app reads from the enrolment QR code, and
 * one-time recovery codes.  Pure functions: the database is the caller's.
 */
#ifndef AGORA_TOTP_H
#define AGORA_TOTP_H

#include <stddef.h>
#include <time.h>

struct arena;

#define TOTP_SECRET_BYTES 20
#define TOTP_STEP 30
#define RECOVERY_CODES 10
#define RECOVERY_HASH_BYTES 32

/* Once per process; 0, or -1 if liboath fails to start. */
int totp_init(void);
/* A new random secret of TOTP_SECRET_BYTES. */
void totp_new_secret(unsigned char out[TOTP_SECRET_BYTES]);
/* The secret in base32 (what a person types into an app), in the arena;
 * grouped: "ABCD EFGH ..." when grouped is 1. */
char *totp_base32(struct arena *a, const unsigned char *secret, size_t len,
                  int grouped);
/* otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=ISSUER&... */
char *totp_uri(struct arena *a, const char *issuer, const char *account,
               const unsigned char *secret, size_t len);
/* Check code (six digits, spaces allowed) against secret at time now,
 * one step either side for clock drift.  Returns the time step it matched
 * (> 0), or 0 if it does not match or its step is not after last_step
 * (a code is accepted once only: RFC 6238 section 5.2). */
long long totp_check(const unsigned char *secret, size_t len, const char *code,
                     time_t now, long long last_step);
/* The code for secret at now (tests and the enrolment self-check). */
int totp_code(const unsigned char *secret, size_t len, time_t now, char out[7]);

/* A recovery code: ten characters of an unambiguous alphabet, shown as
 * "xxxxx-xxxxx". */
void recovery_new(char out[12]);
/* Its keyed hash (key: the site's form_secret) for storage; code is
 * normalised first (case, spaces and hyphens ignored).  0, or -1 if code
 * cannot be a recovery code. */
int recovery_hash(const char *code, const char *key,
                  unsigned char out[RECOVERY_HASH_BYTES]);

#endif
