/*
 * session.c - the staff session store (see session.h): the cookie, the
 * sessions table, and the CSRF token each session carries.  Times are UTC
 * (UTC_TIMESTAMP()) so a change of daylight saving time neither lengthens
 * nor ends a session.
 */
#include "http/session.h"

#include <sodium.h>
#include <string.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/text.h"
#include "core/utf8.h"
#include "db/db.h"

#define COOKIE_LEN 43 /* base64url of SESSION_ID_BYTES, no padding */
/* last_seen_at is written at most once a minute, not on every request. */
#define TOUCH_EVERY 60

#define SESSION_COLS(X)                                                      \
	X(S_USER, "u.id")                                                    \
	X(S_USERNAME, "u.username")                                          \
	X(S_DISPLAY, "u.display_name")                                       \
	X(S_DEPT, "u.department_id")                                         \
	X(S_STAGE, "s.stage")                                                \
	X(S_CSRF, "s.csrf")                                                  \
	X(S_TOTP, "u.totp_secret IS NOT NULL")                               \
	X(S_MUST_CHANGE, "u.must_change")                                    \
	X(S_ROLES, "(SELECT GROUP_CONCAT(r.role) FROM user_roles r"          \
	           " WHERE r.user_id = u.id)")                              \
	X(S_IDLE, "TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP())")
enum { DB_COLS_ENUM(SESSION_COLS, S__END) };

static struct db_stmt st_load = DB_READ(
    "SELECT " DB_COLUMNS(SESSION_COLS) " FROM sessions s"
    " JOIN users u ON u.id = s.user_id"
    " WHERE s.id_hash = ? AND u.active = 1"
    " AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? SECOND",
    DB_NCOLS(SESSION_COLS));
static struct db_stmt st_touch = DB_WRITE(
    "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE id_hash = ?");
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO sessions (id_hash, user_id, stage, csrf, created_at,"
    " last_seen_at, ip, user_agent)"
    " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?, ?)");
static struct db_stmt st_delete = DB_WRITE(
    "DELETE FROM sessions WHERE id_hash = ?");
static struct db_stmt st_delete_user = DB_WRITE(
    "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?");
/* Sessions past either timeout are removed whenever someone signs in. */
static struct db_stmt st_purge = DB_WRITE(
    "DELETE FROM sessions WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? SECOND"
    " OR created_at < UTC_TIMESTAMP() - INTERVAL ? SECOND");

static const char *const stage_names[] = { "totp", "enrol", "full" };

static const char *cookie_name(const struct conf *cf)
{
	return cf->cookie_secure ? "__Host-agora" : "agora";
}

static const char *cookie_attrs(const struct conf *cf)
{
	return cf->cookie_secure ? "; Path=/; Secure; HttpOnly; SameSite=Lax"
	                         : "; Path=/; HttpOnly; SameSite=Lax";
}

static void clear_cookie(struct ctx *c)
{
	c->res->set_cookie = arena_printf(c->r->a, "%s=%s; Max-Age=0",
	                                  cookie_name(c->conf),
	                                  cookie_attrs(c->conf));
}

static void hash_id(const unsigned char *id, unsigned char out[SESSION_ID_BYTES])
{
	crypto_generichash(out, SESSION_ID_BYTES, id, SESSION_ID_BYTES, NULL, 0);
}

perm_set session_roles(const char *names)
{
	perm_set set = 0;
	char one[32];
	while (names != NULL && *names) {
		size_t n = strcspn(names, ",");
		if (n < sizeof(one)) {
			memcpy(one, names, n);
			one[n] = '\0';
			int r = role_parse(one);
			if (r >= 0)
				set |= PERM_BIT(r);
		}
		names += n + (names[n] == ',');
	}
	return set;
}

int session_needs_totp(const struct conf *cf, perm_set roles)
{
	return cf->second_factor_all || (roles & PERM_BIT(ROLE_ADMIN));
}

/* Fill c->staff from a row of SESSION_COLS. */
static void set_staff(struct ctx *c, const struct db_res *res,
                      const unsigned char hash[SESSION_ID_BYTES])
{
	struct staff *s = arena_alloc(c->r->a, sizeof(*s));
	memset(s, 0, sizeof(*s));
	s->id = db_ll(res, 0, S_USER);
	s->username = db_str(res, 0, S_USERNAME);
	s->display_name = db_str(res, 0, S_DISPLAY);
	if (s->display_name == NULL || *s->display_name == '\0')
		s->display_name = s->username;
	s->department_id = db_ll(res, 0, S_DEPT);
	const char *st = db_str(res, 0, S_STAGE);
	s->stage = strcmp(st, "full") == 0 ? STAGE_FULL
	         : strcmp(st, "enrol") == 0 ? STAGE_ENROL : STAGE_CODE;
	s->csrf = db_str(res, 0, S_CSRF);
	s->has_totp = db_ll(res, 0, S_TOTP) != 0;
	s->must_change = db_ll(res, 0, S_MUST_CHANGE) != 0;
	s->roles = session_roles(db_str(res, 0, S_ROLES));
	s->perms = perm_of_roles(s->roles);
	memcpy(s->id_hash, hash, SESSION_ID_BYTES);
	c->staff = s;
}

int session_cookie_sent(const struct ctx *c)
{
	return req_cookie(c->r, "agora") != NULL || req_cookie(c->r, "__Host-agora") != NULL;
}

int session_load(struct ctx *c)
{
	c->staff = NULL;
	const char *v = req_cookie(c->r, cookie_name(c->conf));
	if (v == NULL)
		return DB_OK;
	unsigned char id[SESSION_ID_BYTES], hash[SESSION_ID_BYTES];
	size_t len = 0;
	if (strlen(v) != COOKIE_LEN ||
	    sodium_base642bin(id, sizeof(id), v, COOKIE_LEN, NULL, &len, NULL,
	                      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
	    len != sizeof(id)) {
		clear_cookie(c);
		return DB_OK;
	}
	hash_id(id, hash);
	struct db_res res;
	int rc = db_run(c->r->a, &st_load, &res, "bii", (const char *)hash,
	                (size_t)SESSION_ID_BYTES, (long long)c->conf->session_max,
	                (long long)c->conf->session_idle);
	if (rc != DB_OK)
		return rc;
	if (res.nrows == 0) {
		clear_cookie(c);
		return DB_OK;
	}
	set_staff(c, &res, hash);
	if (db_ll(&res, 0, S_IDLE) >= TOUCH_EVERY) {
		rc = db_run(c->r->a, &st_touch, NULL, "b", (const char *)hash,
		            (size_t)SESSION_ID_BYTES);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

int session_begin(struct ctx *c, long long user_id, enum stage stage)
{
	struct arena *a = c->r->a;
	int rc;
	if (c->staff != NULL) {
		rc = db_run(a, &st_delete, NULL, "b", (const char *)c->staff->id_hash,
		            (size_t)SESSION_ID_BYTES);
		if (rc != DB_OK)
			return rc;
	}
	rc = db_run(a, &st_purge, NULL, "ii", (long long)c->conf->session_idle,
	            (long long)c->conf->session_max);
	if (rc != DB_OK)
		return rc;
	unsigned char id[SESSION_ID_BYTES], hash[SESSION_ID_BYTES], raw[32];
	randombytes_buf(id, sizeof(id));
	hash_id(id, hash);
	randombytes_buf(raw, sizeof(raw));
	char cookie[COOKIE_LEN + 1], csrf[COOKIE_LEN + 1];
	sodium_bin2base64(cookie, sizeof(cookie), id, sizeof(id),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_bin2base64(csrf, sizeof(csrf), raw, sizeof(raw),
	                  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	const char *ua = c->r->user_agent ? c->r->user_agent : "";
	ua = utf8_valid(ua, strlen(ua)) ? text_first_chars(a, ua, 300) : "";
	rc = db_run(a, &st_insert, NULL, "bissss", (const char *)hash,
	            (size_t)SESSION_ID_BYTES, user_id, stage_names[stage], csrf,
	            c->r->remote_addr ? c->r->remote_addr : "", ua);
	if (rc != DB_OK)
		return rc;
	/* Read it back through the one query that defines a session. */
	struct db_res res;
	rc = db_run(a, &st_load, &res, "bii", (const char *)hash,
	            (size_t)SESSION_ID_BYTES, (long long)c->conf->session_max,
	            (long long)c->conf->session_idle);
	if (rc != DB_OK)
		return rc;
	if (res.nrows == 0)
		return DB_ERR; /* the user was disabled meanwhile */
	set_staff(c, &res, hash);
	c->res->set_cookie = arena_printf(a, "%s=%s%s", cookie_name(c->conf),
	                                  cookie, cookie_attrs(c->conf));
	sodium_memzero(id, sizeof(id));
	return DB_OK;
}

int session_end(struct ctx *c)
{
	clear_cookie(c);
	if (c->staff == NULL)
		return DB_OK;
	int rc = db_run(c->r->a, &st_delete, NULL, "b",
	                (const char *)c->staff->id_hash, (size_t)SESSION_ID_BYTES);
	if (rc == DB_OK)
		c->staff = NULL;
	return rc;
}

int session_end_user(struct ctx *c, long long user_id, unsigned long long *ended)
{
	static const unsigned char none[SESSION_ID_BYTES];
	const unsigned char *keep = c->staff ? c->staff->id_hash : none;
	struct db_res res;
	int rc = db_run(c->r->a, &st_delete_user, &res, "ib", user_id,
	                (const char *)keep, (size_t)SESSION_ID_BYTES);
	if (ended != NULL)
		*ended = rc == DB_OK ? res.affected : 0;
	return rc;
}

int session_csrf_ok(const struct ctx *c)
{
	const char *t = req_form(c->r, "csrf");
	if (c->staff == NULL || c->staff->csrf == NULL || t == NULL ||
	    strlen(t) != COOKIE_LEN || strlen(c->staff->csrf) != COOKIE_LEN)
		return 0;
	return sodium_memcmp(t, c->staff->csrf, COOKIE_LEN) == 0;
}
