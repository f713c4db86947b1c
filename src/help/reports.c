/*
 * reports.c - the support desk's reports (reports.h): the cases made in a
 * period of days, counted in SQL (help/db_reports.c) per type, village,
 * ISO week, status and channel; the hours from a case's creation to its
 * completion (median and 90th percentile, per type), computed here from
 * the period's sorted durations - at most HR_MAX_DURATIONS of them, the
 * page says so when there were more; and each volunteer's and
 * professional's load.  Every chart is drawn on the server
 * (view/svg_chart.c) and followed by its table, which is the data; the
 * same tables are offered as CSV.  Counts only: nothing here reads a
 * resident's name, phone, address or health.  Reads help_cases,
 * help_volunteers, users, areas; writes nothing.
 */
#include "help/reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/civil.h"
#include "help/db_reports.h"
#include "help/help.h"
#include "http/resp.h"
#include "http/valid.h"
#include "view/layout.h"
#include "view/svg_chart.h"

/* The load chart shows the people with the most completed cases. */
#define LOAD_CHART 15

/* ---- the period ---------------------------------------------------------------- */

/* "YYYY-MM-DD" exactly, a real date of the years 2000-2999: its day
 * number into *z and 1; else 0. */
static int parse_date(const char *s, long *z)
{
	int y, m, d, n = 0;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 2 || strspn(s + 8, "0123456789") != 2)
		return 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return 0;
	if (y < 2000 || y > 2999 || !valid_date_parts(y, m, d, 0, 0, 0))
		return 0;
	*z = civil_days(y, m, d);
	return 1;
}

/* Monday of day z's week (1970-01-01 was a Thursday). */
static long monday_of(long z)
{
	return z - ((z % 7 + 7 + 3) % 7);
}

int hr_period(const char *from, const char *to, long today, long *fday, long *tday,
              const char **err_from, const char **err_to)
{
	*err_from = *err_to = NULL;
	*tday = today;
	if (to != NULL && *to && !parse_date(to, tday))
		*err_to = "hr.err_date";
	if (from != NULL && *from) {
		if (!parse_date(from, fday))
			*err_from = "hr.err_date";
	} else
		*fday = monday_of(*tday) - 77;
	if (*err_from == NULL && *err_to == NULL) {
		if (*fday > *tday)
			*err_to = "hr.err_order";
		else if (*tday - *fday + 1 > HR_MAX_DAYS)
			*err_to = "hr.err_span";
	}
	return (*err_from != NULL) + (*err_to != NULL);
}

static const char *ymd(struct arena *a, long z)
{
	int y, m, d;
	civil_date(z, &y, &m, &d);
	return arena_printf(a, "%04d-%02d-%02d", y, m, d);
}

/* The ISO week of Monday z: its year and number, as YEARWEEK(..., 3). */
static long long iso_week(long z, int *year, int *week)
{
	int y, m, d;
	long thu = z + 3;
	civil_date(thu, &y, &m, &d);
	*year = y;
	*week = (int)((thu - civil_days(y, 1, 1)) / 7) + 1;
	return (long long)y * 100 + *week;
}

/* ---- the numbers ----------------------------------------------------------------- */

struct period {
	long fday, tday;
	const char *from, *to;     /* "YYYY-MM-DD" as shown */
	const char *lo, *hi;       /* the SQL range [lo, hi) */
};

/* One row of a table: its key (CSV), label, a shorter label for the
 * chart (NULL: the label) and count. */
struct row {
	const char *key, *label, *short_label;
	long long n;
};

struct table {
	struct row *rows;
	size_t n;
	long long total;
};

/* The counts of res (HR_COUNT_COLS) for the list of values with their
 * message keys, zeros included. */
static void fixed_table(struct ctx *c, const struct db_res *res, const char *const *vals,
                        const char *const *labels, struct table *t)
{
	size_t n = 0;
	while (vals[n])
		n++;
	t->rows = arena_calloc(c->r->a, n * sizeof(*t->rows));
	t->n = n;
	t->total = 0;
	for (size_t i = 0; i < n; i++) {
		t->rows[i].key = vals[i];
		t->rows[i].label = T(c, labels[i]);
		for (size_t r = 0; r < res->nrows; r++)
			if (db_str(res, r, HRC_KEY) && strcmp(db_str(res, r, HRC_KEY), vals[i]) == 0)
				t->rows[i].n = db_ll(res, r, HRC_N);
		t->total += t->rows[i].n;
	}
}

static int count_fixed(struct ctx *c, const struct period *p, enum hr_by by,
                       const char *const *vals, const char *const *labels, struct table *t)
{
	struct db_res res;
	int rc = db_hr_count(c->r->a, by, p->lo, p->hi, &res);
	if (rc == DB_OK)
		fixed_table(c, &res, vals, labels, t);
	return rc;
}

/* Every village, and the cases with none when there are some. */
static int count_villages(struct ctx *c, const struct period *p, struct table *t)
{
	struct arena *a = c->r->a;
	struct db_res ar, res;
	int rc = db_hr_areas(a, &ar);
	if (rc == DB_OK)
		rc = db_hr_count(a, HR_BY_AREA, p->lo, p->hi, &res);
	if (rc != DB_OK)
		return rc;
	t->rows = arena_calloc(a, (ar.nrows + 1) * sizeof(*t->rows));
	t->n = 0;
	t->total = 0;
	long long none = 0;
	for (size_t r = 0; r < res.nrows; r++)
		if (db_str(&res, r, HRC_KEY) == NULL)
			none = db_ll(&res, r, HRC_N);
	for (size_t i = 0; i < ar.nrows; i++) {
		struct row *w = &t->rows[t->n++];
		w->key = db_str(&ar, i, HRA_EL);
		w->label = page_pick(c, db_str(&ar, i, HRA_EL), db_str(&ar, i, HRA_EN), NULL);
		for (size_t r = 0; r < res.nrows; r++)
			if (db_str(&res, r, HRC_KEY) &&
			    strcmp(db_str(&res, r, HRC_KEY), db_str(&ar, i, HRA_ID)) == 0)
				w->n = db_ll(&res, r, HRC_N);
		t->total += w->n;
	}
	if (none > 0) {
		struct row *w = &t->rows[t->n++];
		w->key = "";
		w->label = T(c, "hr.no_village");
		w->n = none;
		t->total += none;
	}
	return DB_OK;
}

/* Every ISO week the period touches, zeros too. */
static int count_weeks(struct ctx *c, const struct period *p, struct table *t)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_hr_count(a, HR_BY_WEEK, p->lo, p->hi, &res);
	if (rc != DB_OK)
		return rc;
	long first = monday_of(p->fday);
	size_t n = (size_t)((p->tday - first) / 7 + 1);
	t->rows = arena_calloc(a, n * sizeof(*t->rows));
	t->n = n;
	t->total = 0;
	for (size_t i = 0; i < n; i++) {
		long mon = first + 7 * (long)i;
		int y, w, dy, dm, dd, ey, em, ed;
		long long key = iso_week(mon, &y, &w);
		civil_date(mon, &dy, &dm, &dd);
		civil_date(mon + 6, &ey, &em, &ed);
		struct row *r = &t->rows[i];
		r->key = arena_printf(a, "%d-W%02d", y, w);
		r->label = arena_printf(a, "%d-W%02d (%d/%d – %d/%d)", y, w, dd, dm, ed, em);
		r->short_label = arena_printf(a, "%d/%d", dd, dm);
		for (size_t k = 0; k < res.nrows; k++)
			if (db_ll(&res, k, HRC_KEY) == key)
				r->n = db_ll(&res, k, HRC_N);
		t->total += r->n;
	}
	return DB_OK;
}

/* Time to completion of one type (or all): cases and quantiles in
 * seconds. */
struct completion {
	const char *key, *label;
	long long n;
	double median, p90;
};

static int cmp_ll(const void *x, const void *y)
{
	long long a = *(const long long *)x, b = *(const long long *)y;
	return (a > b) - (a < b);
}

/* The median (the mean of the middle two of an even count) and the 90th
 * percentile (nearest rank) of v[0..n), sorted. */
static void quantiles(const long long *v, long long n, struct completion *out)
{
	out->n = n;
	if (n == 0)
		return;
	out->median = n % 2 ? (double)v[n / 2] : ((double)v[n / 2 - 1] + (double)v[n / 2]) / 2;
	out->p90 = (double)v[(9 * n + 9) / 10 - 1];
}

/* One entry per type, then all types; *cut 1 when there were more
 * completed cases than were read. */
static int completion(struct ctx *c, const struct period *p, struct completion *out,
                      int *cut)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_hr_durations(a, p->lo, p->hi, HR_MAX_DURATIONS + 1, &res);
	if (rc != DB_OK)
		return rc;
	size_t n = res.nrows;
	*cut = n > HR_MAX_DURATIONS;
	if (*cut)
		n = HR_MAX_DURATIONS;
	long long *all = arena_alloc(a, (n ? n : 1) * sizeof(*all));
	long long *one = arena_alloc(a, (n ? n : 1) * sizeof(*one));
	for (size_t i = 0; i < n; i++)
		all[i] = db_ll(&res, i, HRD_SECS);
	for (int t = 0; t < HT__MAX; t++) {
		long long k = 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(db_str(&res, i, HRD_TYPE), help_types[t]) == 0)
				one[k++] = all[i];
		/* sorted by the SQL; sorted again in case of a cut */
		qsort(one, (size_t)k, sizeof(*one), cmp_ll);
		out[t] = (struct completion){ help_types[t], T(c, help_type_labels[t]), 0, 0, 0 };
		quantiles(one, k, &out[t]);
	}
	qsort(all, n, sizeof(*all), cmp_ll);
	out[HT__MAX] = (struct completion){ "all", T(c, "hr.all_types"), 0, 0, 0 };
	quantiles(all, (long long)n, &out[HT__MAX]);
	return DB_OK;
}

/* Seconds as hours with one decimal, "," in Greek (csv: always "."). */
static const char *hours(struct ctx *c, double secs, int csv)
{
	char *s = arena_printf(c->r->a, "%.1f", secs / 3600.0);
	char *dot = strchr(s, '.');
	if (dot && !csv && c->lang == LANG_EL)
		*dot = ',';
	return s;
}

static const char *kind_label(struct ctx *c, const char *kind)
{
	static const char *const kinds[] = { "volunteer", "doctor", "psychologist", NULL };
	static const char *const labels[] = { "hv.kind.volunteer", "hv.kind.doctor",
	                                      "hv.kind.psychologist", NULL };
	return T(c, help_label(kinds, labels, kind));
}

static const char *person(const struct db_res *res, size_t i)
{
	const char *n = db_str(res, i, HRL_NAME);
	return n && *n ? n : db_str(res, i, HRL_USER);
}

/* ---- the page ------------------------------------------------------------------------ */

static const char *svg_of(struct ctx *c, enum svg_kind kind, const char *id,
                          const char *title, const char *desc, const struct svg_bar *bars,
                          size_t n)
{
	struct buf b;
	buf_init(&b, 4096 + n * 400);
	struct svg_chart ch = { kind, id, title, desc, bars, n };
	svg_chart(&b, &ch);
	const char *s = arena_strndup(c->r->a, b.p, b.len);
	buf_free(&b);
	return s;
}

/* One chart of counts and its table (section CHART of reports.tpl). */
static void chart_section(struct ctx *c, tmpl_dict *d, const char *id, const char *csv,
                          const char *heading, const char *col, enum svg_kind kind,
                          const struct table *t, const char *qs)
{
	struct arena *a = c->r->a;
	tmpl_dict *s = tmpl_add(d, "CHART");
	tmpl_set(s, "ID", id);
	tmpl_set(s, "HEADING", heading);
	tmpl_set(s, "COL", col);
	struct svg_bar *bars = arena_calloc(a, (t->n ? t->n : 1) * sizeof(*bars));
	for (size_t i = 0; i < t->n; i++) {
		bars[i].label = t->rows[i].short_label ? t->rows[i].short_label : t->rows[i].label;
		bars[i].value = t->rows[i].n;
		tmpl_dict *r = tmpl_add(s, "ROW");
		tmpl_set(r, "LABEL", t->rows[i].label);
		tmpl_set_int(r, "N", t->rows[i].n);
	}
	tmpl_set(s, "SVG", svg_of(c, kind, id, heading, T(c, "hr.chart_desc"), bars, t->n));
	tmpl_set_int(s, "TOTAL", t->total);
	if (csv)
		tmpl_set(tmpl_add(s, "CSV"), "URL",
		         arena_printf(a, "%s/admin/help/reports.csv?table=%s&%s", c->lp, csv, qs));
}

static void form_values(struct ctx *c, tmpl_dict *d, const char *from, const char *to,
                        const char *err_from, const char *err_to)
{
	tmpl_set(d, "F_FROM", from);
	tmpl_set(d, "F_TO", to);
	if (err_from == NULL && err_to == NULL)
		return;
	tmpl_dict *e = tmpl_add(d, "ERRORS");
	const char *fields[2] = { "from", "to" }, *errs[2] = { err_from, err_to };
	for (int i = 0; i < 2; i++) {
		if (errs[i] == NULL)
			continue;
		tmpl_dict *x = tmpl_add(e, "ERROR");
		tmpl_set(x, "FIELD", fields[i]);
		tmpl_set(x, "TEXT", T(c, errs[i]));
		tmpl_set(tmpl_add(d, i == 0 ? "FROM_ERROR" : "TO_ERROR"), "TEXT", T(c, errs[i]));
	}
}

/* Today's day number on the municipality's clock. */
static long today(void)
{
	char now[20];
	int y = 2000, m = 1, d = 1;
	civil_now_text(now);
	sscanf(now, "%d-%d-%d", &y, &m, &d);
	return civil_days(y, m, d);
}

/* The request's period into *p: 1, or 0 with the problems' keys. */
static int read_period(struct ctx *c, struct period *p, const char **err_from,
                       const char **err_to)
{
	struct arena *a = c->r->a;
	const char *from = req_query(c->r, "from"), *to = req_query(c->r, "to");
	if (hr_period(from, to, today(), &p->fday, &p->tday, err_from, err_to))
		return 0;
	p->from = ymd(a, p->fday);
	p->to = ymd(a, p->tday);
	p->lo = arena_printf(a, "%s 00:00:00", p->from);
	p->hi = arena_printf(a, "%s 00:00:00", ymd(a, p->tday + 1));
	return 1;
}

static int cmp_done(const void *x, const void *y)
{
	const long long *a = x, *b = y; /* {done, index} */
	return a[0] != b[0] ? (a[0] < b[0]) - (a[0] > b[0]) : (a[1] > b[1]) - (a[1] < b[1]);
}

void help_reports_page(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct period p;
	const char *err_from, *err_to;
	tmpl_dict *top, *d;
	if (!read_period(c, &p, &err_from, &err_to)) {
		const char *from = req_query(c->r, "from"), *to = req_query(c->r, "to");
		c->res->status = 422;
		d = admin_start(c, arena_printf(a, "%s %s", T(c, "err.title_prefix"),
		                                T(c, "hr.title")), "help/reports.tpl", &top);
		form_values(c, d, from ? from : "", to ? to : "", err_from, err_to);
		admin_render(c, top);
		return;
	}
	struct table types, villages, weeks, statuses, channels;
	struct completion comp[HT__MAX + 1];
	struct db_res load;
	int cut = 0;
	int rc = count_fixed(c, &p, HR_BY_TYPE, help_types, help_type_labels, &types);
	if (rc == DB_OK)
		rc = count_villages(c, &p, &villages);
	if (rc == DB_OK)
		rc = count_weeks(c, &p, &weeks);
	if (rc == DB_OK)
		rc = count_fixed(c, &p, HR_BY_STATUS, help_statuses, help_status_labels, &statuses);
	if (rc == DB_OK)
		rc = count_fixed(c, &p, HR_BY_CHANNEL, help_channels, help_channel_labels, &channels);
	if (rc == DB_OK)
		rc = completion(c, &p, comp, &cut);
	if (rc == DB_OK)
		rc = db_hr_load(a, p.lo, p.hi, HR_MAX_LOAD + 1, &load);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	d = admin_start(c, T(c, "hr.title"), "help/reports.tpl", &top);
	form_values(c, d, p.from, p.to, NULL, NULL);
	const char *qs = arena_printf(a, "from=%s&to=%s", p.from, p.to);
	tmpl_dict *res = tmpl_add(d, "RESULTS");
	tmpl_set(res, "PERIOD", arena_printf(a, "%s – %s", page_date(c, p.lo, 0),
	                                     page_date(c, arena_printf(a, "%s 00:00:00", p.to), 0)));
	tmpl_set_int(res, "TOTAL", types.total);

	chart_section(c, res, "hr-types", "types", T(c, "hr.by_type"), T(c, "hr.col_type"),
	              SVG_BARS, &types, qs);
	chart_section(c, res, "hr-villages", "villages", T(c, "hr.by_village"),
	              T(c, "hr.col_village"), SVG_BARS, &villages, qs);
	chart_section(c, res, "hr-weeks", "weeks", T(c, "hr.by_week"), T(c, "hr.col_week"),
	              SVG_COLUMNS, &weeks, qs);
	chart_section(c, res, "hr-statuses", "statuses", T(c, "hr.by_status"),
	              T(c, "hr.col_status"), SVG_BARS, &statuses, qs);
	chart_section(c, res, "hr-channels", "channels", T(c, "hr.by_channel"),
	              T(c, "hr.col_channel"), SVG_BARS, &channels, qs);

	/* time to completion: the median hours per type drawn, all in the table */
	tmpl_dict *cs = tmpl_add(res, "COMPLETION");
	struct svg_bar cb[HT__MAX];
	for (int i = 0; i <= HT__MAX; i++) {
		if (i < HT__MAX) {
			cb[i].label = comp[i].label;
			cb[i].value = (long long)(comp[i].median / 3600.0 + 0.5);
		}
		tmpl_dict *r = tmpl_add(cs, i < HT__MAX ? "ROW" : "ALL");
		tmpl_set(r, "LABEL", comp[i].label);
		tmpl_set_int(r, "N", comp[i].n);
		tmpl_set(r, "MEDIAN", comp[i].n ? hours(c, comp[i].median, 0) : "—");
		tmpl_set(r, "P90", comp[i].n ? hours(c, comp[i].p90, 0) : "—");
	}
	tmpl_set(cs, "SVG", svg_of(c, SVG_BARS, "hr-completion", T(c, "hr.completion_chart"),
	                           T(c, "hr.completion_desc"), cb, HT__MAX));
	tmpl_set(cs, "CSV", arena_printf(a, "%s/admin/help/reports.csv?table=completion&%s",
	                                 c->lp, qs));
	if (cut)
		tmpl_set_int(tmpl_add(cs, "CUT"), "MAX", HR_MAX_DURATIONS);

	/* the load: everyone in the table; the chart, those with most done */
	tmpl_dict *ls = tmpl_add(res, "LOAD");
	size_t nl = load.nrows > HR_MAX_LOAD ? HR_MAX_LOAD : load.nrows;
	long long (*order)[2] = arena_alloc(a, (nl ? nl : 1) * sizeof(*order));
	for (size_t i = 0; i < nl; i++) {
		tmpl_dict *r = tmpl_add(ls, "ROW");
		tmpl_set(r, "NAME", person(&load, i));
		tmpl_set(r, "KIND", kind_label(c, db_str(&load, i, HRL_KIND)));
		tmpl_set(r, "OPEN", db_str(&load, i, HRL_OPEN));
		tmpl_set(r, "DONE", db_str(&load, i, HRL_DONE));
		tmpl_set(r, "UNREACH", db_str(&load, i, HRL_UNREACH));
		order[i][0] = db_ll(&load, i, HRL_DONE);
		order[i][1] = (long long)i;
	}
	if (nl == 0)
		tmpl_show(ls, "EMPTY");
	qsort(order, nl, sizeof(*order), cmp_done);
	size_t nb = nl < LOAD_CHART ? nl : LOAD_CHART;
	struct svg_bar lb[LOAD_CHART];
	for (size_t i = 0; i < nb; i++) {
		lb[i].label = person(&load, (size_t)order[i][1]);
		lb[i].value = order[i][0];
	}
	tmpl_set(ls, "SVG", svg_of(c, SVG_BARS, "hr-load", T(c, "hr.load_chart"),
	                           T(c, "hr.load_desc"), lb, nb));
	tmpl_set(ls, "CSV", arena_printf(a, "%s/admin/help/reports.csv?table=load&%s", c->lp, qs));
	if (load.nrows > HR_MAX_LOAD)
		tmpl_set_int(tmpl_add(ls, "CUT"), "MAX", HR_MAX_LOAD);
	admin_render(c, top);
}

/* ---- CSV ------------------------------------------------------------------------------- */

/* One CSV field (RFC 4180): quoted, quotes doubled.  A field that a
 * spreadsheet would run as a formula (= + - @ tab CR at the start) gets a
 * leading apostrophe, as admin/audit.c's (OWASP's CSV injection advice). */
static void csv_field(struct buf *b, const char *s, int last)
{
	buf_addc(b, '"');
	if (s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' ||
	          *s == '\r'))
		buf_addc(b, '\'');
	for (; s && *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_adds(b, last ? "\"\r\n" : "\",");
}

static void csv_row(struct buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_field(b, cells[i], i == n - 1);
}

static const char *const csv_tables[] = { "types", "villages", "weeks", "completion", "load",
                                          "statuses", "channels", NULL };

void help_reports_csv(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *table = req_query(c->r, "table");
	int which = table ? help_index(csv_tables, table) : -1;
	struct period p;
	const char *err_from, *err_to;
	if (which < 0) {
		page_error(c, 400, "hr.err_table");
		return;
	}
	if (!read_period(c, &p, &err_from, &err_to)) {
		page_error(c, 400, err_from ? err_from : err_to);
		return;
	}
	struct buf *b = &c->res->out;
	struct table t;
	int rc = DB_OK;
	if (which == 3) {
		struct completion comp[HT__MAX + 1];
		int cut = 0;
		if ((rc = completion(c, &p, comp, &cut)) != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		buf_adds(b, "\xEF\xBB\xBF"); /* a BOM: spreadsheets then read UTF-8 */
		buf_adds(b, "type,label,done,median_hours,p90_hours\r\n");
		for (int i = 0; i <= HT__MAX; i++) {
			const char *cells[] = { comp[i].key, comp[i].label,
			                        arena_printf(a, "%lld", comp[i].n),
			                        comp[i].n ? hours(c, comp[i].median, 1) : "",
			                        comp[i].n ? hours(c, comp[i].p90, 1) : "" };
			csv_row(b, cells, 5);
		}
	} else if (which == 4) {
		struct db_res load;
		if ((rc = db_hr_load(a, p.lo, p.hi, HR_MAX_LOAD, &load)) != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		buf_adds(b, "\xEF\xBB\xBF");
		buf_adds(b, "name,kind,open_now,done,unreachable\r\n");
		for (size_t i = 0; i < load.nrows; i++) {
			const char *cells[] = { person(&load, i), db_str(&load, i, HRL_KIND),
			                        db_str(&load, i, HRL_OPEN), db_str(&load, i, HRL_DONE),
			                        db_str(&load, i, HRL_UNREACH) };
			csv_row(b, cells, 5);
		}
	} else {
		const char *head;
		if (which == 0) {
			rc = count_fixed(c, &p, HR_BY_TYPE, help_types, help_type_labels, &t);
			head = "type,label,cases\r\n";
		} else if (which == 1) {
			rc = count_villages(c, &p, &t);
			head = "village,label,cases\r\n";
		} else if (which == 2) {
			rc = count_weeks(c, &p, &t);
			head = "week,label,cases\r\n";
		} else if (which == 5) {
			rc = count_fixed(c, &p, HR_BY_STATUS, help_statuses, help_status_labels, &t);
			head = "status,label,cases\r\n";
		} else {
			rc = count_fixed(c, &p, HR_BY_CHANNEL, help_channels, help_channel_labels, &t);
			head = "channel,label,cases\r\n";
		}
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		buf_adds(b, "\xEF\xBB\xBF");
		buf_adds(b, head);
		for (size_t i = 0; i < t.n; i++) {
			const char *cells[] = { t.rows[i].key, t.rows[i].label,
			                        arena_printf(a, "%lld", t.rows[i].n) };
			csv_row(b, cells, 3);
		}
	}
	c->res->ctype = "text/csv; charset=utf-8";
	c->res->disposition = arena_printf(a, "attachment; filename=\"help-%s-%s-%s.csv\"",
	                                   table, p.from, p.to);
}
