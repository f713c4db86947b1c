/*
 * audit.c - writing and reading the audit log (audit.h).
 *
 * The list is newest first, 50 rows a page, with a keyset cursor (the last
 * id shown), so the thousandth page costs what the first does.  Each
 * filter has its own index (audit_user, audit_action, audit_object) and
 * the statement used is the one whose index leads with the most selective
 * filter given; the others are checked on the rows it reads.  A date range
 * becomes a range of ids (ids grow with time), found through audit_at.
 */
#include "admin/audit.h"

#include <stdio.h>
#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/civil.h"
#include "core/text.h"
#include "db/db.h"
#include "db/public.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define PAGE_ROWS 50

static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO audit_log (user_id, username, action, object_type, object_id,"
    " summary, ip) VALUES (?, ?, ?, ?, ?, ?, ?)");

int audit_write(struct ctx *c, long long user_id, const char *username,
                const char *action, const char *object_type,
                const char *object_id, const char *summary)
{
	struct arena *a = c->r->a;
	const char *uid = user_id > 0 ? arena_printf(a, "%lld", user_id) : NULL;
	return db_run(a, &st_insert, NULL, "sssssss", uid,
	              text_first_chars(a, username ? username : "", 64), action,
	              object_type ? object_type : "",
	              text_first_chars(a, object_id ? object_id : "", 64),
	              summary ? summary : "", c->r->remote_addr);
}

int audit_staff(struct ctx *c, const char *action, const char *object_type,
                const char *object_id, const char *summary)
{
	const struct staff *s = c->staff;
	return audit_write(c, s ? s->id : 0, s ? s->username : "", action,
	                   object_type, object_id, summary);
}

#define AUDIT_COLS(X)                                                        \
	X(A_ID, "id")                                                        \
	X(A_AT, SQL_DT("at"))                                               \
	X(A_USER, "username")                                                \
	X(A_ACTION, "action")                                                \
	X(A_TYPE, "object_type")                                             \
	X(A_OBJ, "object_id")                                                \
	X(A_SUMMARY, "summary")                                              \
	X(A_IP, "ip")
enum { DB_COLS_ENUM(AUDIT_COLS, A__END) };

/* Parameters, in order: user id, action, type, object id (each '' or 0
 * for "any"), then the id range [lo, hi). */
#define AUDIT_FILTERS                                                        \
	" (? = 0 OR user_id = ?) AND (? = '' OR action = ?)"                 \
	" AND (? = '' OR object_type = ?) AND (? = '' OR object_id = ?)"     \
	" AND id >= ? AND id < ?"
#define AUDIT_SELECT(index)                                                  \
	DB_READ("SELECT " DB_COLUMNS(AUDIT_COLS) " FROM audit_log"          \
	        " FORCE INDEX (" index ") WHERE" AUDIT_FILTERS              \
	        " ORDER BY id DESC LIMIT ?", DB_NCOLS(AUDIT_COLS))
static struct db_stmt st_by_object = AUDIT_SELECT("audit_object");
static struct db_stmt st_by_user = AUDIT_SELECT("audit_user");
static struct db_stmt st_by_action = AUDIT_SELECT("audit_action");
static struct db_stmt st_all = AUDIT_SELECT("PRIMARY");

static struct db_stmt st_user_id = DB_READ(
    "SELECT id FROM users WHERE username = ?", 1);
/* The first id at or after a time: the start of a date range. */
static struct db_stmt st_first_id = DB_READ(
    "SELECT id FROM audit_log WHERE at >= ? ORDER BY at, id LIMIT 1", 1);

struct audit_filter {
	const char *user, *action, *type, *object, *from, *to; /* as typed */
	long long user_id;     /* -1: the user named does not exist */
	long long lo, hi;      /* id range */
	long long before;      /* cursor: ids below it; 0 none */
	int bad;               /* a value that cannot be valid: 400 */
};

static const char *query_text(struct ctx *c, const char *name, size_t max)
{
	const char *v = req_query(c->r, name);
	if (v == NULL)
		return "";
	v = text_trim(c->r->a, v);
	return valid_text(v, 0, max, 0) ? v : NULL;
}

/* "2026-12-01" -> "2026-12-01 00:00:00" (with next: the day after's),
 * or NULL. */
static const char *day_start(struct arena *a, const char *s, int next)
{
	int y, m, d;
	char tail;
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    !valid_date_parts(y, m, d, 0, 0, 0))
		return NULL;
	if (next)
		civil_date(civil_days(y, m, d) + 1, &y, &m, &d);
	return arena_printf(a, "%04d-%02d-%02d 00:00:00", y, m, d);
}

static int read_filter(struct ctx *c, struct audit_filter *f)
{
	struct arena *a = c->r->a;
	memset(f, 0, sizeof(*f));
	f->user = query_text(c, "user", 64);
	f->action = query_text(c, "action", 40);
	f->type = query_text(c, "type", 40);
	f->object = query_text(c, "object", 64);
	f->from = query_text(c, "from", 10);
	f->to = query_text(c, "to", 10);
	f->lo = 0;
	f->hi = (long long)1 << 62;
	if (!f->user || !f->action || !f->type || !f->object || !f->from || !f->to)
		return f->bad = 1;
	const char *before = req_query(c->r, "before");
	if (before != NULL && !valid_int(before, 1, (long long)1 << 62, &f->before))
		return f->bad = 1;
	if (f->before > 0)
		f->hi = f->before;
	struct db_res res;
	int rc;
	if (*f->user) {
		if ((rc = db_run(a, &st_user_id, &res, "s", f->user)) != DB_OK)
			return rc;
		f->user_id = res.nrows ? db_ll(&res, 0, 0) : -1;
	}
	const char *bounds[2] = { f->from, f->to };
	for (int i = 0; i < 2; i++) {
		if (*bounds[i] == '\0')
			continue;
		/* "to" includes its day: the range ends at the next one. */
		const char *dt = day_start(a, bounds[i], i == 1);
		if (dt == NULL)
			return f->bad = 1;
		if ((rc = db_run(a, &st_first_id, &res, "s", dt)) != DB_OK)
			return rc;
		long long id = res.nrows ? db_ll(&res, 0, 0) : (long long)1 << 62;
		if (i == 0 && id > f->lo)
			f->lo = id;
		if (i == 1 && id < f->hi)
			f->hi = id;
	}
	return DB_OK;
}

static int fetch(struct ctx *c, const struct audit_filter *f, long long limit,
                 struct db_res *res)
{
	if (f->user_id < 0) {
		memset(res, 0, sizeof(*res));
		return DB_OK;
	}
	struct db_stmt *st = *f->object && *f->type ? &st_by_object
	                   : f->user_id > 0 ? &st_by_user
	                   : *f->action ? &st_by_action : &st_all;
	return db_run(c->r->a, st, res, "iissssssiii", f->user_id, f->user_id,
	              f->action, f->action, f->type, f->type, f->object, f->object,
	              f->lo, f->hi, limit);
}

/* The filters as a query string for links ("user=x&action=y&"). */
static const char *filter_query(struct ctx *c, const struct audit_filter *f)
{
	struct arena *a = c->r->a;
	const char *names[] = { "user", "action", "type", "object", "from", "to" };
	const char *vals[] = { f->user, f->action, f->type, f->object, f->from, f->to };
	const char *q = "";
	for (int i = 0; i < 6; i++)
		if (*vals[i])
			q = arena_printf(a, "%s%s=%s&", q, names[i],
			                 text_percent_encode(a, vals[i]));
	return q;
}

void audit_list(struct ctx *c)
{
	struct audit_filter f;
	int rc = read_filter(c, &f);
	if (f.bad) {
		page_error(c, 400, "adm.audit.err_filter");
		return;
	}
	struct db_res res;
	if (rc != DB_OK || (rc = fetch(c, &f, PAGE_ROWS + 1, &res)) != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.audit.title"), "admin/audit.tpl", &top);
	tmpl_set(d, "F_USER", f.user);
	tmpl_set(d, "F_ACTION", f.action);
	tmpl_set(d, "F_TYPE", f.type);
	tmpl_set(d, "F_OBJECT", f.object);
	tmpl_set(d, "F_FROM", f.from);
	tmpl_set(d, "F_TO", f.to);
	const char *q = filter_query(c, &f);
	tmpl_set(d, "CSV_URL", arena_printf(c->r->a, "%s/admin/audit.csv?%s", c->lp, q));
	size_t n = res.nrows > PAGE_ROWS ? PAGE_ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < n; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			tmpl_set(r, "AT", admin_time(c, db_str(&res, i, A_AT)));
			tmpl_set(r, "AT_ISO", page_date_iso(c->r->a, db_str(&res, i, A_AT)));
			tmpl_set(r, "USER", db_str(&res, i, A_USER));
			tmpl_set(r, "ACTION", db_str(&res, i, A_ACTION));
			const char *type = db_str(&res, i, A_TYPE);
			const char *obj = db_str(&res, i, A_OBJ);
			tmpl_set(r, "OBJECT", *type ? arena_printf(c->r->a, "%s %s", type, obj) : obj);
			tmpl_set(r, "SUMMARY", db_str(&res, i, A_SUMMARY));
			tmpl_set(r, "IP", db_str(&res, i, A_IP));
		}
	}
	if (res.nrows > PAGE_ROWS)
		tmpl_set(tmpl_add(d, "OLDER"), "URL",
		         arena_printf(c->r->a, "%s/admin/audit?%sbefore=%s", c->lp, q,
		                      db_str(&res, PAGE_ROWS - 1, A_ID)));
	admin_render(c, top);
}

/* One CSV field (RFC 4180): quoted, quotes doubled.  A field that a
 * spreadsheet would run as a formula (= + - @ at the start) gets a
 * leading apostrophe (OWASP's CSV injection advice). */
static void csv_field(struct buf *b, const char *s, int last)
{
	buf_addc(b, '"');
	if (s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' ||
	          *s == '\t' || *s == '\r'))
		buf_addc(b, '\'');
	for (; s && *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_adds(b, last ? "\"\r\n" : "\",");
}

/* Rows are read 1000 at a time by the same keyset as the pages, at most
 * CSV_MAX of them (the response is built in memory: narrow the dates for
 * more; README says so). */
#define CSV_MAX 100000
void audit_csv(struct ctx *c)
{
	struct audit_filter f;
	int rc = read_filter(c, &f);
	if (f.bad) {
		page_error(c, 400, "adm.audit.err_filter");
		return;
	}
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct buf *b = &c->res->out;
	buf_adds(b, "\xEF\xBB\xBF"); /* a BOM: spreadsheets then read UTF-8 */
	buf_adds(b, "id,at,user,action,object_type,object_id,summary,ip\r\n");
	for (long total = 0; total < CSV_MAX; total += 1000) {
		struct db_res res;
		if ((rc = fetch(c, &f, 1000, &res)) != DB_OK) {
			resp_clear_body(c->res);
			page_db_error(c, rc);
			return;
		}
		for (size_t i = 0; i < res.nrows; i++)
			for (int k = 0; k < A__END; k++)
				csv_field(b, db_str(&res, i, k), k == A__END - 1);
		if (res.nrows < 1000)
			break;
		f.hi = db_ll(&res, res.nrows - 1, A_ID);
	}
	c->res->ctype = "text/csv; charset=utf-8";
	c->res->disposition = "attachment; filename=\"audit.csv\"";
}
