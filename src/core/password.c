/*
 * password.c - argon2id hashes of staff passwords (password.h).
 */
#include "core/password.h"

#include <sodium.h>
#include <string.h>

#include "core/arena.h"

#define OPS crypto_pwhash_OPSLIMIT_INTERACTIVE
#define MEM crypto_pwhash_MEMLIMIT_INTERACTIVE

char *password_hash(struct arena *a, const char *pw)
{
	char *h = arena_alloc(a, crypto_pwhash_STRBYTES);
	if (crypto_pwhash_str(h, pw, strlen(pw), OPS, MEM) != 0)
		return NULL;
	return h;
}

int password_verify(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}

int password_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash, OPS, MEM) != 0;
}

void password_random(char out[21])
{
	static const char al[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < 20; i++)
		out[i] = al[randombytes_uniform(sizeof(al) - 1)];
	out[20] = '\0';
}
