/*
 * intake.c - /admin/help/new, the phone operator's form, built for the
 * pace of a call and for the keyboard alone: the phone number first (the
 * registry's key; matches listed as it is typed, duplicates shown before
 * anyone is created twice), then one form with the resident (chosen, or
 * new) and the request: type, details, prescriptions, urgency, wanted-by
 * time, channel.  One transaction stores the new resident, the case, its
 * health part (through help/health.c) and, when asked, the prescription's
 * webhook to the pharmacists' association; "saved" only after COMMIT.
 * A resubmitted form finds the case its token made.
 *
 * Touches help_beneficiaries, help_cases, help_case_events (db_help.c),
 * the health tables through health.c, audit_log.
 */
#include "help/intake.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/civil.h"
#include "core/text.h"
#include "help/db_help.h"
#include "help/health.h"
#include "help/help.h"
#include "help/people.h"
#include "help/pharmacy.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define MATCHES 10

/* The request. */
static const struct fdef case_fields[] = {
	{ .name = "type", .kind = F_CHOICE, .flags = F_REQUIRED, .label = "help.f.type",
	  .err = "help.err.choice", .err_missing = "help.err.type",
	  .choices = help_types, .choice_labels = help_type_labels },
	{ .name = "errand", .kind = F_CHOICE, .label = "help.f.errand", .hint = "help.h.errand",
	  .err = "help.err.choice", .choices = help_errands, .choice_labels = help_errand_labels },
	{ .name = "details", .kind = F_TEXTAREA, .max = 4000, .rows = 4, .label = "help.f.details",
	  .hint = "help.h.details", .err = "help.err.long" },
	{ .name = "prescriptions", .kind = F_TEXTAREA, .max = 1000, .rows = 3,
	  .label = "help.f.prescriptions", .hint = "help.h.prescriptions",
	  .err = "help.err.prescriptions" },
	{ .name = "amka", .kind = F_TEXT, .flags = F_NUMERIC, .max = 11, .label = "help.f.amka",
	  .hint = "help.h.amka", .err = "help.err.amka", .autocomplete = "off" },
	{ .name = "health", .kind = F_TEXTAREA, .max = 2000, .rows = 2, .label = "help.f.health",
	  .hint = "help.h.health", .err = "help.err.long" },
	{ .name = "urgency", .kind = F_CHOICE, .flags = F_REQUIRED | F_PAIR, .label = "help.f.urgency",
	  .err = "help.err.choice", .choices = help_urgencies, .choice_labels = help_urgency_labels },
	{ .name = "wanted_by", .kind = F_DATETIME, .label = "help.f.wanted_by",
	  .hint = "help.h.wanted_by", .err = "help.err.wanted_by" },
	{ .name = "channel", .kind = F_CHOICE, .flags = F_REQUIRED, .label = "help.f.channel",
	  .err = "help.err.choice", .choices = help_channels, .choice_labels = help_channel_labels },
	{ .name = "caller_name", .kind = F_TEXT, .flags = F_PAIR, .max = 200,
	  .label = "help.f.caller_name", .hint = "help.h.caller", .err = "help.err.long",
	  .autocomplete = "off" },
	{ .name = "caller_phone", .kind = F_PHONE, .max = 20, .label = "help.f.caller_phone",
	  .err = "help.err.phone", .autocomplete = "off" },
	{ .name = "caller_relation", .kind = F_TEXT, .max = 100, .label = "help.f.caller_relation",
	  .err = "help.err.long", .autocomplete = "off" },
	{ .name = "pharmacy", .kind = F_CHECKBOX, .label = "help.f.pharmacy",
	  .hint = "help.h.pharmacy", .err = "help.err.choice" },
	{ .name = "ben", .kind = F_HIDDEN, .max = 10, .err = "help.err.bad_link" },
};
#define N_CASE (sizeof(case_fields) / sizeof(case_fields[0]))

struct intake {
	struct form f;
	struct fdef *t;
	struct db_res person;     /* the chosen resident (nrows 0: a new one) */
	long long ben;
};

/* The form for a chosen resident (ben > 0: the case's fields only) or a
 * new one (the resident's fields first), with the villages from the
 * database. */
static int build(struct ctx *c, struct intake *in, long long ben)
{
	struct arena *a = c->r->a;
	in->ben = 0;
	in->person.nrows = 0;
	if (ben > 0) {
		int rc = db_help_person(a, ben, &in->person);
		if (rc != DB_OK)
			return rc;
		if (in->person.nrows == 1 && db_str(&in->person, 0, HP_ANON) == NULL)
			in->ben = ben;
		else
			in->person.nrows = 0;
	}
	size_t np = in->ben ? 0 : help_person_nfields;
	in->t = arena_alloc(a, (np + N_CASE) * sizeof(*in->t));
	if (np) {
		int rc = help_people_fields(c, in->t);
		if (rc != DB_OK)
			return rc;
	}
	size_t nc = 0;
	for (size_t i = 0; i < N_CASE; i++)
		if (strcmp(case_fields[i].name, "pharmacy") != 0 || help_pharmacy_enabled(c->conf))
			in->t[np + nc++] = case_fields[i];
	in->f = (struct form){ .id = "help-intake", .action = "/admin/help/new",
	                       .submit = "help.save", .fields = in->t, .n = np + nc };
	return DB_OK;
}

/* The matches of a phone search into d's MATCHES section (also the
 * lookup fragment's content). */
static int matches(struct ctx *c, tmpl_dict *d, const char *digits, int focus)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_help_people_find(a, digits, "", MATCHES, &res);
	if (rc != DB_OK)
		return rc;
	tmpl_dict *m = tmpl_add(d, "MATCHES");
	tmpl_set(m, "PHONE", digits);
	tmpl_set(m, "NEW_URL", arena_printf(a, "%s/admin/help/new?new=1&phone=%s", c->lp,
	                                    text_percent_encode(a, digits)));
	if (res.nrows == 0) {
		tmpl_show(m, "NONE");
		if (focus)
			tmpl_show(m, "NEW_FOCUS");
	}
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *r = tmpl_add(m, "MATCH");
		tmpl_set(r, "URL", arena_printf(a, "%s/admin/help/new?ben=%s", c->lp,
		                                db_str(&res, i, HP_ID)));
		tmpl_set(r, "NAME", arena_printf(a, "%s %s", db_str(&res, i, HP_FIRST),
		                                 db_str(&res, i, HP_LAST)));
		tmpl_set(r, "PHONE", help_phone_show(a, db_str(&res, i, HP_PHONE)));
		const char *area = db_str(&res, i, HP_AREA_NAME);
		tmpl_set(r, "AREA", area ? area : "");
		tmpl_set(r, "ADDRESS", db_str(&res, i, HP_ADDRESS));
		if (db_ll(&res, i, HP_OPEN) > 0)
			tmpl_set_int(tmpl_add(r, "OPEN"), "N", db_ll(&res, i, HP_OPEN));
		if (i == 0 && focus)
			tmpl_show(r, "FOCUS");
	}
	return DB_OK;
}

static void show_person(struct ctx *c, tmpl_dict *d, const struct db_res *p)
{
	struct arena *a = c->r->a;
	tmpl_dict *s = tmpl_add(d, "PERSON");
	tmpl_set(s, "NAME", arena_printf(a, "%s %s", db_str(p, 0, HP_FIRST), db_str(p, 0, HP_LAST)));
	tmpl_set(s, "PHONE", help_phone_show(a, db_str(p, 0, HP_PHONE)));
	tmpl_set(s, "TEL", help_phone_tel(a, db_str(p, 0, HP_PHONE)));
	tmpl_set(s, "ADDRESS", db_str(p, 0, HP_ADDRESS));
	const char *area = db_str(p, 0, HP_AREA_NAME);
	tmpl_set(s, "AREA", area ? area : "");
	tmpl_set(s, "HOUSEHOLD", db_str(p, 0, HP_HOUSEHOLD));
	tmpl_set(s, "URL", arena_printf(a, "%s/admin/help/people/%s", c->lp, db_str(p, 0, HP_ID)));
	if (db_ll(p, 0, HP_OPEN) > 0)
		tmpl_set_int(tmpl_add(s, "OPEN"), "N", db_ll(p, 0, HP_OPEN));
	if (db_str(p, 0, HP_CONSENT_HOW) == NULL)
		tmpl_show(s, "NO_CONSENT");
}

static void render(struct ctx *c, struct intake *in, struct form_data *fd,
                   const char *search, const char *digits)
{
	tmpl_dict *top;
	const char *title = T(c, "help.intake.title");
	tmpl_dict *d = admin_start(c, fd ? form_title(c, fd, title) : title,
	                           "help/intake.tpl", &top);
	tmpl_set(d, "SEARCH", search ? search : "");
	int show_form = fd != NULL;
	if (!show_form && (digits == NULL || digits[0] == '\0'))
		tmpl_show(d, "SEARCH_FOCUS"); /* else the first match has it */
	if (digits != NULL && digits[0] && in->ben == 0) {
		int rc = matches(c, d, digits, !show_form);
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
	} else if (search != NULL && search[0] && digits == NULL)
		tmpl_show(d, "SEARCH_BAD");
	if (in->ben > 0)
		show_person(c, d, &in->person);
	if (show_form) {
		tmpl_dict *f = tmpl_add(d, "INTAKE");
		tmpl_show(f, in->ben ? "FOR_PERSON" : "FOR_NEW");
		form_fill(c, f, fd);
	}
	admin_render(c, top);
}

/* A fresh form with the defaults a call usually has. */
static void fresh(struct ctx *c, struct intake *in, struct form_data *fd, const char *phone)
{
	form_new(c, &in->f, fd);
	form_set(fd, "urgency", "normal");
	form_set(fd, "channel", "phone");
	form_set(fd, "pharmacy", "1");
	fd->autofocus = in->ben > 0 ? "type" : "first";
	if (in->ben > 0)
		form_set(fd, "ben", arena_printf(c->r->a, "%lld", in->ben));
	else {
		form_set(fd, "lang", "el");
		form_set(fd, "consent", "phone");
		if (phone != NULL)
			form_set(fd, "phone", phone);
	}
}

void help_intake(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *phone = req_query(c->r, "phone");
	const char *bens = req_query(c->r, "ben");
	const char *isnew = req_query(c->r, "new");
	long long ben = 0;
	if (bens != NULL && !valid_int(bens, 1, 4294967295LL, &ben)) {
		page_error(c, 400, "help.err.bad_link");
		return;
	}
	if (phone != NULL && strlen(phone) > 40) {
		page_error(c, 400, "help.err.phone");
		return;
	}
	/* The whole number, or the start of one typed so far. */
	const char *digits = phone != NULL ? help_phone_prefix(a, phone) : NULL;
	if (digits != NULL && digits[0] == '\0')
		digits = NULL;
	struct intake in;
	int rc = build(c, &in, ben);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (ben > 0 && in.ben == 0) {
		page_error(c, 404, "help.err.no_person");
		return;
	}
	struct form_data fd;
	int want_form = in.ben > 0 || (isnew != NULL && strcmp(isnew, "1") == 0);
	if (want_form)
		fresh(c, &in, &fd, digits);
	render(c, &in, want_form ? &fd : NULL, phone, digits);
}

void help_lookup(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *phone = req_query(c->r, "phone");
	const char *digits = phone != NULL && strlen(phone) <= 40 ? help_phone_prefix(a, phone) : NULL;
	if (digits == NULL || strlen(digits) < 3) {
		page_error(c, 400, "help.err.phone");
		return;
	}
	tmpl_dict *d = tmpl_dict_new(a);
	int rc = matches(c, d, digits, 0);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	page_render_file(c, "help/lookup.tpl", d);
}

/* A "prescriptions" value: barcode numbers of 6-20 digits, one per line
 * (spaces inside ignored), at most 10; normalised into *out. */
static int prescriptions_ok(struct arena *a, const char *s, const char **out)
{
	struct buf b;
	buf_init(&b, 64);
	int n = 0, ok = 1;
	const char *p = s;
	while (*p && ok) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		size_t digits = 0;
		char line[32];
		for (size_t i = 0; i < len && ok; i++) {
			if (p[i] >= '0' && p[i] <= '9') {
				if (digits < sizeof(line) - 1)
					line[digits] = p[i];
				digits++;
			} else if (!strchr(" \r\t-", p[i]))
				ok = 0;
		}
		if (ok && digits > 0) {
			if (digits < 6 || digits > 20 || ++n > 10)
				ok = 0;
			else {
				line[digits] = '\0';
				if (b.len)
					buf_addc(&b, '\n');
				buf_add(&b, line, digits);
			}
		}
		p += len + (e ? 1 : 0);
	}
	*out = ok ? arena_strdup(a, b.p ? b.p : "") : NULL;
	buf_free(&b);
	return ok;
}

static const char *raw(const struct form_data *fd, const char *name)
{
	const struct fval *v = form_value(fd, name);
	return v ? v->raw : "";
}

void help_intake_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *bens = req_form(c->r, "ben");
	long long ben = 0;
	if (bens != NULL && bens[0] && !valid_int(bens, 1, 4294967295LL, &ben)) {
		page_error(c, 400, "help.err.bad_link");
		return;
	}
	struct intake in;
	int rc = build(c, &in, ben);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (ben > 0 && in.ben == 0) {
		page_error(c, 404, "help.err.no_person");
		return;
	}
	struct form_data fd;
	form_parse(c, &in.f, &fd);
	/* The same form again (a double click, the back button): the case it
	 * made, before any check that its own first save would now fail. */
	if (!fd.token_bad) {
		long long made;
		rc = db_help_case_by_token(a, fd.token, &made);
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		if (made > 0) {
			admin_redirect(c, arena_printf(a, "/admin/help/cases/%lld?done=again", made));
			return;
		}
	}
	/* What the table cannot say. */
	const char *type = form_value(&fd, "type")->s;
	const char *phone = NULL, *phone2 = "", *caller_phone = "";
	if (in.ben == 0) {
		rc = help_people_check(c, &fd, 0, &phone, &phone2);
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
	}
	const struct fval *cp = form_value(&fd, "caller_phone");
	if (cp->s != NULL && (caller_phone = help_phone_norm(a, cp->s)) == NULL)
		form_error(&fd, "caller_phone", "help.err.phone");
	const char *presc = "";
	const struct fval *pv = form_value(&fd, "prescriptions");
	if (pv->s != NULL && !prescriptions_ok(a, pv->s, &presc))
		form_error(&fd, "prescriptions", "help.err.prescriptions");
	const char *amka = raw(&fd, "amka");
	if (amka[0] && (strlen(amka) != 11 || strspn(amka, "0123456789") != 11))
		form_error(&fd, "amka", "help.err.amka");
	const char *details = raw(&fd, "details");
	if (type != NULL && (strcmp(type, "groceries") == 0 || strcmp(type, "meals") == 0 ||
	                     strcmp(type, "errand") == 0) && details[0] == '\0')
		form_error(&fd, "details", "help.err.details");
	if (type != NULL && strcmp(type, "errand") == 0 && form_value(&fd, "errand")->s == NULL)
		form_error(&fd, "errand", "help.err.errand");
	const char *wanted = form_value(&fd, "wanted_by")->s;
	char now[20];
	civil_now_text(now);
	if (wanted != NULL && strcmp(wanted, now) < 0)
		form_error(&fd, "wanted_by", "help.err.wanted_past");
	if (fd.nerr > 0 || fd.token_bad) {
		c->res->status = form_status(&fd);
		render(c, &in, &fd, NULL, in.ben == 0 && phone ? phone : NULL);
		return;
	}
	if (wanted == NULL)
		wanted = help_wanted_default(a, form_value(&fd, "urgency")->s);
	long long uid = c->staff->id;
	long long case_id = 0;
	rc = db_begin();
	long long person = in.ben;
	long long area = in.ben ? db_ll(&in.person, 0, HP_AREA) : 0;
	if (rc == DB_OK && person == 0) {
		const struct fval *av = form_value(&fd, "area");
		long long ai = 0;
		if (av->s != NULL)
			valid_int(av->s, 1, 65535, &ai);
		area = ai;
		struct help_person p = {
			.first = form_value(&fd, "first")->s, .last = raw(&fd, "last"),
			.phone = phone, .phone2 = phone2, .address = raw(&fd, "address"),
			.household = raw(&fd, "household"), .lang = form_value(&fd, "lang")->s,
			.area_id = ai, .consent_how = form_value(&fd, "consent")->s,
		};
		rc = db_help_person_add(a, &p, uid, &person);
		const char *vuln = raw(&fd, "vulnerability");
		if (rc == DB_OK && vuln[0]) {
			/* The SET's value: the choices comma-separated. */
			char *v = arena_strdup(a, vuln);
			for (char *q = v; *q; q++)
				if (*q == '\n')
					*q = ',';
			struct help_person_health h = { .vulnerability = v, .conditions = "", .amka = "" };
			rc = help_health_person_write(c, person, &h);
		}
	}
	if (rc == DB_OK) {
		struct help_case_new n = {
			.beneficiary_id = person, .area_id = area, .type = type,
			.errand = type && strcmp(type, "errand") == 0 ? form_value(&fd, "errand")->s : NULL,
			.details = details, .urgency = form_value(&fd, "urgency")->s,
			.wanted_by = wanted, .channel = form_value(&fd, "channel")->s,
			.caller_name = raw(&fd, "caller_name"), .caller_phone = caller_phone,
			.caller_relation = raw(&fd, "caller_relation"), .token = fd.token,
		};
		rc = db_help_case_add(a, &n, uid, &case_id);
	}
	if (rc == DB_DUP) {
		/* The same form again: the case it made, nothing new. */
		db_rollback();
		if (case_id > 0) {
			admin_redirect(c, arena_printf(a, "/admin/help/cases/%lld?done=again", case_id));
			return;
		}
		rc = DB_ERR;
	}
	if (rc == DB_OK && (presc[0] || amka[0] || raw(&fd, "health")[0])) {
		struct help_case_health h = { .prescriptions = presc, .amka = amka,
		                              .details = raw(&fd, "health") };
		rc = help_health_case_write(c, case_id, &h);
	}
	/* The prescription to the pharmacists' association, when asked: a
	 * case it cannot take yet (no barcode) is saved all the same, and
	 * its page offers the button. */
	const struct fval *pharm = form_value(&fd, "pharmacy");
	if (rc == DB_OK && pharm != NULL && pharm->i && presc[0] && strcmp(type, "medicines") == 0 &&
	    help_pharmacy_enabled(c->conf)) {
		const char *why = NULL;
		rc = help_pharmacy_queue(c, case_id, &why);
		if (rc != DB_OK && why != NULL)
			rc = DB_OK;
	}
	if (rc == DB_OK)
		rc = audit_staff(c, "help_case_create", "help_case",
		                 arena_printf(a, "%lld", case_id),
		                 arena_printf(a, "%s, %s", type, in.ben ? "registered resident"
		                                                         : "new resident"));
	admin_commit(c, rc, arena_printf(a, "/admin/help/cases/%lld?done=created", case_id));
}
