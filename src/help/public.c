/*
 * public.c - the support desk's public page and online request, /help
 * (public.h).  Tables: help_cases, help_web_contacts, help_case_events,
 * outbox and areas through db_public.c and db_help.c; help_case_health
 * only through help/health.h (the health part of a request for
 * medicines, medical advice or psychological support), written, never
 * read.
 *
 * The form is a declared form (http/form.h) whose village choices come
 * from the areas table.  "Received" is said only after COMMIT: the POST
 * answers 303 to an acknowledgement that shows the case's number and the
 * help line, nothing else, under a signature (http/token.h forms_sign),
 * so no one can walk through the numbers.  The one-time token is stored
 * UNIQUE with the case: the same form sent again (a double click, a
 * retry after a timeout or a 502) leads to the same case.  An optional
 * e-mail gets a confirmation queued in the same transaction
 * (mail/outbox.h) with the number and the help line only: a mail may be
 * read by others in a household, and what the request is about is
 * nobody else's business.  The desk sees the case in its queue; no mail
 * goes to it.
 */
#include "help/public.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "help/db_help.h"
#include "help/db_public.h"
#include "help/health.h"
#include "help/help.h"
#include "http/form.h"
#include "http/token.h"
#include "mail/outbox.h"
#include "view/layout.h"

#define FORM_ID "help"
#define SIG_PURPOSE "help.received"

/* For whom, and how soon (urgency and hours until wanted_by). */
static const char *const whom[] = { "self", "other", NULL };
static const char *const whom_labels[] = { "hp.whom.self", "hp.whom.other", NULL };
static const char *const when[] = { "today", "days", "later", NULL };
static const char *const when_labels[] = { "hp.when.today", "hp.when.days",
                                           "hp.when.later", NULL };
static const char *const when_urgency[] = { "urgent", "normal", "low" };
static const long long when_hours[] = { 4, 24, 72 };

enum { HF_WHOM, HF_FIRST, HF_LAST, HF_PHONE, HF_ADDRESS, HF_AREA, HF_TYPE, HF_DESC,
       HF_WHEN, HF_ASKER, HF_ASKER_PHONE, HF_ASKER_REL, HF_EMAIL, HF_CONSENT,
       HF_WEBSITE, HF__N };

static const struct fdef fields[HF__N] = {
	[HF_WHOM] = { .name = "whom", .kind = F_CHOICE, .flags = F_REQUIRED,
	              .label = "hp.f_whom", .err = "hp.err_whom",
	              .choices = whom, .choice_labels = whom_labels },
	[HF_FIRST] = { .name = "first_name", .kind = F_TEXT, .flags = F_REQUIRED | F_PAIR,
	               .max = 100, .label = "hp.f_first", .err = "hp.err_first_long",
	               .err_missing = "hp.err_first", .autocomplete = "given-name" },
	[HF_LAST] = { .name = "last_name", .kind = F_TEXT, .flags = F_REQUIRED, .max = 99,
	              .label = "hp.f_last", .err = "hp.err_last_long",
	              .err_missing = "hp.err_last", .autocomplete = "family-name" },
	[HF_PHONE] = { .name = "phone", .kind = F_PHONE, .flags = F_REQUIRED, .max = 40,
	               .label = "hp.f_phone", .hint = "hp.h_phone", .err = "hp.err_phone",
	               .err_missing = "hp.err_phone_missing", .autocomplete = "tel" },
	[HF_ADDRESS] = { .name = "address", .kind = F_TEXT, .max = 200,
	                 .label = "hp.f_address", .hint = "hp.h_address",
	                 .err = "hp.err_address", .autocomplete = "street-address" },
	[HF_AREA] = { .name = "area", .kind = F_CHOICE, .label = "hp.f_area",
	              .err = "hp.err_area" },
	[HF_TYPE] = { .name = "type", .kind = F_CHOICE, .flags = F_REQUIRED,
	              .label = "hp.f_type", .err = "hp.err_type",
	              .choices = help_types, .choice_labels = help_type_labels },
	[HF_DESC] = { .name = "description", .kind = F_TEXTAREA, .flags = F_REQUIRED,
	              .min = 2, .max = 1000, .rows = 4, .label = "hp.f_description",
	              .hint = "hp.h_description", .err = "hp.err_description",
	              .err_missing = "hp.err_description_missing" },
	[HF_WHEN] = { .name = "when", .kind = F_CHOICE, .flags = F_REQUIRED,
	              .label = "hp.f_when", .err = "hp.err_when",
	              .choices = when, .choice_labels = when_labels },
	[HF_ASKER] = { .name = "asker_name", .kind = F_TEXT, .max = 200,
	               .label = "hp.f_asker", .hint = "hp.h_asker",
	               .err = "hp.err_asker_long", .autocomplete = "name" },
	[HF_ASKER_PHONE] = { .name = "asker_phone", .kind = F_PHONE, .max = 40,
	                     .label = "hp.f_asker_phone", .hint = "hp.h_asker",
	                     .err = "hp.err_asker_phone", .autocomplete = "tel" },
	[HF_ASKER_REL] = { .name = "asker_relation", .kind = F_TEXT, .max = 100,
	                   .label = "hp.f_asker_relation", .hint = "hp.h_asker_relation",
	                   .err = "hp.err_asker_relation" },
	[HF_EMAIL] = { .name = "email", .kind = F_EMAIL, .max = 254, .label = "hp.f_email",
	               .hint = "hp.h_email", .err = "hp.err_email", .autocomplete = "email" },
	[HF_CONSENT] = { .name = "consent", .kind = F_CHECKBOX, .flags = F_REQUIRED,
	                 .label = "hp.f_consent", .hint = "hp.h_consent",
	                 .err = "hp.err_consent" },
	/* The honeypot: people never see it; scripts fill in every field. */
	[HF_WEBSITE] = { .name = "website", .kind = F_TEXT, .flags = F_TRAP,
	                 .max = 200, .label = "hp.f_website", .err = "hp.err_rejected" },
};

/* The form, its village choices from the areas table. */
static int form_build(struct ctx *c, struct form *f)
{
	struct arena *a = c->r->a;
	struct db_res areas;
	int rc = db_hp_areas(a, &areas);
	if (rc != DB_OK)
		return rc;
	struct fdef *t = arena_alloc(a, sizeof(fields));
	memcpy(t, fields, sizeof(fields));
	const char **v = arena_calloc(a, (areas.nrows + 1) * sizeof(*v));
	const char **l = arena_calloc(a, (areas.nrows + 1) * sizeof(*l));
	for (size_t i = 0; i < areas.nrows; i++) {
		v[i] = db_str(&areas, i, HPA_ID);
		l[i] = page_pick(c, db_str(&areas, i, HPA_NAME), db_str(&areas, i, HPA_NAME_EN), NULL);
	}
	t[HF_AREA].choices = v;
	t[HF_AREA].choice_text = l;
	*f = (struct form){ .id = FORM_ID, .action = "/help#request", .submit = "hp.submit",
	                    .level = 3, .fields = t, .n = HF__N };
	return DB_OK;
}

/* The help line the pages name: the desk's own, else the switchboard. */
static const char *line_of(const struct conf *cf)
{
	return *cf->helpline_phone ? cf->helpline_phone : cf->contact_phone;
}

/* The help line and its hours into d (PHONE, TEL, HOURS). */
static void fill_line(struct ctx *c, tmpl_dict *d)
{
	const struct conf *cf = c->conf;
	tmpl_set(d, "PHONE", line_of(cf));
	tmpl_set(d, "TEL", page_tel(c->r->a, line_of(cf)));
	const char *hours = page_pick(c, cf->service_hours, cf->service_hours_en, NULL);
	if (hours != NULL && *hours)
		tmpl_set(tmpl_add(d, "HOURS"), "TEXT", hours);
}

static void render(struct ctx *c, const struct form_data *fd)
{
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, form_title(c, fd, T(c, "hp.title")), "help/public.tpl",
	                          "/help", &top);
	page_description(c, top, T(c, "hp.summary"));
	fill_line(c, d);
	tmpl_set_int(d, "DAYS", (long long)c->conf->help_retention_days);
	if (*c->conf->contact_email)
		tmpl_set(tmpl_add(d, "CONTACT"), "EMAIL", c->conf->contact_email);
	form_fill(c, d, fd);
	page_render(c, top);
}

void help_public_page(struct ctx *c)
{
	struct form f;
	struct form_data fd;
	int rc = form_build(c, &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_new(c, &f, &fd);
	render(c, &fd);
}

/* 303 to case id's acknowledgement, in the request's language. */
static void redirect_received(struct ctx *c, long long id)
{
	struct arena *a = c->r->a;
	const char *n = arena_printf(a, "%lld", id);
	c->res->status = 303;
	c->res->location = arena_printf(a, "%s/help/received?n=%s&r=%s", c->lp, n,
	                                forms_sign(a, SIG_PURPOSE, n));
}

/* The confirmation to the address given: the number and the help line,
 * in the request's language; nothing of what was asked or for whom. */
static int mail_confirm(struct ctx *c, const char *to, long long id)
{
	struct arena *a = c->r->a;
	const struct conf *cf = c->conf;
	const char *hours = page_pick(c, cf->service_hours, cf->service_hours_en, NULL);
	struct mail m = {
		.kind = "help.web_confirm",
		.to = to,
		.subject = arena_printf(a, "%s (%s %lld)", T(c, "hp.mail_subject"),
		                        T(c, "hp.number"), id),
		.text = arena_printf(a, "%s\n\n%s: %lld\n\n%s\n\n%s: %s%s%s%s\n%s\n\n%s\n\n%s\n",
		                     T(c, "hp.mail_intro"), T(c, "hp.mail_number"), id,
		                     T(c, "hp.mail_callback"), T(c, "hp.mail_line"), line_of(cf),
		                     hours && *hours ? " (" : "", hours && *hours ? hours : "",
		                     hours && *hours ? ")" : "", T(c, "hp.mail_emergency"),
		                     T(c, "hp.mail_not_you"),
		                     c->lang == LANG_EN ? cf->site_name_en : cf->site_name),
	};
	return outbox_add(a, &m);
}

/* 1 if what a request of this type says is health data (the medicines
 * by name, what medical advice or psychological support is about): it
 * goes to help_case_health, never to help_cases.details. */
static int is_health(const char *type)
{
	return strcmp(type, "medicines") == 0 || help_type_professional(type);
}

/* What the form says, as a case (n), after the checks the table cannot
 * say: the phone numbers as the registry keeps them, the asker's name
 * and phone when the request is for someone else, an address mail can
 * go to.  0 when every value is good, else the number of problems. */
static int check(struct ctx *c, struct form_data *fd, struct hp_new *n)
{
	struct arena *a = c->r->a;
	const struct fval *v = fd->v;
	memset(n, 0, sizeof(*n));
	if (v[HF_PHONE].s != NULL && (n->phone = help_phone_norm(a, v[HF_PHONE].s)) == NULL)
		form_error(fd, "phone", "hp.err_phone");
	int other = v[HF_WHOM].s != NULL && strcmp(v[HF_WHOM].s, "other") == 0;
	/* For oneself the asker's fields are not used: nothing typed there
	 * can stop the request. */
	for (int i = HF_ASKER; !other && i <= HF_ASKER_REL; i++)
		if (fd->v[i].err != NULL) {
			fd->v[i].err = NULL;
			fd->nerr--;
		}
	if (other) {
		if (v[HF_ASKER].s == NULL && v[HF_ASKER].err == NULL)
			form_error(fd, "asker_name", "hp.err_asker");
		if (v[HF_ASKER_PHONE].s == NULL && v[HF_ASKER_PHONE].err == NULL)
			form_error(fd, "asker_phone", "hp.err_asker_phone_missing");
		else if (v[HF_ASKER_PHONE].s != NULL &&
		         (n->caller_phone = help_phone_norm(a, v[HF_ASKER_PHONE].s)) == NULL)
			form_error(fd, "asker_phone", "hp.err_asker_phone");
	}
	if (v[HF_EMAIL].s != NULL && !outbox_address_ok(v[HF_EMAIL].s))
		form_error(fd, "email", "hp.err_email");
	if (fd->nerr || fd->token_bad)
		return fd->nerr + fd->token_bad;
	const char *type = v[HF_TYPE].s;
	int health = is_health(type);
	int w = help_index(when, v[HF_WHEN].s);
	n->token = fd->token;
	n->type = type;
	n->errand = strcmp(type, "errand") == 0 ? "other" : NULL;
	n->details = health ? "" : v[HF_DESC].s;
	n->urgency = when_urgency[w];
	n->hours = when_hours[w];
	n->area = v[HF_AREA].s ? atoll(v[HF_AREA].s) : 0;
	n->caller_name = other ? v[HF_ASKER].s : "";
	n->caller_phone = other ? n->caller_phone : "";
	n->caller_relation = other && v[HF_ASKER_REL].s ? v[HF_ASKER_REL].s : "";
	n->name = arena_printf(a, "%s %s", v[HF_FIRST].s, v[HF_LAST].s);
	n->address = v[HF_ADDRESS].s ? v[HF_ADDRESS].s : "";
	n->email = v[HF_EMAIL].s ? v[HF_EMAIL].s : "";
	return 0;
}

/* The form again with status (422): what was typed is kept, and it is
 * nobody else's: a browser or a proxy must not keep the page. */
static void show_again(struct ctx *c, struct form_data *fd, int status)
{
	c->res->status = status;
	c->res->cache = "private, no-store";
	render(c, fd);
}

void help_public_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct form f;
	struct form_data fd;
	long long id = 0;
	int rc = form_build(c, &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_parse(c, &f, &fd);
	/* The same form sent again: its first result, and nothing new. */
	if (!fd.token_bad) {
		if ((rc = db_hp_by_token(a, fd.token, &id)) != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		if (id > 0) {
			redirect_received(c, id);
			return;
		}
	}
	if (*fd.v[HF_WEBSITE].raw) {
		const char *ip = c->r->remote_addr;
		log_info("msg=\"help request refused\" why=honeypot ip=%s", ip ? ip : "-");
		fd.v[HF_WEBSITE].raw = "";
		if (fd.v[HF_WEBSITE].err != NULL) { /* over 200 characters */
			fd.v[HF_WEBSITE].err = NULL;
			fd.nerr--;
		}
		fd.err = "hp.err_rejected";
		show_again(c, &fd, 422);
		return;
	}
	struct hp_new n;
	if (check(c, &fd, &n) != 0) {
		show_again(c, &fd, form_status(&fd));
		return;
	}
	const char *desc = fd.v[HF_DESC].s;
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_hp_insert(a, &n, &id);
	if (rc == DB_OK && is_health(n.type)) {
		struct help_case_health h = { .present = 1, .prescriptions = "", .amka = "",
		                              .details = desc };
		rc = help_health_case_write(c, id, &h);
	}
	if (rc == DB_OK)
		rc = db_help_event(a, id, 0, "created", "new", 0, "");
	/* The address was checked (outbox_address_ok) and the message is
	 * ours: a refusal here is the database's, and fails the whole
	 * request rather than store it half (the resident sees 500/503 and
	 * sends the form again: its token is still unused). */
	if (rc == DB_OK && *n.email)
		rc = mail_confirm(c, n.email, id);
	rc = db_end(rc);
	if (rc == DB_DUP) {
		/* The same form, at the same moment, from another worker: its
		 * case is the one to acknowledge. */
		if ((rc = db_hp_by_token(a, fd.token, &id)) == DB_OK && id == 0)
			rc = DB_ERR;
	}
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	log_info("msg=\"help request stored\" id=%lld type=%s", id, n.type);
	redirect_received(c, id);
}

void help_public_received(struct ctx *c)
{
	const char *n = req_query(c->r, "n"), *sig = req_query(c->r, "r");
	size_t len = n ? strlen(n) : 0;
	if (len == 0 || len > 10 || strspn(n, "0123456789") != len || n[0] == '0' ||
	    sig == NULL || !forms_sign_valid(sig, SIG_PURPOSE, n)) {
		page_error(c, 404, "hp.err_received");
		return;
	}
	c->res->cache = "private, no-store";
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, T(c, "hp.received_title"), "help/public_received.tpl",
	                          NULL, &top);
	tmpl_set(d, "NUMBER", n);
	fill_line(c, d);
	page_render(c, top);
}
