/*
 * case.c - one case as the desk sees it (/admin/help/cases/{id}): the
 * request, its resident (or an online request's contact, to be matched
 * with the registry), the health part behind a deliberate "show" that is
 * audit-logged (help/health.c), the pharmacy's state, the history, and
 * the desk's forms: status with a note, assignment to a volunteer or
 * professional (dispatchers: PERM_HELP_ASSIGN) with the suggestion of who
 * is free and near (db_volunteers.h), the ordinary details, and matching
 * an online request.  Each form is a declared form with its own token;
 * every change writes its history row and audit row in one transaction.
 *
 * Touches help_cases, help_case_events, help_beneficiaries,
 * help_web_contacts (db_help.c), the outbox (notify.c), audit_log.
 */
#include "help/case.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "help/db_help.h"
#include "help/db_volunteers.h"
#include "help/health.h"
#include "help/help.h"
#include "help/notify.h"
#include "help/pharmacy.h"
#include "http/form.h"
#include "http/perm.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define CANDIDATES 50

static int may(const struct ctx *c, enum perm p)
{
	return c->staff != NULL && (c->staff->perms & PERM_BIT(p));
}

/* ---- the forms --------------------------------------------------------------- */

struct forms {
	struct form status, assign, edit, link;
	struct fdef status_f[2], assign_f[2], edit_f[3], link_f[1];
	struct form_data sfd, afd, efd, lfd;
	struct help_candidate *cand;
	size_t ncand;
};

static const struct fdef note_field = {
	.name = "note", .kind = F_TEXTAREA, .max = 2000, .rows = 2, .label = "help.case.f_note",
	.hint = "help.case.h_note", .err = "help.err.long" };

/* The forms of case cs (row 0), their choices from its state. */
static int build(struct ctx *c, long long id, const struct db_res *cs, struct forms *f)
{
	struct arena *a = c->r->a;
	const char *status = db_str(cs, 0, HC_STATUS);
	/* Status: the statuses reachable from this one, "assigned" only
	 * through the assignment form. */
	const char **sv = arena_calloc(a, (HS__MAX + 1) * sizeof(*sv));
	const char **sl = arena_calloc(a, (HS__MAX + 1) * sizeof(*sl));
	size_t k = 0;
	for (int i = 0; help_statuses[i]; i++)
		if (i != HS_ASSIGNED && help_status_next(status, help_statuses[i])) {
			sv[k] = help_statuses[i];
			sl[k++] = help_status_labels[i];
		}
	f->status_f[0] = (struct fdef){ .name = "status", .kind = F_CHOICE, .flags = F_REQUIRED,
	                                .label = "help.case.f_status", .err = "help.err.choice",
	                                .err_missing = "help.err.status",
	                                .choices = sv, .choice_labels = sl };
	f->status_f[1] = note_field;
	f->status = (struct form){ .id = "help-status", .prefix = "s-",
	                           .action = arena_printf(a, "/admin/help/cases/%lld/status", id),
	                           .submit = "help.case.status_submit", .level = 3,
	                           .fields = f->status_f, .n = 2 };
	/* Assignment: who could take it, those near and free first. */
	f->ncand = 0;
	f->cand = NULL;
	if (may(c, PERM_HELP_ASSIGN)) {
		long long area = db_str(cs, 0, HC_AREA) ? db_ll(cs, 0, HC_AREA) : 0;
		int rc = help_suggest(a, db_str(cs, 0, HC_TYPE), area, CANDIDATES, &f->cand, &f->ncand);
		if (rc != DB_OK)
			return rc;
	}
	const char **av = arena_calloc(a, (f->ncand + 1) * sizeof(*av));
	const char **al = arena_calloc(a, (f->ncand + 1) * sizeof(*al));
	for (size_t i = 0; i < f->ncand; i++) {
		const struct help_candidate *h = &f->cand[i];
		av[i] = arena_printf(a, "%lld", h->user_id);
		al[i] = arena_printf(a, "%s — %s%s, %s: %lld%s%s", h->name,
		                     T(c, arena_printf(a, "help.kind.%s", h->kind)),
		                     h->covers_area ? arena_printf(a, ", %s", T(c, "help.case.near")) : "",
		                     T(c, "help.case.open_tasks"), h->open_tasks,
		                     h->has_car ? arena_printf(a, ", %s", T(c, "help.case.car")) : "",
		                     h->availability && h->availability[0]
		                         ? arena_printf(a, " (%s)", h->availability) : "");
	}
	f->assign_f[0] = (struct fdef){ .name = "assignee", .kind = F_CHOICE, .flags = F_REQUIRED,
	                                .label = "help.case.f_assignee", .hint = "help.case.h_assignee",
	                                .err = "help.err.assignee", .err_missing = "help.err.assignee",
	                                .choices = av, .choice_text = al };
	f->assign_f[1] = note_field;
	f->assign = (struct form){ .id = "help-assign", .prefix = "a-",
	                           .action = arena_printf(a, "/admin/help/cases/%lld/assign", id),
	                           .submit = "help.case.assign_submit", .level = 3,
	                           .fields = f->assign_f, .n = 2 };
	f->edit_f[0] = (struct fdef){ .name = "details", .kind = F_TEXTAREA, .max = 4000, .rows = 4,
	                              .label = "help.f.details", .err = "help.err.long" };
	f->edit_f[1] = (struct fdef){ .name = "urgency", .kind = F_CHOICE, .flags = F_REQUIRED,
	                              .label = "help.f.urgency", .err = "help.err.choice",
	                              .choices = help_urgencies, .choice_labels = help_urgency_labels };
	f->edit_f[2] = (struct fdef){ .name = "wanted_by", .kind = F_DATETIME, .flags = F_REQUIRED,
	                              .label = "help.f.wanted_by", .err = "help.err.wanted_by" };
	f->edit = (struct form){ .id = "help-edit", .prefix = "e-",
	                         .action = arena_printf(a, "/admin/help/cases/%lld/edit", id),
	                         .submit = "help.case.edit_submit", .level = 3,
	                         .fields = f->edit_f, .n = 3 };
	f->link_f[0] = (struct fdef){ .name = "ben", .kind = F_HIDDEN, .max = 10, .err = "help.err.bad_link" };
	f->link = (struct form){ .id = "help-link", .prefix = "l-",
	                         .action = arena_printf(a, "/admin/help/cases/%lld/link", id),
	                         .submit = "help.case.link_submit", .level = 3,
	                         .fields = f->link_f, .n = 1 };
	return DB_OK;
}

static void fresh_forms(struct ctx *c, const struct db_res *cs, struct forms *f)
{
	form_new(c, &f->status, &f->sfd);
	form_new(c, &f->assign, &f->afd);
	form_new(c, &f->edit, &f->efd);
	form_set(&f->efd, "details", db_str(cs, 0, HC_DETAILS));
	form_set(&f->efd, "urgency", db_str(cs, 0, HC_URGENCY));
	form_set(&f->efd, "wanted_by", help_dt_input(c->r->a, db_str(cs, 0, HC_WANTED)));
	form_new(c, &f->link, &f->lfd);
}

/* ---- the page ------------------------------------------------------------------- */

static const char *label(struct ctx *c, const char *const *list, const char *const *labels,
                         const char *v)
{
	return T(c, help_label(list, labels, v));
}

static void show_health(struct ctx *c, tmpl_dict *d, long long id, const struct db_res *cs)
{
	struct arena *a = c->r->a;
	struct help_case_health h;
	int rc = help_health_case_read(c, id, "case page", &h);
	struct help_person_health p = { 0 };
	if (rc == DB_OK && db_str(cs, 0, HC_BEN) != NULL)
		rc = help_health_person_read(c, db_ll(cs, 0, HC_BEN), "case page", &p);
	struct help_health_note *notes = NULL;
	size_t nn = 0;
	if (rc == DB_OK)
		rc = help_health_notes_read(c, id, "case page", &notes, &nn);
	tmpl_dict *s = tmpl_add(d, "HEALTH_SHOWN");
	if (rc != DB_OK) {
		tmpl_show(s, "HEALTH_FAILED");
		return;
	}
	if (h.prescriptions[0]) {
		tmpl_dict *l = tmpl_add(s, "PRESCRIPTIONS");
		const char *q = h.prescriptions;
		while (*q) {
			const char *e = strchr(q, '\n');
			size_t n = e ? (size_t)(e - q) : strlen(q);
			tmpl_set(tmpl_add(l, "CODE"), "V", arena_strndup(a, q, n));
			q += n + (e ? 1 : 0);
		}
	}
	tmpl_set(s, "AMKA", h.amka[0] ? h.amka : p.amka);
	tmpl_set(s, "DETAILS", h.details);
	tmpl_set(s, "CONDITIONS", p.conditions);
	for (int i = 0; help_vulnerabilities[i]; i++) {
		size_t n = strlen(help_vulnerabilities[i]);
		for (const char *q = p.vulnerability; q && *q;) {
			if (strncmp(q, help_vulnerabilities[i], n) == 0 && (q[n] == ',' || q[n] == '\0'))
				tmpl_set(tmpl_add(s, "VULN"), "V", T(c, help_vulnerability_labels[i]));
			q = strchr(q, ',');
			q = q ? q + 1 : NULL;
		}
	}
	for (size_t i = 0; i < nn; i++) {
		tmpl_dict *r = tmpl_add(s, "NOTE");
		tmpl_set(r, "AT", admin_time(c, notes[i].at));
		tmpl_set(r, "AUTHOR", notes[i].author);
		tmpl_set(r, "BODY", notes[i].body);
	}
}

static void render(struct ctx *c, long long id, const struct db_res *cs, struct forms *f,
                   int status)
{
	struct arena *a = c->r->a;
	const char *type = db_str(cs, 0, HC_TYPE);
	const char *st = db_str(cs, 0, HC_STATUS);
	int open = help_status_open(st);
	struct form_data *bad = f->sfd.nerr || f->sfd.token_bad ? &f->sfd
	                      : f->afd.nerr || f->afd.token_bad ? &f->afd
	                      : f->efd.nerr || f->efd.token_bad ? &f->efd : NULL;
	const char *title = arena_printf(a, "%s %lld: %s", T(c, "help.case.title"), id,
	                                 label(c, help_types, help_type_labels, type));
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, bad ? form_title(c, bad, title) : title, "help/case.tpl", &top);
	if (status)
		c->res->status = status;
	static const char *const notices[] = {
		"created", "help.case.done_created", "again", "help.case.done_again",
		"status", "help.case.done_status", "assigned", "help.case.done_assigned",
		"edited", "help.case.done_edited", "linked", "help.case.done_linked",
		"pharmacy", "hph.done_queued", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "ID", arena_printf(a, "%lld", id));
	tmpl_set(d, "STATUS", label(c, help_statuses, help_status_labels, st));
	tmpl_set(d, "STATUS_V", st);
	tmpl_set(d, "URGENCY", label(c, help_urgencies, help_urgency_labels, db_str(cs, 0, HC_URGENCY)));
	if (strcmp(db_str(cs, 0, HC_URGENCY), "urgent") == 0)
		tmpl_show(d, "URGENT");
	tmpl_set(d, "CHANNEL", label(c, help_channels, help_channel_labels, db_str(cs, 0, HC_CHANNEL)));
	tmpl_set(d, "CREATED", admin_time(c, db_str(cs, 0, HC_CREATED)));
	tmpl_set(d, "WANTED", admin_time(c, db_str(cs, 0, HC_WANTED)));
	tmpl_set(d, "WANTED_ISO", page_date_iso(a, db_str(cs, 0, HC_WANTED)));
	if (db_ll(cs, 0, HC_OVERDUE))
		tmpl_show(d, "OVERDUE");
	const char *who = db_str(cs, 0, HC_ASSIGNEE_NAME);
	tmpl_set(d, "ASSIGNEE", who ? who : T(c, "help.case.nobody"));
	if (db_str(cs, 0, HC_ERRAND))
		tmpl_set(tmpl_add(d, "ERRAND"), "V",
		         label(c, help_errands, help_errand_labels, db_str(cs, 0, HC_ERRAND)));
	tmpl_set(d, "DETAILS", db_str(cs, 0, HC_DETAILS));
	if (db_str(cs, 0, HC_ANON))
		tmpl_show(d, "ANONYMISED");
	const char *caller = db_str(cs, 0, HC_CALLER);
	if (caller[0] || db_str(cs, 0, HC_CALLER_PHONE)[0]) {
		tmpl_dict *k = tmpl_add(d, "CALLER");
		tmpl_set(k, "NAME", caller);
		tmpl_set(k, "RELATION", db_str(cs, 0, HC_CALLER_REL));
		if (db_str(cs, 0, HC_CALLER_PHONE)[0]) {
			tmpl_dict *t = tmpl_add(k, "PHONE");
			tmpl_set(t, "V", help_phone_show(a, db_str(cs, 0, HC_CALLER_PHONE)));
			tmpl_set(t, "TEL", help_phone_tel(a, db_str(cs, 0, HC_CALLER_PHONE)));
		}
	}
	/* The resident, or the online request's contact to match. */
	if (db_str(cs, 0, HC_BEN) != NULL) {
		tmpl_dict *p = tmpl_add(d, "PERSON");
		tmpl_set(p, "NAME", arena_printf(a, "%s %s", db_str(cs, 0, HC_FIRST), db_str(cs, 0, HC_LAST)));
		tmpl_set(p, "URL", arena_printf(a, "%s/admin/help/people/%s", c->lp, db_str(cs, 0, HC_BEN)));
		tmpl_set(p, "PHONE", help_phone_show(a, db_str(cs, 0, HC_PHONE)));
		tmpl_set(p, "TEL", help_phone_tel(a, db_str(cs, 0, HC_PHONE)));
		tmpl_set(p, "ADDRESS", db_str(cs, 0, HC_ADDRESS));
		const char *area = db_str(cs, 0, HC_AREA_NAME);
		tmpl_set(p, "AREA", area ? area : "");
		tmpl_set(p, "HOUSEHOLD", db_str(cs, 0, HC_HOUSEHOLD));
	} else if (db_str(cs, 0, HC_W_PHONE) != NULL) {
		tmpl_dict *w = tmpl_add(d, "WEB");
		tmpl_set(w, "NAME", db_str(cs, 0, HC_W_NAME));
		tmpl_set(w, "PHONE", help_phone_show(a, db_str(cs, 0, HC_W_PHONE)));
		tmpl_set(w, "TEL", help_phone_tel(a, db_str(cs, 0, HC_W_PHONE)));
		tmpl_set(w, "ADDRESS", db_str(cs, 0, HC_W_ADDRESS));
		tmpl_set(w, "EMAIL", db_str(cs, 0, HC_W_EMAIL));
		struct db_res m;
		if (db_help_people_find(a, db_str(cs, 0, HC_W_PHONE), "", 10, &m) == DB_OK) {
			if (m.nrows == 0)
				tmpl_show(w, "NO_MATCH");
			for (size_t i = 0; i < m.nrows; i++) {
				tmpl_dict *r = tmpl_add(w, "MATCH");
				tmpl_set(r, "NAME", arena_printf(a, "%s %s", db_str(&m, i, HP_FIRST),
				                                 db_str(&m, i, HP_LAST)));
				tmpl_set(r, "ADDRESS", db_str(&m, i, HP_ADDRESS));
				form_set(&f->lfd, "ben", db_str(&m, i, HP_ID));
				form_fill(c, r, &f->lfd);
			}
		}
		tmpl_set(w, "NEW_URL", arena_printf(a, "%s/admin/help/people/new?case=%lld", c->lp, id));
	}
	/* The health part: shown on request, each showing audit-logged. */
	long long assignee = db_str(cs, 0, HC_ASSIGNEE) ? db_ll(cs, 0, HC_ASSIGNEE) : 0;
	if (help_health_may(c, type, assignee)) {
		const char *h = req_query(c->r, "health");
		if (h != NULL && strcmp(h, "1") == 0)
			show_health(c, d, id, cs);
		else
			tmpl_set(tmpl_add(d, "HEALTH_LINK"), "URL",
			         arena_printf(a, "%s/admin/help/cases/%lld?health=1#health", c->lp, id));
	} else
		tmpl_show(d, "HEALTH_NOT_YOURS");
	/* The pharmacists' association. */
	if (strcmp(type, "medicines") == 0) {
		tmpl_dict *ph = tmpl_add(d, "PHARMACY");
		const char *ps = db_str(cs, 0, HC_PHARMACY);
		tmpl_set(ph, "STATE", T(c, arena_printf(a, "help.pharmacy.%s", ps)));
		if (db_str(cs, 0, HC_PHARMACY_AT))
			tmpl_set(tmpl_add(ph, "AT"), "V", admin_time(c, db_str(cs, 0, HC_PHARMACY_AT)));
		if (strcmp(ps, "problem") == 0)
			tmpl_show(ph, "PROBLEM");
		if (open && help_health_all(c) && help_pharmacy_enabled(c->conf) &&
		    db_str(cs, 0, HC_BEN) != NULL &&
		    (strcmp(ps, "none") == 0 || strcmp(ps, "problem") == 0))
		{
			tmpl_dict *sd = tmpl_add(ph, "SEND");
			tmpl_set(sd, "ACTION", arena_printf(a, "%s/admin/help/cases/%lld/pharmacy", c->lp, id));
			tmpl_set(sd, "CSRF", c->staff->csrf);
		}
	}
	/* The desk's forms. */
	if (!db_str(cs, 0, HC_ANON)) {
		form_fill(c, tmpl_add(d, "STATUS_FORM"), &f->sfd);
		if (open && may(c, PERM_HELP_ASSIGN) && db_str(cs, 0, HC_BEN) != NULL) {
			tmpl_dict *as = tmpl_add(d, "ASSIGN_FORM");
			if (f->ncand == 0)
				tmpl_show(as, "NO_CANDIDATES");
			else
				form_fill(c, as, &f->afd);
		} else if (open && db_str(cs, 0, HC_BEN) == NULL)
			tmpl_show(d, "ASSIGN_LATER");
		if (open) {
			tmpl_dict *ed = tmpl_add(d, "EDIT_FORM");
			form_fill(c, ed, &f->efd);
			if (bad == &f->efd)
				tmpl_show(ed, "EDIT_OPEN");
		}
	}
	/* The history. */
	struct db_res ev;
	if (db_help_events(a, id, &ev) == DB_OK)
		for (size_t i = 0; i < ev.nrows; i++) {
			tmpl_dict *r = tmpl_add(d, "EVENT");
			const char *kind = db_str(&ev, i, HE_KIND);
			const char *s = db_str(&ev, i, HE_STATUS);
			tmpl_set(r, "AT", admin_time(c, db_str(&ev, i, HE_AT)));
			tmpl_set(r, "WHO", db_str(&ev, i, HE_USER)[0] ? db_str(&ev, i, HE_USER)
			                                                : T(c, "help.case.system"));
			tmpl_set(r, "KIND", T(c, arena_printf(a, "help.event.%s", kind)));
			if (strcmp(kind, "status") == 0 || strcmp(kind, "created") == 0)
				tmpl_set(r, "WHAT", label(c, help_statuses, help_status_labels, s));
			else if (strcmp(kind, "pharmacy") == 0)
				tmpl_set(r, "WHAT", T(c, arena_printf(a, "help.pharmacy.%s", s)));
			else if (strcmp(kind, "assigned") == 0 || strcmp(kind, "notified") == 0)
				tmpl_set(r, "WHAT", db_str(&ev, i, HE_ASSIGNEE));
			tmpl_set(r, "NOTE", db_str(&ev, i, HE_NOTE));
		}
	admin_render(c, top);
}

/* The case of the path into *cs; 0 after answering 404 / 503. */
static int load(struct ctx *c, long long *id, struct db_res *cs)
{
	if (!valid_int(c->r->cap[0], 1, 4294967295LL, id)) {
		page_error(c, 404, "help.err.no_case");
		return 0;
	}
	int rc = db_help_case(c->r->a, *id, cs);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (cs->nrows == 0) {
		page_error(c, 404, "help.err.no_case");
		return 0;
	}
	return 1;
}

void help_case_page(struct ctx *c)
{
	long long id;
	struct db_res cs;
	if (!load(c, &id, &cs))
		return;
	struct forms f;
	int rc = build(c, id, &cs, &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	fresh_forms(c, &cs, &f);
	render(c, id, &cs, &f, 0);
}

/* Show the page again with form fd in error (the others fresh). */
static void again(struct ctx *c, long long id, const struct db_res *cs, struct forms *f,
                  struct form_data *fd)
{
	struct form_data keep = *fd;
	fresh_forms(c, cs, f);
	*fd = keep;
	render(c, id, cs, f, form_status(fd));
}

/* The case of a POST and its forms: 1, or 0 after answering (404, 503). */
static int load_forms(struct ctx *c, long long *id, struct db_res *cs, struct forms *f)
{
	if (!load(c, id, cs))
		return 0;
	int rc = build(c, *id, cs, f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	return 1;
}

/* 303 to the case's page, saying what was done. */
static void to_case(struct ctx *c, long long id, const char *done)
{
	admin_redirect(c, arena_printf(c->r->a, "/admin/help/cases/%lld?done=%s", id, done));
}

/* Open a transaction and lock the case into *lk. */
static int begin_locked(struct arena *a, long long id, struct db_res *lk)
{
	int rc = db_begin();
	return rc == DB_OK ? db_help_case_lock(a, id, lk) : rc;
}

/* A change's history row and its audit row (action, summary), in the
 * open transaction. */
static int log_change(struct ctx *c, long long id, const char *kind, const char *status,
                      long long assignee, const char *note, const char *action,
                      const char *summary)
{
	int rc = db_help_event(c->r->a, id, c->staff->id, kind, status, assignee, note);
	return rc == DB_OK ? audit_staff(c, action, "help_case",
	                                 arena_printf(c->r->a, "%lld", id), summary)
	                   : rc;
}

/* Commit what the caller wrote, then to the case's page. */
static void finish(struct ctx *c, long long id, int rc, const char *done)
{
	admin_commit(c, rc, arena_printf(c->r->a, "/admin/help/cases/%lld?done=%s", id, done));
}

void help_case_status(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res cs;
	struct forms f;
	if (!load_forms(c, &id, &cs, &f))
		return;
	/* The same form twice (a double click): already done, nothing new. */
	const char *sent = req_form(c->r, "status");
	if (sent != NULL && strcmp(sent, db_str(&cs, 0, HC_STATUS)) == 0) {
		to_case(c, id, "status");
		return;
	}
	form_parse(c, &f.status, &f.sfd);
	const char *to = form_value(&f.sfd, "status")->s;
	const char *note = form_value(&f.sfd, "note")->raw;
	if (to != NULL && (strcmp(to, "cancelled") == 0 || strcmp(to, "unreachable") == 0) &&
	    note[0] == '\0')
		form_error(&f.sfd, "note", "help.err.note_needed");
	if (f.sfd.nerr || f.sfd.token_bad) {
		again(c, id, &cs, &f, &f.sfd);
		return;
	}
	struct db_res lk;
	int rc = begin_locked(a, id, &lk);
	if (rc == DB_OK && lk.nrows == 1 &&
	    !help_status_next(db_str(&lk, 0, HC_STATUS), to)) {
		/* Someone changed it meanwhile (or the same form twice). */
		db_rollback();
		to_case(c, id, "status");
		return;
	}
	if (rc == DB_OK)
		rc = db_help_case_status(a, id, to);
	if (rc == DB_OK)
		rc = log_change(c, id, "status", to, 0, note, "help_case_status",
		                arena_printf(a, "%s -> %s", db_str(&cs, 0, HC_STATUS), to));
	finish(c, id, rc, "status");
}

void help_case_assign(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res cs;
	struct forms f;
	if (!load_forms(c, &id, &cs, &f))
		return;
	form_parse(c, &f.assign, &f.afd);
	long long who = 0;
	const char *v = form_value(&f.afd, "assignee")->s;
	if (v != NULL)
		valid_int(v, 1, 4294967295LL, &who);
	if (!help_status_open(db_str(&cs, 0, HC_STATUS)) || db_str(&cs, 0, HC_BEN) == NULL) {
		page_error(c, 409, "help.err.not_assignable");
		return;
	}
	if (f.afd.nerr || f.afd.token_bad) {
		again(c, id, &cs, &f, &f.afd);
		return;
	}
	int ok = help_assignable(a, who, db_str(&cs, 0, HC_TYPE));
	if (ok < 0) {
		page_db_error(c, ok);
		return;
	}
	if (!ok) {
		form_error(&f.afd, "assignee", "help.err.assignee");
		again(c, id, &cs, &f, &f.afd);
		return;
	}
	struct db_res lk;
	int rc = begin_locked(a, id, &lk);
	if (rc == DB_OK && lk.nrows == 1 && db_str(&lk, 0, HC_ASSIGNEE) != NULL &&
	    db_ll(&lk, 0, HC_ASSIGNEE) == who) {
		db_rollback(); /* already theirs: the same form twice */
		to_case(c, id, "assigned");
		return;
	}
	if (rc == DB_OK)
		rc = db_help_case_assign(a, id, who);
	if (rc == DB_OK)
		rc = log_change(c, id, "assigned", "assigned", who, form_value(&f.afd, "note")->raw,
		                "help_case_assign", arena_printf(a, "to user %lld", who));
	if (rc == DB_OK)
		rc = help_notify_assigned(c, id, who, db_str(&cs, 0, HC_TYPE), db_str(&cs, 0, HC_WANTED));
	finish(c, id, rc, "assigned");
}

void help_case_edit(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res cs;
	struct forms f;
	if (!load_forms(c, &id, &cs, &f))
		return;
	form_parse(c, &f.edit, &f.efd);
	if (!help_status_open(db_str(&cs, 0, HC_STATUS))) {
		page_error(c, 409, "help.err.closed");
		return;
	}
	if (f.efd.nerr || f.efd.token_bad) {
		again(c, id, &cs, &f, &f.efd);
		return;
	}
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_help_case_edit(a, id, form_value(&f.efd, "details")->raw,
		                       form_value(&f.efd, "urgency")->s,
		                       form_value(&f.efd, "wanted_by")->s);
	if (rc == DB_OK)
		rc = log_change(c, id, "note", "", 0, T(c, "help.case.edited_note"),
		                "help_case_edit", "details, urgency, wanted-by");
	finish(c, id, rc, "edited");
}

void help_case_link(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res cs;
	struct forms f;
	if (!load_forms(c, &id, &cs, &f))
		return;
	form_parse(c, &f.link, &f.lfd);
	long long ben = 0;
	const char *v = form_value(&f.lfd, "ben")->raw;
	if (f.lfd.token_bad || !valid_int(v, 1, 4294967295LL, &ben)) {
		page_error(c, 400, "help.err.bad_link");
		return;
	}
	if (db_str(&cs, 0, HC_BEN) != NULL) {
		to_case(c, id, "linked");
		return;
	}
	struct db_res p;
	int rc = db_help_person(a, ben, &p);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (p.nrows == 0 || db_str(&p, 0, HP_ANON) != NULL) {
		page_error(c, 404, "help.err.no_person");
		return;
	}
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_help_case_link(a, id, ben);
	if (rc == DB_OK)
		rc = log_change(c, id, "linked", "", 0, "", "help_case_link",
		                arena_printf(a, "resident %lld", ben));
	finish(c, id, rc, "linked");
}
