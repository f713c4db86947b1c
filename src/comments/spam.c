/*
 * spam.c (comments) - the moderators' blocklist, compiled (spam.h).
 * Reads comment_blocklist; keeps the compiled patterns for the worker's
 * life, reloaded when older than BL_TTL seconds.
 */
#include "comments/spam.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "comments/db_comments.h"
#include "core/arena.h"
#include "core/fold.h"
#include "core/log.h"
#include "core/utf8.h"

#define BL_TTL 30
#define BL_MAX 1000

/* Options of every pattern: the text is UTF-8 (checked on input), Greek
 * and Latin caseless. */
#define BL_OPTIONS (PCRE2_UTF | PCRE2_CASELESS | PCRE2_UCP)

static pcre2_code *list[BL_MAX];
/* Each pattern without its accents (unaccented()), matched against the
 * text without its accents; NULL when it is the pattern itself. */
static pcre2_code *plain_list[BL_MAX];
static size_t nlist;
static time_t loaded; /* CLOCK_MONOTONIC seconds; 0: never */
static pcre2_match_context *mctx;
static pcre2_match_data *md;

static pcre2_code *compile(const char *pattern, int *ec, PCRE2_SIZE *off)
{
	return pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, BL_OPTIONS,
	                     ec, off, NULL);
}

int spam_pattern_ok(const char *pattern, char *err, size_t errlen)
{
	int ec;
	PCRE2_SIZE off;
	pcre2_code *re = compile(pattern, &ec, &off);
	if (re != NULL) {
		pcre2_code_free(re);
		return 1;
	}
	PCRE2_UCHAR msg[200];
	pcre2_get_error_message(ec, msg, sizeof(msg));
	snprintf(err, errlen, "%s (%zu)", (const char *)msg, (size_t)off);
	return 0;
}

void spam_blocklist_reset(void)
{
	for (size_t i = 0; i < nlist; i++) {
		pcre2_code_free(list[i]);
		pcre2_code_free(plain_list[i]); /* NULL: nothing */
		plain_list[i] = NULL;
	}
	nlist = 0;
	loaded = 0;
}

/*
 * s with the accents of its letters taken off (core/fold.h: a Greek or
 * Latin-1 letter comes back as its lower-case base letter, which caseless
 * matching does not mind; a combining accent is dropped), every other
 * character kept as it is - ASCII, and so all of a pattern's syntax,
 * included.  Caseless matching alone does not make "ΚΑΖΙΝΟ" or "καζινο"
 * match "καζίνο": Greek capitals are written without accents, and many
 * write lower case without them too.  In the arena.
 */
static char *unaccented(struct arena *a, const char *s)
{
	size_t len = strlen(s);
	char *out = arena_alloc(a, 4 * len + 1), *o = out;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		int n = utf8_decode(s + i, len - i, &cp);
		if (n <= 0 || cp < 0x80) {
			*o++ = s[i++];
			continue;
		}
		i += (size_t)n;
		unsigned f = fold_char(cp, NULL);
		if (f == FOLD_IGNORABLE)
			continue;
		o += utf8_encode(f == FOLD_NOT_WORD ? cp : f, o);
	}
	*o = '\0';
	return out;
}

static time_t now_mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* (Re)load the list if it is older than BL_TTL; 0, or -1 if it could not
 * be read (the old list, if any, is kept). */
static int load(struct arena *a)
{
	time_t now = now_mono();
	if (loaded != 0 && now - loaded < BL_TTL)
		return 0;
	struct db_res res;
	if (db_comments_blocklist(a, &res) != DB_OK)
		return -1;
	spam_blocklist_reset();
	for (size_t i = 0; i < res.nrows && nlist < BL_MAX; i++) {
		int ec;
		PCRE2_SIZE off;
		pcre2_code *re = compile(db_str(&res, i, BL_PATTERN), &ec, &off);
		if (re == NULL) { /* saved before a PCRE2 upgrade, or by hand */
			log_warn("msg=\"blocklist pattern does not compile\" id=%s",
			         db_str(&res, i, BL_ID));
			continue;
		}
		/* Without its accents, for the text without its accents (an
		 * accent taken off inside a class range can make it invalid:
		 * then only the pattern as written is used). */
		const char *plain = unaccented(a, db_str(&res, i, BL_PATTERN));
		plain_list[nlist] = strcmp(plain, db_str(&res, i, BL_PATTERN)) != 0
		                        ? compile(plain, &ec, &off) : NULL;
		list[nlist++] = re;
	}
	loaded = now;
	if (mctx == NULL) {
		mctx = pcre2_match_context_create(NULL);
		md = pcre2_match_data_create(4, NULL);
		if (mctx == NULL || md == NULL) {
			log_error("msg=\"out of memory\" at=pcre2_match_context_create");
			abort();
		}
		/* A pattern that backtracks without end stops here. */
		pcre2_set_match_limit(mctx, 100000);
		pcre2_set_depth_limit(mctx, 1000);
	}
	return 0;
}

/* 1 if re matches text; a failed match (a limit reached) is logged. */
static int matches(pcre2_code *re, size_t i, const char *text)
{
	int rc = pcre2_match(re, (PCRE2_SPTR)text, PCRE2_ZERO_TERMINATED, 0, 0, md, mctx);
	if (rc >= 0)
		return 1;
	if (rc != PCRE2_ERROR_NOMATCH)
		log_warn("msg=\"blocklist pattern failed\" index=%zu rc=%d", i, rc);
	return 0;
}

int spam_blocked(struct arena *a, const char *text)
{
	if (load(a) != 0)
		log_warn("msg=\"blocklist not read: checking with the last one\"");
	if (nlist == 0)
		return 0;
	/* Each pattern as written on the text as written, then both without
	 * their accents (unaccented()). */
	const char *plain = unaccented(a, text);
	int differs = strcmp(plain, text) != 0;
	for (size_t i = 0; i < nlist; i++) {
		if (matches(list[i], i, text))
			return 1;
		if ((differs || plain_list[i] != NULL) &&
		    matches(plain_list[i] ? plain_list[i] : list[i], i, plain))
			return 1;
	}
	return 0;
}
