/*
 * account.c - one's own account (account.h).
 *
 * Enrolment: the GET makes a pending secret (kept across reloads, so a
 * code scanned once stays good) and shows it as a QR code and as text;
 * the POST proves it with a code from the app, makes it the user's, and
 * shows ten recovery codes once (only their hashes are kept).  Enrolling
 * or changing the password begins a new session (a privilege change), and
 * a new password ends every other session.
 */
#include "admin/account.h"

#include <sodium.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "admin/audit.h"
#include "admin/db_account.h"
#include "admin/db_auth.h"
#include "admin/login.h"
#include "admin/qr.h"
#include "admin/totp.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/password.h"
#include "core/text.h"
#include "http/form.h"
#include "http/session.h"
#include "view/layout.h"

static const struct fdef enrol_fields[] = {
	{ .name = "code", .kind = F_TEXT, .flags = F_REQUIRED | F_NUMERIC, .max = 7,
	  .label = "adm.2fa.f_code", .hint = "adm.2fa.code_hint",
	  .err = "adm.code.err_code", .autocomplete = "one-time-code" },
};
static const struct form enrol_form = {
	.id = "totp", .action = "/admin/account/2fa", .submit = "adm.2fa.submit",
	.fields = enrol_fields, .n = sizeof(enrol_fields) / sizeof(enrol_fields[0]),
};
/* With a second factor set up: new recovery codes, proven by a code. */
static const struct form renew_form = {
	.id = "totp", .action = "/admin/account/2fa", .submit = "adm.2fa.renew",
	.fields = enrol_fields, .n = sizeof(enrol_fields) / sizeof(enrol_fields[0]),
};

static const struct fdef pw_fields[] = {
	{ .name = "current", .kind = F_PASSWORD, .flags = F_REQUIRED, .max = 1024,
	  .label = "adm.pw.f_current", .err = "adm.pw.err_current",
	  .autocomplete = "current-password" },
	{ .name = "new", .kind = F_PASSWORD, .flags = F_REQUIRED, .max = 1024,
	  .label = "adm.pw.f_new", .hint = "adm.pw.rule", .err = "adm.pw.err_short",
	  .autocomplete = "new-password" },
	{ .name = "again", .kind = F_PASSWORD, .flags = F_REQUIRED, .max = 1024,
	  .label = "adm.pw.f_again", .err = "adm.pw.err_again",
	  .autocomplete = "new-password" },
};
static const struct form pw_form = {
	.id = "password", .action = "/admin/account/password", .submit = "adm.pw.submit",
	.fields = pw_fields, .n = sizeof(pw_fields) / sizeof(pw_fields[0]),
};

const char *account_password_rule(const char *username, const char *pw)
{
	if (text_chars(pw) < 12)
		return "adm.pw.err_short";
	if (strcasecmp(pw, username) == 0)
		return "adm.pw.err_username";
	return NULL;
}

void account_page(struct ctx *c)
{
	const struct staff *s = c->staff;
	struct arena *a = c->r->a;
	long long left = 0;
	struct db_res ses;
	int rc = db_recovery_left(a, s->id, &left);
	if (rc == DB_OK)
		rc = db_sessions_of(a, s->id, (long)c->conf->session_idle,
		                    (long)c->conf->session_max, &ses);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.account.title"), "admin/account.tpl", &top);
	static const char *const notices[] = {
		"password", "adm.pw.done", "ended", "adm.account.ended",
		"2fa", "adm.2fa.done", NULL };
	admin_notice(c, d, notices);
	tmpl_set(d, "USERNAME", s->username);
	tmpl_set(d, "NAME", s->display_name);
	for (int r = 0; r < ROLE__MAX; r++)
		if (s->roles & PERM_BIT(r))
			tmpl_set(tmpl_add(d, "ROLE"), "LABEL", T(c, role_label((enum role)r)));
	if (s->has_totp) {
		tmpl_set_int(tmpl_add(d, "TOTP_ON"), "LEFT", left);
	} else {
		tmpl_show(d, "TOTP_OFF");
	}
	for (size_t i = 0; i < ses.nrows; i++) {
		tmpl_dict *r = tmpl_add(d, "SESSION");
		tmpl_set(r, "CREATED", admin_time(c, db_str(&ses, i, MS_CREATED)));
		tmpl_set(r, "SEEN", admin_time(c, db_str(&ses, i, MS_SEEN)));
		tmpl_set(r, "IP", db_str(&ses, i, MS_IP));
		tmpl_set(r, "UA", db_str(&ses, i, MS_UA));
		if (ses.len[i * ses.ncols + MS_HASH] == SESSION_ID_BYTES &&
		    memcmp(db_str(&ses, i, MS_HASH), s->id_hash, SESSION_ID_BYTES) == 0)
			tmpl_show(r, "THIS");
	}
	if (ses.nrows > 1)
		tmpl_show(d, "OTHERS");
	admin_render(c, top);
}

/* The enrolment page for a (pending) secret, or the renewal form. */
static void render_2fa(struct ctx *c, struct form_data *fd,
                       const unsigned char *secret, size_t len)
{
	struct arena *a = c->r->a;
	const struct staff *s = c->staff;
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "adm.2fa.title")),
	                           "admin/account_2fa.tpl", &top);
	static const char *const notices[] = { "recovery", "adm.2fa.used_recovery", NULL };
	admin_notice(c, d, notices);
	if (secret != NULL) {
		tmpl_dict *e = tmpl_add(d, "ENROL");
		const char *issuer = c->lang == LANG_EN ? c->conf->site_name_en
		                                        : c->conf->site_name;
		const char *uri = totp_uri(a, issuer, s->username, secret, len);
		tmpl_set(e, "QR", qr_svg(a, uri, T(c, "adm.2fa.qr_label")));
		tmpl_set(e, "SECRET", totp_base32(a, secret, len, 1));
		tmpl_set(e, "ACCOUNT", s->username);
		tmpl_set(e, "ISSUER", issuer);
		if (s->stage == STAGE_ENROL)
			tmpl_show(e, "REQUIRED");
	} else {
		tmpl_show(d, "ACTIVE");
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

void account_2fa_page(struct ctx *c)
{
	const struct staff *s = c->staff;
	struct arena *a = c->r->a;
	struct form_data fd;
	if (s->has_totp) {
		form_new(c, &renew_form, &fd);
		render_2fa(c, &fd, NULL, 0);
		return;
	}
	struct db_res acc;
	int rc = db_account_by_id(a, s->id, &acc);
	if (rc != DB_OK || acc.nrows != 1) {
		page_db_error(c, rc != DB_OK ? rc : DB_ERR);
		return;
	}
	const unsigned char *secret = (const unsigned char *)db_str(&acc, 0, U_TOTP_PENDING);
	size_t len = secret ? acc.len[U_TOTP_PENDING] : 0;
	if (secret == NULL || len != TOTP_SECRET_BYTES) {
		unsigned char *fresh = arena_alloc(a, TOTP_SECRET_BYTES);
		totp_new_secret(fresh);
		rc = db_totp_set_pending(a, s->id, fresh, TOTP_SECRET_BYTES);
		if (rc != DB_OK) {
			page_db_error(c, rc);
			return;
		}
		secret = fresh;
		len = TOTP_SECRET_BYTES;
	}
	form_new(c, &enrol_form, &fd);
	render_2fa(c, &fd, secret, len);
}

/* Ten new recovery codes into codes[], their hashes stored. */
static int new_recovery(struct ctx *c, char codes[RECOVERY_CODES][12])
{
	unsigned char hashes[RECOVERY_CODES][32];
	for (int i = 0; i < RECOVERY_CODES; i++) {
		recovery_new(codes[i]);
		recovery_hash(codes[i], c->conf->form_secret, hashes[i]);
	}
	return db_recovery_replace(c->r->a, c->staff->id,
	                           (const unsigned char (*)[32])hashes, RECOVERY_CODES);
}

static void show_recovery(struct ctx *c, char codes[RECOVERY_CODES][12])
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, T(c, "adm.2fa.codes_title"),
	                           "admin/account_codes.tpl", &top);
	for (int i = 0; i < RECOVERY_CODES; i++)
		tmpl_set(tmpl_add(d, "CODE"), "V", codes[i]);
	admin_render(c, top);
	sodium_memzero(codes, sizeof(char) * RECOVERY_CODES * 12);
}

void account_2fa_post(struct ctx *c)
{
	const struct staff *s = c->staff;
	struct arena *a = c->r->a;
	struct form_data fd;
	int renew = s->has_totp;
	int bad = form_parse(c, renew ? &renew_form : &enrol_form, &fd);
	struct db_res acc;
	int rc = db_account_by_id(a, s->id, &acc);
	if (rc != DB_OK || acc.nrows != 1) {
		page_db_error(c, rc != DB_OK ? rc : DB_ERR);
		return;
	}
	int col = renew ? U_TOTP : U_TOTP_PENDING;
	const unsigned char *secret = (const unsigned char *)db_str(&acc, 0, col);
	size_t len = secret ? acc.len[col] : 0;
	if (secret == NULL) {
		/* No pending secret (enrolled elsewhere meanwhile): start over. */
		admin_redirect(c, "/admin/account/2fa");
		return;
	}
	long long step = 0;
	if (!bad) {
		step = totp_check(secret, len, form_value(&fd, "code")->s, time(NULL),
		                  db_ll(&acc, 0, U_LAST_STEP));
		if (step == 0) {
			fd.v[0].err = "adm.code.err_wrong";
			fd.nerr++;
			bad = 1;
		}
	}
	if (bad) {
		c->res->status = 422;
		render_2fa(c, &fd, renew ? NULL : secret, len);
		return;
	}
	char codes[RECOVERY_CODES][12];
	int ok = 1;
	rc = db_begin();
	if (rc == DB_OK && renew)
		rc = db_totp_use_step(a, s->id, step, &ok);
	else if (rc == DB_OK)
		rc = db_totp_confirm(a, s->id, step);
	if (rc == DB_OK && ok)
		rc = new_recovery(c, codes);
	if (rc == DB_OK && ok && !renew)
		rc = session_begin(c, s->id, STAGE_FULL);
	if (rc == DB_OK && ok)
		rc = audit_staff(c, renew ? "recovery_renewed" : "totp_enrolled", "user",
		                 c->staff->username,
		                 renew ? "ten new recovery codes"
		                       : "second factor set up; ten recovery codes");
	rc = db_end(rc);
	if (rc != DB_OK) {
		c->res->set_cookie = NULL;
		page_db_error(c, rc);
		return;
	}
	if (!ok) {
		/* The same code was just used by another request. */
		fd.v[0].err = "adm.code.err_wrong";
		fd.nerr++;
		c->res->status = 422;
		render_2fa(c, &fd, NULL, 0);
		return;
	}
	show_recovery(c, codes);
}

static void render_pw(struct ctx *c, struct form_data *fd)
{
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "adm.pw.title")),
	                           "admin/account_password.tpl", &top);
	if (c->staff->must_change)
		tmpl_show(d, "MUST");
	form_fill(c, d, fd);
	admin_render(c, top);
}

void account_password_page(struct ctx *c)
{
	struct form_data fd;
	form_new(c, &pw_form, &fd);
	render_pw(c, &fd);
}

void account_password_post(struct ctx *c)
{
	const struct staff *s = c->staff;
	struct arena *a = c->r->a;
	struct form_data fd;
	int bad = form_parse(c, &pw_form, &fd);
	const char *cur = form_value(&fd, "current")->raw;
	const char *pw = form_value(&fd, "new")->raw;
	const char *again = form_value(&fd, "again")->raw;
	const char *why;
	if (!bad && (why = account_password_rule(s->username, pw)) != NULL) {
		fd.v[1].err = why;
		fd.nerr++;
		bad = 1;
	}
	if (!bad && strcmp(pw, again) != 0) {
		fd.v[2].err = "adm.pw.err_again";
		fd.nerr++;
		bad = 1;
	}
	struct db_res acc;
	int rc = db_account_by_id(a, s->id, &acc);
	if (rc != DB_OK || acc.nrows != 1) {
		page_db_error(c, rc != DB_OK ? rc : DB_ERR);
		return;
	}
	if (!bad) {
		int rehash;
		int ok = login_check_password(c, db_str(&acc, 0, U_HASH), cur, &rehash);
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
			fd.v[0].err = "adm.pw.err_current";
			fd.nerr++;
			bad = 1;
		}
	}
	if (bad) {
		c->res->status = 422;
		render_pw(c, &fd);
		return;
	}
	const char *hash = password_hash(a, pw);
	if (hash == NULL) {
		page_error(c, 503, "adm.login.err_busy");
		return;
	}
	unsigned long long ended = 0;
	rc = db_begin();
	if (rc == DB_OK)
		rc = db_password_set(a, s->id, hash);
	if (rc == DB_OK)
		rc = session_end_user(c, s->id, &ended);
	if (rc == DB_OK)
		rc = session_begin(c, s->id, s->stage);
	if (rc == DB_OK)
		rc = audit_staff(c, "password_changed", "user", s->username,
		                 arena_printf(a, "password changed; %llu other sessions ended",
		                              ended));
	rc = db_end(rc);
	if (rc != DB_OK) {
		c->res->set_cookie = NULL;
		page_db_error(c, rc);
		return;
	}
	admin_redirect(c, "/admin/account?done=password");
}

void account_sessions_end(struct ctx *c)
{
	unsigned long long ended = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = session_end_user(c, c->staff->id, &ended);
	if (rc == DB_OK)
		rc = audit_staff(c, "sessions_ended", "user", c->staff->username,
		                 arena_printf(c->r->a, "%llu other sessions ended", ended));
	admin_commit(c, rc, "/admin/account?done=ended");
}
