/*
 * stats.c - /admin/stats (stats.h): the requests submitted in a period of
 * months, per month, category, status and area, as SVG charts drawn here
 * (view/svg_chart.c), each followed by a table of its numbers with a
 * caption and header cells for screen readers; the median days to the
 * first public reply and to resolution, overall and per category; the
 * requests overdue now.  A department user's numbers are their
 * department's, scoped in the SQL (requests/db_stats.c).
 *
 * The figures of a period and a department are computed at most once
 * every stats_refresh seconds and kept (stats_snapshots): counting a busy
 * year's requests takes a second, reading the kept figures a look-up.
 * When they are due, the first worker to claim them computes them and
 * the others show the ones they have meanwhile (a scope's first view, with
 * none kept yet, is computed by whoever asks); the page says when its
 * figures are from.  "Overdue now" is counted at every view (an index
 * range of the open requests).  Writes only stats_snapshots.
 */
#include "requests/stats.h"

#include <stdio.h>
#include <string.h>

#include "admin/ui.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/civil.h"
#include "core/log.h"
#include "db/pack.h"
#include "http/perm.h"
#include "http/session.h"
#include "requests/db_stats.h"
#include "requests/rules.h"
#include "view/layout.h"
#include "view/svg_chart.h"

/* Every status, in the order of a request's life. */
static const char *const statuses[] = {
	"submitted", "acknowledged", "in_progress", "scheduled", "resolved",
	"reopened", "rejected", "duplicate", "not_ours",
};
#define NSTATUS (sizeof(statuses) / sizeof(statuses[0]))

/* "YYYY-MM" exactly, a year 2000-2999: 1 and the parts; else 0. */
static int parse_month(const char *s, int *y, int *m)
{
	int n = 0;
	if (strlen(s) != 7 || s[4] != '-' || strspn(s, "0123456789") != 4 ||
	    strspn(s + 5, "0123456789") != 2)
		return 0;
	if (sscanf(s, "%4d-%2d%n", y, m, &n) != 2 || n != 7)
		return 0;
	return *y >= 2000 && *y <= 2999 && *m >= 1 && *m <= 12;
}

int stats_period(const char *from, const char *to, int now_y, int now_m,
                 int *fy, int *fm, int *ty, int *tm,
                 const char **err_from, const char **err_to)
{
	*err_from = *err_to = NULL;
	int have_from = from != NULL && *from, have_to = to != NULL && *to;
	*ty = now_y;
	*tm = now_m;
	if (have_to && !parse_month(to, ty, tm))
		*err_to = "stats.err_month";
	if (have_from && !parse_month(from, fy, fm))
		*err_from = "stats.err_month";
	else if (!have_from) {
		/* the 12 months up to "to" */
		int k = *ty * 12 + (*tm - 1) - 11;
		*fy = k / 12;
		*fm = k % 12 + 1;
	}
	if (*err_from == NULL && *err_to == NULL) {
		int span = (*ty * 12 + *tm) - (*fy * 12 + *fm) + 1;
		if (span < 1)
			*err_to = "stats.err_order";
		else if (span > STATS_MAX_MONTHS)
			*err_to = "stats.err_span";
	}
	return (*err_from != NULL) + (*err_to != NULL);
}

/* Minutes (text from SQL, NULL: none) as days with one decimal, in the
 * language's way of writing decimals ("1,5" / "1.5"); "—" for none. */
static const char *days_text(struct ctx *c, const char *minutes)
{
	if (minutes == NULL)
		return "—";
	double d = 0;
	if (sscanf(minutes, "%lf", &d) != 1)
		return "—";
	char *s = arena_printf(c->r->a, "%.1f", d / 1440.0);
	char *dot = strchr(s, '.');
	if (dot && c->lang == LANG_EL)
		*dot = ',';
	return s;
}

static const char *month_key(struct ctx *c, const char *kind, int m)
{
	return T(c, arena_printf(c->r->a, "stats.%s.%d", kind, m));
}

/* One chart and its table.  bars[i].label is the chart's label, rows[i]
 * (or the same when rows is NULL) the table's. */
static void chart_section(struct ctx *c, tmpl_dict *d, const char *id, const char *heading,
                          const char *col, enum svg_kind kind, const struct svg_bar *bars,
                          const char *const *rows, size_t n, long long total)
{
	struct arena *a = c->r->a;
	tmpl_dict *s = tmpl_add(d, "CHART");
	tmpl_set(s, "ID", id);
	tmpl_set(s, "HEADING", heading);
	tmpl_set(s, "COL", col);
	struct buf b;
	buf_init(&b, 4096 + n * 400);
	struct svg_chart ch = { kind, id, heading, T(c, "stats.chart_desc"), bars, n };
	svg_chart(&b, &ch);
	tmpl_set(s, "SVG", arena_strndup(a, b.p, b.len));
	buf_free(&b);
	for (size_t i = 0; i < n; i++) {
		tmpl_dict *r = tmpl_add(s, "ROW");
		tmpl_set(r, "LABEL", rows ? rows[i] : bars[i].label);
		tmpl_set_int(r, "N", bars[i].value);
	}
	tmpl_set_int(s, "TOTAL", total);
}

static void form_values(tmpl_dict *d, const char *from, const char *to)
{
	tmpl_set(d, "F_FROM", from);
	tmpl_set(d, "F_TO", to);
}

static void show_errors(struct ctx *c, tmpl_dict *d, const char *err_from, const char *err_to)
{
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

/* The six result sets of a period, in this order. */
#define NSETS 6

static int compute(struct arena *a, const struct stats_scope *sc, struct db_res *set)
{
	int rc = db_stats_months(a, sc, &set[0]);
	if (rc == DB_OK)
		rc = db_stats_categories(a, sc, &set[1]);
	if (rc == DB_OK)
		rc = db_stats_statuses(a, sc, &set[2]);
	if (rc == DB_OK)
		rc = db_stats_areas(a, sc, &set[3]);
	if (rc == DB_OK)
		rc = db_stats_medians(a, sc, &set[4]);
	if (rc == DB_OK)
		rc = db_stats_medians_all(a, sc, &set[5]);
	return rc;
}

/* The columns of each set, as compute() reads them: kept figures with
 * others (written by another version) are not used. */
static const size_t set_cols[NSETS] = {
	DB_NCOLS(ST_MONTH_COLS), DB_NCOLS(ST_NAMED_COLS), DB_NCOLS(ST_STATUS_COLS),
	DB_NCOLS(ST_NAMED_COLS), SD__END + 1, SD__END + 1,
};

/* The kept figures of a row of stats_snapshots: 1 when they parse and
 * have the columns this version reads. */
static int unpack(struct arena *a, const struct db_res *row, struct db_res *set)
{
	const char *p = db_str(row, 0, SNAP_DATA);   /* checked: row 0 exists */
	if (p == NULL)
		return 0;
	size_t n = row->len[SNAP_DATA], off = 1;   /* a blob may hold NULs */
	if (n < 1 || (unsigned char)p[0] != PACK_VERSION)
		return 0;
	for (size_t i = 0; i < NSETS; i++)
		if (db_res_unpack(a, p, n, &off, &set[i]) != 0 || set[i].ncols != set_cols[i])
			return 0;
	return off == n;
}

/* The figures of sc, kept or computed (see the top of the file); *as_of
 * when they were computed (NULL when nothing is kept: stats_refresh 0). */
static int figures(struct ctx *c, const struct stats_scope *sc, struct db_res *set,
                   const char **as_of)
{
	struct arena *a = c->r->a;
	*as_of = NULL;
	if (c->conf->stats_refresh == 0)
		return compute(a, sc, set);
	const char *scope = arena_printf(a, "%.19s|%.19s|%lld", sc->from, sc->to, sc->dept);
	struct db_res row;
	int rc = db_stats_snapshot_get(a, scope, &row);
	if (rc != DB_OK)
		return rc;
	int have = row.nrows == 1 && unpack(a, &row, set);
	if (have && db_ll(&row, 0, SNAP_AGE) < (long long)c->conf->stats_refresh) {
		*as_of = db_str(&row, 0, SNAP_AT);
		return DB_OK;
	}
	int claimed = 0;
	rc = db_stats_snapshot_claim(a, scope, &claimed);
	if (rc != DB_OK && !have)
		return rc;
	if (!claimed && have) {
		*as_of = db_str(&row, 0, SNAP_AT);   /* another worker is at it */
		return DB_OK;
	}
	rc = compute(a, sc, set);
	char *now = arena_alloc(a, 20);
	civil_now_text(now);
	*as_of = now;
	if (rc == DB_OK && claimed) {
		struct buf b;
		buf_init(&b, 4096);
		buf_addc(&b, (char)PACK_VERSION);
		for (size_t i = 0; i < NSETS; i++)
			db_res_pack(&b, &set[i]);
		/* Not kept: the next view computes them again. */
		if (db_stats_snapshot_put(a, scope, b.p, b.len) != DB_OK)
			log_warn("stats: figures of %s not kept", scope);
		buf_free(&b);
	}
	return rc;
}

void stats_page(struct ctx *c)
{
	struct arena *a = c->r->a;
	char now[20];
	civil_now_text(now);
	int ny = 2000, nm = 1;
	sscanf(now, "%d-%d", &ny, &nm);
	const char *from = req_query(c->r, "from"), *to = req_query(c->r, "to");
	int fy, fm, ty, tm;
	const char *err_from, *err_to;
	int bad = stats_period(from, to, ny, nm, &fy, &fm, &ty, &tm, &err_from, &err_to);
	struct stats_scope sc = { NULL, NULL, RQ_SCOPE(c->staff) };

	tmpl_dict *top, *d;
	if (bad) {
		c->res->status = 422;
		d = admin_start(c, T(c, "stats.title"), "admin/stats.tpl", &top);
		form_values(d, from ? from : "", to ? to : "");
		show_errors(c, d, err_from, err_to);
		if (sc.dept != 0)
			tmpl_show(d, "SCOPE_DEPT");
		admin_render(c, top);
		return;
	}
	int months = (ty * 12 + tm) - (fy * 12 + fm) + 1;
	int ey = tm == 12 ? ty + 1 : ty, em = tm == 12 ? 1 : tm + 1;
	sc.from = arena_printf(a, "%04d-%02d-01 00:00:00", fy, fm);
	sc.to = arena_printf(a, "%04d-%02d-01 00:00:00", ey, em);

	struct db_res set[NSETS];
	const char *as_of = NULL;
	long long overdue = 0;
	int rc = figures(c, &sc, set, &as_of);
	if (rc == DB_OK)
		rc = db_stats_overdue(a, sc.dept, &overdue);
	struct db_res rm = set[0], rcat = set[1], rst = set[2], rar = set[3],
	              rmed = set[4], rall = set[5];
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}

	d = admin_start(c, T(c, "stats.title"), "admin/stats.tpl", &top);
	form_values(d, arena_printf(a, "%04d-%02d", fy, fm), arena_printf(a, "%04d-%02d", ty, tm));
	if (sc.dept != 0)
		tmpl_show(d, "SCOPE_DEPT");
	const char *period = arena_printf(a, "%s %d – %s %d", month_key(c, "month", fm), fy,
	                                  month_key(c, "month", tm), ty);
	tmpl_dict *res = tmpl_add(d, "RESULTS");
	tmpl_set(res, "PERIOD", period);
	tmpl_set_int(res, "OVERDUE", overdue);
	if (as_of != NULL) {
		tmpl_dict *k = tmpl_add(res, "AS_OF");
		tmpl_set(k, "WHEN", page_date(c, as_of, 1));
		tmpl_set(k, "DATETIME", page_date_iso(a, as_of));
		long long every = (long long)c->conf->stats_refresh;
		if (every < 120) {
			tmpl_set_int(k, "EVERY", every);
			tmpl_show(k, "SECONDS");
		} else {
			tmpl_set_int(k, "EVERY", (every + 59) / 60);
			tmpl_show(k, "MINUTES");
		}
	}

	/* per month: every month of the period, zeros too */
	struct svg_bar *mb = arena_calloc(a, (size_t)months * sizeof(*mb));
	const char **ml = arena_calloc(a, (size_t)months * sizeof(*ml));
	long long total = 0;
	for (int i = 0; i < months; i++) {
		int k = fy * 12 + (fm - 1) + i, y = k / 12, m = k % 12 + 1;
		const char *key = arena_printf(a, "%04d-%02d", y, m);
		mb[i].label = arena_printf(a, "%s %02d", month_key(c, "mon", m), y % 100);
		ml[i] = arena_printf(a, "%s %d", month_key(c, "month", m), y);
		for (size_t r = 0; r < rm.nrows; r++)
			if (strcmp(db_str(&rm, r, SM_MONTH), key) == 0)
				mb[i].value = db_ll(&rm, r, SM_N);
		total += mb[i].value;
	}
	tmpl_set_int(res, "TOTAL", total);
	chart_section(c, res, "chart-month", T(c, "stats.by_month"), T(c, "stats.col_month"),
	              SVG_COLUMNS, mb, ml, (size_t)months, total);

	struct svg_bar *cb = arena_calloc(a, (rcat.nrows + 1) * sizeof(*cb));
	for (size_t i = 0; i < rcat.nrows; i++) {
		cb[i].label = page_pick(c, db_str(&rcat, i, SN_EL), db_str(&rcat, i, SN_EN), NULL);
		cb[i].value = db_ll(&rcat, i, SN_N);
	}
	chart_section(c, res, "chart-category", T(c, "stats.by_category"), T(c, "stats.col_category"),
	              SVG_BARS, cb, NULL, rcat.nrows, total);

	struct svg_bar sb[NSTATUS];
	for (size_t i = 0; i < NSTATUS; i++) {
		sb[i].label = T(c, arena_printf(a, "stats.status.%s", statuses[i]));
		sb[i].value = 0;
		for (size_t r = 0; r < rst.nrows; r++)
			if (strcmp(db_str(&rst, r, SS_STATUS), statuses[i]) == 0)
				sb[i].value = db_ll(&rst, r, SS_N);
	}
	chart_section(c, res, "chart-status", T(c, "stats.by_status"), T(c, "stats.col_status"),
	              SVG_BARS, sb, NULL, NSTATUS, total);

	/* areas, and the requests that name none */
	struct svg_bar *ab = arena_calloc(a, (rar.nrows + 1) * sizeof(*ab));
	long long in_areas = 0;
	for (size_t i = 0; i < rar.nrows; i++) {
		ab[i].label = page_pick(c, db_str(&rar, i, SN_EL), db_str(&rar, i, SN_EN), NULL);
		ab[i].value = db_ll(&rar, i, SN_N);
		in_areas += ab[i].value;
	}
	size_t na = rar.nrows;
	if (total > in_areas) {
		ab[na].label = T(c, "stats.no_area");
		ab[na++].value = total - in_areas;
	}
	chart_section(c, res, "chart-area", T(c, "stats.by_area"), T(c, "stats.col_area"),
	              SVG_BARS, ab, NULL, na, total);

	/* medians: overall, then each category with requests */
	tmpl_dict *md = tmpl_add(res, "MEDIANS");
	tmpl_dict *row = tmpl_add(md, "MROW");
	tmpl_set(row, "LABEL", T(c, "stats.all_categories"));
	tmpl_set(row, "REPLY", days_text(c, rall.nrows ? db_str(&rall, 0, SD_REPLY) : NULL));
	tmpl_set(row, "REPLIED", rall.nrows ? db_str(&rall, 0, SD_REPLIED) : "0");
	tmpl_set(row, "RESOLVE", days_text(c, rall.nrows ? db_str(&rall, 0, SD_RESOLVE) : NULL));
	tmpl_set(row, "RESOLVED", rall.nrows ? db_str(&rall, 0, SD_RESOLVED) : "0");
	for (size_t i = 0; i < rcat.nrows; i++)
		for (size_t r = 0; r < rmed.nrows; r++) {
			if (strcmp(db_str(&rmed, r, SD_CAT), db_str(&rcat, i, SN_ID)) != 0)
				continue;
			row = tmpl_add(md, "MROW");
			tmpl_set(row, "LABEL", cb[i].label);
			tmpl_set(row, "REPLY", days_text(c, db_str(&rmed, r, SD_REPLY)));
			tmpl_set(row, "REPLIED", db_str(&rmed, r, SD_REPLIED));
			tmpl_set(row, "RESOLVE", days_text(c, db_str(&rmed, r, SD_RESOLVE)));
			tmpl_set(row, "RESOLVED", db_str(&rmed, r, SD_RESOLVED));
		}
	admin_render(c, top);
}
