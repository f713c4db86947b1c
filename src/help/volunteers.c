/*
 * volunteers.c - the registry of volunteers and professionals
 * (volunteers.h): the list with its filters and keyset pages, the
 * dispatcher's "who could take it" (help_suggest), the accounts with role
 * volunteer or professional still waiting for a profile, onboarding and
 * editing.  Tables, through help/db_volunteers.c: help_volunteers and
 * help_volunteer_areas (written), users, user_roles, areas, help_cases
 * (read); audit_log (a row per write, in its transaction).
 *
 * The form is declared (http/form.h) and built per request, since the
 * villages' checkboxes are the rows of areas.  Its rules beyond the
 * table: the kind must fit the account's role (a volunteer's account is a
 * volunteer; a professional's a doctor or a psychologist), a volunteer
 * has at least one skill, SMS needs a phone number.  Onboarding twice
 * (the form sent again) finds the profile the first one made: the
 * primary key is the one-time guard, and the answer is the same page.
 */
#include "help/volunteers.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/text.h"
#include "db/db.h"
#include "help/db_volunteers.h"
#include "help/help.h"
#include "http/form.h"
#include "http/perm.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define PAGE_ROWS 50
#define SUGGEST_ROWS 50
#define PENDING_ROWS 50
#define NONE "—"

static const char *const kinds[] = { "volunteer", "doctor", "psychologist", NULL };
static const char *const kind_labels[] = { "hv.kind.volunteer", "hv.kind.doctor",
                                           "hv.kind.psychologist", NULL };
static const char *const notifies[] = { "email", "sms", "both", NULL };
static const char *const notify_labels[] = { "hv.notify.email", "hv.notify.sms",
                                             "hv.notify.both", NULL };
/* A volunteer's skills: the types that are not a professional's (the
 * shared labels of help.*.po). */
static const char *const skills[] = { "medicines", "groceries", "meals", "errand", NULL };
static const char *const skill_labels[] = { "help.type.medicines", "help.type.groceries",
                                            "help.type.meals", "help.type.errand", NULL };

enum { VF_KIND, VF_PHONE, VF_NOTIFY, VF_SKILLS, VF_AREAS, VF_CAR, VF_AVAILABLE,
       VF_AVAILABILITY, VF_NOTES, VF__N };

/* ---- pieces --------------------------------------------------------------- */

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static const char *yes_no(struct ctx *c, long long yes)
{
	return T(c, yes ? "hv.yes" : "hv.no");
}

/* s with every from replaced by to (one byte each), in the arena. */
static char *swap_char(struct arena *a, const char *s, char from, char to)
{
	char *o = arena_strdup(a, or_empty(s));
	for (char *p = o; *p; p++)
		if (*p == from)
			*p = to;
	return o;
}

/* The labels of a SET or list value ("groceries,meals"), ", "-joined;
 * NONE when empty. */
static const char *labels_of(struct ctx *c, const char *set, char sep,
                             const char *const *list, const char *const *labels)
{
	struct arena *a = c->r->a;
	const char *out = "";
	char *s = arena_strdup(a, or_empty(set));
	for (char *p = s; p && *p;) {
		char *e = strchr(p, sep);
		if (e)
			*e = '\0';
		const char *l = T(c, help_label(list, labels, p));
		out = *out ? arena_printf(a, "%s, %s", out, l) : l;
		p = e ? e + 1 : NULL;
	}
	return *out ? out : NONE;
}

static const char *kind_label(struct ctx *c, const char *kind)
{
	return T(c, help_label(kinds, kind_labels, kind));
}

/* The villages as choices: ids and names in the request's language. */
struct areas {
	struct db_res res;
	const char **ids, **names; /* NULL-terminated */
};

static int load_areas(struct ctx *c, struct areas *ar)
{
	struct arena *a = c->r->a;
	int rc = db_hv_areas(a, &ar->res);
	if (rc != DB_OK)
		return rc;
	size_t n = ar->res.nrows;
	ar->ids = arena_alloc(a, (n + 1) * sizeof(*ar->ids));
	ar->names = arena_alloc(a, (n + 1) * sizeof(*ar->names));
	for (size_t i = 0; i < n; i++) {
		ar->ids[i] = db_str(&ar->res, i, HVA_ID);
		ar->names[i] = page_pick(c, db_str(&ar->res, i, HVA_EL),
		                         db_str(&ar->res, i, HVA_EN), NULL);
	}
	ar->ids[n] = ar->names[n] = NULL;
	return DB_OK;
}

/* The Greek names of a "\n"-separated list of village ids, for the audit
 * log; NONE when empty. */
static const char *area_names(struct arena *a, const struct areas *ar, const char *ids)
{
	const char *out = "";
	for (size_t i = 0; i < ar->res.nrows; i++)
		if (form_multi_has(ids, ar->ids[i]))
			out = arena_printf(a, "%s%s%s", out, *out ? ", " : "",
			                   db_str(&ar->res, i, HVA_EL));
	return *out ? out : NONE;
}

/* The account's id from the route (capture 0) or from ?user=; 0 if none. */
static long long id_of(const char *s)
{
	long long id;
	return s != NULL && valid_int(s, 1, 4294967295LL, &id) ? id : 0;
}

/* ---- the form --------------------------------------------------------------- */

static void build_form(struct ctx *c, struct form *f, const struct areas *ar,
                       long long id, int onboarding)
{
	struct arena *a = c->r->a;
	struct fdef *x = arena_calloc(a, VF__N * sizeof(*x));
	x[VF_KIND] = (struct fdef){ .name = "kind", .kind = F_CHOICE, .flags = F_REQUIRED,
	    .label = "hv.f_kind", .hint = "hv.h_kind", .err = "hv.err_kind",
	    .err_missing = "hv.err_kind_missing", .choices = kinds, .choice_labels = kind_labels };
	x[VF_PHONE] = (struct fdef){ .name = "phone", .kind = F_PHONE, .max = 40,
	    .label = "hv.f_phone", .hint = "hv.h_phone", .err = "hv.err_phone",
	    .autocomplete = "off" };
	x[VF_NOTIFY] = (struct fdef){ .name = "notify", .kind = F_CHOICE, .flags = F_REQUIRED,
	    .label = "hv.f_notify", .hint = "hv.h_notify", .err = "hv.err_notify",
	    .choices = notifies, .choice_labels = notify_labels };
	x[VF_SKILLS] = (struct fdef){ .name = "skills", .kind = F_MULTI,
	    .label = "hv.f_skills", .hint = "hv.h_skills", .err = "hv.err_skills",
	    .choices = skills, .choice_labels = skill_labels };
	x[VF_AREAS] = (struct fdef){ .name = "areas", .kind = F_MULTI,
	    .label = "hv.f_areas", .hint = "hv.h_areas", .err = "hv.err_areas",
	    .choices = ar->ids, .choice_text = ar->names };
	x[VF_CAR] = (struct fdef){ .name = "has_car", .kind = F_CHECKBOX,
	    .label = "hv.f_car", .err = "hv.err_box" };
	x[VF_AVAILABLE] = (struct fdef){ .name = "available", .kind = F_CHECKBOX,
	    .label = "hv.f_available", .hint = "hv.h_available", .err = "hv.err_box" };
	x[VF_AVAILABILITY] = (struct fdef){ .name = "availability", .kind = F_TEXT, .max = 200,
	    .label = "hv.f_availability", .hint = "hv.h_availability",
	    .err = "hv.err_availability", .autocomplete = "off" };
	x[VF_NOTES] = (struct fdef){ .name = "notes", .kind = F_TEXTAREA, .max = 1000, .rows = 4,
	    .label = "hv.f_notes", .hint = "hv.h_notes", .err = "hv.err_notes" };
	*f = (struct form){
		.id = onboarding ? "help_vol_new" : "help_vol_edit",
		.action = onboarding ? arena_printf(a, "/admin/help/volunteers/new?user=%lld", id)
		                     : arena_printf(a, "/admin/help/volunteers/%lld", id),
		.submit = onboarding ? "hv.b_onboard" : "hv.b_save",
		.fields = x, .n = VF__N,
	};
}

/* The rules the table cannot say, for the account's row u (HV_COLS). */
static void check_rules(struct ctx *c, struct form_data *fd, const struct db_res *u)
{
	const char *kind = fd->v[VF_KIND].s;
	if (kind != NULL) {
		int vol = strcmp(kind, "volunteer") == 0;
		if (vol && !db_ll(u, 0, HV_ROLE_VOL))
			form_error(fd, "kind", "hv.err_kind_role_vol");
		else if (!vol && !db_ll(u, 0, HV_ROLE_PRO))
			form_error(fd, "kind", "hv.err_kind_role_pro");
		else if (vol && fd->v[VF_SKILLS].err == NULL && *fd->v[VF_SKILLS].raw == '\0')
			form_error(fd, "skills", "hv.err_skills_none");
	}
	if (fd->v[VF_PHONE].s != NULL && help_phone_norm(c->r->a, fd->v[VF_PHONE].s) == NULL)
		form_error(fd, "phone", "hv.err_phone");
	const char *n = fd->v[VF_NOTIFY].s;
	if (n != NULL && strcmp(n, "email") != 0 && fd->v[VF_PHONE].raw[0] == '\0')
		form_error(fd, "phone", "hv.err_phone_sms");
	if (n != NULL && strcmp(n, "sms") != 0 && or_empty(db_str(u, 0, HV_EMAIL))[0] == '\0')
		form_error(fd, "notify", "hv.err_notify_email");
}

/* The profile the valid form describes.  A professional's work is their
 * kind: skills are a volunteer's only, and are not kept for them. */
static struct hv_profile profile_of(struct ctx *c, const struct form_data *fd)
{
	struct arena *a = c->r->a;
	const char *kind = fd->v[VF_KIND].s;
	const char *phone = fd->v[VF_PHONE].s ? help_phone_norm(a, fd->v[VF_PHONE].s) : "";
	return (struct hv_profile){
		.kind = kind,
		.phone = phone ? phone : "",
		.skills = strcmp(kind, "volunteer") == 0
		          ? swap_char(a, fd->v[VF_SKILLS].raw, '\n', ',') : "",
		.availability = or_empty(fd->v[VF_AVAILABILITY].s),
		.notify = fd->v[VF_NOTIFY].s,
		.notes = or_empty(fd->v[VF_NOTES].s),
		.has_car = (int)fd->v[VF_CAR].i,
		.available = (int)fd->v[VF_AVAILABLE].i,
	};
}

/* The form filled from a stored profile (u: HV_COLS). */
static void prefill(struct ctx *c, struct form_data *fd, const struct db_res *u)
{
	struct arena *a = c->r->a;
	const char *phone = or_empty(db_str(u, 0, HV_PHONE));
	form_set(fd, "kind", or_empty(db_str(u, 0, HV_KIND)));
	form_set(fd, "phone", *phone ? help_phone_show(a, phone) : "");
	form_set(fd, "notify", or_empty(db_str(u, 0, HV_NOTIFY)));
	form_set(fd, "skills", swap_char(a, db_str(u, 0, HV_SKILLS), ',', '\n'));
	form_set(fd, "areas", swap_char(a, db_str(u, 0, HV_AREAS), ',', '\n'));
	form_set(fd, "has_car", db_ll(u, 0, HV_CAR) ? "1" : "");
	form_set(fd, "available", db_ll(u, 0, HV_AVAILABLE) ? "1" : "");
	form_set(fd, "availability", or_empty(db_str(u, 0, HV_AVAILABILITY)));
	form_set(fd, "notes", or_empty(db_str(u, 0, HV_NOTES)));
}

/* The account's page: its facts, then the form. */
static void render_form(struct ctx *c, const struct db_res *u, const struct form_data *fd,
                        int onboarding)
{
	struct arena *a = c->r->a;
	const char *name = db_str(u, 0, HV_NAME);
	const char *heading = arena_printf(a, "%s: %s",
	                                   T(c, onboarding ? "hv.new_title" : "hv.edit_title"),
	                                   *or_empty(name) ? name : db_str(u, 0, HV_USER));
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, heading), "help/volunteers_form.tpl", &top);
	static const char *const notices[] = {
		"onboarded", "hv.done_onboarded", "saved", "hv.done_saved", NULL };
	if (!onboarding)
		admin_notice(c, d, notices);
	tmpl_set(d, "HEADING", heading);
	tmpl_set(d, "USERNAME", db_str(u, 0, HV_USER));
	tmpl_set(d, "EMAIL", *or_empty(db_str(u, 0, HV_EMAIL)) ? db_str(u, 0, HV_EMAIL) : NONE);
	const char *roles = "";
	if (db_ll(u, 0, HV_ROLE_VOL))
		roles = T(c, "role.volunteer");
	if (db_ll(u, 0, HV_ROLE_PRO))
		roles = arena_printf(a, "%s%s%s", roles, *roles ? ", " : "", T(c, "role.professional"));
	tmpl_set(d, "ROLES", *roles ? roles : NONE);
	tmpl_set(d, "ACTIVE", yes_no(c, db_ll(u, 0, HV_ACTIVE)));
	if (!db_ll(u, 0, HV_ACTIVE))
		tmpl_show(d, "INACTIVE");
	if (onboarding)
		tmpl_show(d, "ONBOARDING");
	else {
		tmpl_dict *p = tmpl_add(d, "PROFILE");
		tmpl_set(p, "ONBOARDED", admin_time(c, db_str(u, 0, HV_ONBOARDED)));
		tmpl_set(p, "BY", *or_empty(db_str(u, 0, HV_ONBOARDED_BY))
		                  ? db_str(u, 0, HV_ONBOARDED_BY) : NONE);
		tmpl_set(p, "OPEN", db_str(u, 0, HV_OPEN));
		if (c->staff->perms & PERM_BIT(PERM_AUDIT))
			tmpl_set(tmpl_add(p, "AUDIT"), "URL",
			         arena_printf(a, "%s/admin/audit?type=help_volunteer&object=%s", c->lp,
			                      db_str(u, 0, HV_ID)));
	}
	if (c->staff->perms & PERM_BIT(PERM_USERS))
		tmpl_set(tmpl_add(d, "ACCOUNT"), "URL",
		         arena_printf(a, "%s/admin/users/%s", c->lp, db_str(u, 0, HV_ID)));
	form_fill(c, d, fd);
	admin_render(c, top);
}

/* The account of the page into *u: 1, or 0 when answered (404, 503). */
static int load_account(struct ctx *c, long long id, struct db_res *u)
{
	int rc = id ? db_hv_get(c->r->a, id, u) : DB_OK;
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (id == 0 || u->nrows != 1) {
		page_error(c, 404, "hv.err_no_account");
		return 0;
	}
	return 1;
}

/* An account that may be onboarded: active, with role volunteer or
 * professional, no profile yet (then answered 303 to it: a form sent
 * again gets the answer of the first, sent).  1, or 0 when answered. */
static int onboardable(struct ctx *c, long long id, const struct db_res *u, int sent)
{
	if (db_ll(u, 0, HV_HAS)) {
		admin_redirect(c, arena_printf(c->r->a, "/admin/help/volunteers/%lld%s", id,
		                               sent ? "?done=onboarded" : ""));
		return 0;
	}
	if (!db_ll(u, 0, HV_ACTIVE)) {
		page_error(c, 422, "hv.err_inactive");
		return 0;
	}
	if (!db_ll(u, 0, HV_ROLE_VOL) && !db_ll(u, 0, HV_ROLE_PRO)) {
		page_error(c, 422, "hv.err_no_role");
		return 0;
	}
	return 1;
}

/* "field old → new; " parts of the audit summary, for what changed. */
static const char *changed(struct arena *a, const char *sum, const char *field,
                           const char *old, const char *now)
{
	if (strcmp(or_empty(old), or_empty(now)) == 0)
		return sum;
	return arena_printf(a, "%s%s%s «%s» → «%s»", sum, *sum ? "; " : "", field,
	                    *or_empty(old) ? old : NONE, *or_empty(now) ? now : NONE);
}

static const char *summary_of(struct arena *a, const struct areas *ar,
                              const struct db_res *old, const struct hv_profile *p,
                              const char *areas)
{
	const char *car = p->has_car ? "1" : "0", *av = p->available ? "1" : "0";
	if (old == NULL)
		return arena_printf(a, "onboarded: kind %s; skills %s; villages %s; car %s;"
		                    " available %s; notify %s; phone %s; availability «%s»",
		                    p->kind, *p->skills ? p->skills : NONE,
		                    area_names(a, ar, areas), car, av, p->notify,
		                    *p->phone ? p->phone : NONE, p->availability);
	const char *s = "";
	s = changed(a, s, "kind", db_str(old, 0, HV_KIND), p->kind);
	s = changed(a, s, "skills", db_str(old, 0, HV_SKILLS), p->skills);
	s = changed(a, s, "villages",
	            area_names(a, ar, swap_char(a, db_str(old, 0, HV_AREAS), ',', '\n')),
	            area_names(a, ar, areas));
	s = changed(a, s, "car", db_str(old, 0, HV_CAR), car);
	s = changed(a, s, "available", db_str(old, 0, HV_AVAILABLE), av);
	s = changed(a, s, "notify", db_str(old, 0, HV_NOTIFY), p->notify);
	s = changed(a, s, "phone", db_str(old, 0, HV_PHONE), p->phone);
	s = changed(a, s, "availability", db_str(old, 0, HV_AVAILABILITY), p->availability);
	if (strcmp(or_empty(db_str(old, 0, HV_NOTES)), p->notes) != 0)
		s = arena_printf(a, "%s%snotes changed", s, *s ? "; " : "");
	return *s ? s : "saved without changes";
}

/* ---- onboarding ------------------------------------------------------------- */

/* The profile form of account id (onboard: a new profile) into *ar, *f,
 * *fd: fresh, or as posted when posted.  1 when it is fresh or valid, or
 * 0 after answering (503, or 422 with the form again). */
static int load_form(struct ctx *c, long long id, const struct db_res *u, int onboard,
                     int posted, struct areas *ar, struct form *f, struct form_data *fd)
{
	int rc = load_areas(c, ar);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	build_form(c, f, ar, id, onboard);
	if (!posted) {
		form_new(c, f, fd);
		return 1;
	}
	form_parse(c, f, fd);
	check_rules(c, fd, u);
	if (fd->nerr || fd->token_bad) {
		c->res->status = 422;
		render_form(c, u, fd, onboard);
		return 0;
	}
	return 1;
}

void help_volunteer_new(struct ctx *c)
{
	long long id = id_of(req_query(c->r, "user"));
	struct db_res u;
	if (!load_account(c, id, &u) || !onboardable(c, id, &u, 0))
		return;
	struct areas ar;
	struct form f;
	struct form_data fd;
	if (!load_form(c, id, &u, 1, 0, &ar, &f, &fd))
		return;
	/* The kind a volunteer's account can only be; a professional chooses. */
	if (db_ll(&u, 0, HV_ROLE_VOL) && !db_ll(&u, 0, HV_ROLE_PRO))
		form_set(&fd, "kind", "volunteer");
	form_set(&fd, "notify", "email");
	form_set(&fd, "available", "1");
	render_form(c, &u, &fd, 1);
}

void help_volunteer_create(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = id_of(req_query(c->r, "user"));
	struct db_res u;
	if (!load_account(c, id, &u) || !onboardable(c, id, &u, 1))
		return;
	struct areas ar;
	struct form f;
	struct form_data fd;
	if (!load_form(c, id, &u, 1, 1, &ar, &f, &fd))
		return;
	int rc;
	struct hv_profile p = profile_of(c, &fd);
	const char *areas = fd.v[VF_AREAS].raw;
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_hv_insert(a, id, &p, c->staff->id);
	if (rc == DB_DUP) {
		/* Onboarded meanwhile, or this very form sent twice: the profile
		 * that exists is the answer. */
		db_rollback();
		admin_redirect(c, arena_printf(a, "/admin/help/volunteers/%lld?done=onboarded", id));
		return;
	}
	if (rc == DB_OK)
		rc = db_hv_set_areas(a, id, areas);
	if (rc == DB_OK)
		rc = audit_staff(c, "help_volunteer_onboard", "help_volunteer",
		                 arena_printf(a, "%lld", id), summary_of(a, &ar, NULL, &p, areas));
	admin_commit(c, rc, arena_printf(a, "/admin/help/volunteers/%lld?done=onboarded", id));
}

/* ---- a profile ---------------------------------------------------------------- */

/* The profile of the page (route capture 0) into *u: 1, or 0 when
 * answered (404 for an account without one). */
static int load_profile(struct ctx *c, long long *id, struct db_res *u)
{
	*id = id_of(c->r->cap[0]);
	if (!load_account(c, *id, u))
		return 0;
	if (!db_ll(u, 0, HV_HAS)) {
		page_error(c, 404, "hv.err_missing");
		return 0;
	}
	return 1;
}

void help_volunteer_edit(struct ctx *c)
{
	long long id;
	struct db_res u;
	if (!load_profile(c, &id, &u))
		return;
	struct areas ar;
	struct form f;
	struct form_data fd;
	if (!load_form(c, id, &u, 0, 0, &ar, &f, &fd))
		return;
	prefill(c, &fd, &u);
	render_form(c, &u, &fd, 0);
}

void help_volunteer_save(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res u;
	if (!load_profile(c, &id, &u))
		return;
	struct areas ar;
	struct form f;
	struct form_data fd;
	if (!load_form(c, id, &u, 0, 1, &ar, &f, &fd))
		return;
	int rc;
	struct hv_profile p = profile_of(c, &fd);
	const char *areas = fd.v[VF_AREAS].raw;
	int exists = 0;
	struct db_res old;
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_hv_lock(a, id, &exists);
	if (rc == DB_OK && !exists) {
		db_rollback();
		page_error(c, 404, "hv.err_missing");
		return;
	}
	/* The values the change is made on, read after the lock. */
	if (rc == DB_OK)
		rc = db_hv_get(a, id, &old);
	if (rc == DB_OK)
		rc = db_hv_update(a, id, &p);
	if (rc == DB_OK)
		rc = db_hv_set_areas(a, id, areas);
	if (rc == DB_OK)
		rc = audit_staff(c, "help_volunteer_update", "help_volunteer",
		                 arena_printf(a, "%lld", id), summary_of(a, &ar, &old, &p, areas));
	admin_commit(c, rc, arena_printf(a, "/admin/help/volunteers/%lld?done=saved", id));
}

/* ---- the list ------------------------------------------------------------------- */

/* A filter's value: "" when absent, NULL when not valid text. */
static const char *query_text(struct ctx *c, const char *name, size_t max)
{
	const char *v = req_query(c->r, name);
	if (v == NULL)
		return "";
	v = text_trim(c->r->a, v);
	return valid_text(v, 0, max, 0) ? v : NULL;
}

/* Options of a filter's <select> in section name. */
static void options(struct ctx *c, tmpl_dict *d, const char *name,
                    const char *const *vals, const char *const *labels,
                    const char *const *texts, const char *chosen)
{
	for (size_t i = 0; vals[i] != NULL; i++) {
		tmpl_dict *o = tmpl_add(d, name);
		tmpl_set(o, "V", vals[i]);
		tmpl_set(o, "LABEL", texts ? texts[i] : T(c, labels[i]));
		if (strcmp(vals[i], chosen) == 0)
			tmpl_show(o, "SELECTED");
	}
}

static void pending_box(struct ctx *c, tmpl_dict *d, const struct db_res *res)
{
	struct arena *a = c->r->a;
	if (res->nrows == 0) {
		tmpl_show(d, "NO_PENDING");
		return;
	}
	tmpl_dict *b = tmpl_add(d, "PENDING");
	for (size_t i = 0; i < res->nrows; i++) {
		tmpl_dict *r = tmpl_add(b, "P");
		const char *name = db_str(res, i, HVP_NAME);
		tmpl_set(r, "NAME", *or_empty(name) ? name : db_str(res, i, HVP_USER));
		tmpl_set(r, "USER", db_str(res, i, HVP_USER));
		const char *roles = db_str(res, i, HVP_ROLES);
		tmpl_set(r, "ROLES", arena_printf(a, "%s%s%s",
		         form_multi_has(swap_char(a, roles, ',', '\n'), "volunteer")
		         ? T(c, "role.volunteer") : "",
		         strchr(or_empty(roles), ',') ? ", " : "",
		         form_multi_has(swap_char(a, roles, ',', '\n'), "professional")
		         ? T(c, "role.professional") : ""));
		tmpl_set(r, "URL", arena_printf(a, "%s/admin/help/volunteers/new?user=%s", c->lp,
		                                db_str(res, i, HVP_ID)));
	}
	if (res->nrows > PENDING_ROWS)
		tmpl_show(b, "MORE");
}

void help_volunteers_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *kind = query_text(c, "kind", 20), *area = query_text(c, "area", 10);
	const char *avail = query_text(c, "available", 1), *after = query_text(c, "after", 10);
	const char *type = query_text(c, "type", 20);
	long long area_id = 0, after_id = 0;
	if (kind == NULL || area == NULL || avail == NULL || after == NULL || type == NULL ||
	    (*kind && help_index(kinds, kind) < 0) ||
	    (*type && help_index(help_types, type) < 0) ||
	    (*area && !valid_int(area, 1, 65535, &area_id)) ||
	    (*avail && strcmp(avail, "0") != 0 && strcmp(avail, "1") != 0) ||
	    (*after && !valid_int(after, 1, 4294967295LL, &after_id))) {
		page_error(c, 400, "hv.err_filter");
		return;
	}
	struct areas ar;
	struct db_res res, pend;
	struct help_candidate *cand = NULL;
	size_t ncand = 0;
	struct hv_filter f = { kind, area_id, *avail ? avail[0] - '0' : -1, after_id,
	                       c->lang == LANG_EN ? "en" : "el" };
	int rc = load_areas(c, &ar);
	if (rc == DB_OK && *type)
		rc = help_suggest(a, type, area_id, SUGGEST_ROWS, &cand, &ncand);
	else if (rc == DB_OK)
		rc = db_hv_list(a, &f, PAGE_ROWS + 1, &res);
	if (rc == DB_OK)
		rc = db_hv_pending(a, PENDING_ROWS + 1, &pend);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "hv.title"), "help/volunteers.tpl", &top);
	options(c, d, "KIND_OPT", kinds, kind_labels, NULL, kind);
	options(c, d, "AREA_OPT", ar.ids, NULL, ar.names, area);
	options(c, d, "AREA2_OPT", ar.ids, NULL, ar.names, area);
	options(c, d, "TYPE_OPT", help_types, help_type_labels, NULL, type);
	static const char *const av_vals[] = { "1", "0", NULL };
	static const char *const av_labels[] = { "hv.available_yes", "hv.available_no", NULL };
	options(c, d, "AVAIL_OPT", av_vals, av_labels, NULL, avail);
	pending_box(c, d, &pend);

	if (*type) {
		tmpl_dict *s = tmpl_add(d, "SUGGEST");
		const char *village = NULL;
		for (size_t i = 0; ar.ids[i]; i++)
			if (strcmp(ar.ids[i], area) == 0)
				village = ar.names[i];
		tmpl_set(s, "CAPTION", arena_printf(a, "%s: %s · %s", T(c, "hv.suggest_for"),
		                                    T(c, help_label(help_types, help_type_labels, type)),
		                                    village ? village : T(c, "hv.any_village")));
		if (ncand == 0)
			tmpl_show(s, "NONE");
		else {
			tmpl_dict *t = tmpl_add(s, "TABLE");
			for (size_t i = 0; i < ncand; i++) {
				tmpl_dict *r = tmpl_add(t, "ROW");
				tmpl_set_int(r, "N", (long long)i + 1);
				tmpl_set(r, "URL", arena_printf(a, "%s/admin/help/volunteers/%lld", c->lp,
				                                cand[i].user_id));
				tmpl_set(r, "NAME", cand[i].name);
				tmpl_set(r, "KIND", kind_label(c, cand[i].kind));
				tmpl_set(r, "COVERS", yes_no(c, cand[i].covers_area));
				tmpl_set_int(r, "OPEN", cand[i].open_tasks);
				tmpl_set(r, "CAR", yes_no(c, cand[i].has_car));
				tmpl_set(r, "AVAILABILITY", *cand[i].availability ? cand[i].availability
				                                                  : NONE);
			}
		}
		admin_render(c, top);
		return;
	}

	tmpl_show(d, "FILTERS");
	size_t n = res.nrows > PAGE_ROWS ? PAGE_ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < n; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			const char *name = db_str(&res, i, HVL_NAME);
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/help/volunteers/%s", c->lp,
			                                db_str(&res, i, HVL_ID)));
			tmpl_set(r, "NAME", *or_empty(name) ? name : db_str(&res, i, HVL_USER));
			tmpl_set(r, "KIND", kind_label(c, db_str(&res, i, HVL_KIND)));
			const char *villages = db_str(&res, i, HVL_AREAS);
			tmpl_set(r, "AREAS", villages ? villages : NONE);
			tmpl_set(r, "SKILLS", labels_of(c, db_str(&res, i, HVL_SKILLS), ',', skills,
			                                skill_labels));
			tmpl_set(r, "CAR", yes_no(c, db_ll(&res, i, HVL_CAR)));
			tmpl_set(r, "AVAILABLE", yes_no(c, db_ll(&res, i, HVL_AVAILABLE)));
			tmpl_set(r, "OPEN", db_str(&res, i, HVL_OPEN));
			if (!db_ll(&res, i, HVL_ACTIVE))
				tmpl_show(r, "INACTIVE");
		}
	}
	const char *fq = "";
	if (*kind)
		fq = arena_printf(a, "kind=%s", kind);
	if (*area)
		fq = arena_printf(a, "%s%sarea=%s", fq, *fq ? "&" : "", area);
	if (*avail)
		fq = arena_printf(a, "%s%savailable=%s", fq, *fq ? "&" : "", avail);
	if (res.nrows > PAGE_ROWS)
		tmpl_set(tmpl_add(d, "NEXT"), "URL",
		         arena_printf(a, "%s/admin/help/volunteers?%s%safter=%s", c->lp, fq,
		                      *fq ? "&" : "", db_str(&res, PAGE_ROWS - 1, HVL_ID)));
	if (*after)
		tmpl_set(tmpl_add(d, "FIRST"), "URL",
		         arena_printf(a, "%s/admin/help/volunteers%s%s", c->lp, *fq ? "?" : "", fq));
	admin_render(c, top);
}
