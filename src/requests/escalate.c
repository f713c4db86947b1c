/*
 * escalate.c - the daily escalation digest (escalate.h).  Touches, in one
 * transaction: job_runs (today's row), requests (locked, escalated_on) and
 * the outbox (one row per recipient, mail/outbox.h); reads departments,
 * categories and staff.
 *
 * Who gets what: every address is one recipient and gets one mail.  A
 * department's e-mail (departments.email, the head's office) and its
 * active department users with an e-mail get the requests of that
 * department; an address that belongs to several departments gets theirs
 * together; an active dispatcher gets every department's, requests not
 * yet routed to a department included, and nothing else (a dispatcher who
 * is also a department user is still one recipient).  Nobody gets a mail
 * when no request is overdue that long.
 */
#include "requests/escalate.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/conf.h"
#include "core/log.h"
#include "mail/outbox.h"
#include "requests/db_escalate.h"

/* The staff's names of the open statuses (the digest is in Greek, with an
 * English line for staff who read it better). */
static const char *status_el(const char *s)
{
	static const char *const names[][2] = {
		{ "submitted", "Υποβλήθηκε" }, { "acknowledged", "Παραλήφθηκε" },
		{ "in_progress", "Σε εξέλιξη" }, { "scheduled", "Προγραμματίστηκε" },
		{ "reopened", "Άνοιξε ξανά" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i][0]) == 0)
			return names[i][1];
	return s;
}

/* "2026-11-20" -> "20/11/2026" */
static const char *dmy(struct arena *a, const char *iso)
{
	int y, m, d;
	if (iso == NULL || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3)
		return iso ? iso : "";
	return arena_printf(a, "%d/%d/%d", d, m, y);
}

struct rcpt {
	const char *to;       /* as stored */
	const char *key;      /* lower case, to find the same address again */
	int all;              /* a dispatcher: every request */
	unsigned char *depts; /* [ndept]: 1 for each department whose requests it gets */
};

struct digest {
	struct arena *a;
	const struct conf *cf;
	const char *today;
	long long days;
	struct db_res req, dept, cat, users;
	long long *dept_ids;  /* the departments result's ids */
	struct rcpt *r;
	size_t nr, cap;
};

/* The index of department id in the departments result, or -1. */
static long dept_index(const struct digest *g, long long id)
{
	for (size_t i = 0; i < g->dept.nrows; i++)
		if (g->dept_ids[i] == id)
			return (long)i;
	return -1;
}

static const char *lower(struct arena *a, const char *s)
{
	char *k = arena_strdup(a, s);
	for (char *p = k; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

/* The recipient for address to (a new one if needed), or NULL when the
 * outbox would refuse the address. */
static struct rcpt *recipient(struct digest *g, const char *to)
{
	if (to == NULL || *to == '\0')
		return NULL;
	if (!outbox_address_ok(to)) {
		log_warn("msg=\"escalation digest: an address the outbox refuses, skipped\" to=\"%s\"", to);
		return NULL;
	}
	const char *key = lower(g->a, to);
	for (size_t i = 0; i < g->nr; i++)
		if (strcmp(g->r[i].key, key) == 0)
			return &g->r[i];
	if (g->nr == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 16;
		struct rcpt *n = arena_alloc(g->a, cap * sizeof(*n));
		if (g->nr)
			memcpy(n, g->r, g->nr * sizeof(*n));
		g->r = n;
		g->cap = cap;
	}
	struct rcpt *r = &g->r[g->nr++];
	r->to = to;
	r->key = key;
	r->all = 0;
	r->depts = arena_calloc(g->a, g->dept.nrows + 1);
	return r;
}

/* Who is told: see the head of the file. */
static void recipients(struct digest *g, size_t *skipped)
{
	unsigned char *late = arena_calloc(g->a, g->dept.nrows + 1);
	for (size_t i = 0; i < g->req.nrows; i++) {
		long k = db_str(&g->req, i, ER_DEPT) ? dept_index(g, db_ll(&g->req, i, ER_DEPT)) : -1;
		if (k >= 0)
			late[k] = 1;
	}
	for (size_t k = 0; k < g->dept.nrows; k++) {
		if (!late[k])
			continue;
		const char *e = db_str(&g->dept, k, ED_EMAIL);
		struct rcpt *r = recipient(g, e);
		if (r)
			r->depts[k] = 1;
		else if (e && *e)
			(*skipped)++;
	}
	for (size_t i = 0; i < g->users.nrows; i++) {
		const char *e = db_str(&g->users, i, EU_EMAIL);
		int disp = db_ll(&g->users, i, EU_DISPATCHER) != 0;
		long k = db_str(&g->users, i, EU_DEPT) ? dept_index(g, db_ll(&g->users, i, EU_DEPT)) : -1;
		int dept_user = db_ll(&g->users, i, EU_DEPARTMENT) != 0 && k >= 0 && late[k];
		if (!disp && !dept_user)
			continue;
		struct rcpt *r = recipient(g, e);
		if (r == NULL) {
			(*skipped)++;
			continue;
		}
		if (disp)
			r->all = 1;
		else
			r->depts[k] = 1;
	}
}

static const char *category_name(const struct digest *g, const char *id)
{
	for (size_t i = 0; id && i < g->cat.nrows; i++)
		if (strcmp(db_str(&g->cat, i, EC_ID), id) == 0)
			return db_str(&g->cat, i, EC_NAME);
	return "";
}

/* The mail of recipient r; its subject in *subject.  0 if it lists no
 * request (it never happens: every recipient was added for some). */
static size_t compose(struct digest *g, const struct rcpt *r, struct buf *b,
                      const char **subject)
{
	struct arena *a = g->a;
	size_t listed = 0, groups = 0;
	const char *group_name = NULL;
	buf_reset(b);
	buf_printf(b, "Καλημέρα σας,\n\nΤα παρακάτω αιτήματα πολιτών είναι ακόμη ανοιχτά, περισσότερες "
	           "από %lld ημέρες μετά την προθεσμία τους (σύνοψη της %s).\n"
	           "(In English: the citizens' requests below are still open more than %lld days "
	           "after their due date; digest of %s.)\n",
	           g->days, dmy(a, g->today), g->days, dmy(a, g->today));
	const char *current = "";
	for (size_t i = 0; i < g->req.nrows; i++) {
		const char *d = db_str(&g->req, i, ER_DEPT);
		long k = d ? dept_index(g, db_ll(&g->req, i, ER_DEPT)) : -1;
		if (!r->all && (k < 0 || !r->depts[k]))
			continue;
		const char *gname = k >= 0 ? db_str(&g->dept, (size_t)k, ED_NAME)
		                           : "Χωρίς τμήμα, για δρομολόγηση (not routed yet)";
		if (strcmp(d ? d : "", current) != 0 || listed == 0) {
			current = d ? d : "";
			groups++;
			group_name = gname;
			buf_printf(b, "\n%s\n", gname);
		}
		long long late = db_ll(&g->req, i, ER_LATE);
		buf_printf(b, "- %s · %s · %s\n  προθεσμία %s, εκπρόθεσμο κατά %lld %s · %s%s%s\n"
		           "  %s/admin/requests/%s\n",
		           db_str(&g->req, i, ER_CODE),
		           category_name(g, db_str(&g->req, i, ER_CATEGORY)),
		           db_str(&g->req, i, ER_ADDRESS), dmy(a, db_str(&g->req, i, ER_DUE)), late,
		           late == 1 ? "ημέρα" : "ημέρες", status_el(db_str(&g->req, i, ER_STATUS)),
		           db_ll(&g->req, i, ER_PRIORITY) == 1 ? " · επείγον" : "",
		           db_ll(&g->req, i, ER_FIRST) ? " · πρώτη φορά στη σύνοψη" : "",
		           g->cf->site_url, db_str(&g->req, i, ER_CODE));
		listed++;
	}
	if (g->req.nrows >= ESC_MAX_REQUESTS)
		buf_printf(b, "\nΗ σύνοψη σταματά στα %d αιτήματα: όλα είναι στη λίστα.\n",
		           ESC_MAX_REQUESTS);
	buf_printf(b, "\nΌλα τα εκπρόθεσμα αιτήματα / all overdue requests:\n%s/admin/requests?overdue=1\n"
	           "\n-- \nΗμερήσια σύνοψη της πύλης (agora-admin requests escalate).\n",
	           g->cf->site_url);
	if (r->all)
		*subject = arena_printf(a, "Εκπρόθεσμα αιτήματα όλων των τμημάτων: %zu · %s", listed,
		                        dmy(a, g->today));
	else if (groups == 1)
		*subject = arena_printf(a, "Εκπρόθεσμα αιτήματα: %zu · %s · %s", listed, group_name,
		                        dmy(a, g->today));
	else
		*subject = arena_printf(a, "Εκπρόθεσμα αιτήματα: %zu σε %zu τμήματα · %s", listed,
		                        groups, dmy(a, g->today));
	return listed;
}

static int load(struct digest *g)
{
	int rc = db_esc_requests(g->a, g->days, &g->req);
	if (rc == DB_OK)
		rc = db_esc_departments(g->a, &g->dept);
	if (rc == DB_OK)
		rc = db_esc_categories(g->a, &g->cat);
	if (rc == DB_OK)
		rc = db_esc_users(g->a, &g->users);
	if (rc != DB_OK)
		return rc;
	g->dept_ids = arena_calloc(g->a, (g->dept.nrows + 1) * sizeof(long long));
	for (size_t i = 0; i < g->dept.nrows; i++)
		g->dept_ids[i] = db_ll(&g->dept, i, ED_ID);
	return DB_OK;
}

int escalate_run(struct arena *a, const struct conf *cf, struct escalate_result *out)
{
	memset(out, 0, sizeof(*out));
	struct digest g;
	memset(&g, 0, sizeof(g));
	g.a = a;
	g.cf = cf;
	g.days = (long long)cf->escalate_after_days;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_esc_take_day(a, &g.today);
	out->today = g.today;
	if (rc == DB_DUP) {
		db_rollback();
		out->already = 1;
		return DB_OK;
	}
	if (rc == DB_OK)
		rc = load(&g);
	if (rc == DB_OK && g.req.nrows > 0)
		recipients(&g, &out->skipped);
	struct buf b;
	buf_init(&b, 8192);
	for (size_t i = 0; rc == DB_OK && i < g.nr; i++) {
		const char *subject;
		if (compose(&g, &g.r[i], &b, &subject) == 0)
			continue;
		struct mail m = { "requests.escalation", g.r[i].to, subject, b.p, NULL, NULL };
		rc = outbox_add(a, &m);
		if (rc == DB_OK)
			out->digests++;
	}
	buf_free(&b);
	unsigned long long marked = 0;
	if (rc == DB_OK)
		rc = db_esc_mark(a, g.days, &marked);
	/* (marked counts the rows changed: fewer than listed when today's run
	 * was removed from job_runs by hand and made again) */
	if (rc == DB_OK)
		log_info("msg=\"escalation digest\" day=%s listed=%zu marked=%llu digests=%zu",
		         g.today, g.req.nrows, marked, out->digests);
	out->requests = g.req.nrows;
	return db_end(rc);
}
