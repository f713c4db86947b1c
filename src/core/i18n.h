/*
 * i18n.h - the message catalog: every interface string in Greek and English.
 *
 * Catalogs are gettext-style .po files, views/i18n/<area>.<lang>.po, with a
 * message key as msgid ("nav.home") and the text as msgstr.  They are read
 * once at start.  Templates name messages as [[key]]: tmpl.cc substitutes
 * them when it loads the templates, once per language, so a request pays
 * nothing for translation.  C code asks i18n_get() for the few strings it
 * builds itself (error messages, dates).  A key missing from any language
 * is an error at start, never an empty string at run time.
 */
#ifndef AGORA_I18N_H
#define AGORA_I18N_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum lang { LANG_EL, LANG_EN, LANG__MAX };

/* "el", "en" */
const char *i18n_code(enum lang l);
/* Load every <area>.<lang>.po in dir.  0, or -1 with a message (file:line).
 * Every key must exist in every language. */
int i18n_init(const char *dir, char *err, size_t errlen);
void i18n_free(void);
/* Number of languages with catalogs (0 before i18n_init). */
int i18n_loaded(void);
/* The text of key in l; the key itself if unknown (and logged once). */
const char *i18n_get(enum lang l, const char *key);
/* Like i18n_get, NULL if unknown. */
const char *i18n_find(enum lang l, const char *key);

#ifdef __cplusplus
}
#endif
#endif
