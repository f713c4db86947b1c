/*
 * submit.c - the public side of citizens' requests (submit.h).
 *
 * The form is a declared form whose category and area choices come from
 * the database.  "Received" is said only after COMMIT: the POST answers
 * 303 to the request's tracking page; the form's one-time token is stored
 * UNIQUE with the request, so sending it twice (a double click, a retry
 * after a timeout or a 502) leads to the same request.  The tracking page
 * shows what anyone may see - never the reporter's name, e-mail or phone.
 *
 * The form's table is built per request: the site's categories and
 * communities, and the extra questions of the category chosen (in the
 * query, ?category=3, or with the form).  A question answered with a
 * choice that carries a stop message ends there ("for a gas smell call
 * 199 now"); a point given on the map first offers the open requests of
 * the same category within 100 m.  The building and checking are shared
 * with the staff's phone-in form (admin/request_phone.c).
 */
#include "requests/submit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "comments/comments.h"
#include "core/arena.h"
#include "core/civil.h"
#include "http/form.h"
#include "http/session.h"
#include "media/serve.h"
#include "requests/db_requests.h"
#include "requests/list.h"
#include "view/layout.h"

/* The fixed fields; a category's questions come right after the category
 * (their names are "q<id>"), so a field is found by its name. */
static const struct fdef f_category = {
	.name = "category", .kind = F_CHOICE, .flags = F_REQUIRED,
	.label = "rq.f_category", .err = "rq.err_category" };
static const struct fdef fields[] = {
	{ .name = "description", .kind = F_TEXTAREA, .flags = F_REQUIRED,
	  .min = 1, .max = 4000, .rows = 6, .label = "rq.f_description",
	  .hint = "rq.h_description", .err = "rq.err_description" },
	{ .name = "address", .kind = F_TEXT, .flags = F_REQUIRED, .max = 300,
	  .label = "rq.f_address", .hint = "rq.h_address",
	  .err = "rq.err_address", .autocomplete = "street-address" },
	{ .name = "area", .kind = F_CHOICE, .label = "rq.f_area", .err = "rq.err_area" },
	{ .name = "lat", .kind = F_TEXT, .flags = F_PAIR, .max = 12, .label = "rq.f_lat",
	  .hint = "rq.h_point", .err = "rq.err_point" },
	{ .name = "lon", .kind = F_TEXT, .max = 12, .label = "rq.f_lon", .err = "rq.err_point" },
	{ .name = "photo1", .kind = F_FILE, .label = "rq.f_photo1", .hint = "rq.h_photo",
	  .err = "rq.err_photo" },
	{ .name = "photo2", .kind = F_FILE, .label = "rq.f_photo2", .err = "rq.err_photo" },
	{ .name = "photo3", .kind = F_FILE, .label = "rq.f_photo3", .err = "rq.err_photo" },
	{ .name = "name", .kind = F_TEXT, .max = 200, .label = "rq.f_name",
	  .err = "rq.err_name", .autocomplete = "name" },
	{ .name = "email", .kind = F_EMAIL, .max = 254, .label = "rq.f_email",
	  .hint = "rq.h_email", .err = "rq.err_email", .autocomplete = "email" },
	{ .name = "phone", .kind = F_PHONE, .max = 40, .label = "rq.f_phone",
	  .err = "rq.err_phone", .autocomplete = "tel" },
	{ .name = "consent", .kind = F_CHECKBOX, .flags = F_REQUIRED,
	  .label = "rq.f_consent", .err = "rq.err_consent" },
	/* The category whose questions the form showed, and "1" once the
	 * reporter saw the open requests nearby and still files a new one. */
	{ .name = "qcat", .kind = F_HIDDEN, .max = 10 },
	{ .name = "dup_ok", .kind = F_HIDDEN, .max = 1 },
};
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))

static int is_photo(const char *name) { return strncmp(name, "photo", 5) == 0; }

static const char *fv(const struct form_data *fd, const char *name)
{
	const struct fval *v = form_value(fd, name);
	return v ? v->s : NULL;
}

/* The questions of category cat (0: none) as fields named "q<id>". */
static int add_questions(struct ctx *c, struct rq_form *rf, struct fdef *t, size_t *n,
                         long long cat)
{
	struct arena *a = c->r->a;
	rf->nq = 0;
	rf->category = cat;
	if (cat <= 0)
		return DB_OK;
	int rc = db_rq_questions(a, cat, &rf->qs);
	if (rc == DB_OK)
		rc = db_rq_choices(a, cat, &rf->chs);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < rf->qs.nrows; i++) {
		struct fdef *d = &t[(*n)++];
		const char *kind = db_str(&rf->qs, i, RQ_QKIND);
		long long qid = db_ll(&rf->qs, i, RQ_QID);
		*d = (struct fdef){ .name = arena_printf(a, "q%lld", qid),
		                    .label_text = page_pick(c, db_str(&rf->qs, i, RQ_QLABEL),
		                                            db_str(&rf->qs, i, RQ_QLABEL_EN), NULL),
		                    .err = "rq.err_answer" };
		const char *hint = page_pick(c, db_str(&rf->qs, i, RQ_QHINT),
		                             db_str(&rf->qs, i, RQ_QHINT_EN), NULL);
		if (hint != NULL && *hint)
			d->hint_text = hint;
		if (db_ll(&rf->qs, i, RQ_QREQ))
			d->flags |= F_REQUIRED;
		const char *mn = db_str(&rf->qs, i, RQ_QMIN), *mx = db_str(&rf->qs, i, RQ_QMAX);
		if (strcmp(kind, "number") == 0) {
			d->kind = F_INT;
			d->min = mn ? atoll(mn) : -1000000000;
			d->max = mx ? atoll(mx) : 1000000000;
			d->err = "rq.err_answer_number";
		} else if (strcmp(kind, "text") == 0) {
			d->kind = F_TEXT;
			d->max = mx ? atoll(mx) : 500;
		} else {
			d->kind = strcmp(kind, "multi") == 0 ? F_MULTI : F_CHOICE;
			size_t k = 0;
			for (size_t j = 0; j < rf->chs.nrows; j++)
				k += db_ll(&rf->chs, j, RCH_QID) == qid;
			const char **v = arena_calloc(a, (k + 1) * sizeof(*v));
			const char **l = arena_calloc(a, (k + 1) * sizeof(*l));
			k = 0;
			for (size_t j = 0; j < rf->chs.nrows; j++)
				if (db_ll(&rf->chs, j, RCH_QID) == qid) {
					v[k] = db_str(&rf->chs, j, RCH_ID);
					l[k++] = page_pick(c, db_str(&rf->chs, j, RCH_LABEL),
					                   db_str(&rf->chs, j, RCH_LABEL_EN), NULL);
				}
			d->choices = v;
			d->choice_text = l;
		}
		rf->nq++;
	}
	return DB_OK;
}

int rq_form_build(struct ctx *c, struct rq_form *rf, long long cat, int phone)
{
	struct arena *a = c->r->a;
	struct db_res areas;
	memset(rf, 0, sizeof(*rf));
	rf->phone = phone;
	int rc = db_rq_categories(a, &rf->cats);
	if (rc == DB_OK)
		rc = db_rq_areas(a, &areas);
	if (rc != DB_OK)
		return rc;
	/* Only categories of this site: another number asks no questions
	 * (and the form says it is not a category). */
	size_t ci = 0;
	while (ci < rf->cats.nrows && db_ll(&rf->cats, ci, RC_ID) != cat)
		ci++;
	if (ci == rf->cats.nrows)
		cat = 0;
	struct fdef *t = arena_calloc(a, (1 + 50 + NFIELDS) * sizeof(*t));
	size_t n = 0;
	t[n++] = f_category;
	if ((rc = add_questions(c, rf, t, &n, cat)) != DB_OK)
		return rc;
	for (size_t i = 0; i < NFIELDS; i++) {
		if (phone && is_photo(fields[i].name))
			continue;
		t[n] = fields[i];
		if (phone && strcmp(t[n].name, "consent") == 0)
			t[n].label = "rq.f_consent_phone";
		if (strcmp(t[n].name, "photo1") == 0 || strcmp(t[n].name, "photo2") == 0 ||
		    strcmp(t[n].name, "photo3") == 0)
			t[n].max = (long long)c->conf->lim.max_file;
		n++;
	}
	const char **cv = arena_calloc(a, (rf->cats.nrows + 1) * sizeof(*cv));
	const char **cl = arena_calloc(a, (rf->cats.nrows + 1) * sizeof(*cl));
	for (size_t i = 0; i < rf->cats.nrows; i++) {
		cv[i] = db_str(&rf->cats, i, RC_ID);
		cl[i] = arena_printf(a, "%s: %s",
		                     page_pick(c, db_str(&rf->cats, i, RC_GROUP), db_str(&rf->cats, i, RC_GROUP_EN), NULL),
		                     page_pick(c, db_str(&rf->cats, i, RC_NAME), db_str(&rf->cats, i, RC_NAME_EN), NULL));
	}
	const char **av = arena_calloc(a, (areas.nrows + 1) * sizeof(*av));
	const char **al = arena_calloc(a, (areas.nrows + 1) * sizeof(*al));
	for (size_t i = 0; i < areas.nrows; i++) {
		av[i] = db_str(&areas, i, RA_ID);
		al[i] = page_pick(c, db_str(&areas, i, RA_NAME), db_str(&areas, i, RA_NAME_EN), NULL);
	}
	t[0].choices = cv;
	t[0].choice_text = cl;
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].name, "area") == 0) {
			t[i].choices = av;
			t[i].choice_text = al;
		}
	rf->f = (struct form){ .id = "request",
	                       .action = phone ? "/admin/requests/new" : "/requests/new",
	                       .submit = "rq.submit", .fields = t, .n = n };
	return DB_OK;
}

void rq_form_new(struct ctx *c, struct rq_form *rf, struct form_data *fd)
{
	form_new(c, &rf->f, fd);
	if (rf->category > 0) {
		form_set(fd, "category", arena_printf(c->r->a, "%lld", rf->category));
		form_set(fd, "qcat", arena_printf(c->r->a, "%lld", rf->category));
	}
}

/* A coordinate as typed: digits with an optional sign and fraction. */
static int coord(const char *s, double lo, double hi, double *out)
{
	if (s == NULL)
		return 0;
	const char *p = s + (*s == '-');
	size_t ints = strspn(p, "0123456789");
	if (ints == 0 || ints > 3)
		return 0;
	p += ints;
	if (*p == '.') {
		size_t frac = strspn(p + 1, "0123456789");
		if (frac == 0 || frac > 8)
			return 0;
		p += 1 + frac;
	}
	if (*p != '\0')
		return 0;
	*out = strtod(s, NULL);
	return *out >= lo && *out <= hi;
}

/* The municipality's box, "min_lat,min_lon,max_lat,max_lon". */
static int in_bounds(const char *bounds, double lat, double lon)
{
	double b[4];
	if (bounds == NULL || sscanf(bounds, "%lf,%lf,%lf,%lf", &b[0], &b[1], &b[2], &b[3]) != 4)
		return 1;
	return lat >= b[0] && lat <= b[2] && lon >= b[1] && lon <= b[3];
}

/* The stored answer of question i and any stop message its choices
 * carry. */
static const char *answer_of(struct ctx *c, struct rq_form *rf, size_t i,
                             const struct fval *v, const char **stop)
{
	struct arena *a = c->r->a;
	const char *kind = db_str(&rf->qs, i, RQ_QKIND);
	if (strcmp(kind, "text") == 0 || strcmp(kind, "number") == 0)
		return v->s;
	long long qid = db_ll(&rf->qs, i, RQ_QID);
	const char *out = "";
	for (size_t j = 0; j < rf->chs.nrows; j++) {
		if (db_ll(&rf->chs, j, RCH_QID) != qid)
			continue;
		const char *id = db_str(&rf->chs, j, RCH_ID);
		if (v->s == NULL || !form_multi_has(v->s, id))
			continue;
		const char *st = page_pick(c, db_str(&rf->chs, j, RCH_STOP),
		                           db_str(&rf->chs, j, RCH_STOP_EN), NULL);
		if (st != NULL && *st && *stop == NULL)
			*stop = st;
		const char *label = db_str(&rf->chs, j, RCH_LABEL);
		out = *out ? arena_printf(a, "%s; %s", out, label) : label;
	}
	return out;
}

int rq_form_check(struct ctx *c, struct rq_form *rf, struct form_data *fd,
                  struct rq_new *n, struct rq_check *k)
{
	struct arena *a = c->r->a;
	memset(k, 0, sizeof(*k));
	memset(n, 0, sizeof(*n));
	form_parse(c, &rf->f, fd);
	const char *cat = fv(fd, "category");
	size_t ci = rf->cats.nrows;
	for (size_t i = 0; cat != NULL && i < rf->cats.nrows; i++)
		if (strcmp(db_str(&rf->cats, i, RC_ID), cat) == 0)
			ci = i;
	/* A way to be reached, unless the category allows anonymous reports. */
	if (ci < rf->cats.nrows && !db_ll(&rf->cats, ci, RC_ANON) &&
	    fv(fd, "email") == NULL && fv(fd, "phone") == NULL &&
	    form_value(fd, "email")->err == NULL && form_value(fd, "phone")->err == NULL)
		form_error(fd, "email", "rq.err_contact");
	/* The point: both coordinates or neither, inside the municipality. */
	const struct fval *la = form_value(fd, "lat"), *lo = form_value(fd, "lon");
	double lat = 0, lon = 0;
	int point = 0;
	if (la->s != NULL || lo->s != NULL) {
		if (!coord(la->s, -90, 90, &lat) || !coord(lo->s, -180, 180, &lon))
			form_error(fd, "lat", "rq.err_point");
		else if (!in_bounds(c->conf->map_bounds, lat, lon))
			form_error(fd, "lat", "rq.err_point_outside");
		else
			point = 1;
	}
	/* The category changed since its questions were shown: show them. */
	const char *qcat = fv(fd, "qcat");
	if (rf->nq > 0 && (qcat == NULL || strcmp(qcat, cat ? cat : "") != 0)) {
		fd->err = "rq.err_questions_new";
		form_set(fd, "qcat", cat);
		for (size_t i = 0; i < rf->nq; i++) {
			struct fval *v = &fd->v[1 + i];
			if (v->err != NULL) {
				v->err = NULL;
				fd->nerr--;
			}
		}
		k->status = 422;
	}
	/* The answers, and a stop. */
	struct rq_answer *ans = arena_calloc(a, (rf->nq + 1) * sizeof(*ans));
	size_t nans = 0;
	for (size_t i = 0; i < rf->nq && k->status == 0; i++) {
		const struct fval *v = &fd->v[1 + i];
		if (v->err != NULL || v->s == NULL)
			continue;
		const char *val = answer_of(c, rf, i, v, &k->stop);
		if (val != NULL && *val)
			ans[nans++] = (struct rq_answer){ db_ll(&rf->qs, i, RQ_QID), val };
	}
	if (k->stop != NULL)
		return k->status = 422;
	if (fd->nerr || fd->token_bad || k->status)
		return k->status = form_status(fd);
	/* Open requests nearby: offered once, before filing a new one. */
	if (point && fv(fd, "dup_ok") == NULL) {
		int rc = db_rq_near(a, atoll(cat), lat, lon, 100, &k->near);
		if (rc != DB_OK)
			return k->status = rc == DB_DOWN ? 503 : 500;
		if (k->near.nrows > 0) {
			form_set(fd, "dup_ok", "1");
			return k->status = 200;
		}
	}
	/* Photos: sniffed, re-encoded without EXIF or GPS. */
	for (int i = 0; i < 3 && !rf->phone; i++) {
		const char *name = arena_printf(a, "photo%d", i + 1);
		const struct upload *up = form_value(fd, name)->file;
		if (up == NULL)
			continue;
		struct media_out *mo = arena_alloc(a, sizeof(*mo));
		const char *why;
		enum media_status ms = media_process(a, up->data, up->len, NULL, mo, &why);
		if (ms == MEDIA_OK && mo->kind != MEDIA_IMAGE) {
			ms = MEDIA_UNSUPPORTED;
			why = "rq.err_photo_type";
		}
		if (ms != MEDIA_OK) {
			form_error(fd, name, why);
			k->status = media_http_status(ms);
			continue;
		}
		n->photos[i] = mo;
	}
	if (k->status)
		return k->status;
	char now[20];
	civil_now_text(now);
	int y, m, d;
	sscanf(now, "%d-%d-%d", &y, &m, &d);
	n->token = fd->token;
	n->category = atoll(cat);
	n->category_label = db_str(&rf->cats, ci, RC_NAME);
	n->category_label_en = db_str(&rf->cats, ci, RC_NAME_EN);
	n->department = db_ll(&rf->cats, ci, RC_DEPT);
	n->area = fv(fd, "area") ? atoll(fv(fd, "area")) : 0;
	n->description = fv(fd, "description");
	n->address = fv(fd, "address");
	n->name = form_value(fd, "name")->raw;
	n->email = form_value(fd, "email")->raw;
	n->phone = form_value(fd, "phone")->raw;
	n->lang = i18n_code(c->lang);
	n->lat = point ? arena_printf(a, "%.6f", lat) : NULL;
	n->lon = point ? arena_printf(a, "%.6f", lon) : NULL;
	n->channel = rf->phone ? "phone" : "web";
	n->due_date = requests_due_date(a, y, m, d, (int)db_ll(&rf->cats, ci, RC_SLA));
	n->year = y;
	n->answers = ans;
	n->nanswers = nans;
	return 0;
}

/* What the form page shows beside the form: a stop, the requests
 * nearby, photos to choose again. */
void rq_form_extras(struct ctx *c, tmpl_dict *d, const struct form_data *fd,
                    const struct rq_check *k)
{
	struct arena *a = c->r->a;
	d = tmpl_include(d, c->lang, "EXTRAS", "requests/extras.tpl");
	if (k->stop != NULL)
		tmpl_set(tmpl_add(d, "STOP"), "TEXT", k->stop);
	if (k->near.nrows > 0) {
		tmpl_dict *nd = tmpl_add(d, "NEAR");
		for (size_t i = 0; i < k->near.nrows; i++) {
			tmpl_dict *e = tmpl_add(nd, "REQUEST");
			tmpl_set(e, "CODE", db_str(&k->near, i, RN_CODE));
			tmpl_set(e, "STATUS", T(c, arena_printf(a, "rq.s_%s", db_str(&k->near, i, RN_STATUS))));
			tmpl_set(e, "ADDRESS", db_str(&k->near, i, RN_ADDRESS));
			tmpl_set(e, "METRES", db_str(&k->near, i, RN_METRES));
			tmpl_set(e, "CREATED", page_date(c, db_str(&k->near, i, RN_CREATED), 0));
			const char *desc = db_str(&k->near, i, RN_DESCRIPTION);
			if (desc != NULL)
				tmpl_set(tmpl_add(e, "DESCRIPTION"), "TEXT", desc);
		}
	}
	(void)fd;
	/* A file input cannot be filled again: say so when photos were sent. */
	for (const struct upload *u = c->r->files; u; u = u->next)
		if (u->len > 0 && is_photo(u->name)) {
			tmpl_show(d, "PHOTOS_AGAIN");
			break;
		}
}

static void render(struct ctx *c, const struct form_data *fd, const struct rq_check *k)
{
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, form_title(c, fd, T(c, "rq.new_title")),
	                          "requests/new.tpl", "/requests/new", &top);
	tmpl_set(d, "CONTACT_PHONE", c->conf->contact_phone);
	tmpl_set(d, "CONTACT_TEL", page_tel(c->r->a, c->conf->contact_phone));
	rq_form_extras(c, d, fd, k);
	/* The map that fills lat/lon, when JavaScript and tiles are there. */
	tmpl_dict *mx = tmpl_include(d, c->lang, "FORM_MAP", "requests/form_map.tpl");
	requests_map_attrs(c, mx, "MAP");
	if (c->conf->map_tile_url[0] != '\0')
		tmpl_set(page_include(c, top, "HEAD_EXTRA", "requests/map_head.tpl"), "SCRIPT",
		         "/static/js/request-form-map.js");
	form_fill(c, d, fd);
	page_render(c, top);
}

long long rq_category_of(struct ctx *c, int post)
{
	const char *s = post ? req_form(c->r, "category") : req_query(c->r, "category");
	return s != NULL && *s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 6
	       ? atoll(s) : 0;
}

enum rq_outcome rq_form_post(struct ctx *c, struct rq_form *rf, struct form_data *fd,
                             struct rq_check *k, int phone, const char **code)
{
	struct rq_new n;
	int rc = rq_form_build(c, rf, rq_category_of(c, 1), phone);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return RQ_FAILED;
	}
	int status = rq_form_check(c, rf, fd, &n, k);
	if (status >= 500) {
		page_db_error(c, status == 503 ? DB_DOWN : DB_ERR);
		return RQ_FAILED;
	}
	if (status != 0) {
		c->res->status = status;
		return RQ_SHOW;
	}
	if (phone && c->staff != NULL)
		n.created_by = c->staff->id;
	long long protocol;
	rc = db_rq_submit(c->r->a, &n, code, &protocol);
	if (rc != DB_OK && rc != DB_DUP) {
		page_db_error(c, rc);
		return RQ_FAILED;
	}
	return rc == DB_OK ? RQ_STORED : RQ_AGAIN;
}

void requests_new(struct ctx *c)
{
	struct rq_form rf;
	struct form_data fd;
	struct rq_check k = { 0 };
	int rc = rq_form_build(c, &rf, rq_category_of(c, 0), 0);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	rq_form_new(c, &rf, &fd);
	render(c, &fd, &k);
}

void requests_submit(struct ctx *c)
{
	struct rq_form rf;
	struct form_data fd;
	struct rq_check k;
	const char *code;
	enum rq_outcome o = rq_form_post(c, &rf, &fd, &k, 0, &code);
	if (o == RQ_SHOW)
		render(c, &fd, &k);
	if (o != RQ_STORED && o != RQ_AGAIN)
		return;
	c->res->status = 303;
	c->res->location = arena_printf(c->r->a, "%s/requests/%s?%s", c->lp, code,
	                                o == RQ_STORED ? "new=1" : "new=again");
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

/* What a resident types to find a request: the code "2026-000123" (or
 * "2026-123"), or the protocol number as on paper, "123/2026" (or
 * "2026/123").  The code, or NULL. */
static const char *code_of(struct arena *a, const char *s)
{
	unsigned long p, q;
	char sep, *end;
	if (s == NULL)
		return NULL;
	s += strspn(s, " ");
	if (strspn(s, "0123456789") == 0)
		return NULL;
	p = strtoul(s, &end, 10);
	sep = *end;
	if ((sep != '-' && sep != '/') || strspn(end + 1, "0123456789") == 0)
		return NULL;
	q = strtoul(end + 1, &end, 10);
	if (strspn(end, " ") != strlen(end))
		return NULL;
	unsigned long year = p, no = q;
	if (sep == '/' && q >= 2000 && q <= 9999 && p < 2000) {
		year = q;
		no = p;
	}
	if (year < 2000 || year > 9999 || no == 0 || no > 999999)
		return NULL;
	return arena_printf(a, "%04lu-%06lu", year, no);
}

void requests_track(struct ctx *c)
{
	const char *in = req_query(c->r, "code");
	const char *code = code_of(c->r->a, in);
	if (code == NULL) {
		page_error(c, in == NULL || in[strspn(in, " ")] == '\0' ? 400 : 404, "rq.err_track");
		return;
	}
	c->res->status = 303;
	c->res->location = arena_printf(c->r->a, "%s/requests/%s", c->lp, code);
}

static const char *status_key(struct arena *a, const char *s)
{
	return arena_printf(a, "rq.s_%s", s ? s : "submitted");
}

/* The photos the public may see: each as its widest file up to 640
 * pixels, linking to the largest, with a srcset of them all. */
static void show_photos(struct ctx *c, tmpl_dict *d, long long id)
{
	struct arena *a = c->r->a;
	struct db_res p;
	if (db_rq_photos(a, id, &p) != DB_OK || p.nrows == 0)
		return;
	tmpl_dict *list = tmpl_add(d, "PHOTOS");
	for (size_t i = 0; i < p.nrows; ) {
		long long pos = db_ll(&p, i, RP_POSITION);
		size_t shown = i, last = i;
		const char *srcset = "";
		for (; i < p.nrows && db_ll(&p, i, RP_POSITION) == pos; i++) {
			const char *url = arena_printf(a, "/media/%s.%s", db_str(&p, i, RP_SHA256),
			                               media_ext(db_str(&p, i, RP_MIME)));
			srcset = arena_printf(a, "%s%s%s %sw", srcset, *srcset ? ", " : "", url,
			                      db_str(&p, i, RP_WIDTH));
			if (db_ll(&p, i, RP_WIDTH) <= 640)
				shown = i;
			last = i;
		}
		tmpl_dict *e = tmpl_add(list, "PHOTO");
		tmpl_set(e, "SRC", arena_printf(a, "/media/%s.%s", db_str(&p, shown, RP_SHA256),
		                                media_ext(db_str(&p, shown, RP_MIME))));
		tmpl_set(e, "HREF", arena_printf(a, "/media/%s.%s", db_str(&p, last, RP_SHA256),
		                                 media_ext(db_str(&p, last, RP_MIME))));
		tmpl_set(e, "SRCSET", srcset);
		tmpl_set(e, "WIDTH", db_str(&p, shown, RP_WIDTH));
		tmpl_set(e, "HEIGHT", db_str(&p, shown, RP_HEIGHT));
		tmpl_set(e, "ALT", page_pick(c, db_str(&p, shown, RP_ALT),
		                             db_str(&p, shown, RP_ALT_EN), NULL));
	}
}

/* What the comments component needs to know of request res (RQ_SHOW_COLS). */
static void request_target(struct ctx *c, const struct db_res *res, long long count,
                           struct comment_target *t)
{
	struct arena *a = c->r->a;
	const char *code = db_str(res, 0, RS_CODE);
	size_t days = c->conf->comment_close_days;
	*t = (struct comment_target){
		.kind = CT_REQUEST, .id = db_ll(res, 0, RS_ID),
		.path = arena_printf(a, "/requests/%s", code),
		.post_path = arena_printf(a, "/requests/%s/comments", code),
		.title = arena_printf(a, "%s %s", T(c, "rq.show_title"), code),
		/* residents write about places and people: always read first */
		.post_moderated = 0,
		.closed = !db_ll(res, 0, RS_OPEN) && days > 0 &&
		          db_ll(res, 0, RS_CLOSED_DAYS) > (long long)days,
		.count = count,
	};
}

/* The tracking page of the request of route capture 0; cf: its comment
 * form as posted (c->res->status already set), or NULL. */
static void show_page(struct ctx *c, const struct comment_form *cf)
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
	const char *title = arena_printf(a, "%s %s", T(c, "rq.show_title"), code);
	tmpl_dict *top;
	/* A comment refused: "Σφάλμα: ..." first, as every form says it. */
	tmpl_dict *d = page_start(c, cf != NULL ? form_title(c, &cf->fd, title) : title,
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
	if (db_ll(&res, 0, RS_HIDDEN))
		tmpl_show(d, "DESCRIPTION_HIDDEN");
	else
		tmpl_set(tmpl_add(d, "DESCRIPTION"), "TEXT", db_str(&res, 0, RS_DESCRIPTION));
	show_photos(c, d, db_ll(&res, 0, RS_ID));
	tmpl_set(d, "STATUS", T(c, status_key(a, db_str(&res, 0, RS_STATUS))));
	tmpl_set(d, "CREATED", page_date(c, db_str(&res, 0, RS_CREATED), 1));
	tmpl_set(d, "CREATED_ISO", page_date_iso(a, db_str(&res, 0, RS_CREATED)));
	tmpl_set(d, "DUE", page_date(c, db_str(&res, 0, RS_DUE), 0));
	const char *confirmed = db_str(&res, 0, RS_CONFIRMED);
	if (confirmed != NULL) {
		tmpl_dict *cd = tmpl_add(d, "CONFIRMED");
		tmpl_set(cd, "AT", page_date(c, confirmed, 0));
		tmpl_set(cd, "AT_ISO", page_date_iso(a, confirmed));
	}
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
		tmpl_set(e, "ID", db_str(&ev, i, RE_ID));
		/* the municipality's answer to a resident's comment */
		if (db_str(&ev, i, RE_COMMENT) != NULL)
			tmpl_set(tmpl_add(e, "TO_COMMENT"), "ID", db_str(&ev, i, RE_COMMENT));
	}
	requests_show_extras(c, top, d, code); /* feed link, follow form (list.c) */
	long long count = 0;
	struct comment_target t;
	if ((rc = db_comments_count(a, CT_REQUEST, db_ll(&res, 0, RS_ID), &count)) == DB_OK) {
		request_target(c, &res, count, &t);
		rc = comments_section(c, d, &t, cf);
	}
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	page_render(c, top);
}

void requests_show(struct ctx *c)
{
	show_page(c, NULL);
}

void requests_comment_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res;
	long long count = 0;
	int rc = db_rq_get(a, c->r->cap[0], &res);
	if (rc == DB_OK && res.nrows == 1)
		rc = db_comments_count(a, CT_REQUEST, db_ll(&res, 0, RS_ID), &count);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (res.nrows == 0) {
		page_error(c, 404, "rq.err_missing");
		return;
	}
	struct comment_target t;
	request_target(c, &res, count, &t);
	struct comment_form *cf = arena_calloc(a, sizeof(*cf));
	if (comments_post(c, &t, cf) == CP_SHOW)
		show_page(c, cf);
}
