/*
 * post.c - a citizens' request filed through Open311 (post.h).  It goes
 * through the very form the web uses (requests/submit.c): the Open311
 * parameters are given the web form's names - service_code the category,
 * address_string (or address_id, or the point) the address, lat/long the
 * point, first_name and last_name the name, attribute[ID] (and
 * attribute[ID][] for several values) the category's question ID, a file
 * part "media" the first photo - and rq_form_check() applies every rule
 * of the web form: lengths, e-mail and phone, a way to be reached unless
 * the category allows anonymous reports, the point inside the
 * municipality, required and valid answers, a choice that stops with a
 * message, photos sniffed and re-encoded.  What it finds answers 400 with
 * one error per parameter (their text in Greek, from the web form's
 * catalog).  The request is stored by db_rq_submit() with channel
 * 'open311', its confirmation and the department's notice in the outbox
 * in the same transaction, and "received" (200 and the request's number)
 * is said only after COMMIT.
 *
 * Idempotency: the request's one-time token is derived from the key and
 * the parameters as sent (BLAKE2b, keyed with nothing secret: it only has
 * to be the same for the same POST), so a client that sends the same
 * POST again - after a timeout, a 502 - gets the same request, never a
 * second one.  Each key may POST per_hour times a clock hour (429 after).
 */
#include "open311/post.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/text.h"
#include "http/form.h"
#include "http/token.h"
#include "open311/api.h"
#include "open311/db_keys.h"
#include "open311/db_open311.h"
#include "open311/emit.h"
#include "open311/keys.h"
#include "requests/db_requests.h"
#include "requests/submit.h"

#define DESCRIPTION_MAX 4000 /* characters: the spec's limit, the form's too */

/* The Open311 name of a web form field, for an error's description. */
static const char *o311_name(struct arena *a, const char *field)
{
	static const struct { const char *web, *o311; } names[] = {
		{ "category", "service_code" }, { "address", "address_string" },
		{ "lon", "long" }, { "lat", "lat" }, { "name", "first_name" },
		{ "photo1", "media" },
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(names[i].web, field) == 0)
			return names[i].o311;
	if (field[0] == 'q' && field[1] >= '0' && field[1] <= '9')
		return arena_printf(a, "attribute[%s]", field + 1);
	return field;
}

/* Prepend (name, val) to list. */
static struct field *add(struct arena *a, struct field *list, const char *name,
                         const char *val)
{
	struct field *f = arena_alloc(a, sizeof(*f));
	f->name = name;
	f->val = val ? val : "";
	f->len = strlen(f->val);
	f->next = list;
	return f;
}

/* "attribute[12]" or "attribute[12][]": 12 as the question's field "q12";
 * else NULL. */
static const char *question_field(struct arena *a, const char *name)
{
	if (strncmp(name, "attribute[", 10) != 0)
		return NULL;
	const char *id = name + 10;
	size_t n = strspn(id, "0123456789");
	if (n == 0 || n > 5 || id[n] != ']' || (id[n + 1] != '\0' && strcmp(id + n + 1, "[]") != 0))
		return NULL;
	return arena_printf(a, "q%.*s", (int)n, id);
}

/* The web form's fields from the Open311 parameters (the point as the
 * address when no address was given). */
static struct field *web_fields(struct ctx *c, long long cat)
{
	struct arena *a = c->r->a;
	const struct req *r = c->r;
	const char *lat = req_form(r, "lat"), *lon = req_form(r, "long");
	const char *addr = req_form(r, "address_string");
	if (addr == NULL || !*addr)
		addr = req_form(r, "address_id");
	if ((addr == NULL || !*addr) && lat && *lat && lon && *lon)
		addr = arena_printf(a, "%s, %s", lat, lon);
	const char *first = req_form(r, "first_name"), *last = req_form(r, "last_name");
	const char *name = text_trim(a, arena_printf(a, "%s %s", first ? first : "",
	                                             last ? last : ""));
	const char *cs = arena_printf(a, "%lld", cat);
	struct field *f = NULL;
	f = add(a, f, "token", forms_token(a, "request"));
	f = add(a, f, "category", cs);
	f = add(a, f, "qcat", cs);    /* the questions are the category's own */
	f = add(a, f, "dup_ok", "1"); /* no one to offer the requests nearby to */
	f = add(a, f, "consent", "1"); /* the key's holder agreed to the terms */
	f = add(a, f, "description", req_form(r, "description"));
	f = add(a, f, "address", addr);
	f = add(a, f, "lat", lat);
	f = add(a, f, "lon", lon);
	f = add(a, f, "name", name);
	f = add(a, f, "email", req_form(r, "email"));
	f = add(a, f, "phone", req_form(r, "phone"));
	/* Every value of a question, in the order sent (a multivaluelist
	 * repeats attribute[ID][]). */
	struct field *qs = NULL, **tail = &qs;
	for (const struct field *p = r->form; p; p = p->next) {
		const char *q = question_field(a, p->name);
		if (q == NULL)
			continue;
		struct field *n = add(a, NULL, q, p->val);
		*tail = n;
		tail = &n->next;
	}
	*tail = f;
	return qs;
}

/* The request's one-time token: the key and every parameter as sent. */
static const char *token_of(struct ctx *c, long long key_id)
{
	crypto_generichash_state st;
	unsigned char h[32];
	char out[44];
	crypto_generichash_init(&st, NULL, 0, sizeof(h));
	char k[32];
	snprintf(k, sizeof(k), "open311 %lld\n", key_id);
	crypto_generichash_update(&st, (const unsigned char *)k, strlen(k));
	for (const struct field *p = c->r->form; p; p = p->next) {
		crypto_generichash_update(&st, (const unsigned char *)p->name, strlen(p->name) + 1);
		crypto_generichash_update(&st, (const unsigned char *)p->val, p->len + 1);
	}
	for (const struct upload *u = c->r->files; u; u = u->next) {
		crypto_generichash_update(&st, (const unsigned char *)u->name, strlen(u->name) + 1);
		crypto_generichash_update(&st, (const unsigned char *)u->data, u->len);
	}
	crypto_generichash_final(&st, h, sizeof(h));
	sodium_bin2base64(out, sizeof(out), h, sizeof(h), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return arena_strndup(c->r->a, out, 43);
}

/* The errors document of every field in error (and the form's own). */
static void field_errors(struct ctx *c, enum o311_fmt fmt, int status,
                         const struct form_data *fd, const char *extra)
{
	struct arena *a = c->r->a;
	struct o311_doc d;
	o311_start(c, &d, fmt, status, "errors", 1);
	const char *code = arena_printf(a, "%d", status);
	if (extra != NULL) {
		o311_obj(&d, "error");
		o311_num(&d, "code", code);
		o311_str(&d, "description", extra);
		o311_end(&d);
	}
	for (size_t i = 0; fd != NULL && i < fd->f->n; i++) {
		if (fd->v[i].err == NULL)
			continue;
		o311_obj(&d, "error");
		o311_num(&d, "code", code);
		o311_str(&d, "description", arena_printf(a, "%s: %s", o311_name(a, fd->f->fields[i].name),
		                                         T(c, fd->v[i].err)));
		o311_end(&d);
	}
	o311_close(&d);
}

void open311_post(struct ctx *c)
{
	struct arena *a = c->r->a;
	enum o311_fmt fmt;
	if (!o311_begin(c, c->r->cap[0], &fmt))
		return;
	long long key_id = 0, per_hour = 0, hits = 0;
	int rc;
	int ok = api_key_check(c, req_form(c->r, "api_key"), &key_id, &per_hour, &rc);
	if (ok < 0) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	if (ok == 0) {
		o311_error(c, fmt, 403, "api_key: missing, not valid or revoked");
		return;
	}
	if ((rc = db_keys_hit(a, key_id, &hits)) != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	if (hits > per_hour) {
		c->res->retry_after = 3600 - (int)(time(NULL) % 3600);
		o311_error(c, fmt, 429, arena_printf(a, "this api_key may file %lld requests an hour;"
		                                     " try again later", per_hour));
		return;
	}
	const char *svc = req_form(c->r, "service_code");
	if (svc == NULL || !*svc) {
		o311_error(c, fmt, 400, "service_code: required");
		return;
	}
	long long cat = o311_service_id(svc);
	struct db_res s;
	rc = cat ? db_o311_service(a, cat, &s) : DB_OK;
	if (rc != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	if (cat == 0 || s.nrows == 0) {
		o311_error(c, fmt, 404, "service_code not found");
		return;
	}
	const char *lat = req_form(c->r, "lat"), *lon = req_form(c->r, "long");
	const char *addr = req_form(c->r, "address_string"), *aid = req_form(c->r, "address_id");
	int point = lat && *lat && lon && *lon;
	if (!point && !(addr && *addr) && !(aid && *aid)) {
		o311_error(c, fmt, 400, "a location is required: lat and long, address_string or"
		                        " address_id");
		return;
	}
	const char *desc = req_form(c->r, "description");
	if (desc != NULL && text_chars(desc) > DESCRIPTION_MAX) {
		o311_error(c, fmt, 400, "description: at most 4000 characters");
		return;
	}
	struct rq_form rf;
	if ((rc = rq_form_build(c, &rf, cat, 0)) != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	/* The token of the POST is taken from the parameters as sent, before
	 * they are given the form's names. */
	const char *token = token_of(c, key_id);
	c->r->form = web_fields(c, cat);
	for (struct upload *u = c->r->files; u; u = u->next)
		u->name = strcmp(u->name, "media") == 0 ? "photo1" : "";
	struct form_data fd;
	struct rq_check k;
	struct rq_new n;
	int status = rq_form_check(c, &rf, &fd, &n, &k);
	if (status >= 500) {
		o311_db_failed(c, fmt, status == 503 ? DB_DOWN : DB_ERR);
		return;
	}
	if (status != 0) {
		field_errors(c, fmt, status == 413 || status == 415 ? status : 400, &fd, k.stop);
		return;
	}
	n.token = token;
	n.channel = "open311";
	n.lang = "el";
	const char *code;
	long long protocol;
	rc = db_rq_submit(a, &n, &code, &protocol);
	if (rc != DB_OK && rc != DB_DUP) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	log_msg(LOG_INFO, c->r->rid, "msg=\"open311 request %s\" code=%s key=%lld",
	        rc == DB_OK ? "filed" : "sent again", code, key_id);
	struct o311_doc d;
	o311_start(c, &d, fmt, 200, "service_requests", 1);
	o311_obj(&d, "request");
	o311_str(&d, "service_request_id", code);
	o311_str(&d, "token", token);
	o311_str(&d, "service_notice", arena_printf(a, "Αριθμός πρωτοκόλλου %lld. Η πορεία του: %s/requests/%s",
	                                           protocol, c->conf->site_url, code));
	o311_str(&d, "account_id", NULL);
	o311_close(&d);
}

void open311_token(struct ctx *c)
{
	enum o311_fmt fmt;
	if (!o311_begin(c, c->r->cap[1], &fmt))
		return;
	/* A request is filed at once, so a token always names one: the
	 * token of its POST (the answer gives both). */
	const char *token = c->r->cap[0];
	struct db_res res;
	int rc = strlen(token) == 43 ? db_o311_by_token(c->r->a, token, &res) : DB_OK;
	if (rc != DB_OK) {
		o311_db_failed(c, fmt, rc);
		return;
	}
	if (strlen(token) != 43 || res.nrows == 0) {
		o311_error(c, fmt, 404, "token not found");
		return;
	}
	struct o311_doc d;
	o311_start(c, &d, fmt, 200, "service_requests", 1);
	o311_obj(&d, "request");
	o311_str(&d, "service_request_id", db_str(&res, 0, 0));
	o311_str(&d, "token", token);
	o311_close(&d);
}
