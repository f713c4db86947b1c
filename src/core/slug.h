/*
 * slug.h - URL slugs from titles.  Greek is transliterated to Latin per
 * ELOT 743 (the Greek standard, also UN-adopted): "Μυτιλήνη" -> "mytilini",
 * "Ευαγγελισμός" -> "evangelismos".  Latin letters and digits are kept, lower
 * cased; every other run of characters becomes one '-'; no leading or trailing
 * '-'; at most SLUG_MAX bytes, cut at a '-' where possible.
 */
#ifndef AGORA_SLUG_H
#define AGORA_SLUG_H

#include <stddef.h>

#define SLUG_MAX 80

struct arena;

/* The slug of the UTF-8 title s, in the arena; "" if nothing is left. */
char *slug_make(struct arena *a, const char *s);

#endif
