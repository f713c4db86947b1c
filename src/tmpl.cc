// tmpl.cc - the only C++ in Agora: a C API over Google ctemplate.
//
// Templates are loaded once from one directory and the cache is frozen, so
// requests never touch the disk or change the cache (PITFALLS.md).  Every
// entry point catches all exceptions: C callers see return codes only.
#include "tmpl.h"

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_emitter.h>
#include <dirent.h>
#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" {
#include "arena.h"
#include "buf.h"
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

extern "C" int tmpl_init(const char *dir, char *err, size_t errlen)
{
	try {
		ctemplate::TemplateCache *cache =
		    ctemplate::mutable_default_template_cache();
		if (!cache->SetTemplateRootDirectory(dir)) {
			snprintf(err, errlen, "cannot use template directory \"%s\"", dir);
			return -1;
		}
		DIR *dh = opendir(dir);
		if (dh == NULL) {
			snprintf(err, errlen, "opendir(\"%s\") failed: %s", dir,
			         strerror(errno));
			return -1;
		}
		int n = 0, rc = 0;
		while (struct dirent *e = readdir(dh)) {
			size_t l = strlen(e->d_name);
			if (l < 5 || strcmp(e->d_name + l - 4, ".tpl") != 0)
				continue;
			if (!cache->LoadTemplate(e->d_name, STRIP)) {
				snprintf(err, errlen, "template \"%s/%s\" does not parse",
				         dir, e->d_name);
				rc = -1;
				break;
			}
			n++;
		}
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

extern "C" tmpl_dict *tmpl_include(tmpl_dict *d, const char *name,
                                   const char *file)
{
	try {
		ctemplate::TemplateDictionary *c = D(d)->AddIncludeDictionary(name);
		c->SetFilename(file);
		return reinterpret_cast<tmpl_dict *>(c);
	} catch (...) {
		abort();
	}
}

extern "C" int tmpl_render(const char *file, tmpl_dict *d, struct buf *out)
{
	try {
		BufEmitter e(out);
		bool ok = ctemplate::default_template_cache()->ExpandNoLoad(
		    file, STRIP, D(d), NULL, &e);
		return ok ? 0 : -1;
	} catch (...) {
		return -1;
	}
}
