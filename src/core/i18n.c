/*
 * i18n.c - reading the .po catalogs.  Only what Agora's catalogs use is
 * supported: msgid/msgstr pairs of one or more quoted lines, the escapes
 * \" \\ \n \t, and '#' comments.  Messages live in a sorted array searched
 * with bsearch: a few hundred keys, looked up rarely (templates are
 * translated at load time).
 */
#include "core/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

struct msg {
	char *key;
	char *text[LANG__MAX];
};

static struct msg *msgs;
static size_t nmsgs, capmsgs;
static int nlangs;

static const char *const codes[LANG__MAX] = { "el", "en" };

const char *i18n_code(enum lang l)
{
	return codes[l];
}

int i18n_loaded(void)
{
	return nlangs;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (p == NULL) {
		log_error("msg=\"out of memory\"");
		abort();
	}
	return p;
}

static struct msg *find(const char *key)
{
	for (size_t i = 0; i < nmsgs; i++) /* only while loading */
		if (strcmp(msgs[i].key, key) == 0)
			return &msgs[i];
	return NULL;
}

/* Append the quoted string at s (after optional spaces) to *acc; 0 if not a
 * well-formed "..." string. */
static int unquote(const char *s, char **acc)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s++ != '"')
		return 0;
	size_t have = *acc ? strlen(*acc) : 0;
	char *out = xrealloc(*acc, have + strlen(s) + 1);
	char *o = out + have;
	for (; *s && *s != '"'; s++) {
		if (*s == '\\') {
			s++;
			switch (*s) {
			case 'n': *o++ = '\n'; break;
			case 't': *o++ = '\t'; break;
			case '"': *o++ = '"'; break;
			case '\\': *o++ = '\\'; break;
			default: free(out); *acc = NULL; return 0;
			}
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	*acc = out;
	if (*s != '"')
		return 0;
	s++;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	return *s == '\0';
}

static int add(const char *key, const char *text, int lang, const char *path,
               unsigned line, char *err, size_t errlen)
{
	struct msg *m = find(key);
	if (m == NULL) {
		if (nmsgs == capmsgs) {
			capmsgs = capmsgs ? capmsgs * 2 : 256;
			msgs = xrealloc(msgs, capmsgs * sizeof(*msgs));
		}
		m = &msgs[nmsgs++];
		memset(m, 0, sizeof(*m));
		m->key = strdup(key);
	}
	if (m->text[lang] != NULL) {
		snprintf(err, errlen, "%s:%u: message \"%s\" defined twice", path,
		         line, key);
		return -1;
	}
	m->text[lang] = strdup(text);
	return 0;
}

static int load_file(const char *path, int lang, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		snprintf(err, errlen, "open(\"%s\") failed: %s", path, strerror(errno));
		return -1;
	}
	char *line = NULL, *id = NULL, *str = NULL, **cur = NULL;
	size_t cap = 0;
	unsigned n = 0, idline = 0;
	int rc = 0;
	for (;;) {
		ssize_t got = getline(&line, &cap, f);
		char *s = got >= 0 ? line : NULL;
		if (s != NULL) {
			n++;
			while (*s == ' ' || *s == '\t')
				s++;
		}
		int ends = s == NULL || strncmp(s, "msgid", 5) == 0;
		if (ends && id != NULL) { /* finish the previous message */
			if (str == NULL) {
				snprintf(err, errlen, "%s:%u: msgid without msgstr", path, idline);
				rc = -1;
				break;
			}
			if (*id != '\0' && add(id, str, lang, path, idline, err, errlen) != 0) {
				rc = -1;
				break;
			}
			free(id);
			free(str);
			id = str = NULL;
		}
		if (s == NULL)
			break;
		if (*s == '#' || *s == '\n' || *s == '\r' || *s == '\0')
			continue;
		int ok;
		if (strncmp(s, "msgid ", 6) == 0) {
			idline = n;
			cur = &id;
			ok = unquote(s + 6, cur);
		} else if (strncmp(s, "msgstr ", 7) == 0 && id != NULL) {
			if (str != NULL) {
				snprintf(err, errlen, "%s:%u: a second msgstr for one msgid", path, n);
				rc = -1;
				break;
			}
			cur = &str;
			ok = unquote(s + 7, cur);
		} else if (*s == '"' && cur != NULL) {
			ok = unquote(s, cur);
		} else {
			ok = 0;
		}
		if (!ok) {
			snprintf(err, errlen, "%s:%u: not a msgid, msgstr or \"...\" line", path, n);
			rc = -1;
			break;
		}
	}
	free(id);
	free(str);
	free(line);
	fclose(f);
	return rc;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct msg *)a)->key, ((const struct msg *)b)->key);
}

int i18n_init(const char *dir, char *err, size_t errlen)
{
	i18n_free();
	DIR *d = opendir(dir);
	if (d == NULL) {
		snprintf(err, errlen, "opendir(\"%s\") failed: %s", dir, strerror(errno));
		return -1;
	}
	int seen[LANG__MAX] = { 0 };
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		for (int lang = 0; lang < LANG__MAX; lang++) {
			char suffix[8];
			snprintf(suffix, sizeof(suffix), ".%s.po", codes[lang]);
			if (l > 6 && strcmp(e->d_name + l - 6, suffix) == 0) {
				char path[4096];
				snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
				if (load_file(path, lang, err, errlen) != 0) {
					closedir(d);
					return -1;
				}
				seen[lang] = 1;
			}
		}
	}
	closedir(d);
	for (int lang = 0; lang < LANG__MAX; lang++)
		if (!seen[lang]) {
			snprintf(err, errlen, "%s: no *.%s.po catalog", dir, codes[lang]);
			return -1;
		}
	for (size_t i = 0; i < nmsgs; i++)
		for (int lang = 0; lang < LANG__MAX; lang++)
			if (msgs[i].text[lang] == NULL) {
				snprintf(err, errlen, "%s: message \"%s\" has no %s text",
				         dir, msgs[i].key, codes[lang]);
				return -1;
			}
	qsort(msgs, nmsgs, sizeof(*msgs), by_key);
	nlangs = LANG__MAX;
	return 0;
}

void i18n_free(void)
{
	for (size_t i = 0; i < nmsgs; i++) {
		free(msgs[i].key);
		for (int l = 0; l < LANG__MAX; l++)
			free(msgs[i].text[l]);
	}
	free(msgs);
	msgs = NULL;
	nmsgs = capmsgs = 0;
	nlangs = 0;
}

const char *i18n_find(enum lang l, const char *key)
{
	struct msg k = { (char *)key, { NULL } };
	const struct msg *m = nmsgs ? bsearch(&k, msgs, nmsgs, sizeof(*msgs), by_key) : NULL;
	return m ? m->text[l] : NULL;
}

const char *i18n_get(enum lang l, const char *key)
{
	const char *t = i18n_find(l, key);
	if (t == NULL) {
		log_warn("msg=\"no such message\" key=\"%s\"", key);
		return key;
	}
	return t;
}
