/*
 * fuzz_open311.c - libFuzzer target for the Open311 GeoReport v2 API's
 * parameters (open311/api.c, open311/post.c, the ISO 8601 reader
 * civil_from_iso and civil_iso of core/civil.c) and its document writer
 * (open311/emit.c) fed hostile text.
 *
 * Input: the first byte is the method ('P' POST, anything else GET); the
 * rest up to the first '\n' is the path after "/open311/v2/" (say
 * "requests.json" or "services/7.xml"), matched by the real route table
 * as req.c would hand it on (valid UTF-8 only); everything after the
 * '\n' is the query string (GET) or the urlencoded body (POST).  The
 * page's handler then runs as main.c runs it - with no database (a
 * socket that does not exist), so what passes every parameter check is
 * answered 503, and the parameter checks answer 400 or 404 before that.
 *
 * Checked: the answer is one of the statuses the API gives, in the
 * format asked for and well formed (XML: declaration, balanced elements,
 * text escaped, only characters XML 1.0 allows; JSON: parsed back by
 * core/json.c), an errors document saying the same code as the HTTP
 * status; resp_finish() takes its headers; a GET requests.{fmt} whose
 * parameters (but dates) are all valid by a reference reading reaches
 * the database, and one answered 503 had valid ones.  Every parameter
 * value is also read by civil_from_iso: an accepted time is
 * "YYYY-MM-DD HH:MM:SS", a real one, that civil_iso writes back to the
 * same; and written by the document writer as a string and a number in
 * both formats, which must be well formed and give the text back (XML:
 * less the characters it cannot hold).  See README.md for how to build
 * and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/civil.h"
#include "core/conf.h"
#include "core/json.h"
#include "core/log.h"
#include "core/utf8.h"
#include "db/db.h"
#include "http/ctx.h"
#include "http/route.h"
#include "open311/emit.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

#define SITE "https://www.example.gr"

/* A character XML 1.0 allows (its Char production). */
static int xml_char(unsigned cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
	       (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* XML text [s, e): characters XML allows, '<' never, '&' only in the
 * five entities; unescaped into out (when not NULL). */
static void xml_text_ok(const char *s, const char *e, struct buf *out)
{
	static const char *const ents[][2] = { { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
		                               { "&quot;", "\"" }, { "&apos;", "'" } };
	while (s < e) {
		CHECK(*s != '<' && *s != '>');
		if (*s == '&') {
			size_t i = 0;
			while (i < 5 && strncmp(s, ents[i][0], strlen(ents[i][0])) != 0)
				i++;
			CHECK(i < 5);
			if (out)
				buf_adds(out, ents[i][1]);
			s += strlen(ents[i][0]);
			continue;
		}
		unsigned cp;
		int k = utf8_decode(s, (size_t)(e - s), &cp);
		CHECK(k > 0 && xml_char(cp));
		if (out)
			buf_add(out, s, (size_t)k);
		s += k;
	}
}

/* A whole document as emit.c writes it; the text of the first element
 * named want (if not NULL) unescaped into text. */
static void xml_ok(const char *doc, size_t len, const char *want, struct buf *text)
{
	static const char decl[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
	const char *p = doc, *e = doc + len, *stack[16];
	size_t sl[16], depth = 0;
	int roots = 0, found = 0;
	CHECK(strlen(doc) == len);
	CHECK(strncmp(p, decl, sizeof(decl) - 1) == 0);
	p += sizeof(decl) - 1;
	while (p < e) {
		if (depth == 0 && roots == 1) {
			CHECK(strcmp(p, "\n") == 0);
			break;
		}
		if (*p != '<') {
			const char *t = memchr(p, '<', (size_t)(e - p));
			CHECK(depth > 0 && t != NULL);
			xml_text_ok(p, t, found == 1 ? text : NULL);
			p = t;
			continue;
		}
		int closing = p[1] == '/';
		const char *n = p + 1 + closing;
		size_t nl = strspn(n, "abcdefghijklmnopqrstuvwxyz_");
		CHECK(nl > 0 && n[nl] == '>');
		if (closing) {
			CHECK(depth > 0 && sl[depth - 1] == nl && strncmp(stack[depth - 1], n, nl) == 0);
			depth--;
			if (found == 1)
				found = 2;
		} else {
			CHECK(depth < 16);
			if (depth == 0)
				roots++;
			stack[depth] = n;
			sl[depth++] = nl;
			if (want && !found && strlen(want) == nl && strncmp(want, n, nl) == 0)
				found = 1;
			else if (found == 1)
				abort(); /* the element looked for holds text only */
		}
		p = n + nl + 1;
	}
	CHECK(depth == 0 && roots == 1);
}

/* A JSON document (an object or an array) as core/json.c reads it. */
static void json_ok(struct arena *a, const char *doc, size_t len)
{
	struct buf w;
	buf_init(&w, len + 16);
	buf_adds(&w, "{\"d\":");
	buf_add(&w, doc, len);
	buf_addc(&w, '}');
	struct json_member *m;
	const char *why;
	CHECK(strlen(doc) == len);
	CHECK(json_parse_object(a, w.p, w.len, w.len, &m, &why) == 0);
	CHECK(m != NULL && m->next == NULL);
	buf_free(&w);
}

/* The text XML can hold of valid UTF-8 s. */
static void xml_kept(struct buf *o, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int k = utf8_decode(s + i, n - i, &cp);
		CHECK(k > 0);
		if (xml_char(cp))
			buf_add(o, s + i, (size_t)k);
		i += (size_t)k;
	}
}

/* The writer on hostile text: a string and a number, in a list too. */
static void emit_value(struct arena *a, const char *v)
{
	for (int fmt = O311_XML; fmt <= O311_JSON; fmt++) {
		struct buf b;
		struct o311_doc d;
		buf_init(&b, 256);
		o311_open(&d, &b, (enum o311_fmt)fmt, "service_definition", 0);
		o311_str(&d, "description", v);
		o311_num(&d, "lat", v);
		o311_list(&d, "values");
		o311_obj(&d, "value");
		o311_str(&d, "name", v);
		o311_close(&d);
		if (fmt == O311_XML) {
			struct buf t, k;
			buf_init(&t, 64);
			buf_init(&k, 64);
			xml_ok(b.p, b.len, "description", &t);
			xml_kept(&k, v);
			CHECK(t.len == k.len && memcmp(t.p, k.p, t.len) == 0);
			buf_free(&t);
			buf_free(&k);
		} else {
			struct json_member *m;
			const char *why;
			CHECK(json_parse_object(a, b.p, b.len, b.len, &m, &why) == 0);
			const struct json_member *x = json_get(m, "description");
			CHECK(x && x->type == JSON_STRING && strcmp(x->val, v) == 0);
			x = json_get(m, "lat");
			CHECK(x && (x->type == JSON_NULL || (x->type == JSON_NUMBER &&
			                                     strcmp(x->val, v) == 0)));
		}
		buf_free(&b);
	}
}

/* civil_from_iso on any text: a real wall-clock time, written back the
 * same by civil_iso. */
static void check_iso(struct arena *a, const char *v)
{
	char out[20];
	memset(out, 'x', sizeof(out));
	if (civil_from_iso(v, out) != 0)
		return;
	CHECK(strnlen(out, sizeof(out)) == 19);
	int y, mo, d, h, mi, s;
	char tail;
	CHECK(sscanf(out, "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail) == 6);
	CHECK(out[4] == '-' && out[7] == '-' && out[10] == ' ' && out[13] == ':' && out[16] == ':');
	int y2, m2, d2;
	civil_date(civil_days(y, mo, d), &y2, &m2, &d2);
	CHECK(y2 == y && m2 == mo && d2 == d && h <= 23 && mi <= 59 && s <= 59);
	if (y < 1970 || y > 9999)
		return; /* an offset moved it out of the years civil_from_iso reads */
	const char *iso = civil_iso(a, out);
	char back[20];
	CHECK(iso != NULL && civil_from_iso(iso, back) == 0 && strcmp(back, out) == 0);
}

/* A requests.{fmt} query's parameters by the spec and api.c's limits:
 * 1 if all but the dates are valid, 0 if not, -1 if it cannot say (a
 * service code with other than ASCII around it: text_trim's spaces).
 * *dates: a date parameter given; *ids: service_request_id given. */
static int params_ok(const struct field *q, int *dates, int *ids)
{
	const char *page = NULL, *size = NULL, *status = NULL, *svc = NULL, *jur = NULL,
	           *rid = NULL;
	*dates = 0;
	/* The first of each name counts (req_query); empty is absent. */
	for (const struct field *f = q; f; f = f->next) {
		const char **slot = strcmp(f->name, "page") == 0 ? &page
		                  : strcmp(f->name, "page_size") == 0 ? &size
		                  : strcmp(f->name, "status") == 0 ? &status
		                  : strcmp(f->name, "service_code") == 0 ? &svc
		                  : strcmp(f->name, "jurisdiction_id") == 0 ? &jur
		                  : strcmp(f->name, "service_request_id") == 0 ? &rid : NULL;
		if (strcmp(f->name, "start_date") == 0 || strcmp(f->name, "end_date") == 0 ||
		    strcmp(f->name, "updated_after") == 0 || strcmp(f->name, "updated_before") == 0)
			*dates = 1;
		if (slot != NULL && *slot == NULL)
			*slot = f->val;
	}
	/* Requests by number: the other parameters are not read. */
	*ids = rid != NULL && *rid;
	if (jur && *jur && strcmp(jur, "www.example.gr") != 0)
		return 0;
	long long p = 1, n = 1000;
	if (page && *page) {
		if (strlen(page) > 9 || strspn(page, "0123456789") != strlen(page) ||
		    (p = atoll(page)) < 1 || p > 1000000)
			return 0;
	}
	if (size && *size) {
		if (strlen(size) > 9 || strspn(size, "0123456789") != strlen(size) ||
		    (n = atoll(size)) < 1 || n > 1000)
			return 0;
	}
	if ((p - 1) * n > 100000)
		return 0;
	if (status && *status && strcmp(status, "open") != 0 && strcmp(status, "closed") != 0)
		return 0;
	if (svc && *svc) {
		/* Service codes 1-65535 separated by commas (white space
		 * around each), at most 50, at least one. */
		size_t count = 0;
		for (const char *s = svc; *s;) {
			size_t k = strcspn(s, ",");
			if (k > 0) {
				size_t b = 0, e = k;
				while (b < e && strchr(" \t\n\r\v\f", s[b]))
					b++;
				while (e > b && strchr(" \t\n\r\v\f", s[e - 1]))
					e--;
				if (e - b == 0 || e - b > 5 || s[b] == '0' ||
				    strspn(s + b, "0123456789") < e - b || atoll(s + b) > 65535) {
					for (size_t i = 0; i < k; i++)
						if ((unsigned char)s[i] >= 0x80)
							return -1;
					return 0;
				}
				count++;
			}
			s += k + (s[k] == ',');
		}
		if (count == 0 || count > 50)
			return 0;
	}
	return 1;
}

/* A setting in place of conf_defaults' (its copy freed, as conf_free would). */
static void set(char **field, const char *v)
{
	free(*field);
	if ((*field = strdup(v)) == NULL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static struct conf conf;
	static struct resp res;
	if (a == NULL) {
		char err[256];
		a = arena_new(1 << 16);
		conf_defaults(&conf);
		set(&conf.site_url, SITE);
		/* Never a database: a socket that does not exist. */
		set(&conf.db_host, "");
		set(&conf.db_socket, "/nonexistent/agora-fuzz/mysqld.sock");
		db_setup(&conf, 0);
		log_set_level(LOG_ERROR);
		setenv("TZ", "Europe/Athens", 1);
		tzset();
		if (route_init(err, sizeof(err)) != 0)
			abort();
		resp_init(&res);
	}
	arena_reset(a);
	resp_reset(&res);
	if (size < 1)
		return 0;
	int post = data[0] == 'P';
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	const char *nl = memchr(s, '\n', n);
	size_t pl = nl ? (size_t)(nl - s) : n;
	if (pl > 200 || !utf8_valid(s, pl))
		return 0;
	char *path = arena_printf(a, "/open311/v2/%.*s", (int)pl, s);
	const char *rest = nl ? nl + 1 : s + n;
	size_t rl = (size_t)(s + n - rest);
	char *q = malloc(rl ? rl : 1); /* exact size: overreads hit the redzone */
	if (q == NULL)
		return 0;
	memcpy(q, rest, rl);

	struct req r = { .a = a, .rid = "fuzz", .method = post ? M_POST : M_GET,
	                 .method_s = post ? "POST" : "GET", .query_s = "", .ctype = "",
	                 .host = "www.example.gr", .remote_addr = "192.0.2.1", .user_agent = "" };
	struct ctx c = { .r = &r, .res = &res, .conf = &conf, .lang = LANG_EL, .lp = "" };
	const char *why;
	enum page page;
	const char *allow;
	if (route_match(a, r.method, path, &page, r.cap, &allow) != ROUTE_FOUND ||
	    strncmp(path, "/open311/v2/", 12) != 0 ||
	    req_parse_urlencoded(a, q, rl, &conf.lim, post ? &r.form : &r.query, &why) != 0) {
		free(q);
		return 0;
	}
	r.path = path;
	c.page = page;
	dispatch_handler(page)(&c);

	/* The answer. */
	const char *ext = NULL;
	for (int i = 0; i < 4; i++)
		if (r.cap[i] && (strcmp(r.cap[i], "xml") == 0 || strcmp(r.cap[i], "json") == 0))
			ext = r.cap[i];
	CHECK(ext != NULL);
	enum o311_fmt fmt = strcmp(ext, "json") == 0 ? O311_JSON : O311_XML;
	int st = res.status;
	CHECK(st == 200 || st == 400 || st == 403 || st == 404 || st == 503);
	CHECK(res.ctype && strcmp(res.ctype, o311_ctype(fmt)) == 0);
	CHECK(st != 503 || res.retry_after == 30);
	CHECK(st != 200 || page == PAGE_OPEN311_DISCOVERY);
	size_t bl;
	const char *body = resp_body(&res, &bl);
	if (fmt == O311_XML)
		xml_ok(body, bl, NULL, NULL);
	else
		json_ok(a, body, bl);
	if (st != 200) {
		char code[32];
		snprintf(code, sizeof(code), fmt == O311_XML ? "<code>%d</code>" : "\"code\":%d", st);
		CHECK(strstr(body, code) != NULL);
	}
	size_t hl;
	const char *whole = resp_finish(&res, &hl);
	char line[32];
	snprintf(line, sizeof(line), "Status: %d", st);
	CHECK(whole != NULL && hl >= bl && strstr(whole, line) == whole);

	/* A GET requests.{fmt} without dates or ids reaches the database
	 * exactly when its parameters are valid. */
	if (page == PAGE_OPEN311_REQUESTS) {
		int dates, ids;
		int ok = params_ok(r.query, &dates, &ids);
		if (!ids && !dates && ok >= 0)
			CHECK((st == 503) == (ok == 1));
		if (!ids && st == 503)
			CHECK(ok != 0);
	}

	for (const struct field *f = post ? r.form : r.query; f; f = f->next) {
		check_iso(a, f->val);
		emit_value(a, f->val);
	}
	free(q);
	return 0;
}
