/*
 * people.c - the registry of residents who receive help
 * (/admin/help/people): search by phone (the key an operator asks for)
 * or last name, a resident's page with their ordinary data and cases,
 * its edit form (consent recorded anew, with who and when, whenever its
 * way changes), a new resident (also from an online request's contact,
 * which is then matched), and the health part: shown on request and
 * audit-logged, edited by those who may read it (help/health.c), and the
 * export of everything kept about them (help/export.c's route).
 *
 * Touches help_beneficiaries, help_cases (link), help_case_events,
 * help_web_contacts (db_help.c), the health tables through health.c,
 * audit_log.
 */
#include "help/people.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "help/db_help.h"
#include "help/health.h"
#include "help/help.h"
#include "http/session.h"
#include "http/valid.h"
#include "requests/db_requests.h"
#include "view/layout.h"

#define FOUND 50
#define CASES 50

static const char *const langs[] = { "el", "en", NULL };
static const char *const lang_labels[] = { "help.lang.el", "help.lang.en", NULL };
static const char *const consents[] = { "phone", "written", "web", "representative", NULL };
static const char *const consent_labels[] = { "help.consent.phone", "help.consent.written",
                                              "help.consent.web", "help.consent.representative",
                                              NULL };

/* The resident's fields (people.h). */
const struct fdef help_person_fields[] = {
	{ .name = "first", .kind = F_TEXT, .flags = F_REQUIRED | F_PAIR, .max = 100,
	  .label = "help.f.first", .err = "help.err.long", .err_missing = "help.err.first",
	  .autocomplete = "off" },
	{ .name = "last", .kind = F_TEXT, .max = 100, .label = "help.f.last",
	  .err = "help.err.long", .autocomplete = "off" },
	{ .name = "phone", .kind = F_PHONE, .flags = F_REQUIRED | F_PAIR, .max = 20,
	  .label = "help.f.phone", .err = "help.err.phone", .err_missing = "help.err.phone_missing",
	  .autocomplete = "off" },
	{ .name = "phone2", .kind = F_PHONE, .max = 20, .label = "help.f.phone2",
	  .err = "help.err.phone", .autocomplete = "off" },
	{ .name = "address", .kind = F_TEXT, .flags = F_PAIR, .max = 200, .label = "help.f.address",
	  .err = "help.err.long", .autocomplete = "off" },
	{ .name = "area", .kind = F_CHOICE, .label = "help.f.area", .err = "help.err.choice" },
	{ .name = "household", .kind = F_TEXTAREA, .max = 1000, .rows = 2,
	  .label = "help.f.household", .hint = "help.h.household", .err = "help.err.long" },
	{ .name = "vulnerability", .kind = F_MULTI, .label = "help.f.vulnerability",
	  .hint = "help.h.health", .err = "help.err.choice",
	  .choices = help_vulnerabilities, .choice_labels = help_vulnerability_labels },
	{ .name = "lang", .kind = F_CHOICE, .flags = F_REQUIRED | F_PAIR, .label = "help.f.lang",
	  .err = "help.err.choice", .choices = langs, .choice_labels = lang_labels },
	{ .name = "consent", .kind = F_CHOICE, .flags = F_REQUIRED, .label = "help.f.consent",
	  .hint = "help.h.consent", .err = "help.err.choice", .err_missing = "help.err.consent",
	  .choices = consents, .choice_labels = consent_labels },
	{ .name = "same_phone", .kind = F_CHECKBOX, .label = "help.f.same_phone",
	  .err = "help.err.choice" },
};
const size_t help_person_nfields = sizeof(help_person_fields) / sizeof(help_person_fields[0]);


int help_people_fields(struct ctx *c, struct fdef *t)
{
	struct arena *a = c->r->a;
	struct db_res areas;
	int rc = db_rq_areas(a, &areas);
	if (rc != DB_OK)
		return rc;
	const char **av = arena_calloc(a, (areas.nrows + 1) * sizeof(*av));
	const char **al = arena_calloc(a, (areas.nrows + 1) * sizeof(*al));
	for (size_t i = 0; i < areas.nrows; i++) {
		av[i] = db_str(&areas, i, RA_ID);
		al[i] = page_pick(c, db_str(&areas, i, RA_NAME), db_str(&areas, i, RA_NAME_EN), NULL);
	}
	memcpy(t, help_person_fields, help_person_nfields * sizeof(*t));
	for (size_t i = 0; i < help_person_nfields; i++)
		if (strcmp(t[i].name, "area") == 0) {
			t[i].choices = av;
			t[i].choice_text = al;
		}
	return DB_OK;
}

int help_people_check(struct ctx *c, struct form_data *fd, long long except_id,
                      const char **phone, const char **phone2)
{
	struct arena *a = c->r->a;
	*phone = NULL;
	*phone2 = "";
	const struct fval *v = form_value(fd, "phone");
	if (v->s != NULL && (*phone = help_phone_norm(a, v->s)) == NULL)
		form_error(fd, "phone", "help.err.phone");
	v = form_value(fd, "phone2");
	if (v->s != NULL && (*phone2 = help_phone_norm(a, v->s)) == NULL) {
		form_error(fd, "phone2", "help.err.phone");
		*phone2 = "";
	}
	/* The same phone as another resident: the operator picks them, or
	 * says it is someone else (a spouse) by ticking same_phone. */
	if (*phone == NULL || form_value(fd, "same_phone")->i)
		return DB_OK;
	struct db_res dup;
	int rc = db_help_people_find(a, *phone, "", 10, &dup);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < dup.nrows; i++)
		if (db_ll(&dup, i, HP_ID) != except_id &&
		    (strcmp(db_str(&dup, i, HP_PHONE), *phone) == 0 ||
		     strcmp(db_str(&dup, i, HP_PHONE2), *phone) == 0)) {
			form_error(fd, "phone", "help.err.duplicate");
			break;
		}
	return DB_OK;
}

static const char *raw(const struct form_data *fd, const char *name)
{
	const struct fval *v = form_value(fd, name);
	return v ? v->raw : "";
}

/* The person of a valid form. */
static struct help_person person_of(const struct form_data *fd, const char *phone,
                                    const char *phone2)
{
	long long area = 0;
	const char *av = form_value(fd, "area")->s;
	if (av != NULL)
		valid_int(av, 1, 65535, &area);
	return (struct help_person){
		.first = form_value(fd, "first")->s, .last = raw(fd, "last"), .phone = phone,
		.phone2 = phone2, .address = raw(fd, "address"), .household = raw(fd, "household"),
		.lang = form_value(fd, "lang")->s, .area_id = area,
		.consent_how = form_value(fd, "consent")->s,
	};
}

/* "a\nb" (an F_MULTI value) as "a,b" (a SET value), and back. */
static char *set_of(struct arena *a, const char *multi, char from, char to)
{
	char *v = arena_strdup(a, multi ? multi : "");
	for (char *q = v; *q; q++)
		if (*q == from)
			*q = to;
	return v;
}

/* ---- the search -------------------------------------------------------------- */

void help_people(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *q = req_query(c->r, "q");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "help.people.title"), "help/people.tpl", &top);
	tmpl_set(d, "Q", q ? q : "");
	if (q != NULL && q[0]) {
		if (strlen(q) > 100) {
			page_error(c, 400, "help.err.filter");
			return;
		}
		/* Digits: a phone number (or its start); else a last name. */
		const char *digits = help_phone_prefix(a, q);
		if (digits != NULL && digits[0] == '\0')
			digits = NULL;
		struct db_res res;
		int rc = digits ? db_help_people_find(a, digits, "", FOUND, &res)
		                : db_help_people_find(a, "", q, FOUND, &res);
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		tmpl_dict *r = tmpl_add(d, "RESULTS");
		if (res.nrows == 0)
			tmpl_show(r, "NONE");
		for (size_t i = 0; i < res.nrows; i++) {
			tmpl_dict *p = tmpl_add(r, "PERSON");
			tmpl_set(p, "URL", arena_printf(a, "%s/admin/help/people/%s", c->lp,
			                                db_str(&res, i, HP_ID)));
			tmpl_set(p, "NAME", arena_printf(a, "%s %s", db_str(&res, i, HP_FIRST),
			                                 db_str(&res, i, HP_LAST)));
			tmpl_set(p, "PHONE", help_phone_show(a, db_str(&res, i, HP_PHONE)));
			tmpl_set(p, "ADDRESS", db_str(&res, i, HP_ADDRESS));
			const char *an = db_str(&res, i, HP_AREA_NAME);
			tmpl_set(p, "AREA", an ? an : "");
			tmpl_set_int(p, "OPEN", db_ll(&res, i, HP_OPEN));
		}
	}
	admin_render(c, top);
}

/* ---- a new resident ----------------------------------------------------------- */

static int new_form(struct ctx *c, struct form *f)
{
	struct fdef *t = arena_alloc(c->r->a, (help_person_nfields + 1) * sizeof(*t));
	int rc = help_people_fields(c, t);
	t[help_person_nfields] = (struct fdef){ .name = "case", .kind = F_HIDDEN, .max = 10,
	                                        .err = "help.err.bad_link" };
	*f = (struct form){ .id = "help-person", .action = "/admin/help/people/new",
	                    .submit = "help.person.create", .fields = t,
	                    .n = help_person_nfields + 1 };
	return rc;
}

static void render_new(struct ctx *c, struct form_data *fd)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "help.person.new")),
	                           "help/person_new.tpl", &top);
	form_fill(c, d, fd);
	admin_render(c, top);
}

void help_person_new(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct form f;
	int rc = new_form(c, &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form_data fd;
	form_new(c, &f, &fd);
	form_set(&fd, "lang", "el");
	form_set(&fd, "consent", "phone");
	const char *cs = req_query(c->r, "case");
	long long cid = 0;
	if (cs != NULL) {
		struct db_res k;
		if (!valid_int(cs, 1, 4294967295LL, &cid)) {
			page_error(c, 400, "help.err.bad_link");
			return;
		}
		rc = db_help_case(a, cid, &k);
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		if (k.nrows == 0 || db_str(&k, 0, HC_W_PHONE) == NULL) {
			page_error(c, 404, "help.err.no_case");
			return;
		}
		/* The online request's contact, split into first and last name. */
		const char *name = db_str(&k, 0, HC_W_NAME);
		const char *sp = strrchr(name, ' ');
		form_set(&fd, "first", sp ? arena_strndup(a, name, (size_t)(sp - name)) : name);
		form_set(&fd, "last", sp ? sp + 1 : "");
		form_set(&fd, "phone", db_str(&k, 0, HC_W_PHONE));
		form_set(&fd, "address", db_str(&k, 0, HC_W_ADDRESS));
		form_set(&fd, "area", db_str(&k, 0, HC_W_AREA));
		form_set(&fd, "consent", "web");
		form_set(&fd, "case", cs);
	}
	render_new(c, &fd);
}

void help_person_create(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct form f;
	int rc = new_form(c, &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form_data fd;
	form_parse(c, &f, &fd);
	const char *phone, *phone2;
	rc = help_people_check(c, &fd, 0, &phone, &phone2);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	long long cid = 0;
	const char *cs = raw(&fd, "case");
	if (cs[0] && !valid_int(cs, 1, 4294967295LL, &cid)) {
		page_error(c, 400, "help.err.bad_link");
		return;
	}
	if (fd.nerr || fd.token_bad) {
		c->res->status = form_status(&fd);
		render_new(c, &fd);
		return;
	}
	struct help_person p = person_of(&fd, phone, phone2);
	long long id = 0;
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_help_person_add(a, &p, c->staff->id, &id);
	const char *vuln = raw(&fd, "vulnerability");
	if (rc == DB_OK && vuln[0]) {
		struct help_person_health h = { .vulnerability = set_of(a, vuln, '\n', ','),
		                                .conditions = "", .amka = "" };
		rc = help_health_person_write(c, id, &h);
	}
	if (rc == DB_OK && cid > 0) {
		rc = db_help_case_link(a, cid, id);
		if (rc == DB_OK)
			rc = db_help_event(a, cid, c->staff->id, "linked", "", 0, "");
	}
	if (rc == DB_OK)
		rc = audit_staff(c, "help_person_create", "help_beneficiary",
		                 arena_printf(a, "%lld", id), cid ? "from an online request" : "");
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (cid > 0)
		admin_redirect(c, arena_printf(a, "/admin/help/cases/%lld?done=linked", cid));
	else
		admin_redirect(c, arena_printf(a, "/admin/help/people/%lld?done=created", id));
}

/* ---- a resident's page --------------------------------------------------------- */

struct person_forms {
	struct form edit, health;
	struct fdef *edit_t;
	struct fdef health_t[3];
	struct form_data efd, hfd;
};

static int person_forms(struct ctx *c, long long id, struct person_forms *pf)
{
	struct arena *a = c->r->a;
	pf->edit_t = arena_alloc(a, help_person_nfields * sizeof(*pf->edit_t));
	int rc = help_people_fields(c, pf->edit_t);
	/* The vulnerability is health data: the health form's, not this one's. */
	size_t n = 0;
	for (size_t i = 0; i < help_person_nfields; i++)
		if (strcmp(pf->edit_t[i].name, "vulnerability") != 0)
			pf->edit_t[n++] = pf->edit_t[i];
	pf->edit = (struct form){ .id = "help-person-edit", .prefix = "p-",
	                          .action = arena_printf(a, "/admin/help/people/%lld", id),
	                          .submit = "help.person.save", .level = 3,
	                          .fields = pf->edit_t, .n = n };
	pf->health_t[0] = (struct fdef){ .name = "vulnerability", .kind = F_MULTI,
	                                 .label = "help.f.vulnerability", .err = "help.err.choice",
	                                 .choices = help_vulnerabilities,
	                                 .choice_labels = help_vulnerability_labels };
	pf->health_t[1] = (struct fdef){ .name = "conditions", .kind = F_TEXTAREA, .max = 2000,
	                                 .rows = 3, .label = "help.person.conditions",
	                                 .err = "help.err.long" };
	pf->health_t[2] = (struct fdef){ .name = "amka", .kind = F_TEXT, .flags = F_NUMERIC,
	                                 .max = 11, .label = "help.f.amka", .err = "help.err.amka",
	                                 .autocomplete = "off" };
	pf->health = (struct form){ .id = "help-person-health", .prefix = "h-",
	                            .action = arena_printf(a, "/admin/help/people/%lld/health", id),
	                            .submit = "help.person.save_health", .level = 3,
	                            .fields = pf->health_t, .n = 3 };
	return rc;
}

static void fill_edit(struct ctx *c, const struct db_res *p, struct form_data *fd)
{
	form_set(fd, "first", db_str(p, 0, HP_FIRST));
	form_set(fd, "last", db_str(p, 0, HP_LAST));
	form_set(fd, "phone", db_str(p, 0, HP_PHONE));
	form_set(fd, "phone2", db_str(p, 0, HP_PHONE2));
	form_set(fd, "address", db_str(p, 0, HP_ADDRESS));
	form_set(fd, "area", db_str(p, 0, HP_AREA));
	form_set(fd, "household", db_str(p, 0, HP_HOUSEHOLD));
	form_set(fd, "lang", db_str(p, 0, HP_LANG));
	form_set(fd, "consent", db_str(p, 0, HP_CONSENT_HOW));
	(void)c;
}

static void render_person(struct ctx *c, long long id, const struct db_res *p,
                          struct person_forms *pf, int status, int health_shown,
                          const struct help_person_health *h)
{
	struct arena *a = c->r->a;
	const char *name = arena_printf(a, "%s %s", db_str(p, 0, HP_FIRST), db_str(p, 0, HP_LAST));
	tmpl_dict *top;
	struct form_data *bad = pf->efd.nerr || pf->efd.token_bad ? &pf->efd
	                      : pf->hfd.nerr || pf->hfd.token_bad ? &pf->hfd : NULL;
	tmpl_dict *d = admin_start(c, bad ? form_title(c, bad, name) : name, "help/person.tpl", &top);
	if (status)
		c->res->status = status;
	static const char *const notices[] = { "created", "help.person.done_created",
		"saved", "help.person.done_saved", "health", "help.person.done_health", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "ID", arena_printf(a, "%lld", id));
	tmpl_set(d, "PHONE", help_phone_show(a, db_str(p, 0, HP_PHONE)));
	tmpl_set(d, "TEL", help_phone_tel(a, db_str(p, 0, HP_PHONE)));
	if (db_str(p, 0, HP_PHONE2)[0]) {
		tmpl_dict *t = tmpl_add(d, "PHONE2");
		tmpl_set(t, "V", help_phone_show(a, db_str(p, 0, HP_PHONE2)));
		tmpl_set(t, "TEL", help_phone_tel(a, db_str(p, 0, HP_PHONE2)));
	}
	tmpl_set(d, "ADDRESS", db_str(p, 0, HP_ADDRESS));
	const char *an = db_str(p, 0, HP_AREA_NAME);
	tmpl_set(d, "AREA", an ? an : "");
	tmpl_set(d, "HOUSEHOLD", db_str(p, 0, HP_HOUSEHOLD));
	tmpl_set(d, "LANG", T(c, strcmp(db_str(p, 0, HP_LANG), "en") == 0 ? "help.lang.en"
	                                                                  : "help.lang.el"));
	const char *how = db_str(p, 0, HP_CONSENT_HOW);
	if (how != NULL) {
		tmpl_dict *k = tmpl_add(d, "CONSENT");
		tmpl_set(k, "HOW", T(c, arena_printf(a, "help.consent.%s", how)));
		tmpl_set(k, "AT", admin_time(c, db_str(p, 0, HP_CONSENT_AT)));
		const char *by = db_str(p, 0, HP_CONSENT_BY);
		tmpl_set(k, "BY", by ? by : "—");
	} else
		tmpl_show(d, "NO_CONSENT");
	int anon = db_str(p, 0, HP_ANON) != NULL;
	if (anon)
		tmpl_show(d, "ANONYMISED");
	else
		tmpl_set(tmpl_add(d, "NEW_CASE"), "URL",
		         arena_printf(a, "%s/admin/help/new?ben=%lld", c->lp, id));
	/* The cases. */
	struct db_res cs;
	if (db_help_person_cases(a, id, CASES, &cs) == DB_OK)
		for (size_t i = 0; i < cs.nrows; i++) {
			tmpl_dict *r = tmpl_add(d, "CASE");
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/help/cases/%s", c->lp,
			                                db_str(&cs, i, HC_ID)));
			tmpl_set(r, "ID", db_str(&cs, i, HC_ID));
			tmpl_set(r, "TYPE", T(c, help_label(help_types, help_type_labels,
			                                    db_str(&cs, i, HC_TYPE))));
			tmpl_set(r, "STATUS", T(c, help_label(help_statuses, help_status_labels,
			                                      db_str(&cs, i, HC_STATUS))));
			tmpl_set(r, "CREATED", admin_time(c, db_str(&cs, i, HC_CREATED)));
		}
	/* Health: on request, audit-logged; edited by those who may read it. */
	if (help_health_all(c)) {
		if (health_shown) {
			tmpl_dict *s = tmpl_add(d, "HEALTH_SHOWN");
			for (int i = 0; help_vulnerabilities[i]; i++)
				if (form_multi_has(set_of(a, h->vulnerability, ',', '\n'), help_vulnerabilities[i]))
					tmpl_set(tmpl_add(s, "VULN"), "V", T(c, help_vulnerability_labels[i]));
			tmpl_set(s, "CONDITIONS", h->conditions);
			tmpl_set(s, "AMKA", h->amka);
			if (!anon)
				form_fill(c, s, &pf->hfd);
		} else
			tmpl_set(tmpl_add(d, "HEALTH_LINK"), "URL",
			         arena_printf(a, "%s/admin/help/people/%lld?health=1#health", c->lp, id));
		tmpl_set(tmpl_add(d, "EXPORT"), "URL",
		         arena_printf(a, "%s/admin/help/people/%lld/export", c->lp, id));
	}
	if (!anon) {
		tmpl_dict *e = tmpl_add(d, "EDIT");
		form_fill(c, e, &pf->efd);
		if (bad == &pf->efd)
			tmpl_show(e, "OPEN");
	}
	admin_render(c, top);
}

static int load_person(struct ctx *c, long long *id, struct db_res *p)
{
	if (!valid_int(c->r->cap[0], 1, 4294967295LL, id)) {
		page_error(c, 404, "help.err.no_person");
		return 0;
	}
	int rc = db_help_person(c->r->a, *id, p);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (p->nrows == 0) {
		page_error(c, 404, "help.err.no_person");
		return 0;
	}
	return 1;
}

/* The resident of a POST and their forms: 1, or 0 after answering (404,
 * 409 when anonymised, 503). */
static int load_editable(struct ctx *c, long long *id, struct db_res *p,
                         struct person_forms *pf)
{
	if (!load_person(c, id, p))
		return 0;
	if (db_str(p, 0, HP_ANON) != NULL) {
		page_error(c, 409, "help.err.anonymised");
		return 0;
	}
	int rc = person_forms(c, *id, pf);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	return 1;
}

/* Read the health row (audited) into *h and the health form's values. */
static int read_health(struct ctx *c, long long id, struct help_person_health *h,
                       struct form_data *hfd, int fill)
{
	int rc = help_health_person_read(c, id, "resident page", h);
	if (rc == DB_OK && fill) {
		form_set(hfd, "vulnerability", set_of(c->r->a, h->vulnerability, ',', '\n'));
		form_set(hfd, "conditions", h->conditions);
		form_set(hfd, "amka", h->amka);
	}
	return rc;
}

void help_person_page(struct ctx *c)
{
	long long id;
	struct db_res p;
	if (!load_person(c, &id, &p))
		return;
	struct person_forms pf;
	int rc = person_forms(c, id, &pf);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_new(c, &pf.edit, &pf.efd);
	fill_edit(c, &p, &pf.efd);
	form_new(c, &pf.health, &pf.hfd);
	const char *hq = req_query(c->r, "health");
	int shown = hq != NULL && strcmp(hq, "1") == 0 && help_health_all(c);
	struct help_person_health h = { 0 };
	if (shown && (rc = read_health(c, id, &h, &pf.hfd, 1)) != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	render_person(c, id, &p, &pf, 0, shown, &h);
}

void help_person_save(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res p;
	struct person_forms pf;
	if (!load_editable(c, &id, &p, &pf))
		return;
	int rc;
	form_parse(c, &pf.edit, &pf.efd);
	const char *phone, *phone2;
	rc = help_people_check(c, &pf.efd, id, &phone, &phone2);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (pf.efd.nerr || pf.efd.token_bad) {
		form_new(c, &pf.health, &pf.hfd);
		struct help_person_health h = { 0 };
		render_person(c, id, &p, &pf, form_status(&pf.efd), 0, &h);
		return;
	}
	struct help_person np = person_of(&pf.efd, phone, phone2);
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_help_person_save(a, id, &np, c->staff->id);
	if (rc == DB_OK)
		rc = audit_staff(c, "help_person_update", "help_beneficiary",
		                 arena_printf(a, "%lld", id), "");
	admin_commit(c, rc, arena_printf(a, "/admin/help/people/%lld?done=saved", id));
}

void help_person_health(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res p;
	struct person_forms pf;
	if (!load_editable(c, &id, &p, &pf))
		return;
	int rc;
	form_parse(c, &pf.health, &pf.hfd);
	const char *amka = raw(&pf.hfd, "amka");
	if (amka[0] && (strlen(amka) != 11 || strspn(amka, "0123456789") != 11))
		form_error(&pf.hfd, "amka", "help.err.amka");
	if (pf.hfd.nerr || pf.hfd.token_bad) {
		form_new(c, &pf.edit, &pf.efd);
		fill_edit(c, &p, &pf.efd);
		struct help_person_health h;
		struct form_data keep = pf.hfd;
		if ((rc = read_health(c, id, &h, &pf.hfd, 0)) != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		pf.hfd = keep;
		render_person(c, id, &p, &pf, form_status(&pf.hfd), 1, &h);
		return;
	}
	struct help_person_health h = {
		.vulnerability = set_of(a, raw(&pf.hfd, "vulnerability"), '\n', ','),
		.conditions = raw(&pf.hfd, "conditions"), .amka = amka };
	rc = db_begin();
	if (rc == DB_OK)
		rc = help_health_person_write(c, id, &h);
	admin_commit(c, rc,
	             arena_printf(a, "/admin/help/people/%lld?done=health&health=1#health", id));
}
