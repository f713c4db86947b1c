/*
 * users.c - the users admin (users.h).
 *
 * The forms are declared (http/form.h); their tables are built per request
 * because the department field's choices are the departments' rows and the
 * role checkboxes come from perm.h's role list.  A change is decided inside
 * its transaction on rows it has locked: the active admins' first (the
 * guard of the last one), then the user's, always in that order, so two
 * changes wait for each other instead of deadlocking or both passing.
 */
#include "admin/users.h"

#include <sodium.h>
#include <string.h>

#include "admin/audit.h"
#include "admin/db_auth.h"
#include "admin/db_users.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/password.h"
#include "core/text.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "view/layout.h"

#define PAGE_ROWS 50
#define NONE "—" /* an empty value, in lists and in the audit log */

/* ---- pieces -------------------------------------------------------------- */

/* The departments, as the department field's choices. */
struct depts {
	struct db_res res;
	const char **ids;   /* NULL-terminated */
	const char **names; /* in the request's language, same order */
};

static int load_depts(struct ctx *c, struct depts *d)
{
	struct arena *a = c->r->a;
	int rc = db_user_departments(a, &d->res);
	if (rc != DB_OK)
		return rc;
	size_t n = d->res.nrows;
	d->ids = arena_alloc(a, (n + 1) * sizeof(*d->ids));
	d->names = arena_alloc(a, (n + 1) * sizeof(*d->names));
	for (size_t i = 0; i < n; i++) {
		d->ids[i] = db_str(&d->res, i, DC_ID);
		d->names[i] = page_pick(c, db_str(&d->res, i, DC_NAME),
		                        db_str(&d->res, i, DC_NAME_EN), NULL);
	}
	d->ids[n] = d->names[n] = NULL;
	return DB_OK;
}

/* The (Greek) name of department id for the audit log, or NONE. */
static const char *dept_name(const struct depts *d, const char *id)
{
	for (size_t i = 0; id != NULL && i < d->res.nrows; i++)
		if (strcmp(d->ids[i], id) == 0)
			return db_str(&d->res, i, DC_NAME);
	return NONE;
}

static const char *role_field(struct arena *a, int r)
{
	return arena_printf(a, "role_%s", role_name((enum role)r));
}

/* "editor,moderator" (perm.h's order), or NONE. */
static const char *roles_text(struct arena *a, perm_set roles)
{
	const char *s = "";
	for (int r = 0; r < ROLE__MAX; r++)
		if (roles & PERM_BIT(r))
			s = arena_printf(a, "%s%s%s", s, *s ? "," : "", role_name((enum role)r));
	return *s ? s : NONE;
}

static const char *or_none(const char *s)
{
	return s != NULL && *s ? s : NONE;
}

static const char *yes_no(struct ctx *c, int yes)
{
	return T(c, yes ? "adm.users.yes" : "adm.users.no");
}

/* "a; b": part added to a summary being built. */
static const char *join(struct arena *a, const char *sum, const char *part)
{
	return *sum ? arena_printf(a, "%s; %s", sum, part) : part;
}

static int same(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

/* 2 to 64 of [a-z0-9._-], as agora-admin and the login form accept. */
static int username_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '.' || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* The id of the page's user (route capture 0), or 0. */
static long long target_id(struct ctx *c)
{
	long long id;
	return c->r->cap[0] != NULL && valid_int(c->r->cap[0], 1, 4294967295LL, &id)
	       ? id : 0;
}

/* The page's user into *res: 1, or 0 when answered (404, database). */
static int load_user(struct ctx *c, long long *id, struct db_res *res)
{
	*id = target_id(c);
	int rc = *id ? db_user_get(c->r->a, *id, res) : DB_OK;
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return 0;
	}
	if (*id == 0 || res->nrows != 1) {
		page_error(c, 404, NULL);
		return 0;
	}
	return 1;
}

/* ---- the user form --------------------------------------------------------- */

/* The form of a new user (id 0) or of user id. */
static void build_form(struct ctx *c, struct form *f, const struct depts *d,
                       long long id)
{
	struct arena *a = c->r->a;
	struct fdef *x = arena_calloc(a, (6 + ROLE__MAX) * sizeof(*x));
	size_t n = 0;
	if (id == 0)
		x[n++] = (struct fdef){ .name = "username", .kind = F_TEXT,
		    .flags = F_REQUIRED, .min = 2, .max = 64,
		    .label = "adm.users.f_username", .hint = "adm.users.username_hint",
		    .err = "adm.users.err_username",
		    .err_missing = "adm.users.err_username_missing",
		    .autocomplete = "off" };
	x[n++] = (struct fdef){ .name = "display_name", .kind = F_TEXT,
	    .flags = F_REQUIRED, .max = 200, .label = "adm.users.f_display",
	    .err = "adm.users.err_display", .autocomplete = "off" };
	x[n++] = (struct fdef){ .name = "email", .kind = F_EMAIL, .max = 254,
	    .label = "adm.users.f_email", .hint = "adm.users.email_hint",
	    .err = "adm.users.err_email", .autocomplete = "off" };
	for (int r = 0; r < ROLE__MAX; r++)
		x[n++] = (struct fdef){ .name = role_field(a, r), .kind = F_CHECKBOX,
		    .label = role_label((enum role)r),
		    .hint = r == 0 ? "adm.users.roles_hint" : NULL,
		    .err = "adm.users.err_box" };
	x[n++] = (struct fdef){ .name = "department", .kind = F_CHOICE,
	    .label = "adm.users.f_department", .hint = "adm.users.department_hint",
	    .err = "adm.users.err_department", .choices = d->ids,
	    .choice_text = d->names };
	if (id != 0) {
		x[n++] = (struct fdef){ .name = "active", .kind = F_CHECKBOX,
		    .label = "adm.users.f_active", .hint = "adm.users.active_hint",
		    .err = "adm.users.err_box" };
		/* "disable" once the disabling was confirmed. */
		x[n++] = (struct fdef){ .name = "confirm", .kind = F_HIDDEN, .max = 10,
		    .err = "adm.users.err_box" };
	}
	*f = (struct form){
		.id = id ? "user_edit" : "user_new",
		.action = id ? arena_printf(a, "/admin/users/%lld", id) : "/admin/users/new",
		.submit = id ? "adm.users.save" : "adm.users.create",
		.fields = x, .n = n,
	};
}

static struct fval *fv(struct form_data *fd, const char *name)
{
	for (size_t i = 0; i < fd->f->n; i++)
		if (strcmp(fd->f->fields[i].name, name) == 0)
			return &fd->v[i];
	return NULL;
}

/* A field's error, unless it has one already. */
static void field_err(struct form_data *fd, const char *name, const char *key)
{
	struct fval *v = fv(fd, name);
	if (v != NULL && v->err == NULL) {
		v->err = key;
		fd->nerr++;
	}
}

static perm_set form_roles(struct ctx *c, struct form_data *fd)
{
	perm_set roles = 0;
	for (int r = 0; r < ROLE__MAX; r++)
		if (fv(fd, role_field(c->r->a, r))->i)
			roles |= PERM_BIT(r);
	return roles;
}

/* The rules of a user's roles and department, and what nobody may do to
 * themselves (user id; 0 for a new user). */
static void check_rules(struct ctx *c, struct form_data *fd, perm_set roles,
                        long long id)
{
	if (roles == 0)
		field_err(fd, "role_admin", "adm.users.err_roles");
	if ((roles & PERM_BIT(ROLE_DEPARTMENT)) && fv(fd, "department")->s == NULL)
		field_err(fd, "department", "adm.users.err_dept_needed");
	if (id != 0 && id == c->staff->id) {
		if (roles != 0 && !(roles & PERM_BIT(ROLE_ADMIN)))
			field_err(fd, "role_admin", "adm.users.err_self_admin");
		if (!fv(fd, "active")->i)
			field_err(fd, "active", "adm.users.err_self_disable");
	}
}

/* The edit form filled from the user's row. */
static void prefill(struct ctx *c, struct form_data *fd, const struct db_res *u)
{
	const char *v;
	fv(fd, "display_name")->raw = (v = db_str(u, 0, UC_DISPLAY)) ? v : "";
	fv(fd, "email")->raw = (v = db_str(u, 0, UC_EMAIL)) ? v : "";
	perm_set roles = session_roles(db_str(u, 0, UC_ROLES));
	for (int r = 0; r < ROLE__MAX; r++)
		fv(fd, role_field(c->r->a, r))->raw = roles & PERM_BIT(r) ? "1" : "";
	fv(fd, "department")->raw = (v = db_str(u, 0, UC_DEPT_ID)) ? v : "";
	fv(fd, "active")->raw = db_ll(u, 0, UC_ACTIVE) ? "1" : "";
}

/* ---- the list ---------------------------------------------------------------- */

static const char *query_text(struct ctx *c, const char *name, size_t max)
{
	const char *v = req_query(c->r, name);
	if (v == NULL)
		return "";
	v = text_trim(c->r->a, v);
	return valid_text(v, 0, max, 0) ? v : NULL;
}

void users_list(struct ctx *c)
{
	struct arena *a = c->r->a;
	const char *role = query_text(c, "role", 20);
	const char *q = query_text(c, "q", 64);
	const char *after = query_text(c, "after", 64);
	if (role == NULL || q == NULL || after == NULL ||
	    (*role && role_parse(role) < 0)) {
		page_error(c, 400, "adm.users.err_filter");
		return;
	}
	struct db_res res;
	int rc = db_users_list(a, role, q, after, PAGE_ROWS + 1, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.users.title"), "admin/users.tpl", &top);
	tmpl_set(d, "F_Q", q);
	for (int r = 0; r < ROLE__MAX; r++) {
		tmpl_dict *o = tmpl_add(d, "ROLE_OPT");
		tmpl_set(o, "V", role_name((enum role)r));
		tmpl_set(o, "LABEL", T(c, role_label((enum role)r)));
		if (strcmp(role, role_name((enum role)r)) == 0)
			tmpl_show(o, "SELECTED");
	}
	size_t n = res.nrows > PAGE_ROWS ? PAGE_ROWS : res.nrows;
	if (n == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < n; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			tmpl_set(r, "URL", arena_printf(a, "%s/admin/users/%s", c->lp,
			                                db_str(&res, i, UC_ID)));
			tmpl_set(r, "NAME", db_str(&res, i, UC_NAME));
			tmpl_set(r, "DISPLAY", db_str(&res, i, UC_DISPLAY));
			perm_set roles = session_roles(db_str(&res, i, UC_ROLES));
			for (int k = 0; k < ROLE__MAX; k++)
				if (roles & PERM_BIT(k))
					tmpl_set(tmpl_add(r, "ROLE"), "LABEL",
					         T(c, role_label((enum role)k)));
			tmpl_set(r, "DEPT", or_none(page_pick(c, db_str(&res, i, UC_DEPT),
			                                      db_str(&res, i, UC_DEPT_EN), NULL)));
			int active = db_ll(&res, i, UC_ACTIVE) == 1;
			tmpl_set(r, "ACTIVE", yes_no(c, active));
			if (!active)
				tmpl_show(r, "INACTIVE");
			tmpl_set(r, "TOTP", yes_no(c, db_ll(&res, i, UC_TOTP) != 0));
			const char *last = db_str(&res, i, UC_LAST);
			tmpl_set(r, "LAST", last ? admin_time(c, last) : NONE);
		}
	}
	/* The filters as a query string: "role=editor&q=ann" or "". */
	const char *fq = *role ? arena_printf(a, "role=%s", role) : "";
	if (*q)
		fq = arena_printf(a, "%s%sq=%s", fq, *fq ? "&" : "", text_percent_encode(a, q));
	if (res.nrows > PAGE_ROWS)
		tmpl_set(tmpl_add(d, "NEXT"), "URL",
		         arena_printf(a, "%s/admin/users?%s%safter=%s", c->lp, fq,
		                      *fq ? "&" : "",
		                      text_percent_encode(a, db_str(&res, PAGE_ROWS - 1,
		                                                    UC_NAME))));
	if (*after)
		tmpl_set(tmpl_add(d, "FIRST"), "URL",
		         arena_printf(a, "%s/admin/users%s%s", c->lp, *fq ? "?" : "", fq));
	admin_render(c, top);
}

/* ---- a new user ------------------------------------------------------------ */

static void render_new(struct ctx *c, const struct form_data *fd)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "adm.users.new_title")),
	                           "admin/users_new.tpl", &top);
	form_fill(c, d, fd);
	admin_render(c, top);
}

/* The page that shows a generated password, once. */
static void show_password(struct ctx *c, long long id, const char *username,
                          char pw[21], int created)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, created ? "adm.users.created_title"
	                                           : "adm.users.pw_done_title"),
	                           "admin/users_password.tpl", &top);
	tmpl_show(d, created ? "CREATED" : "RESET");
	tmpl_set(d, "USERNAME", username);
	tmpl_set(d, "PASSWORD", pw);
	tmpl_set(d, "USER_URL", arena_printf(c->r->a, "%s/admin/users/%lld", c->lp, id));
	admin_render(c, top);
	sodium_memzero(pw, 21);
}

void users_new_page(struct ctx *c)
{
	struct depts dp;
	int rc = load_depts(c, &dp);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form f;
	struct form_data fd;
	build_form(c, &f, &dp, 0);
	form_new(c, &f, &fd);
	render_new(c, &fd);
}

/* The form was sent before: to the user it made (no new password). */
static void replayed(struct ctx *c, long long id)
{
	admin_redirect(c, arena_printf(c->r->a, "/admin/users/%lld?done=replay", id));
}

void users_new_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct depts dp;
	int rc = load_depts(c, &dp);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form f;
	struct form_data fd;
	build_form(c, &f, &dp, 0);
	form_parse(c, &f, &fd);
	const char *name = fv(&fd, "username")->s;
	if (name != NULL && !username_ok(name))
		field_err(&fd, "username", "adm.users.err_username");
	perm_set roles = form_roles(c, &fd);
	check_rules(c, &fd, roles, 0);
	if (fd.nerr > 0 || fd.token_bad) {
		c->res->status = 422;
		render_new(c, &fd);
		return;
	}
	long long id = 0;
	if ((rc = db_user_by_token(a, fd.token, &id)) != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (id != 0) {
		replayed(c, id);
		return;
	}
	const char *display = fv(&fd, "display_name")->s;
	const char *email = fv(&fd, "email")->s;
	const char *dept = fv(&fd, "department")->s;
	char pw[21];
	password_random(pw);
	const char *hash = password_hash(a, pw);
	if (hash == NULL) {
		sodium_memzero(pw, sizeof(pw));
		page_error(c, 503, "adm.login.err_busy");
		return;
	}
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_user_insert(a, name, display, email ? email : "", hash, dept,
		                    fd.token, &id);
	for (int r = 0; rc == DB_OK && r < ROLE__MAX; r++)
		if (roles & PERM_BIT(r))
			rc = db_user_role_add(a, id, role_name((enum role)r));
	if (rc == DB_OK)
		rc = audit_staff(c, "user_create", "user", name,
		                 arena_printf(a, "created: display name «%s»; e-mail %s;"
		                              " roles %s; department %s; password generated,"
		                              " to be changed at the first sign-in",
		                              display, or_none(email), roles_text(a, roles),
		                              dept_name(&dp, dept)));
	rc = db_end(rc);
	if (rc == DB_DUP) {
		/* The username, or this form's token, is taken. */
		if ((rc = db_user_by_token(a, fd.token, &id)) == DB_OK && id != 0) {
			sodium_memzero(pw, sizeof(pw));
			replayed(c, id);
			return;
		}
		if (rc == DB_OK) {
			sodium_memzero(pw, sizeof(pw));
			field_err(&fd, "username", "adm.users.err_taken");
			c->res->status = 422;
			render_new(c, &fd);
			return;
		}
	}
	if (rc != DB_OK) {
		sodium_memzero(pw, sizeof(pw));
		page_db_error(c, rc);
		return;
	}
	show_password(c, id, name, pw, 1);
}

/* ---- one user ------------------------------------------------------------------ */

/* The edit page; confirm: the step that asks before disabling. */
static void render_edit(struct ctx *c, const struct db_res *u,
                        const struct form_data *fd, int confirm)
{
	struct arena *a = c->r->a;
	long long id = db_ll(u, 0, UC_ID);
	const char *name = db_str(u, 0, UC_NAME);
	const char *heading = arena_printf(a, "%s: %s",
	                                   T(c, confirm ? "adm.users.disable_title"
	                                                : "adm.users.edit_title"), name);
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, heading), "admin/users_edit.tpl",
	                           &top);
	static const char *const notices[] = {
		"saved", "adm.users.saved", "2fa", "adm.users.2fa_done",
		"replay", "adm.users.replay", NULL };
	if (!confirm)
		admin_notice(c, d, notices);
	tmpl_set(d, "HEADING", heading);
	tmpl_set(d, "USERNAME", name);
	tmpl_set(d, "CREATED", admin_time(c, db_str(u, 0, UC_CREATED)));
	const char *last = db_str(u, 0, UC_LAST);
	tmpl_set(d, "LAST", last ? admin_time(c, last) : NONE);
	tmpl_set(d, "TOTP", yes_no(c, db_ll(u, 0, UC_TOTP) != 0));
	tmpl_set(d, "ACTIVE", yes_no(c, db_ll(u, 0, UC_ACTIVE) == 1));
	if (db_ll(u, 0, UC_MUST))
		tmpl_show(d, "MUST");
	if (confirm)
		tmpl_show(d, "CONFIRM");
	if (id == c->staff->id) {
		tmpl_show(d, "SELF");
	} else {
		tmpl_dict *x = tmpl_add(d, "RESETS");
		tmpl_set(x, "PW_URL", arena_printf(a, "%s/admin/users/%lld/confirm?what=password",
		                                   c->lp, id));
		tmpl_set(x, "TFA_URL", arena_printf(a, "%s/admin/users/%lld/confirm?what=2fa",
		                                    c->lp, id));
	}
	tmpl_set(d, "USER_URL", arena_printf(a, "%s/admin/users/%lld", c->lp, id));
	tmpl_set(d, "AUDIT_URL", arena_printf(a, "%s/admin/audit?type=user&object=%s",
	                                      c->lp, text_percent_encode(a, name)));
	form_fill(c, d, fd);
	admin_render(c, top);
}

void users_edit_page(struct ctx *c)
{
	long long id;
	struct db_res u;
	if (!load_user(c, &id, &u))
		return;
	struct depts dp;
	int rc = load_depts(c, &dp);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form f;
	struct form_data fd;
	build_form(c, &f, &dp, id);
	form_new(c, &f, &fd);
	prefill(c, &fd, &u);
	render_edit(c, &u, &fd, 0);
}

void users_edit_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res u;
	if (!load_user(c, &id, &u))
		return;
	struct depts dp;
	int rc = load_depts(c, &dp);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form f;
	struct form_data fd;
	build_form(c, &f, &dp, id);
	form_parse(c, &f, &fd);
	perm_set roles = form_roles(c, &fd);
	check_rules(c, &fd, roles, id);
	if (fd.nerr > 0 || fd.token_bad) {
		c->res->status = 422;
		render_edit(c, &u, &fd, 0);
		return;
	}
	const char *display = fv(&fd, "display_name")->s;
	const char *email = fv(&fd, "email")->s;
	const char *dept = fv(&fd, "department")->s;
	int active = fv(&fd, "active")->i != 0;
	if (db_ll(&u, 0, UC_ACTIVE) == 1 && !active &&
	    strcmp(fv(&fd, "confirm")->raw, "disable") != 0) {
		/* Disabling: ask first, with everything as typed. */
		fv(&fd, "confirm")->raw = "disable";
		f.submit = "adm.users.confirm_disable";
		render_edit(c, &u, &fd, 1);
		return;
	}
	int self = id == c->staff->id;
	enum stage stage = c->staff->stage;
	const char *name = db_str(&u, 0, UC_NAME);
	struct db_res admins, b;
	int refused = 0, priv = 0, was_active = 0;
	perm_set had = 0;
	unsigned long long ended = 0;
	rc = db_begin();
	/* The admins' rows first, then the user's: see the top of this file. */
	if (rc == DB_OK)
		rc = db_admins_lock(a, &admins);
	if (rc == DB_OK)
		rc = db_user_lock(a, id, &b);
	if (rc == DB_OK && b.nrows != 1)
		rc = DB_ERR;
	if (rc == DB_OK) {
		had = session_roles(db_str(&b, 0, UC_ROLES));
		was_active = db_ll(&b, 0, UC_ACTIVE) == 1;
		if (was_active && (had & PERM_BIT(ROLE_ADMIN)) &&
		    (!active || !(roles & PERM_BIT(ROLE_ADMIN)))) {
			size_t others = 0;
			for (size_t i = 0; i < admins.nrows; i++)
				others += db_ll(&admins, i, 0) != id;
			refused = others == 0;
		}
		priv = roles != had || active != was_active ||
		       !same(dept, db_str(&b, 0, UC_DEPT_ID));
	}
	if (rc == DB_OK && !refused)
		rc = db_user_update(a, id, display, email ? email : "", dept, active);
	for (int r = 0; rc == DB_OK && !refused && r < ROLE__MAX; r++) {
		const char *rn = role_name((enum role)r);
		if ((roles & PERM_BIT(r)) && !(had & PERM_BIT(r)))
			rc = db_user_role_add(a, id, rn);
		else if (!(roles & PERM_BIT(r)) && (had & PERM_BIT(r)))
			rc = db_user_role_remove(a, id, rn);
	}
	/* A change of privilege: the user signs in again (and an admin who
	 * changed their own gets a new session id). */
	if (rc == DB_OK && !refused && priv)
		rc = session_end_user(c, id, &ended);
	if (rc == DB_OK && !refused) {
		const char *sum = "";
		const char *ob = db_str(&b, 0, UC_DISPLAY), *oe = db_str(&b, 0, UC_EMAIL);
		if (!same(ob, display))
			sum = join(a, sum, arena_printf(a, "display name «%s» → «%s»",
			                                ob ? ob : "", display));
		if (!same(oe, email))
			sum = join(a, sum, arena_printf(a, "e-mail %s → %s", or_none(oe),
			                                or_none(email)));
		if (roles != had)
			sum = join(a, sum, arena_printf(a, "roles %s → %s", roles_text(a, had),
			                                roles_text(a, roles)));
		if (!same(dept, db_str(&b, 0, UC_DEPT_ID)))
			sum = join(a, sum, arena_printf(a, "department %s → %s",
			                                or_none(db_str(&b, 0, UC_DEPT)),
			                                dept_name(&dp, dept)));
		if (active != was_active)
			sum = join(a, sum, arena_printf(a, "active %s → %s",
			                                was_active ? "yes" : "no",
			                                active ? "yes" : "no"));
		if (priv)
			sum = join(a, sum, arena_printf(a, "%llu sessions ended", ended));
		rc = audit_staff(c, !active && was_active ? "user_disable"
		                    : active && !was_active ? "user_enable" : "user_update",
		                 "user", name, *sum ? sum : "nothing changed");
	}
	if (rc == DB_OK && !refused && priv && self)
		rc = session_begin(c, id, stage);
	if (rc == DB_OK && !refused)
		rc = db_commit();
	else
		db_rollback();
	if (rc != DB_OK) {
		c->res->set_cookie = NULL;
		page_db_error(c, rc);
		return;
	}
	if (refused) {
		field_err(&fd, active ? "role_admin" : "active", "adm.users.err_last_admin");
		c->res->status = 422;
		render_edit(c, &u, &fd, 0);
		return;
	}
	admin_redirect(c, arena_printf(a, "/admin/users/%lld?done=saved", id));
}

/* ---- resets ------------------------------------------------------------------------ */

/* The confirmation form of a reset: nothing but its token (and CSRF). */
static void reset_form(struct ctx *c, struct form *f, long long id, int tfa)
{
	*f = (struct form){
		.id = tfa ? "user_2fa" : "user_pw",
		.action = arena_printf(c->r->a, "/admin/users/%lld/%s", id,
		                       tfa ? "reset-2fa" : "reset-password"),
		.submit = tfa ? "adm.users.2fa_submit" : "adm.users.pw_submit",
		.fields = NULL, .n = 0,
	};
}

static void render_confirm(struct ctx *c, const struct db_res *u,
                           const struct form_data *fd, int tfa)
{
	struct arena *a = c->r->a;
	long long id = db_ll(u, 0, UC_ID);
	const char *heading = arena_printf(a, "%s: %s",
	                                   T(c, tfa ? "adm.users.2fa_title"
	                                            : "adm.users.pw_title"),
	                                   db_str(u, 0, UC_NAME));
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, heading), "admin/users_confirm.tpl",
	                           &top);
	tmpl_set(d, "HEADING", heading);
	tmpl_set(d, "USERNAME", db_str(u, 0, UC_NAME));
	tmpl_show(d, tfa ? "TFA" : "PW");
	tmpl_set(d, "USER_URL", arena_printf(a, "%s/admin/users/%lld", c->lp, id));
	if (id == c->staff->id)
		tmpl_show(d, "SELF");
	else
		form_fill(c, d, fd);
	admin_render(c, top);
}

void users_confirm_page(struct ctx *c)
{
	const char *what = req_query(c->r, "what");
	int tfa = what != NULL && strcmp(what, "2fa") == 0;
	if (what == NULL || (!tfa && strcmp(what, "password") != 0)) {
		page_error(c, 404, NULL);
		return;
	}
	long long id;
	struct db_res u;
	if (!load_user(c, &id, &u))
		return;
	struct form f;
	struct form_data fd;
	reset_form(c, &f, id, tfa);
	form_new(c, &f, &fd);
	render_confirm(c, &u, &fd, tfa);
}

static void reset(struct ctx *c, int tfa)
{
	struct arena *a = c->r->a;
	long long id;
	struct db_res u;
	if (!load_user(c, &id, &u))
		return;
	struct form f;
	struct form_data fd;
	reset_form(c, &f, id, tfa);
	form_parse(c, &f, &fd);
	if (fd.token_bad || id == c->staff->id) {
		/* One's own: on one's account page (render_confirm says so). */
		c->res->status = 422;
		render_confirm(c, &u, &fd, tfa);
		return;
	}
	const char *name = db_str(&u, 0, UC_NAME);
	char pw[21] = "";
	const char *hash = NULL;
	if (!tfa) {
		password_random(pw);
		if ((hash = password_hash(a, pw)) == NULL) {
			sodium_memzero(pw, sizeof(pw));
			page_error(c, 503, "adm.login.err_busy");
			return;
		}
	}
	unsigned long long ended = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = tfa ? db_user_reset_2fa(a, id) : db_user_reset_password(a, id, hash);
	/* A user locked out by failed attempts may try the new password. */
	if (rc == DB_OK && !tfa)
		rc = db_throttle_clear(a, "user", name);
	if (rc == DB_OK)
		rc = session_end_user(c, id, &ended);
	if (rc == DB_OK)
		rc = audit_staff(c, tfa ? "totp_reset" : "password_reset", "user", name,
		                 tfa ? arena_printf(a, "second factor %s → none; recovery codes"
		                                    " deleted; to be set up again at the next"
		                                    " sign-in where required; %llu sessions ended",
		                                    db_ll(&u, 0, UC_TOTP) ? "set up" : "none",
		                                    ended)
		                     : arena_printf(a, "password reset; to be changed at the next"
		                                    " sign-in; %llu sessions ended", ended));
	rc = db_end(rc);
	if (rc != DB_OK) {
		if (!tfa)
			sodium_memzero(pw, sizeof(pw));
		page_db_error(c, rc);
		return;
	}
	if (tfa)
		admin_redirect(c, arena_printf(a, "/admin/users/%lld?done=2fa", id));
	else
		show_password(c, id, name, pw, 0);
}

void users_reset_password(struct ctx *c)
{
	reset(c, 0);
}

void users_reset_2fa(struct ctx *c)
{
	reset(c, 1);
}
