/*
 * keys.c - the Open311 API's keys (keys.h).  A key is "agora_" and 32
 * random bytes in URL-safe base64 (49 characters); only its BLAKE2b-256
 * hash is stored (migration 0017), with its first 8 characters to tell
 * keys apart.  The creating POST shows the key on the page it answers
 * (200, never a redirect: nothing that could show it again exists) and
 * says it will not be shown again; its form's one-time token is stored
 * with the key, so a second send of the same form makes no second key.
 * Issuing and revoking are audit-logged in their transactions.  Touches
 * api_keys and audit_log (through db_keys.c and admin/audit.c).
 */
#include "open311/keys.h"

#include <string.h>

#include <sodium.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "open311/db_keys.h"
#include "view/layout.h"

#define KEY_PREFIX "agora_"
#define KEY_BYTES 32
#define KEY_B64 43 /* URL-safe base64 of 32 bytes, no padding */

enum { K_NAME, K_CONTACT, K_PER_HOUR, K__N };

static const struct fdef fields[K__N] = {
	[K_NAME] = { .name = "name", .kind = F_TEXT, .flags = F_REQUIRED, .max = 200,
	             .label = "o311.keys.f_name", .hint = "o311.keys.h_name",
	             .err = "o311.keys.err_name" },
	[K_CONTACT] = { .name = "contact", .kind = F_EMAIL, .max = 254,
	                .label = "o311.keys.f_contact", .err = "o311.keys.err_contact" },
	[K_PER_HOUR] = { .name = "per_hour", .kind = F_INT, .flags = F_REQUIRED, .min = 1,
	                 .max = 10000, .label = "o311.keys.f_per_hour",
	                 .hint = "o311.keys.h_per_hour", .err = "o311.keys.err_per_hour" },
};
static const struct form key_form = { .id = "api_key", .action = "/admin/api-keys",
	                              .submit = "o311.keys.b_create", .fields = fields,
	                              .n = K__N, .level = 3 };

static void hash_of(const char *key, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)key, strlen(key), NULL, 0);
}

/* The page: the new key when one was just made, the list, the form. */
static void render(struct ctx *c, const struct db_res *keys, struct form_data *fd,
                   const char *new_key)
{
	struct arena *a = c->r->a;
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, T(c, "o311.keys.title")),
	                           "admin/api_keys.tpl", &top);
	static const char *const notices[] = { "revoked", "o311.keys.done_revoked",
		                               "again", "o311.keys.done_again", NULL };
	admin_notice(c, d, notices);
	if (new_key != NULL)
		tmpl_set(tmpl_add(d, "CREATED"), "KEY", new_key);
	if (keys->nrows == 0)
		tmpl_show(d, "EMPTY");
	else {
		tmpl_dict *t = tmpl_add(d, "TABLE");
		for (size_t i = 0; i < keys->nrows; i++) {
			tmpl_dict *r = tmpl_add(t, "ROW");
			const char *id = db_str(keys, i, OK_ID);
			tmpl_set(r, "ID", id);
			tmpl_set(r, "NAME", db_str(keys, i, OK_NAME));
			const char *contact = db_str(keys, i, OK_CONTACT);
			if (contact != NULL && *contact)
				tmpl_set(tmpl_add(r, "CONTACT"), "EMAIL", contact);
			tmpl_set(r, "PREFIX", db_str(keys, i, OK_PREFIX));
			tmpl_set(r, "PER_HOUR", db_str(keys, i, OK_PER_HOUR));
			tmpl_set(r, "CREATED", admin_time(c, db_str(keys, i, OK_CREATED)));
			tmpl_set(r, "BY", db_str(keys, i, OK_BY));
			const char *used = db_str(keys, i, OK_USED);
			tmpl_set(r, "USED", used ? admin_time(c, used) : T(c, "o311.keys.never"));
			const char *revoked = db_str(keys, i, OK_REVOKED);
			if (revoked != NULL)
				tmpl_set(tmpl_add(r, "REVOKED"), "AT", admin_time(c, revoked));
			else {
				tmpl_dict *f = tmpl_add(r, "REVOKE");
				tmpl_set(f, "ACTION", arena_printf(a, "%s/admin/api-keys/%s/revoke",
				                                   c->lp, id));
				tmpl_set(f, "CSRF", c->staff->csrf);
			}
		}
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

/* The page with the list read now: fd as posted (status 422), or a
 * fresh form when fd is NULL; new_key just made, or NULL. */
static void show(struct ctx *c, struct form_data *fd, const char *new_key)
{
	struct db_res keys;
	int rc = db_keys_list(c->r->a, &keys);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct form_data fresh;
	if (fd == NULL) {
		form_new(c, &key_form, &fresh);
		form_set(&fresh, "per_hour", "100");
		fd = &fresh;
	} else
		c->res->status = 422;
	render(c, &keys, fd, new_key);
}

void api_keys_page(struct ctx *c)
{
	show(c, NULL, NULL);
}

void api_key_create(struct ctx *c)
{
	struct arena *a = c->r->a;
	struct form_data fd;
	form_parse(c, &key_form, &fd);
	if (fd.nerr || fd.token_bad) {
		show(c, &fd, NULL);
		return;
	}
	unsigned char raw[KEY_BYTES], hash[32];
	char b64[KEY_B64 + 1];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2base64(b64, sizeof(b64), raw, sizeof(raw), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof(raw));
	const char *key = arena_printf(a, "%s%s", KEY_PREFIX, b64);
	hash_of(key, hash);
	struct o311_key_new k = {
		.name = fd.v[K_NAME].s, .contact = fd.v[K_CONTACT].s ? fd.v[K_CONTACT].s : "",
		.prefix = arena_strndup(a, b64, 8), .hash = hash, .per_hour = fd.v[K_PER_HOUR].i,
		.created_by = c->staff->id, .token = fd.token,
	};
	long long id;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_keys_insert(a, &k, &id);
	if (rc == DB_DUP) {
		/* This form made its key already, shown then: never again. */
		db_rollback();
		admin_redirect(c, "/admin/api-keys?done=again");
		return;
	}
	if (rc == DB_OK)
		rc = audit_staff(c, "api_key_create", "api_key", arena_printf(a, "%lld", id),
		                 arena_printf(a, "%s (%s…), %lld an hour", k.name, k.prefix,
		                              k.per_hour));
	if ((rc = db_end(rc)) != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	/* The page that shows the key is never stored anywhere (main.c's
	 * staff no-store); a fresh form below it. */
	show(c, NULL, key);
}

void api_key_revoke(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id;
	if (!valid_int(c->r->cap[0], 1, 4294967295LL, &id)) {
		page_error(c, 404, "o311.keys.err_missing");
		return;
	}
	struct db_res row;
	int changed = 0;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_keys_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "o311.keys.err_missing");
		return;
	}
	if (rc == DB_OK)
		rc = db_keys_revoke(a, id, c->staff->id, &changed);
	if (rc == DB_OK && changed)
		rc = audit_staff(c, "api_key_revoke", "api_key", arena_printf(a, "%lld", id),
		                 arena_printf(a, "%s (%s…)", db_str(&row, 0, OK_NAME),
		                              db_str(&row, 0, OK_PREFIX)));
	admin_commit(c, rc, "/admin/api-keys?done=revoked");
}

int api_key_check(struct ctx *c, const char *key, long long *id, long long *per_hour,
                  int *rc)
{
	*rc = DB_OK;
	if (key == NULL || strlen(key) != strlen(KEY_PREFIX) + KEY_B64 ||
	    strncmp(key, KEY_PREFIX, strlen(KEY_PREFIX)) != 0)
		return 0;
	unsigned char hash[32];
	hash_of(key, hash);
	struct db_res res;
	if ((*rc = db_keys_find(c->r->a, hash, &res)) != DB_OK)
		return -1;
	if (res.nrows == 0)
		return 0;
	*id = db_ll(&res, 0, OA_ID);
	*per_hour = db_ll(&res, 0, OA_PER_HOUR);
	return 1;
}
