// tmpl.cc - the only C++ in Agora: a C API over Google ctemplate.
//
// Templates are loaded once from one directory and the cache is frozen, so
// requests never touch the disk or change the cache (PITFALLS.md).  Every
// entry point catches all exceptions: C callers see return codes only.
#include "view/tmpl.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_emitter.h>
#include <dirent.h>
#include <sys/stat.h>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" {
#include "core/arena.h"
#include "core/buf.h"
#include "core/i18n.h"
}

namespace {

const ctemplate::Strip STRIP = ctemplate::STRIP_BLANK_LINES;

// Emits straight into the response buffer: no intermediate std::string.
class BufEmitter : public ctemplate::ExpandEmitter {
	struct buf *b_;

public:
	explicit BufEmitter(struct buf *b) : b_(b) {}
	void Emit(char c) override { buf_addc(b_, c); }
	void Emit(const std::string &s) override { buf_add(b_, s.data(), s.size()); }
	void Emit(const char *s) override { buf_adds(b_, s); }
	void Emit(const char *s, size_t n) override { buf_add(b_, s, n); }
};

ctemplate::TemplateDictionary *D(tmpl_dict *d)
{
	return reinterpret_cast<ctemplate::TemplateDictionary *>(d);
}

void dict_delete(void *p)
{
	delete static_cast<ctemplate::TemplateDictionary *>(p);
}

} // namespace

// Templates are cached once per language under "<code>/<file>".
static std::string cache_key(enum lang l, const char *file)
{
	return std::string(i18n_code(l)) + "/" + file;
}

namespace {

bool slurp(const std::string &path, std::string *out)
{
	FILE *f = fopen(path.c_str(), "rb");
	if (f == NULL)
		return false;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		out->append(chunk, n);
	bool ok = !ferror(f);
	fclose(f);
	return ok;
}

void html_escape(const char *s, std::string *out)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': *out += "&amp;"; break;
		case '<': *out += "&lt;"; break;
		case '>': *out += "&gt;"; break;
		case '"': *out += "&quot;"; break;
		case '\'': *out += "&#39;"; break;
		default: *out += *s;
		}
	}
}

// Replace every [[key]] with the escaped text of key in lang.  Message text
// is plain text, escaped for HTML/XML here, once, at load time.  Returns
// false with the unknown key in *bad.
bool translate(const std::string &in, int lang, std::string *out,
               std::string *bad)
{
	size_t pos = 0;
	for (;;) {
		size_t open = in.find("[[", pos);
		if (open == std::string::npos)
			break;
		size_t close = in.find("]]", open + 2);
		if (close == std::string::npos)
			break;
		std::string key = in.substr(open + 2, close - open - 2);
		if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") !=
		        std::string::npos || key.empty()) {
			out->append(in, pos, open + 2 - pos); // not a marker
			pos = open + 2;
			continue;
		}
		const char *text = i18n_loaded() ? i18n_find((enum lang)lang, key.c_str()) : NULL;
		if (text == NULL) {
			*bad = key;
			return false;
		}
		out->append(in, pos, open - pos);
		html_escape(text, out);
		pos = close + 2;
	}
	out->append(in, pos, std::string::npos);
	return true;
}

/* Load every *.tpl of dir, each translated into every language, as
 * "<lang>/<prefix><file>"; *n counts them.  0, or -1 with err set. */
static int load_dir(ctemplate::TemplateCache *cache, const char *dir,
                    const std::string &prefix, int langs, int *n, char *err,
                    size_t errlen)
{
	DIR *dh = opendir(dir);
	if (dh == NULL) {
		snprintf(err, errlen, "opendir(\"%s\") failed: %s", dir,
		         strerror(errno));
		return -1;
	}
	int rc = 0;
	while (struct dirent *e = readdir(dh)) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".tpl") != 0)
			continue;
		std::string path = std::string(dir) + "/" + e->d_name, src;
		if (!slurp(path, &src)) {
			snprintf(err, errlen, "cannot read template \"%s\"", path.c_str());
			rc = -1;
			break;
		}
		for (int lang = 0; lang < langs && rc == 0; lang++) {
			std::string text, bad;
			if (!translate(src, lang, &text, &bad)) {
				snprintf(err, errlen, "template \"%s\": no message \"%s\"",
				         path.c_str(), bad.c_str());
				rc = -1;
				break;
			}
			std::string key = std::string(i18n_code((enum lang)lang)) + "/" +
			                  prefix + e->d_name;
			if (!cache->StringToTemplateCache(key, text, STRIP)) {
				snprintf(err, errlen, "template \"%s\" does not parse",
				         path.c_str());
				rc = -1;
			}
		}
		if (rc != 0)
			break;
		(*n)++;
	}
	closedir(dh);
	return rc;
}

} // namespace

extern "C" int tmpl_init(const char *dir, char *err, size_t errlen)
{
	try {
		ctemplate::TemplateCache *cache =
		    ctemplate::mutable_default_template_cache();
		std::string i18n_dir = std::string(dir) + "/i18n";
		DIR *probe = opendir(i18n_dir.c_str());
		if (probe != NULL) {
			closedir(probe);
			if (i18n_init(i18n_dir.c_str(), err, errlen) != 0)
				return -1;
		}
		int langs = i18n_loaded() ? LANG__MAX : 1;
		/* The views directory and one level of folders in it (admin/,
		 * ...): a template's name is its path below dir. */
		int n = 0, rc = load_dir(cache, dir, "", langs, &n, err, errlen);
		DIR *dh = rc == 0 ? opendir(dir) : NULL;
		while (dh != NULL && rc == 0) {
			struct dirent *e = readdir(dh);
			if (e == NULL)
				break;
			if (e->d_name[0] == '.' || strcmp(e->d_name, "i18n") == 0 ||
			    strcmp(e->d_name, "static") == 0)
				continue;
			std::string sub = std::string(dir) + "/" + e->d_name;
			struct stat st;
			if (stat(sub.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
				continue;
			rc = load_dir(cache, sub.c_str(), std::string(e->d_name) + "/",
			              langs, &n, err, errlen);
		}
		if (dh != NULL)
			closedir(dh);
		if (rc == 0 && n == 0) {
			snprintf(err, errlen, "no templates (*.tpl) in \"%s\"", dir);
			rc = -1;
		}
		if (rc == 0)
			cache->Freeze();
		return rc;
	} catch (const std::exception &ex) {
		snprintf(err, errlen, "template loading failed: %s", ex.what());
	} catch (...) {
		snprintf(err, errlen, "template loading failed");
	}
	return -1;
}

extern "C" void tmpl_shutdown(void)
{
	try {
		ctemplate::mutable_default_template_cache()->ClearCache();
		i18n_free();
	} catch (...) {
	}
}

extern "C" tmpl_dict *tmpl_dict_new(struct arena *a)
{
	try {
		auto *d = new ctemplate::TemplateDictionary("page");
		arena_cleanup(a, dict_delete, d);
		return reinterpret_cast<tmpl_dict *>(d);
	} catch (...) {
		abort(); // out of memory: the supervisor restarts the worker
	}
}

extern "C" void tmpl_set(tmpl_dict *d, const char *key, const char *val)
{
	try {
		D(d)->SetValue(key, val ? val : "");
	} catch (...) {
		abort();
	}
}

extern "C" void tmpl_set_n(tmpl_dict *d, const char *key, const char *val,
                           size_t n)
{
	try {
		D(d)->SetValue(key, ctemplate::TemplateString(val, n));
	} catch (...) {
		abort();
	}
}

extern "C" void tmpl_set_int(tmpl_dict *d, const char *key, long long v)
{
	try {
		D(d)->SetIntValue(key, static_cast<long>(v));
	} catch (...) {
		abort();
	}
}

extern "C" void tmpl_set_global(tmpl_dict *d, const char *key, const char *val)
{
	try {
		D(d)->SetTemplateGlobalValue(key, val ? val : "");
	} catch (...) {
		abort();
	}
}

extern "C" void tmpl_show(tmpl_dict *d, const char *section)
{
	try {
		D(d)->ShowSection(section);
	} catch (...) {
		abort();
	}
}

extern "C" tmpl_dict *tmpl_add(tmpl_dict *d, const char *section)
{
	try {
		return reinterpret_cast<tmpl_dict *>(D(d)->AddSectionDictionary(section));
	} catch (...) {
		abort();
	}
}

extern "C" tmpl_dict *tmpl_include(tmpl_dict *d, enum lang l,
                                   const char *name, const char *file)
{
	try {
		ctemplate::TemplateDictionary *c = D(d)->AddIncludeDictionary(name);
		c->SetFilename(cache_key(l, file));
		return reinterpret_cast<tmpl_dict *>(c);
	} catch (...) {
		abort();
	}
}

extern "C" int tmpl_render(const char *file, enum lang l, tmpl_dict *d,
                           struct buf *out)
{
	try {
		BufEmitter e(out);
		bool ok = ctemplate::default_template_cache()->ExpandNoLoad(
		    cache_key(l, file), STRIP, D(d), NULL, &e);
		return ok ? 0 : -1;
	} catch (...) {
		return -1;
	}
}
