/*
 * password.h - staff passwords: argon2id through libsodium's
 * crypto_pwhash_str, with the one set of cost parameters both the workers
 * and agora-admin use (libsodium's "interactive" limits: 64 MiB, two
 * passes).  A hash made with other parameters still verifies and is
 * replaced at the next sign-in (password_needs_rehash).
 */
#ifndef AGORA_PASSWORD_H
#define AGORA_PASSWORD_H

struct arena;

/* The hash of pw, in the arena; NULL if memory ran out. */
char *password_hash(struct arena *a, const char *pw);
/* 1 if pw matches hash. */
int password_verify(const char *hash, const char *pw);
/* 1 if hash was made with other parameters than today's. */
int password_needs_rehash(const char *hash);
/* A random password of 20 characters from an unambiguous alphabet. */
void password_random(char out[21]);

#endif
