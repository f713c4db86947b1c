/*
 * spam.h (comments) - the spam checks that need no third party, in the
 * order a post meets them (comments/post.c): the honeypot field, the
 * time since the form was shown (its token's signed timestamp), the
 * per-address rate, the number of links, the moderators' blocklist,
 * and identical repeats.  Each refusal has its own message key.
 *
 * The blocklist is PCRE2 patterns (UTF, caseless) from comment_blocklist,
 * matched as written and also with the accents taken off both the pattern
 * and the text ("καζίνο" finds "ΚΑΖΙΝΟ" and "καζινο"), compiled once per
 * worker and reloaded when older than 30 seconds, so a
 * moderator's change applies within half a minute.  Matching has a match
 * and depth limit: a pattern that backtracks without end counts as no
 * match (logged) instead of holding the worker.
 */
#ifndef AGORA_COMMENTS_SPAM_H
#define AGORA_COMMENTS_SPAM_H

#include <stddef.h>

struct arena;

/* 1 if pattern compiles as a blocklist pattern; else 0 and PCRE2's
 * message (with the offset) in err. */
int spam_pattern_ok(const char *pattern, char *err, size_t errlen);

/* 1 if text matches one of the blocklist's patterns (loaded from the
 * database when older than 30 s); 0 if none, or when the list cannot be
 * read (logged: a database fault does not stop every comment). */
int spam_blocked(struct arena *a, const char *text);

/* Forget the compiled list, so the next check reloads it (after a
 * moderator's change in this worker). */
void spam_blocklist_reset(void);

#endif
