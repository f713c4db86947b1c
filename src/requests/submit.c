/*
 * submit.c - the public side of citizens' requests (submit.h).
 *
 * The form is a declared form whose category and area choices come from
 * the database.  "Received" is said only after COMMIT: the POST answers
 * 303 to the request's tracking page; the form's one-time token is stored
 * UNIQUE with the request, so sending it twice (a double click, a retry
 * after a timeout or a 502) leads to the same request.  The tracking page
 * shows what anyone may see - never the reporter's name, e-mail or phone.
 */
#include "requests/submit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/civil.h"
#include "http/form.h"
#include "requests/db_requests.h"
#include "requests/list.h"
#include "view/layout.h"

enum {
	RQF_CATEGORY, RQF_DESCRIPTION, RQF_ADDRESS, RQF_AREA, RQF_NAME, RQF_EMAIL, RQF_PHONE,
	RQF_CONSENT, RQF__N
};

static const struct fdef fields[RQF__N] = {
	[RQF_CATEGORY] = { .name = "category", .kind = F_CHOICE, .flags = F_REQUIRED,
	                 .label = "rq.f_category", .err = "rq.err_category" },
	[RQF_DESCRIPTION] = { .name = "description", .kind = F_TEXTAREA, .flags = F_REQUIRED,
	                    .min = 1, .max = 4000, .rows = 6, .label = "rq.f_description",
	                    .hint = "rq.h_description", .err = "rq.err_description" },
	[RQF_ADDRESS] = { .name = "address", .kind = F_TEXT, .flags = F_REQUIRED, .max = 300,
	                .label = "rq.f_address", .hint = "rq.h_address",
	                .err = "rq.err_address", .autocomplete = "street-address" },
	[RQF_AREA] = { .name = "area", .kind = F_CHOICE, .label = "rq.f_area",
	             .err = "rq.err_area" },
	[RQF_NAME] = { .name = "name", .kind = F_TEXT, .max = 200, .label = "rq.f_name",
	             .err = "rq.err_name", .autocomplete = "name" },
	[RQF_EMAIL] = { .name = "email", .kind = F_EMAIL, .max = 254, .label = "rq.f_email",
	              .hint = "rq.h_email", .err = "rq.err_email", .autocomplete = "email" },
	[RQF_PHONE] = { .name = "phone", .kind = F_PHONE, .max = 40, .label = "rq.f_phone",
	              .err = "rq.err_phone", .autocomplete = "tel" },
	[RQF_CONSENT] = { .name = "consent", .kind = F_CHECKBOX, .flags = F_REQUIRED,
	                .label = "rq.f_consent", .err = "rq.err_consent" },
};

/* The form with this site's categories ("Group: category") and areas. */
static int form_for(struct ctx *c, struct form *f, struct db_res *cats)
{
	struct arena *a = c->r->a;
	struct db_res areas;
	int rc = db_rq_categories(a, cats);
	if (rc == DB_OK)
		rc = db_rq_areas(a, &areas);
	if (rc != DB_OK)
		return rc;
	struct fdef *t = arena_alloc(a, sizeof(fields));
	memcpy(t, fields, sizeof(fields));
	const char **cv = arena_calloc(a, (cats->nrows + 1) * sizeof(*cv));
	const char **cl = arena_calloc(a, (cats->nrows + 1) * sizeof(*cl));
	for (size_t i = 0; i < cats->nrows; i++) {
		cv[i] = db_str(cats, i, RC_ID);
		cl[i] = arena_printf(a, "%s: %s",
		                     page_pick(c, db_str(cats, i, RC_GROUP), db_str(cats, i, RC_GROUP_EN), NULL),
		                     page_pick(c, db_str(cats, i, RC_NAME), db_str(cats, i, RC_NAME_EN), NULL));
	}
	const char **av = arena_calloc(a, (areas.nrows + 1) * sizeof(*av));
	const char **al = arena_calloc(a, (areas.nrows + 1) * sizeof(*al));
	for (size_t i = 0; i < areas.nrows; i++) {
		av[i] = db_str(&areas, i, RA_ID);
		al[i] = page_pick(c, db_str(&areas, i, RA_NAME), db_str(&areas, i, RA_NAME_EN), NULL);
	}
	t[RQF_CATEGORY].choices = cv;
	t[RQF_CATEGORY].choice_text = cl;
	t[RQF_AREA].choices = av;
	t[RQF_AREA].choice_text = al;
	*f = (struct form){ .id = "request", .action = "/requests/new", .submit = "rq.submit",
	                    .fields = t, .n = RQF__N };
	return DB_OK;
}

static void render(struct ctx *c, const struct form_data *fd)
{
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, form_title(c, fd, T(c, "rq.new_title")),
	                          "requests/new.tpl", "/requests/new", &top);
	tmpl_set(d, "CONTACT_PHONE", c->conf->contact_phone);
	tmpl_set(d, "CONTACT_TEL", page_tel(c->r->a, c->conf->contact_phone));
	form_fill(c, d, fd);
	page_render(c, top);
}

void requests_new(struct ctx *c)
{
	struct form f;
	struct form_data fd;
	struct db_res cats;
	int rc = form_for(c, &f, &cats);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_new(c, &f, &fd);
	render(c, &fd);
}

const char *requests_due_date(struct arena *a, int y, int m, int d, int n)
{
	long z = civil_days(y, m, d);
	while (n > 0) {
		z++;
		long wd = (z + 4) % 7; /* 1970-01-01 was a Thursday; 0 is Sunday */
		if (wd != 0 && wd != 6)
			n--;
	}
	int yy, mm, dd;
	civil_date(z, &yy, &mm, &dd);
	return arena_printf(a, "%04d-%02d-%02d", yy, mm, dd);
}

void requests_submit(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct form f;
	struct form_data fd;
	struct db_res cats;
	int rc = form_for(c, &f, &cats);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_parse(c, &f, &fd);
	/* The category's rules: a way to be reached, unless it allows
	 * anonymous reports. */
	size_t ci = cats.nrows;
	const char *cat = fd.v[RQF_CATEGORY].s;
	for (size_t i = 0; cat != NULL && i < cats.nrows; i++)
		if (strcmp(db_str(&cats, i, RC_ID), cat) == 0)
			ci = i;
	if (ci < cats.nrows && !db_ll(&cats, ci, RC_ANON) &&
	    fd.v[RQF_EMAIL].s == NULL && fd.v[RQF_PHONE].s == NULL &&
	    fd.v[RQF_EMAIL].err == NULL && fd.v[RQF_PHONE].err == NULL)
		form_error(&fd, "email", "rq.err_contact");
	if (fd.nerr || fd.token_bad) {
		c->res->status = 422;
		render(c, &fd);
		return;
	}
	char now[20];
	civil_now_text(now);
	int y, m, d;
	sscanf(now, "%d-%d-%d", &y, &m, &d);
	struct rq_new n = {
		.token = fd.token,
		.category = atoll(cat),
		.department = db_ll(&cats, ci, RC_DEPT),
		.area = fd.v[RQF_AREA].s ? atoll(fd.v[RQF_AREA].s) : 0,
		.description = fd.v[RQF_DESCRIPTION].s,
		.address = fd.v[RQF_ADDRESS].s,
		.name = fd.v[RQF_NAME].raw, .email = fd.v[RQF_EMAIL].raw, .phone = fd.v[RQF_PHONE].raw,
		.lang = i18n_code(c->lang),
		.due_date = requests_due_date(a, y, m, d, (int)db_ll(&cats, ci, RC_SLA)),
		.year = y,
	};
	const char *code;
	long long protocol;
	rc = db_rq_submit(a, &n, &code, &protocol);
	if (rc != DB_OK && rc != DB_DUP) {
		page_db_error(c, rc);
		return;
	}
	c->res->status = 303;
	c->res->location = arena_printf(a, "%s/requests/%s?%s", c->lp, code,
	                                rc == DB_OK ? "new=1" : "new=again");
}

static const char *status_key(struct arena *a, const char *s)
{
	return arena_printf(a, "rq.s_%s", s ? s : "submitted");
}

void requests_show(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res, ev;
	int rc = db_rq_get(a, c->r->cap[0], &res);
	if (rc == DB_OK && res.nrows == 1)
		rc = db_rq_events(a, db_ll(&res, 0, RS_ID), &ev);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (res.nrows == 0) {
		page_error(c, 404, "rq.err_missing");
		return;
	}
	const char *code = db_str(&res, 0, RS_CODE);
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, arena_printf(a, "%s %s", T(c, "rq.show_title"), code),
	                          "requests/show.tpl",
	                          arena_printf(a, "/requests/%s", code), &top);
	const char *isnew = req_query(c->r, "new");
	if (isnew != NULL) {
		tmpl_dict *nd = tmpl_add(d, "RECEIVED");
		tmpl_set(nd, "TEXT", T(c, strcmp(isnew, "again") == 0 ? "rq.received_again"
		                                                       : "rq.received"));
	}
	tmpl_set(d, "CODE", code);
	tmpl_set(d, "PROTOCOL", arena_printf(a, "%s/%s", db_str(&res, 0, RS_PROTOCOL),
	                                     db_str(&res, 0, RS_YEAR)));
	tmpl_set(d, "CATEGORY", page_pick(c, db_str(&res, 0, RS_CATEGORY),
	                                  db_str(&res, 0, RS_CATEGORY_EN), NULL));
	const char *area = db_str(&res, 0, RS_AREA);
	if (area != NULL)
		tmpl_set(tmpl_add(d, "AREA"), "NAME",
		         page_pick(c, area, db_str(&res, 0, RS_AREA_EN), NULL));
	tmpl_set(d, "ADDRESS", db_str(&res, 0, RS_ADDRESS));
	tmpl_set(d, "DESCRIPTION", db_str(&res, 0, RS_DESCRIPTION));
	tmpl_set(d, "STATUS", T(c, status_key(a, db_str(&res, 0, RS_STATUS))));
	tmpl_set(d, "CREATED", page_date(c, db_str(&res, 0, RS_CREATED), 1));
	tmpl_set(d, "CREATED_ISO", page_date_iso(a, db_str(&res, 0, RS_CREATED)));
	tmpl_set(d, "DUE", page_date(c, db_str(&res, 0, RS_DUE), 0));
	tmpl_set(d, "DUE_ISO", page_date_iso(a, db_str(&res, 0, RS_DUE)));
	for (size_t i = 0; i < ev.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "EVENT");
		tmpl_set(e, "AT", page_date(c, db_str(&ev, i, RE_AT), 1));
		tmpl_set(e, "AT_ISO", page_date_iso(a, db_str(&ev, i, RE_AT)));
		const char *to = db_str(&ev, i, RE_TO);
		if (to != NULL)
			tmpl_set(tmpl_add(e, "STATUS"), "NAME", T(c, status_key(a, to)));
		const char *reply = db_str(&ev, i, RE_REPLY);
		if (reply != NULL)
			tmpl_set(tmpl_add(e, "REPLY"), "TEXT", reply);
	}
	requests_show_extras(c, top, d, code); /* feed link, follow form (list.c) */
	page_render(c, top);
}
