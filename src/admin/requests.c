/*
 * requests.c (admin) - the staff queue of citizens' requests and its CSV
 * export (admin/requests.h).
 *
 * The query parameters are the queue's interface (the dashboard links to
 * them): status (a status, or "open"), category, department, area,
 * assignee (a user id, "me" or "none"), overdue=1, channel, priority,
 * code (go to that request), sort (new, old, due, priority) and the
 * keyset cursor after.  A value that is not one of these answers 400; a
 * department user naming another department answers 403 (the scope in the
 * SQL would give nothing anyway).  The CSV has the same rows in the same
 * order, read 1000 at a time into an arena of its own that is emptied
 * between reads, and sent part by part (http/resp.h's more), so its size
 * is not bounded by memory; it never holds the reporter's name, e-mail or
 * phone.
 */
#include "admin/requests.h"

#include <stdio.h>
#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/log.h"
#include "core/text.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define PAGE_ROWS 50
#define CSV_CHUNK 1000

const char *const rq_statuses[] = {
	"submitted", "acknowledged", "in_progress", "scheduled", "resolved",
	"rejected", "duplicate", "not_ours", "reopened", NULL,
};
static const char *const channels[] = { "web", "phone", "open311", NULL };
static const char *const sorts[RQ_SORT__MAX + 1] = { "new", "old", "due", "priority", NULL };

struct rq_scope rq_scope_of(const struct ctx *c)
{
	struct rq_scope s = { (c->staff->perms & PERM_BIT(PERM_REQUESTS_ALL)) != 0,
	                      c->staff->department_id };
	return s;
}

const char *rq_status_key(struct arena *a, const char *s)
{
	return arena_printf(a, "rq.s_%s", s ? s : "submitted");
}

const char *rq_priority_key(long long p)
{
	return p == 1 ? "adm.rq.p_1" : p == 3 ? "adm.rq.p_3" : "adm.rq.p_2";
}

const char *rq_day(struct ctx *c, const char *ymd)
{
	int y, m, d;
	if (ymd == NULL || sscanf(ymd, "%d-%d-%d", &y, &m, &d) != 3)
		return ymd ? ymd : "—";
	return arena_printf(c->r->a, "%d/%d/%d", d, m, y);
}

int rq_code_ok(const char *s)
{
	if (s == NULL || strlen(s) != 11)
		return 0;
	for (int i = 0; i < 11; i++)
		if (i == 4 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* ---- the filters ----------------------------------------------------------- */

/* n digits of s as a number, or -1. */
static long long digits(const char *s, int n)
{
	long long v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYYMMDD" (with_time 0) or "YYYYMMDDHHMMSS" at s into SQL text; the
 * number of characters read, or 0. */
static size_t cursor_time(struct arena *a, const char *s, int with_time, const char **out)
{
	size_t n = with_time ? 14 : 8;
	if (strlen(s) < n)
		return 0;
	long long y = digits(s, 4), mo = digits(s + 4, 2), d = digits(s + 6, 2);
	long long h = 0, mi = 0, se = 0;
	if (with_time) {
		h = digits(s + 8, 2);
		mi = digits(s + 10, 2);
		se = digits(s + 12, 2);
	}
	if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0 ||
	    !valid_date_parts((int)y, (int)mo, (int)d, (int)h, (int)mi, (int)se))
		return 0;
	*out = with_time ? arena_printf(a, "%04lld-%02lld-%02lld %02lld:%02lld:%02lld",
	                                y, mo, d, h, mi, se)
	                 : arena_printf(a, "%04lld-%02lld-%02lld", y, mo, d);
	return n;
}

/* The cursor of sort: new, old "YYYYMMDDHHMMSS-ID"; due "YYYYMMDD-ID";
 * priority "P-YYYYMMDDHHMMSS-ID".  1 when it parses. */
static int parse_after(struct arena *a, const char *s, struct rq_filter *f)
{
	if (f->sort == RQ_SORT_PRIORITY) {
		if (s[0] < '1' || s[0] > '3' || s[1] != '-')
			return 0;
		f->after_prio = s[0] - '0';
		s += 2;
	}
	size_t n = cursor_time(a, s, f->sort != RQ_SORT_DUE, &f->after_at);
	if (n == 0 || s[n] != '-' || !valid_int(s + n + 1, 1, 4294967295LL, &f->after_id))
		return 0;
	return f->has_after = 1;
}

/* The cursor after row i of res in f's order. */
static const char *cursor_of(struct arena *a, const struct rq_filter *f,
                             const struct db_res *res, size_t i)
{
	const char *t = db_str(res, i, f->sort == RQ_SORT_DUE ? RQ_DUE : RQ_CREATED);
	char compact[16];
	size_t k = 0;
	for (; *t && k < sizeof(compact) - 1; t++)
		if (*t >= '0' && *t <= '9')
			compact[k++] = *t;
	compact[k] = '\0';
	if (f->sort == RQ_SORT_PRIORITY)
		return arena_printf(a, "%lld-%s-%s", db_ll(res, i, RQ_PRIORITY), compact,
		                    db_str(res, i, RQ_ID));
	return arena_printf(a, "%s-%s", compact, db_str(res, i, RQ_ID));
}

/* A numeric filter: "" is 0 (any), else 1..max. */
static int num_param(struct ctx *c, const char *name, long long max, long long *out)
{
	const char *v = req_query(c->r, name);
	*out = 0;
	return v == NULL || *v == '\0' || valid_int(v, 1, max, out);
}

static const char *choice_param(struct ctx *c, const char *name,
                                const char *const *choices, int *ok)
{
	const char *v = req_query(c->r, name);
	if (v == NULL || *v == '\0')
		return "";
	if (!valid_choice(v, choices))
		*ok = 0;
	return v;
}

/* The query's filters into *f: 0 when one is malformed (answered 400), or
 * names another department than a department user's own (403). */
static int read_filter(struct ctx *c, struct rq_filter *f, const char **assignee_raw)
{
	memset(f, 0, sizeof(*f));
	int ok = 1;
	const char *st = req_query(c->r, "status");
	f->status = st == NULL ? "" : st;
	if (*f->status && strcmp(f->status, "open") != 0 && !valid_choice(f->status, rq_statuses))
		ok = 0;
	ok &= num_param(c, "category", 65535, &f->category);
	ok &= num_param(c, "department", 4294967295LL, &f->department);
	ok &= num_param(c, "area", 65535, &f->area);
	ok &= num_param(c, "priority", 3, &f->priority);
	f->channel = choice_param(c, "channel", channels, &ok);
	const char *as = req_query(c->r, "assignee");
	*assignee_raw = as ? as : "";
	if (as == NULL || *as == '\0')
		f->assignee = 0;
	else if (strcmp(as, "me") == 0)
		f->assignee = c->staff->id;
	else if (strcmp(as, "none") == 0)
		f->assignee = -1;
	else if (!valid_int(as, 1, 4294967295LL, &f->assignee))
		ok = 0;
	const char *od = req_query(c->r, "overdue");
	if (od != NULL && *od && strcmp(od, "1") != 0 && strcmp(od, "0") != 0)
		ok = 0;
	f->overdue = od != NULL && strcmp(od, "1") == 0;
	const char *so = choice_param(c, "sort", sorts, &ok);
	for (int i = 0; i < RQ_SORT__MAX; i++)
		if (strcmp(so, sorts[i]) == 0)
			f->sort = (enum rq_sort)i;
	const char *after = req_query(c->r, "after");
	if (ok && after != NULL && *after && !parse_after(c->r->a, after, f))
		ok = 0;
	if (!ok) {
		page_error(c, 400, "adm.rq.err_filter");
		return 0;
	}
	struct rq_scope s = rq_scope_of(c);
	if (!s.all && f->department && f->department != s.dept) {
		page_error(c, 403, "adm.rq.err_scope");
		return 0;
	}
	return 1;
}

/* The filters as a query string ("status=open&area=3&"), without the cursor. */
static const char *filter_query(struct ctx *c, const struct rq_filter *f,
                                const char *assignee_raw)
{
	struct arena *a = c->r->a;
	const char *q = "";
	if (*f->status)
		q = arena_printf(a, "%sstatus=%s&", q, f->status);
	if (f->category)
		q = arena_printf(a, "%scategory=%lld&", q, f->category);
	if (f->department)
		q = arena_printf(a, "%sdepartment=%lld&", q, f->department);
	if (f->area)
		q = arena_printf(a, "%sarea=%lld&", q, f->area);
	if (*assignee_raw)
		q = arena_printf(a, "%sassignee=%s&", q, text_percent_encode(a, assignee_raw));
	if (f->overdue)
		q = arena_printf(a, "%soverdue=1&", q);
	if (*f->channel)
		q = arena_printf(a, "%schannel=%s&", q, f->channel);
	if (f->priority)
		q = arena_printf(a, "%spriority=%lld&", q, f->priority);
	if (f->sort != RQ_SORT_NEW)
		q = arena_printf(a, "%ssort=%s&", q, sorts[f->sort]);
	return q;
}

/* Options of a <select> from (id, el, en) rows, the chosen one selected. */
static void named_options(struct ctx *c, tmpl_dict *d, const char *section,
                          const struct db_res *res, long long chosen)
{
	for (size_t i = 0; i < res->nrows; i++) {
		tmpl_dict *o = tmpl_add(d, section);
		tmpl_set(o, "V", db_str(res, i, RD_ID));
		tmpl_set(o, "LABEL", page_pick(c, db_str(res, i, RD_NAME),
		                               db_str(res, i, RD_NAME_EN), NULL));
		if (db_ll(res, i, RD_ID) == chosen)
			tmpl_show(o, "SELECTED");
	}
}

static void fixed_options(struct ctx *c, tmpl_dict *d, const char *section,
                          const char *const *values, const char *const *labels,
                          const char *chosen)
{
	for (size_t i = 0; values[i]; i++) {
		tmpl_dict *o = tmpl_add(d, section);
		tmpl_set(o, "V", values[i]);
		tmpl_set(o, "LABEL", T(c, labels[i]));
		if (strcmp(values[i], chosen) == 0)
			tmpl_show(o, "SELECTED");
	}
}

/* The form of the filters, keeping their values. */
static int fill_filters(struct ctx *c, tmpl_dict *d, const struct rq_filter *f,
                        const char *assignee_raw)
{
	struct arena *a = c->r->a;
	struct db_res cats, depts, areas;
	int rc = db_rq_adm_categories(a, &cats);
	if (rc == DB_OK)
		rc = db_rq_adm_departments(a, &depts);
	if (rc == DB_OK)
		rc = db_rq_adm_areas(a, &areas);
	if (rc != DB_OK)
		return rc;
	static const char *const st_labels[] = {
		"rq.s_submitted", "rq.s_acknowledged", "rq.s_in_progress", "rq.s_scheduled",
		"rq.s_resolved", "rq.s_rejected", "rq.s_duplicate", "rq.s_not_ours",
		"rq.s_reopened",
	};
	tmpl_dict *o = tmpl_add(d, "STATUS_OPT");
	tmpl_set(o, "V", "open");
	tmpl_set(o, "LABEL", T(c, "adm.rq.open"));
	if (strcmp(f->status, "open") == 0)
		tmpl_show(o, "SELECTED");
	fixed_options(c, d, "STATUS_OPT", rq_statuses, st_labels, f->status);
	for (size_t i = 0; i < cats.nrows; i++) {
		o = tmpl_add(d, "CAT_OPT");
		tmpl_set(o, "V", db_str(&cats, i, RK_ID));
		tmpl_set(o, "LABEL", page_pick(c, db_str(&cats, i, RK_NAME),
		                               db_str(&cats, i, RK_NAME_EN), NULL));
		if (db_ll(&cats, i, RK_ID) == f->category)
			tmpl_show(o, "SELECTED");
	}
	struct rq_scope s = rq_scope_of(c);
	if (s.all) {
		tmpl_dict *dd = tmpl_add(d, "DEPT_FILTER");
		named_options(c, dd, "DEPT_OPT", &depts, f->department);
	}
	named_options(c, d, "AREA_OPT", &areas, f->area);
	static const char *const as_v[] = { "me", "none", NULL };
	static const char *const as_l[] = { "adm.rq.assignee_me", "adm.rq.assignee_none" };
	fixed_options(c, d, "ASSIGNEE_OPT", as_v, as_l, assignee_raw);
	if (f->assignee > 0 && strcmp(assignee_raw, "me") != 0) {
		o = tmpl_add(d, "ASSIGNEE_OPT");
		tmpl_set(o, "V", assignee_raw);
		tmpl_set(o, "LABEL", arena_printf(a, "%s %s", T(c, "adm.rq.assignee_user"),
		                                  assignee_raw));
		tmpl_show(o, "SELECTED");
	}
	static const char *const ch_l[] = { "adm.rq.ch_web", "adm.rq.ch_phone", "adm.rq.ch_open311" };
	fixed_options(c, d, "CHANNEL_OPT", channels, ch_l, f->channel);
	static const char *const pr_v[] = { "1", "2", "3", NULL };
	static const char *const pr_l[] = { "adm.rq.p_1", "adm.rq.p_2", "adm.rq.p_3" };
	fixed_options(c, d, "PRIORITY_OPT", pr_v, pr_l,
	              f->priority ? arena_printf(a, "%lld", f->priority) : "");
	static const char *const so_l[] = { "adm.rq.sort_new", "adm.rq.sort_old",
	                                    "adm.rq.sort_due", "adm.rq.sort_priority" };
	fixed_options(c, d, "SORT_OPT", sorts, so_l, sorts[f->sort]);
	if (f->overdue)
		tmpl_show(d, "OVERDUE_CHECKED");
	return DB_OK;
}

/* ---- the queue -------------------------------------------------------------- */

void adm_rq_queue(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct rq_filter f;
	const char *assignee_raw;
	if (!read_filter(c, &f, &assignee_raw))
		return;
	struct rq_scope s = rq_scope_of(c);
	const char *code = req_query(c->r, "code");
	if (code != NULL && *code) {
		code = text_trim(a, code);
		long long id = 0;
		int rc = rq_code_ok(code) ? db_rq_adm_id_of(a, &s, code, &id) : DB_OK;
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		if (id == 0) {
			page_error(c, 404, "adm.rq.err_missing");
			return;
		}
		admin_redirect(c, arena_printf(a, "/admin/requests/%s", code));
		return;
	}
	struct db_res res;
	int rc = db_rq_adm_queue(a, &s, &f, PAGE_ROWS + 1, &res);
	tmpl_dict *top = NULL, *d = NULL;
	if (rc == DB_OK) {
		d = admin_start(c, T(c, "adm.rq.title"), "admin/requests_list.tpl", &top);
		rc = fill_filters(c, d, &f, assignee_raw);
	}
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	static const char *const notices[] = { "moved", "adm.rq.done_moved", NULL };
	admin_notice(c, d, notices);
	if (!s.all)
		tmpl_show(d, "SCOPED");
	if (c->staff->perms & PERM_BIT(PERM_REQUESTS_ALL))
		tmpl_show(d, "TEMPLATES");
	const char *q = filter_query(c, &f, assignee_raw);
	tmpl_set(d, "CSV_URL", arena_printf(a, "%s/admin/requests.csv?%s", c->lp, q));
	size_t n = res.nrows > PAGE_ROWS ? PAGE_ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < n; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			const char *rc_code = db_str(&res, i, RQ_CODE);
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/requests/%s", c->lp, rc_code));
			tmpl_set(r, "CODE", rc_code);
			tmpl_set(r, "CREATED", admin_time(c, db_str(&res, i, RQ_CREATED)));
			tmpl_set(r, "CATEGORY", page_pick(c, db_str(&res, i, RQ_CAT),
			                                  db_str(&res, i, RQ_CAT_EN), NULL));
			const char *area = db_str(&res, i, RQ_AREA);
			tmpl_set(r, "AREA", area ? page_pick(c, area, db_str(&res, i, RQ_AREA_EN), NULL)
			                         : "—");
			tmpl_set(r, "STATUS", T(c, rq_status_key(a, db_str(&res, i, RQ_STATUS))));
			tmpl_set(r, "PRIORITY", T(c, rq_priority_key(db_ll(&res, i, RQ_PRIORITY))));
			if (db_ll(&res, i, RQ_PRIORITY) == 1)
				tmpl_show(r, "URGENT");
			const char *as = db_str(&res, i, RQ_ASSIGNEE);
			tmpl_set(r, "ASSIGNEE", as ? as : "—");
			const char *due = db_str(&res, i, RQ_DUE);
			tmpl_set(r, "DUE", rq_day(c, due));
			tmpl_set(r, "DUE_ISO", due);
			if (db_ll(&res, i, RQ_OVERDUE))
				tmpl_show(r, "OVERDUE");
			tmpl_set(r, "CHANNEL", T(c, arena_printf(a, "adm.rq.ch_%s",
			                                         db_str(&res, i, RQ_CHANNEL))));
		}
	}
	if (res.nrows > PAGE_ROWS)
		tmpl_set(tmpl_add(d, "NEXT"), "URL",
		         arena_printf(a, "%s/admin/requests?%safter=%s", c->lp, q,
		                      cursor_of(a, &f, &res, PAGE_ROWS - 1)));
	if (f.has_after)
		tmpl_set(tmpl_add(d, "FIRST"), "URL",
		         arena_printf(a, "%s/admin/requests%s%.*s", c->lp, *q ? "?" : "",
		                      *q ? (int)strlen(q) - 1 : 0, q));
	admin_render(c, top);
}

/* ---- CSV ------------------------------------------------------------------------ */

/* One CSV field (RFC 4180): quoted, quotes doubled, line breaks kept
 * inside the quotes.  A field a spreadsheet would run as a formula (= + -
 * @, tab or CR first) gets a leading apostrophe (OWASP's CSV injection
 * advice). */
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

/* The export's state between parts; in the request's arena. */
struct csv_state {
	struct rq_scope scope;
	struct rq_filter f;
	struct arena *chunk;   /* each part's rows; emptied between parts */
	char at[24];           /* the cursor, copied out of the chunk */
	const char *rid;
};

static void csv_free(void *p)
{
	arena_free(p);
}

/* One part: the next CSV_CHUNK rows.  1 while more may follow. */
static int csv_more(void *arg, struct buf *b)
{
	struct csv_state *st = arg;
	arena_reset(st->chunk);
	struct arena *a = st->chunk;
	struct db_res res;
	int rc = db_rq_adm_queue(a, &st->scope, &st->f, CSV_CHUNK, &res);
	if (rc != DB_OK) {
		/* The header is out: all that can be done is to stop (the
		 * file ends early) and say so in the log. */
		log_msg(LOG_ERROR, st->rid, "msg=\"requests.csv: the query failed, the file "
		        "was cut short\" rc=%d", rc);
		return 0;
	}
	for (size_t i = 0; i < res.nrows; i++) {
		const char *cells[] = {
			db_str(&res, i, RQ_CODE), db_str(&res, i, RQ_CREATED),
			db_str(&res, i, RQ_CAT), db_str(&res, i, RQ_AREA),
			db_str(&res, i, RQ_ADDRESS),
			i18n_get(LANG_EL, rq_status_key(a, db_str(&res, i, RQ_STATUS))),
			i18n_get(LANG_EL, rq_priority_key(db_ll(&res, i, RQ_PRIORITY))),
			db_str(&res, i, RQ_DEPT), db_str(&res, i, RQ_ASSIGNEE),
			db_str(&res, i, RQ_DUE),
			db_ll(&res, i, RQ_OVERDUE) ? "ναι" : "όχι",
			db_str(&res, i, RQ_CHANNEL), db_str(&res, i, RQ_DESCRIPTION),
		};
		size_t n = sizeof(cells) / sizeof(cells[0]);
		for (size_t k = 0; k < n; k++)
			csv_field(b, cells[k], k == n - 1);
	}
	if (res.nrows < CSV_CHUNK)
		return 0;
	size_t last = res.nrows - 1;
	st->f.has_after = 1;
	snprintf(st->at, sizeof(st->at), "%s",
	         db_str(&res, last, st->f.sort == RQ_SORT_DUE ? RQ_DUE : RQ_CREATED));
	st->f.after_at = st->at;
	st->f.after_prio = db_ll(&res, last, RQ_PRIORITY);
	st->f.after_id = db_ll(&res, last, RQ_ID);
	return 1;
}

void adm_rq_csv(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct csv_state *st = arena_calloc(a, sizeof(*st));
	const char *assignee_raw;
	if (!read_filter(c, &st->f, &assignee_raw))
		return;
	/* The filters' strings live in the request's arena, which outlasts
	 * the export (it is reset after the last part is sent). */
	st->scope = rq_scope_of(c);
	st->rid = c->r->rid;
	st->chunk = arena_new(256 * 1024);
	arena_cleanup(a, csv_free, st->chunk);
	struct buf *b = &c->res->out;
	buf_adds(b, "\xEF\xBB\xBF"); /* a BOM: spreadsheets then read UTF-8 */
	static const char *const head[] = {
		"Κωδικός", "Υποβολή", "Κατηγορία", "Περιοχή", "Διεύθυνση", "Κατάσταση",
		"Προτεραιότητα", "Τμήμα", "Ανάθεση", "Προθεσμία", "Εκπρόθεσμο", "Κανάλι",
		"Περιγραφή",
	};
	size_t n = sizeof(head) / sizeof(head[0]);
	for (size_t k = 0; k < n; k++)
		csv_field(b, head[k], k == n - 1);
	c->res->ctype = "text/csv; charset=utf-8";
	c->res->disposition = "attachment; filename=\"requests.csv\"";
	c->res->more = csv_more;
	c->res->more_arg = st;
}
