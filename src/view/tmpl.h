/*
 * tmpl.h - the C face of Google ctemplate (implemented in tmpl.cc, the only
 * C++ file).  Every *.tpl under the views directory is loaded and checked at
 * start, then the cache is frozen; requests only fill dictionaries and render.
 * No C++ exception crosses this interface: failures are return values.
 */
#ifndef AGORA_TMPL_H
#define AGORA_TMPL_H

#include <stddef.h>

#include "core/i18n.h"

#ifdef __cplusplus
extern "C" {
#endif

struct buf;
struct arena;
typedef struct tmpl_dict tmpl_dict;

/* Load the catalogs in dir/i18n (if that directory exists), then every
 * *.tpl in dir (not recursive), translated into each language ([[key]]
 * markers replaced by escaped message text), then freeze the cache.  0 on
 * success; -1 with a message in err naming the template or key that failed. */
int tmpl_init(const char *dir, char *err, size_t errlen);
void tmpl_shutdown(void);

/* A top-level dictionary freed when the arena resets. */
tmpl_dict *tmpl_dict_new(struct arena *a);
/* Values are copied into the dictionary. */
void tmpl_set(tmpl_dict *d, const char *key, const char *val);
void tmpl_set_n(tmpl_dict *d, const char *key, const char *val, size_t n);
void tmpl_set_int(tmpl_dict *d, const char *key, long long v);
/* Set key on d and every dictionary below it (site-wide values). */
void tmpl_set_global(tmpl_dict *d, const char *key, const char *val);
/* Show section once (no new dictionary). */
void tmpl_show(tmpl_dict *d, const char *section);
/* Add one repetition of section; the child belongs to d. */
tmpl_dict *tmpl_add(tmpl_dict *d, const char *section);
/* Fill include marker name with template file (must have been loaded), in
 * language l (templates are translated once per language at load). */
tmpl_dict *tmpl_include(tmpl_dict *d, enum lang l, const char *name,
                        const char *file);

/* Render file in language l with d, appending to out.  0 on success, -1 on failure (the
 * template is unknown or ctemplate threw); out may then hold partial output. */
int tmpl_render(const char *file, enum lang l, tmpl_dict *d, struct buf *out);

#ifdef __cplusplus
}
#endif
#endif
