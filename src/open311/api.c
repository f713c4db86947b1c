/*
 * api.c - the Open311 GeoReport v2 resources (api.h): discovery, the
 * services and a service's definition (the request categories and their
 * extra questions), the requests and one request.  Reads through
 * open311/db_open311.c and requests/db_requests.c (a category's
 * questions); writes nothing.
 *
 * Agora's statuses map to the spec's two: open while a request is to be
 * handled (requests/rules.h RQ_OPEN_SQL), closed once resolved, rejected,
 * a duplicate or not the municipality's.  status_notes is the latest
 * public reply, or the status in words when there is none.  Times are
 * ISO 8601 with the municipality's offset; service_request_id is the
 * public tracking code ("2026-000123"); service_code the category's
 * number.  Errors answer the spec's errors document with the same code
 * as the HTTP status: 400 a bad parameter, 404 an unknown service,
 * request or jurisdiction.
 */
#include "open311/api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/civil.h"
#include "core/text.h"
#include "media/serve.h"
#include "open311/db_open311.h"
#include "open311/emit.h"
#include "requests/db_requests.h"

#define SPEC_URL "http://wiki.open311.org/GeoReport_v2"
#define CHANGESET "2026-12-02T00:00:00+02:00" /* this API's last change */
#define WINDOW_DAYS 90      /* the spec's default span, and the widest asked */
#define PAGE_SIZE_MAX 1000  /* the spec's default and largest page */
#define OFFSET_MAX 100000   /* rows skipped at most: narrow the dates instead */
#define IDS_MAX 100         /* service_request_id values in one GET */
#define SERVICES_MAX 50     /* service_code values in one GET */

static enum o311_fmt fmt_of(const char *ext)
{
	return ext != NULL && strcmp(ext, "json") == 0 ? O311_JSON : O311_XML;
}

/* A query parameter; an empty one counts as absent (the spec). */
static const char *param(struct ctx *c, const char *name)
{
	const char *v = req_query(c->r, name);
	return v != NULL && *v ? v : NULL;
}

void o311_start(struct ctx *c, struct o311_doc *d, enum o311_fmt fmt, int status,
                const char *root, int list)
{
	c->res->status = status;
	c->res->ctype = o311_ctype(fmt);
	/* Any page may read what is public; a POST is for a key's holder. */
	c->res->cors = c->r->method != M_POST;
	c->res->cache = "no-cache";
	o311_open(d, &c->res->out, fmt, root, list);
}

void o311_error(struct ctx *c, enum o311_fmt fmt, int code, const char *description)
{
	struct o311_doc d;
	o311_start(c, &d, fmt, code, "errors", 1);
	o311_obj(&d, "error");
	o311_num(&d, "code", arena_printf(c->r->a, "%d", code));
	o311_str(&d, "description", description);
	o311_close(&d);
}

/* The jurisdiction_id, when given, must be this site's host name: one
 * endpoint, one municipality.  1, or 0 after answering 404. */
static int jurisdiction_ok(struct ctx *c, enum o311_fmt fmt)
{
	const char *j = param(c, "jurisdiction_id");
	if (j == NULL || strcmp(j, text_url_host(c->r->a, c->conf->site_url)) == 0)
		return 1;
	o311_error(c, fmt, 404, "jurisdiction_id not found");
	return 0;
}

int o311_begin(struct ctx *c, const char *ext, enum o311_fmt *fmt)
{
	*fmt = fmt_of(ext);
	return jurisdiction_ok(c, *fmt);
}

void o311_db_failed(struct ctx *c, enum o311_fmt fmt, int rc)
{
	resp_clear_body(c->res);
	if (rc == DB_DOWN)
		c->res->retry_after = 30;
	o311_error(c, fmt, rc == DB_DOWN ? 503 : 500,
	           rc == DB_DOWN ? "the service is unavailable, try again later" : "internal error");
}

/* ---- discovery ------------------------------------------------------------ */

void open311_discovery(struct ctx *c)
{
	enum o311_fmt fmt;
	if (!o311_begin(c, c->r->cap[0], &fmt))
		return;
	struct arena *a = c->r->a;
	const struct conf *cf = c->conf;
	struct o311_doc d;
	o311_start(c, &d, fmt, 200, "discovery", 0);
	o311_str(&d, "changeset", CHANGESET);
	o311_str(&d, "contact", cf->contact_phone[0]
	         ? arena_printf(a, "%s, %s", cf->site_name, cf->contact_phone) : cf->site_name);
	o311_str(&d, "key_service", arena_printf(a, "%s/open311", cf->site_url));
	o311_list(&d, "endpoints");
	o311_obj(&d, "endpoint");
	o311_str(&d, "specification", SPEC_URL);
	o311_str(&d, "url", arena_printf(a, "%s/open311/v2", cf->site_url));
	o311_str(&d, "changeset", CHANGESET);
	o311_str(&d, "type", "production");
	o311_list(&d, "formats");
	o311_str(&d, "format", "text/xml");
	o311_str(&d, "format", "application/json");
	o311_close(&d);
}

/* ---- services ------------------------------------------------------------- */

static void service_fields(struct o311_doc *d, const struct db_res *s, size_t i)
{
	o311_str(d, "service_code", db_str(s, i, OS_ID));
	o311_str(d, "service_name", db_str(s, i, OS_NAME));
	o311_str(d, "description", db_str(s, i, OS_NAME));
	o311_bool(d, "metadata", db_ll(s, i, OS_QUESTIONS) != 0);
	o311_str(d, "type", "realtime");
	o311_str(d, "keywords", NULL);
	o311_str(d, "group", db_str(s, i, OS_GROUP));
}

void open311_services(struct ctx *c)
{
	enum o311_fmt fmt;
	if (!o311_begin(c, c->r->cap[0], &fmt))
		return;
	struct db_res s;
	int rc = db_o311_services(c->r->a, &s);
	if (rc != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	struct o311_doc d;
	o311_start(c, &d, fmt, 200, "services", 1);
	for (size_t i = 0; i < s.nrows; i++) {
		o311_obj(&d, "service");
		service_fields(&d, &s, i);
		o311_end(&d);
	}
	o311_close(&d);
}

long long o311_service_id(const char *s)
{
	if (s == NULL || *s == '\0' || strlen(s) > 5 || strspn(s, "0123456789") != strlen(s) ||
	    s[0] == '0')
		return 0;
	long long v = atoll(s);
	return v <= 65535 ? v : 0;
}

/* The spec's datatype of a question: a number, one choice, several, or
 * text - short ("string", up to 200 characters) or long ("text"). */
static const char *datatype(const struct db_res *q, size_t i)
{
	const char *kind = db_str(q, i, RQ_QKIND);
	if (strcmp(kind, "number") == 0)
		return "number";
	if (strcmp(kind, "choice") == 0)
		return "singlevaluelist";
	if (strcmp(kind, "multi") == 0)
		return "multivaluelist";
	const char *max = db_str(q, i, RQ_QMAX);
	return max != NULL && atoll(max) <= 200 ? "string" : "text";
}

/* What the question's answer must be, in words, or its hint. */
static const char *datatype_description(struct arena *a, const struct db_res *q, size_t i)
{
	const char *lo = db_str(q, i, RQ_QMIN), *hi = db_str(q, i, RQ_QMAX);
	const char *hint = db_str(q, i, RQ_QHINT);
	if (strcmp(db_str(q, i, RQ_QKIND), "number") == 0 && lo != NULL && hi != NULL)
		return arena_printf(a, "%s–%s%s%s", lo, hi, hint && *hint ? " · " : "",
		                    hint ? hint : "");
	return hint != NULL && *hint ? hint : NULL;
}

void open311_service(struct ctx *c)
{
	struct arena *a = c->r->a;
	enum o311_fmt fmt;
	if (!o311_begin(c, c->r->cap[1], &fmt))
		return;
	long long id = o311_service_id(c->r->cap[0]);
	struct db_res s, q, ch;
	int rc = id ? db_o311_service(a, id, &s) : DB_OK;
	if (rc == DB_OK && (id == 0 || s.nrows == 0)) {
		o311_error(c, fmt, 404, "service_code not found");
		return;
	}
	if (rc == DB_OK)
		rc = db_rq_questions(a, id, &q);
	if (rc == DB_OK)
		rc = db_rq_choices(a, id, &ch);
	if (rc != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	struct o311_doc d;
	o311_start(c, &d, fmt, 200, "service_definition", 0);
	o311_str(&d, "service_code", db_str(&s, 0, OS_ID));
	o311_list(&d, "attributes");
	for (size_t i = 0; i < q.nrows; i++) {
		const char *kind = db_str(&q, i, RQ_QKIND);
		int list = strcmp(kind, "choice") == 0 || strcmp(kind, "multi") == 0;
		o311_obj(&d, "attribute");
		o311_bool(&d, "variable", 1);
		o311_str(&d, "code", db_str(&q, i, RQ_QID));
		o311_str(&d, "datatype", datatype(&q, i));
		o311_bool(&d, "required", db_ll(&q, i, RQ_QREQ) != 0);
		o311_str(&d, "datatype_description", datatype_description(a, &q, i));
		o311_num(&d, "order", arena_printf(a, "%zu", i + 1));
		o311_str(&d, "description", db_str(&q, i, RQ_QLABEL));
		/* values always, empty but for the lists: clients read it
		 * unconditionally (open311_java's getJSONArray). */
		o311_list(&d, "values");
		for (size_t j = 0; list && j < ch.nrows; j++) {
			if (strcmp(db_str(&ch, j, RCH_QID), db_str(&q, i, RQ_QID)) != 0)
				continue;
			o311_obj(&d, "value");
			o311_str(&d, "key", db_str(&ch, j, RCH_ID));
			o311_str(&d, "name", db_str(&ch, j, RCH_LABEL));
			o311_end(&d);
		}
		o311_end(&d);
		o311_end(&d);
	}
	o311_close(&d);
}

/* ---- requests --------------------------------------------------------------- */

static int is_open(const char *status)
{
	static const char *const open[] = { "submitted", "acknowledged", "in_progress",
		                            "scheduled", "reopened", NULL };
	for (int i = 0; open[i]; i++)
		if (strcmp(open[i], status) == 0)
			return 1;
	return 0;
}

static void request_fields(struct ctx *c, struct o311_doc *d, const struct db_res *r, size_t i)
{
	struct arena *a = c->r->a;
	const char *status = db_str(r, i, OR_STATUS);
	const char *notes = db_str(r, i, OR_REPLY);
	if (notes == NULL)
		notes = T(c, arena_printf(a, "rq.s_%s", status));
	const char *photo = db_str(r, i, OR_PHOTO), *media = NULL;
	const char *sp = photo ? strchr(photo, ' ') : NULL;
	if (sp != NULL && media_ext(sp + 1) != NULL)
		media = arena_printf(a, "%s/media/%.*s.%s", c->conf->site_url, (int)(sp - photo),
		                     photo, media_ext(sp + 1));
	o311_str(d, "service_request_id", db_str(r, i, OR_CODE));
	o311_str(d, "status", is_open(status) ? "open" : "closed");
	o311_str(d, "status_notes", notes);
	o311_str(d, "service_name", db_str(r, i, OR_SERVICE));
	o311_str(d, "service_code", db_str(r, i, OR_CATEGORY));
	o311_str(d, "description", db_str(r, i, OR_DESCRIPTION));
	o311_str(d, "agency_responsible", db_str(r, i, OR_AGENCY));
	o311_str(d, "service_notice", NULL);
	o311_str(d, "requested_datetime", civil_iso(a, db_str(r, i, OR_CREATED)));
	o311_str(d, "updated_datetime", civil_iso(a, db_str(r, i, OR_UPDATED)));
	o311_str(d, "expected_datetime", civil_iso(a, db_str(r, i, OR_DUE)));
	o311_str(d, "address", db_str(r, i, OR_ADDRESS));
	o311_str(d, "address_id", NULL);
	o311_str(d, "zipcode", NULL);
	o311_num(d, "lat", db_str(r, i, OR_LAT));
	o311_num(d, "long", db_str(r, i, OR_LON));
	o311_str(d, "media_url", media);
}

/* Every row of res[0..n) as a service_requests list. */
static void requests_doc(struct ctx *c, enum o311_fmt fmt, const struct db_res *res,
                         size_t n)
{
	struct o311_doc d;
	o311_start(c, &d, fmt, 200, "service_requests", 1);
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < res[k].nrows; i++) {
			o311_obj(&d, "request");
			request_fields(c, &d, &res[k], i);
			o311_end(&d);
		}
	o311_close(&d);
}

/* A tracking code "2026-000123". */
static int code_ok(const char *s)
{
	return s != NULL && strlen(s) == 11 && s[4] == '-' && strspn(s, "0123456789") == 4 &&
	       strspn(s + 5, "0123456789") == 6;
}

/* service_request_id=A,B,C: each that exists, in the order asked. */
static void requests_by_id(struct ctx *c, enum o311_fmt fmt, const char *ids)
{
	struct arena *a = c->r->a;
	char *list = arena_strndup(a, ids, strlen(ids));
	struct db_res *rows = arena_calloc(a, IDS_MAX * sizeof(*rows));
	size_t n = 0, asked = 0;
	for (char *save = NULL, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		t = text_trim(a, t);
		if (!code_ok(t) || ++asked > IDS_MAX) {
			o311_error(c, fmt, 400, asked > IDS_MAX
			      ? "service_request_id: at most 100 values"
			      : "service_request_id: each value is a request number such as 2026-000123");
			return;
		}
		int rc = db_o311_request(a, t, &rows[n]);
		if (rc != DB_OK) {
			o311_db_failed(c, fmt, rc);
			return;
		}
		n++;
	}
	requests_doc(c, fmt, rows, n);
}

/* A whole number in [lo, hi] from the parameter name (absent: dflt);
 * -1 when it is not one. */
static long long number_param(struct ctx *c, const char *name, long long lo, long long hi,
                              long long dflt)
{
	const char *v = param(c, name);
	if (v == NULL)
		return dflt;
	if (strlen(v) > 9 || strspn(v, "0123456789") != strlen(v))
		return -1;
	long long n = atoll(v);
	return n >= lo && n <= hi ? n : -1;
}

/* "YYYY-MM-DD HH:MM:SS" moved by days (negative: back), into out. */
static void add_days(const char *dt, long days, char out[20])
{
	int y, m, d;
	sscanf(dt, "%4d-%2d-%2d", &y, &m, &d);
	civil_date(civil_days(y, m, d) + days, &y, &m, &d);
	char tail[10];
	snprintf(tail, sizeof(tail), "%s", dt + 10);
	snprintf(out, 20, "%04u-%02u-%02u%.9s", (unsigned)y % 10000u, (unsigned)m % 100u,
	         (unsigned)d % 100u, tail);
}

/* Days from a to b, both "YYYY-MM-DD HH:MM:SS", counting a part day as one. */
static long days_between(const char *a, const char *b)
{
	int y1, m1, d1, y2, m2, d2;
	sscanf(a, "%4d-%2d-%2d", &y1, &m1, &d1);
	sscanf(b, "%4d-%2d-%2d", &y2, &m2, &d2);
	long d = civil_days(y2, m2, d2) - civil_days(y1, m1, d1);
	return strcmp(a + 11, b + 11) < 0 ? d + 1 : d;
}

/* The window of the request: [*from, *to) from the parameters named
 * lo_name and hi_name.  NULL, or what to answer 400 with. */
static const char *window(struct ctx *c, const char *lo_name, const char *hi_name,
                          char from[20], char to[20])
{
	struct arena *a = c->r->a;
	const char *lo = param(c, lo_name), *hi = param(c, hi_name);
	if (lo != NULL && civil_from_iso(lo, from) != 0)
		return arena_printf(a, "%s: not an ISO 8601 time such as 2026-03-08T10:00:00+02:00",
		                    lo_name);
	if (hi != NULL && civil_from_iso(hi, to) != 0)
		return arena_printf(a, "%s: not an ISO 8601 time such as 2026-03-08T10:00:00+02:00",
		                    hi_name);
	/* A date alone as the end means through that day. */
	if (hi != NULL && strlen(hi) == 10)
		add_days(to, 1, to);
	if (lo == NULL && hi == NULL) {
		civil_now_text(to);
		add_days(to, 1, to);
		add_days(to, -(WINDOW_DAYS + 1), from);
	} else if (lo == NULL)
		add_days(to, -WINDOW_DAYS, from);
	else if (hi == NULL)
		add_days(from, WINDOW_DAYS, to);
	if (strcmp(from, to) >= 0)
		return arena_printf(a, "%s must come before %s", lo_name, hi_name);
	if (days_between(from, to) > WINDOW_DAYS + (lo == NULL && hi == NULL ? 2 : 0))
		return arena_printf(a, "%s and %s may be at most %d days apart", lo_name, hi_name,
		                    WINDOW_DAYS);
	return NULL;
}

/* service_code=1,4: category numbers, comma-separated, as FIND_IN_SET
 * reads them; NULL when one is not a service code. */
static const char *services_param(struct ctx *c)
{
	const char *v = param(c, "service_code");
	if (v == NULL)
		return "";
	struct arena *a = c->r->a;
	char *list = arena_strndup(a, v, strlen(v));
	const char *out = "";
	size_t n = 0;
	for (char *save = NULL, *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		long long id = o311_service_id(text_trim(a, t));
		if (id == 0 || ++n > SERVICES_MAX)
			return NULL;
		out = arena_printf(a, "%s%s%lld", out, *out ? "," : "", id);
	}
	return *out ? out : NULL;
}

void open311_requests(struct ctx *c)
{
	enum o311_fmt fmt;
	if (!o311_begin(c, c->r->cap[0], &fmt))
		return;
	const char *ids = param(c, "service_request_id");
	if (ids != NULL) {
		requests_by_id(c, fmt, ids);
		return;
	}
	struct o311_filter f = { .services = services_param(c), .status = param(c, "status") };
	if (f.services == NULL) {
		o311_error(c, fmt, 400, "service_code: each value is a service code from services");
		return;
	}
	if (f.status == NULL)
		f.status = "";
	else if (strcmp(f.status, "open") != 0 && strcmp(f.status, "closed") != 0) {
		o311_error(c, fmt, 400, "status: open or closed");
		return;
	}
	char from[20], to[20];
	f.by_update = param(c, "updated_after") != NULL || param(c, "updated_before") != NULL;
	if (f.by_update && (param(c, "start_date") != NULL || param(c, "end_date") != NULL)) {
		o311_error(c, fmt, 400, "use start_date and end_date, or updated_after and"
		                   " updated_before, not both");
		return;
	}
	const char *why = f.by_update ? window(c, "updated_after", "updated_before", from, to)
	                              : window(c, "start_date", "end_date", from, to);
	if (why != NULL) {
		o311_error(c, fmt, 400, why);
		return;
	}
	f.from = from;
	f.to = to;
	long long page = number_param(c, "page", 1, 1000000, 1);
	long long size = number_param(c, "page_size", 1, PAGE_SIZE_MAX, PAGE_SIZE_MAX);
	if (page < 0 || size < 0) {
		o311_error(c, fmt, 400, page < 0 ? "page: a whole number from 1"
		                            : "page_size: a whole number from 1 to 1000");
		return;
	}
	if ((page - 1) * size > OFFSET_MAX) {
		o311_error(c, fmt, 400, "page: too far into the list; narrow the dates instead");
		return;
	}
	struct db_res res;
	int rc = db_o311_requests(c->r->a, &f, (page - 1) * size, size, &res);
	if (rc != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	requests_doc(c, fmt, &res, 1);
}

void open311_request(struct ctx *c)
{
	enum o311_fmt fmt;
	if (!o311_begin(c, c->r->cap[1], &fmt))
		return;
	const char *code = c->r->cap[0];
	struct db_res res;
	int rc = code_ok(code) ? db_o311_request(c->r->a, code, &res) : DB_OK;
	if (rc != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	if (!code_ok(code) || res.nrows == 0) {
		o311_error(c, fmt, 404, "service_request_id not found");
		return;
	}
	requests_doc(c, fmt, &res, 1);
}
