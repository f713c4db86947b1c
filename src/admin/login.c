/*
 * login.c - signing in and out (login.h).
 *
 * The password form carries the public forms' signed one-time token
 * (there is no session yet to hold a CSRF token); every later step has a
 * session and its CSRF token.  Each step that succeeds begins a new
 * session (session_begin), so the id a browser held before signing in,
 * or before its second factor, is worthless after.
 */
#include "admin/login.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "admin/audit.h"
#include "admin/db_auth.h"
#include "admin/totp.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/log.h"
#include "core/password.h"
#include "core/text.h"
#include "http/form.h"
#include "http/session.h"
#include "view/layout.h"

static const struct fdef login_fields[] = {
	{ .name = "username", .kind = F_TEXT, .flags = F_REQUIRED, .max = 64,
	  .label = "adm.login.f_user", .err = "adm.login.err_user",
	  .autocomplete = "username" },
	{ .name = "password", .kind = F_PASSWORD, .flags = F_REQUIRED, .max = 1024,
	  .label = "adm.login.f_password", .err = "adm.login.err_password",
	  .autocomplete = "current-password" },
	{ .name = "next", .kind = F_HIDDEN, .max = 500, .err = "adm.login.err_user" },
};
static const struct form login_form = {
	.id = "login", .action = "/admin/login", .submit = "adm.login.submit",
	.fields = login_fields, .n = sizeof(login_fields) / sizeof(login_fields[0]),
};

static const struct fdef code_fields[] = {
	{ .name = "code", .kind = F_TEXT, .flags = F_REQUIRED, .max = 20,
	  .label = "adm.code.f_code", .hint = "adm.code.hint",
	  .err = "adm.code.err_code", .autocomplete = "one-time-code" },
	{ .name = "next", .kind = F_HIDDEN, .max = 500, .err = "adm.code.err_code" },
};
static const struct form code_form = {
	.id = "code", .action = "/admin/login/code", .submit = "adm.code.submit",
	.fields = code_fields, .n = sizeof(code_fields) / sizeof(code_fields[0]),
};

/* Where to go after signing in: a staff path of plain characters, else
 * the dashboard (never another site: no "//", no scheme). */
static const char *safe_next(const char *n)
{
	if (n == NULL || strncmp(n, "/admin", 6) != 0 || strstr(n, "//") != NULL ||
	    strlen(n) > 500)
		return "/admin";
	for (const char *p = n; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("/_.-?=&%", *p)))
			return "/admin";
	return n;
}

static void render(struct ctx *c, const char *title, const char *tpl,
                   const struct form_data *fd)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, title)), tpl, &top);
	static const char *const notices[] = { "out", "adm.login.signed_out",
	                                       "expired", "adm.login.expired", NULL };
	admin_notice(c, d, notices);
	form_fill(c, d, fd);
	admin_render(c, top);
}

static void render_login(struct ctx *c, struct form_data *fd)
{
	render(c, "adm.login.title", "admin/login.tpl", fd);
}

void admin_login_required(struct ctx *c)
{
	struct form_data fd;
	form_new(c, &login_form, &fd);
	const char *next = c->r->path;
	if (c->r->method != M_POST && *c->r->query_s)
		next = arena_printf(c->r->a, "%s?%s", next, c->r->query_s);
	form_set(&fd, "next", safe_next(next));
	c->res->status = 401;
	c->res->www_auth = "Cookie realm=\"Agora\" form-action=\"/admin/login\"";
	render_login(c, &fd);
}

void login_page(struct ctx *c)
{
	if (c->staff != NULL && c->staff->stage == STAGE_FULL) {
		admin_redirect(c, "/admin");
		return;
	}
	struct form_data fd;
	form_new(c, &login_form, &fd);
	form_set(&fd, "next", safe_next(req_query(c->r, "next")));
	render_login(c, &fd);
}

/* A hash of nothing anyone knows, made once per worker. */
static const char *dummy_hash(struct arena *a)
{
	static char h[crypto_pwhash_STRBYTES];
	if (h[0] == '\0') {
		char pw[21];
		password_random(pw);
		const char *x = password_hash(a, pw);
		if (x != NULL)
			snprintf(h, sizeof(h), "%s", x);
	}
	return h;
}

int login_check_password(struct ctx *c, const char *hash, const char *password,
                         int *rehash)
{
	struct arena *a = c->r->a;
	long slot;
	*rehash = 0;
	int rc = db_hash_slot(a, (long)c->conf->login_hash_slots, &slot);
	if (rc != DB_OK)
		return rc;
	if (slot == 0)
		return LOGIN_BUSY;
	const char *h = hash ? hash : dummy_hash(a);
	int ok = password_verify(h, password);
	rc = db_hash_slot_release(a, slot);
	if (rc != DB_OK)
		return rc;
	if (hash == NULL)
		return 0;
	if (ok)
		*rehash = password_needs_rehash(hash);
	return ok;
}

/* 429 with the time to wait, in the form's words. */
static void too_many(struct ctx *c, struct form_data *fd, long secs)
{
	c->res->status = 429;
	c->res->retry_after = (int)(secs > 0 ? secs : 1);
	fd->err = secs > 60 ? "adm.login.err_locked" : "adm.login.err_wait";
	render_login(c, fd);
}

/* A failed attempt: counted for the name and the address, written to the
 * audit log (and the lock, when this one locks), in one transaction. */
static int count_failure(struct ctx *c, long long uid, const char *name,
                         const char *action, int *locked)
{
	struct arena *a = c->r->a;
	long fu, fi;
	int lu = 0, li = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_throttle_fail(a, "user", name, LOGIN_FORGET_SECS,
		                      LOGIN_LOCK_AFTER, LOGIN_LOCK_SECS, &fu, &lu);
	if (rc == DB_OK)
		rc = db_throttle_fail(a, "ip", c->r->remote_addr, LOGIN_FORGET_SECS,
		                      IP_LOCK_AFTER, LOGIN_LOCK_SECS, &fi, &li);
	if (rc == DB_OK)
		rc = audit_write(c, uid, name, action, "user", name,
		                 arena_printf(a, "failures %ld (address %ld)", fu, fi));
	if (rc == DB_OK && (lu || li))
		rc = audit_write(c, uid, name, "login_lock", "user", name,
		                 lu ? "account name locked for 15 minutes"
		                    : "address locked for 15 minutes");
	rc = db_end(rc);
	*locked = lu || li;
	return rc;
}

/* Refuse early while the name or the address is locked or must wait:
 * 1 when answered. */
static int throttled(struct ctx *c, struct form_data *fd, const char *name,
                     long long uid, int *rc)
{
	struct arena *a = c->r->a;
	long fu, lu, su, fi, li, si;
	*rc = db_throttle_get(a, "user", name, LOGIN_FORGET_SECS, &fu, &lu, &su);
	if (*rc == DB_OK)
		*rc = db_throttle_get(a, "ip", c->r->remote_addr, LOGIN_FORGET_SECS,
		                      &fi, &li, &si);
	if (*rc != DB_OK)
		return 0;
	long wait = lu > li ? lu : li;
	if (wait == 0 && fu >= LOGIN_DELAY_AFTER) {
		long delay = 1L << (fu - LOGIN_DELAY_AFTER + 1 > 5 ? 5 : fu - LOGIN_DELAY_AFTER + 1);
		if (delay > 60)
			delay = 60;
		if (su < delay)
			wait = delay - su;
	}
	if (wait == 0)
		return 0;
	*rc = db_begin();
	if (*rc == DB_OK)
		*rc = audit_write(c, uid, name, "login_refused", "user", name,
		                  arena_printf(a, "throttled: %ld s to wait", wait));
	*rc = db_end(*rc);
	if (*rc != DB_OK)
		return 0;
	too_many(c, fd, wait);
	return 1;
}

void login_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct form_data fd;
	if (form_parse(c, &login_form, &fd) != 0) {
		c->res->status = 422;
		render_login(c, &fd);
		return;
	}
	const char *name = form_value(&fd, "username")->s;
	const char *pw = form_value(&fd, "password")->raw;
	const char *next = safe_next(form_value(&fd, "next")->s);
	struct db_res acc;
	int rc = db_account_by_name(a, name, &acc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	int exists = acc.nrows == 1;
	long long uid = exists ? db_ll(&acc, 0, U_ID) : 0;
	if (throttled(c, &fd, name, uid, &rc))
		return;
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	int active = exists && db_ll(&acc, 0, U_ACTIVE) == 1;
	int rehash;
	int ok = login_check_password(c, active ? db_str(&acc, 0, U_HASH) : NULL,
	                              pw, &rehash);
	if (ok == LOGIN_BUSY) {
		c->res->retry_after = 2;
		page_error(c, 503, "adm.login.err_busy");
		return;
	}
	if (ok < 0) {
		page_db_error(c, ok);
		return;
	}
	if (!ok) {
		int locked;
		rc = count_failure(c, uid, name, exists && !active ? "login_disabled"
		                                                   : "login_failed", &locked);
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		if (locked) {
			too_many(c, &fd, LOGIN_LOCK_SECS);
			return;
		}
		c->res->status = 401;
		fd.err = "adm.login.err_bad";
		render_login(c, &fd);
		return;
	}
	/* Signed in with the password: the next step depends on the second
	 * factor. */
	perm_set roles = session_roles(db_str(&acc, 0, U_ROLES));
	enum stage st = db_str(&acc, 0, U_TOTP) != NULL ? STAGE_CODE
	              : session_needs_totp(c->conf, roles) ? STAGE_ENROL : STAGE_FULL;
	const char *newhash = rehash ? password_hash(a, pw) : NULL;
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_throttle_clear(a, "user", name);
	if (rc == DB_OK && newhash != NULL)
		rc = db_account_set_hash(a, uid, newhash);
	if (rc == DB_OK && st != STAGE_CODE)
		rc = db_account_signed_in(a, uid);
	if (rc == DB_OK)
		rc = session_begin(c, uid, st);
	if (rc == DB_OK)
		rc = audit_staff(c, st == STAGE_CODE ? "login_password" : "login", "user",
		                 name, st == STAGE_CODE ? "password accepted, code due"
		                 : st == STAGE_ENROL ? "signed in, second factor to set up"
		                                     : "signed in with password");
	rc = db_end(rc);
	if (rc != DB_OK) {
		c->res->set_cookie = NULL;
		page_db_error(c, rc);
		return;
	}
	if (st == STAGE_CODE)
		admin_redirect(c, arena_printf(a, "/admin/login/code?next=%s",
		                               text_percent_encode(a, next)));
	else if (st == STAGE_ENROL)
		admin_redirect(c, "/admin/account/2fa");
	else
		admin_redirect(c, next);
}

static void render_code(struct ctx *c, struct form_data *fd)
{
	render(c, "adm.code.title", "admin/login_code.tpl", fd);
}

void login_code_page(struct ctx *c)
{
	struct form_data fd;
	form_new(c, &code_form, &fd);
	form_set(&fd, "next", safe_next(req_query(c->r, "next")));
	render_code(c, &fd);
}

void login_code_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	const struct staff *s = c->staff;
	struct form_data fd;
	if (form_parse(c, &code_form, &fd) != 0) {
		c->res->status = 422;
		render_code(c, &fd);
		return;
	}
	const char *next = safe_next(form_value(&fd, "next")->s);
	int rc;
	long fu, lu, su;
	rc = db_throttle_get(a, "user", s->username, LOGIN_FORGET_SECS, &fu, &lu, &su);
	if (rc == DB_OK && lu > 0) {
		/* Locked meanwhile: this half-open session ends too. */
		rc = session_end(c);
		if (rc == DB_OK) {
			c->res->status = 429;
			c->res->retry_after = (int)lu;
			fd.err = "adm.login.err_locked";
			render_code(c, &fd);
			return;
		}
	}
	struct db_res acc;
	if (rc == DB_OK)
		rc = db_account_by_id(a, s->id, &acc);
	if (rc != DB_OK || acc.nrows != 1) {
		page_db_error(c, rc != DB_OK ? rc : DB_ERR);
		return;
	}
	const char *code = form_value(&fd, "code")->s;
	const char *secret = db_str(&acc, 0, U_TOTP);
	long long step = secret == NULL ? 0
	               : totp_check((const unsigned char *)secret, acc.len[U_TOTP],
	                            code, time(NULL), db_ll(&acc, 0, U_LAST_STEP));
	unsigned char rh[RECOVERY_HASH_BYTES];
	int ok = 0, recovery = 0;
	rc = db_begin();
	if (rc == DB_OK && step > 0)
		rc = db_totp_use_step(a, s->id, step, &ok);
	else if (rc == DB_OK && recovery_hash(code, c->conf->form_secret, rh) == 0) {
		rc = db_recovery_use(a, s->id, rh, sizeof(rh), &ok);
		recovery = ok;
	}
	if (rc == DB_OK && ok) {
		char name[65];
		snprintf(name, sizeof(name), "%s", s->username);
		rc = db_throttle_clear(a, "user", name);
		if (rc == DB_OK)
			rc = db_account_signed_in(a, s->id);
		if (rc == DB_OK)
			rc = session_begin(c, s->id, STAGE_FULL);
		if (rc == DB_OK)
			rc = audit_staff(c, recovery ? "login_recovery" : "login", "user",
			                 name, recovery ? "signed in with a recovery code"
			                                : "signed in with password and code");
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		c->res->set_cookie = NULL;
		page_db_error(c, rc);
		return;
	}
	if (ok) {
		admin_redirect(c, recovery ? "/admin/account/2fa?done=recovery" : next);
		return;
	}
	int locked;
	rc = count_failure(c, s->id, s->username, "login_code_failed", &locked);
	if (rc == DB_OK && locked)
		rc = session_end(c);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	c->res->status = locked ? 429 : 401;
	if (locked)
		c->res->retry_after = LOGIN_LOCK_SECS;
	fd.err = locked ? "adm.login.err_locked" : "adm.code.err_wrong";
	render_code(c, &fd);
}

void logout_post(struct ctx *c)
{
	int rc = db_begin();
	if (rc == DB_OK)
		rc = audit_staff(c, "logout", "user", c->staff->username, "signed out");
	if (rc == DB_OK)
		rc = session_end(c);
	admin_commit(c, rc, "/admin/login?done=out");
}
