/*
 * tasks.c - the work of a volunteer or professional (PERM_HELP_TASKS):
 * their own tasks and nothing else.  A volunteer sees a task only while
 * it is open and only what the errand needs: the resident's first name,
 * address and village, phone, the list or errand, the wanted-by time and,
 * for medicines, whether the pharmacy has them ready.  A professional
 * (doctor, psychologist) sees their own cases, closed ones too (the
 * history), with the health part (help/health.c: every view audit-logged)
 * and adds notes to it.  Either moves the task along: started, done,
 * could not reach, or back to the desk, each with a note.
 *
 * The link in a task's message carries ?k=, a signature of the case and
 * the user it was sent to (help_task_sig): for anyone else it is a 404,
 * so a forwarded message shows nothing.
 *
 * Touches help_cases, help_case_events (db_help.c), the health tables
 * through health.c, audit_log.
 */
#include "help/tasks.h"

#include <string.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "help/db_help.h"
#include "help/health.h"
#include "help/help.h"
#include "http/form.h"
#include "http/perm.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define TASKS 100

static int professional(const struct ctx *c)
{
	return c->staff != NULL && (c->staff->roles & PERM_BIT(ROLE_PROFESSIONAL));
}

void help_tasks(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int pro = professional(c);
	int rc = db_help_tasks(a, c->staff->id, pro, TASKS, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "help.nav_tasks"), "help/tasks.tpl", &top);
	static const char *const notices[] = { "closed", "help.task.done_closed",
		"status", "help.task.done_status", "back", "help.task.done_back", NULL };
	admin_notice(c, d, notices);
	size_t open = 0, closed = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		int is_open = help_status_open(db_str(&res, i, HC_STATUS));
		tmpl_dict *r = tmpl_add(d, is_open ? "OPEN_TASK" : "CLOSED_TASK");
		is_open ? open++ : closed++;
		tmpl_set(r, "URL", arena_printf(a, "%s/admin/help/tasks/%s", c->lp, db_str(&res, i, HC_ID)));
		tmpl_set(r, "ID", db_str(&res, i, HC_ID));
		tmpl_set(r, "TYPE", T(c, help_label(help_types, help_type_labels, db_str(&res, i, HC_TYPE))));
		tmpl_set(r, "STATUS", T(c, help_label(help_statuses, help_status_labels,
		                                      db_str(&res, i, HC_STATUS))));
		tmpl_set(r, "WANTED", admin_time(c, db_str(&res, i, HC_WANTED)));
		tmpl_set(r, "WANTED_ISO", page_date_iso(a, db_str(&res, i, HC_WANTED)));
		const char *an = db_str(&res, i, HC_AREA_NAME);
		tmpl_set(r, "AREA", an ? an : "");
		if (is_open && db_ll(&res, i, HC_OVERDUE))
			tmpl_show(r, "OVERDUE");
		if (strcmp(db_str(&res, i, HC_URGENCY), "urgent") == 0)
			tmpl_show(r, "URGENT");
	}
	if (open == 0)
		tmpl_show(d, "NO_OPEN");
	if (pro)
		tmpl_show(d, closed ? "HISTORY" : "NO_HISTORY");
	admin_render(c, top);
}

/* The form of a task: what its assignee may do from its status. */
struct task_form {
	struct form f;
	struct fdef t[3];
	struct form_data fd;
};

static void build(struct ctx *c, long long id, const char *status, int pro, struct task_form *tf)
{
	struct arena *a = c->r->a;
	static const char *const mine[] = { "in_progress", "done", "unreachable", "new", NULL };
	const char **v = arena_calloc(a, 5 * sizeof(*v));
	const char **l = arena_calloc(a, 5 * sizeof(*l));
	size_t k = 0;
	for (int i = 0; mine[i]; i++)
		if (help_status_next(status, mine[i])) {
			v[k] = mine[i];
			l[k++] = strcmp(mine[i], "new") == 0 ? "help.task.back"
			       : help_status_labels[help_index(help_statuses, mine[i])];
		}
	size_t n = 0;
	tf->t[n++] = (struct fdef){ .name = "status", .kind = F_CHOICE, .label = "help.task.f_status",
	                            .err = "help.err.choice", .choices = v, .choice_labels = l };
	tf->t[n++] = (struct fdef){ .name = "note", .kind = F_TEXTAREA, .max = 2000, .rows = 3,
	                            .label = "help.case.f_note", .hint = "help.task.h_note",
	                            .err = "help.err.long" };
	if (pro)
		tf->t[n++] = (struct fdef){ .name = "health_note", .kind = F_TEXTAREA, .max = 4000,
		                            .rows = 4, .label = "help.task.f_health_note",
		                            .hint = "help.task.h_health_note", .err = "help.err.long" };
	tf->f = (struct form){ .id = "help-task", .action = arena_printf(a, "/admin/help/tasks/%lld", id),
	                       .submit = "help.task.submit", .level = 2, .fields = tf->t, .n = n };
}

/* The task of the path when it is c's user's to see: 1 with *cs, or 0
 * after answering 404 (not theirs, closed for a volunteer, a link
 * signed for someone else) or 503. */
static int load(struct ctx *c, long long *id, struct db_res *cs)
{
	if (!valid_int(c->r->cap[0], 1, 4294967295LL, id)) {
		page_error(c, 404, "help.err.no_task");
		return 0;
	}
	const char *k = req_query(c->r, "k");
	if (k != NULL && !help_task_sig_ok((unsigned long long)*id,
	                                   (unsigned long long)c->staff->id, k)) {
		page_error(c, 404, "help.err.no_task");
		return 0;
	}
	int rc = db_help_case(c->r->a, *id, cs);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (cs->nrows == 0 || db_str(cs, 0, HC_ASSIGNEE) == NULL ||
	    db_ll(cs, 0, HC_ASSIGNEE) != c->staff->id || db_str(cs, 0, HC_ANON) != NULL) {
		page_error(c, 404, "help.err.no_task");
		return 0;
	}
	if (!help_status_open(db_str(cs, 0, HC_STATUS)) && !professional(c)) {
		page_error(c, 404, "help.err.task_closed");
		return 0;
	}
	return 1;
}

static void render(struct ctx *c, long long id, const struct db_res *cs, struct task_form *tf,
                   int status)
{
	struct arena *a = c->r->a;
	int pro = professional(c);
	const char *type = db_str(cs, 0, HC_TYPE);
	const char *title = arena_printf(a, "%s %lld: %s", T(c, "help.task.title"), id,
	                                 T(c, help_label(help_types, help_type_labels, type)));
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, &tf->fd, title), "help/task.tpl", &top);
	if (status)
		c->res->status = status;
	static const char *const notices[] = { "status", "help.task.done_status", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "STATUS", T(c, help_label(help_statuses, help_status_labels,
	                                      db_str(cs, 0, HC_STATUS))));
	tmpl_set(d, "WANTED", admin_time(c, db_str(cs, 0, HC_WANTED)));
	tmpl_set(d, "WANTED_ISO", page_date_iso(a, db_str(cs, 0, HC_WANTED)));
	if (db_ll(cs, 0, HC_OVERDUE))
		tmpl_show(d, "OVERDUE");
	/* Only what the errand needs: a first name, where, how to call. */
	tmpl_set(d, "NAME", pro ? arena_printf(a, "%s %s", db_str(cs, 0, HC_FIRST), db_str(cs, 0, HC_LAST))
	                        : db_str(cs, 0, HC_FIRST));
	tmpl_set(d, "ADDRESS", db_str(cs, 0, HC_ADDRESS));
	const char *an = db_str(cs, 0, HC_AREA_NAME);
	tmpl_set(d, "AREA", an ? an : "");
	tmpl_set(d, "PHONE", help_phone_show(a, db_str(cs, 0, HC_PHONE)));
	tmpl_set(d, "TEL", help_phone_tel(a, db_str(cs, 0, HC_PHONE)));
	tmpl_set(d, "DETAILS", db_str(cs, 0, HC_DETAILS));
	if (db_str(cs, 0, HC_ERRAND))
		tmpl_set(tmpl_add(d, "ERRAND"), "V",
		         T(c, help_label(help_errands, help_errand_labels, db_str(cs, 0, HC_ERRAND))));
	if (strcmp(type, "medicines") == 0)
		tmpl_set(tmpl_add(d, "PHARMACY"), "STATE",
		         T(c, arena_printf(a, "help.pharmacy.%s", db_str(cs, 0, HC_PHARMACY))));
	if (pro && help_health_may(c, type, db_ll(cs, 0, HC_ASSIGNEE))) {
		struct help_case_health h;
		struct help_health_note *notes;
		size_t nn = 0;
		int rc = help_health_case_read(c, id, "professional's case", &h);
		if (rc == DB_OK)
			rc = help_health_notes_read(c, id, "professional's case", &notes, &nn);
		tmpl_dict *s = tmpl_add(d, "HEALTH");
		if (rc != DB_OK)
			tmpl_show(s, "FAILED");
		else {
			tmpl_set(s, "DETAILS", h.details);
			for (size_t i = 0; i < nn; i++) {
				tmpl_dict *r = tmpl_add(s, "NOTE");
				tmpl_set(r, "AT", admin_time(c, notes[i].at));
				tmpl_set(r, "AUTHOR", notes[i].author);
				tmpl_set(r, "BODY", notes[i].body);
			}
		}
		struct db_res ev;
		tmpl_dict *hs = tmpl_add(d, "HISTORY");
		if (db_help_events(a, id, &ev) == DB_OK)
			for (size_t i = 0; i < ev.nrows; i++) {
				tmpl_dict *r = tmpl_add(hs, "EVENT");
				tmpl_set(r, "AT", admin_time(c, db_str(&ev, i, HE_AT)));
				tmpl_set(r, "KIND", T(c, arena_printf(a, "help.event.%s", db_str(&ev, i, HE_KIND))));
				tmpl_set(r, "NOTE", db_str(&ev, i, HE_NOTE));
			}
	}
	if (tf->f.n && (help_status_open(db_str(cs, 0, HC_STATUS)) || pro))
		form_fill(c, tmpl_add(d, "WORK"), &tf->fd);
	admin_render(c, top);
}

void help_task(struct ctx *c)
{
	long long id;
	struct db_res cs;
	if (!load(c, &id, &cs))
		return;
	struct task_form tf;
	build(c, id, db_str(&cs, 0, HC_STATUS), professional(c), &tf);
	form_new(c, &tf.f, &tf.fd);
	render(c, id, &cs, &tf, 0);
}

void help_task_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res cs;
	if (!load(c, &id, &cs))
		return;
	int pro = professional(c);
	struct task_form tf;
	build(c, id, db_str(&cs, 0, HC_STATUS), pro, &tf);
	form_parse(c, &tf.f, &tf.fd);
	const char *to = form_value(&tf.fd, "status")->s;
	const char *note = form_value(&tf.fd, "note")->raw;
	const struct fval *hn = pro ? form_value(&tf.fd, "health_note") : NULL;
	const char *health = hn ? hn->raw : "";
	if (to == NULL && health[0] == '\0' && note[0] == '\0')
		form_error(&tf.fd, "status", "help.err.task_nothing");
	if (to != NULL && (strcmp(to, "unreachable") == 0 || strcmp(to, "new") == 0) && !note[0])
		form_error(&tf.fd, "note", "help.err.note_needed");
	if (!help_status_open(db_str(&cs, 0, HC_STATUS)) && to != NULL)
		form_error(&tf.fd, "status", "help.err.closed");
	if (tf.fd.nerr || tf.fd.token_bad) {
		render(c, id, &cs, &tf, form_status(&tf.fd));
		return;
	}
	int rc = db_begin();
	struct db_res lk;
	if (rc == DB_OK)
		rc = db_help_case_lock(a, id, &lk);
	int moved = 0;
	if (rc == DB_OK && to != NULL) {
		if (lk.nrows == 0 || db_str(&lk, 0, HC_ASSIGNEE) == NULL ||
		    db_ll(&lk, 0, HC_ASSIGNEE) != c->staff->id ||
		    !help_status_next(db_str(&lk, 0, HC_STATUS), to)) {
			/* Changed meanwhile: the same form twice, or the desk. */
			db_rollback();
			admin_redirect(c, "/admin/help/tasks?done=status");
			return;
		}
		rc = db_help_case_status(a, id, to);
		if (rc == DB_OK)
			rc = db_help_event(a, id, c->staff->id, "status", to, 0, note);
		moved = 1;
	} else if (rc == DB_OK && note[0])
		rc = db_help_event(a, id, c->staff->id, "note", "", 0, note);
	if (rc == DB_OK && health[0])
		rc = help_health_note_add(c, id, health);
	if (rc == DB_OK && moved)
		rc = audit_staff(c, "help_task_status", "help_case", arena_printf(a, "%lld", id),
		                 arena_printf(a, "%s -> %s", db_str(&lk, 0, HC_STATUS), to));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (moved && strcmp(to, "new") == 0)
		admin_redirect(c, "/admin/help/tasks?done=back");
	else if (moved && !help_status_open(to))
		admin_redirect(c, "/admin/help/tasks?done=closed");
	else
		admin_redirect(c, arena_printf(a, "/admin/help/tasks/%lld?done=status", id));
}
