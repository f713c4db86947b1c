/*
 * pharmacy.c - the link with the pharmacists' association (pharmacy.h,
 * docs/pharmacy-api.md): the prescription's webhook, queued in the
 * outbox with the case's change, and the association's signed callbacks
 * (a webhook that failed for good: pharmacy_outbox.c).
 * Touches help_cases (pharmacy_state), help_case_events,
 * help_pharmacy_nonces, outbox and audit_log; reads the health data only
 * through help/health.h.
 *
 * A callback is checked in this order, each refusal changing nothing:
 * the signature headers (401), the clock (401), the signature (401), the
 * JSON and its fields (400); then, in one transaction, the nonce (401
 * when it was used before), the case (404) and the move (409), and only
 * then the change, its history row, the nonce and, for "ready", the
 * assignee's mail - committed together.
 */
#include "help/pharmacy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin/audit.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/civil.h"
#include "core/json.h"
#include "core/log.h"
#include "core/text.h"
#include "db/db.h"
#include "help/db_help.h"
#include "help/db_pharmacy.h"
#include "help/health.h"
#include "help/help.h"
#include "http/session.h"
#include "mail/outbox.h"
#include "mail/sign.h"
#include "view/layout.h"

#define PRESCRIPTIONS_MAX 20 /* barcodes sent in one webhook */
#define CALLBACK_MAX 16384   /* bytes of a callback's body */
#define NOTE_MAX 500         /* characters of a callback's note */

int help_pharmacy_enabled(const struct conf *c)
{
	return c->pharmacy_url != NULL && c->pharmacy_url[0] != '\0' &&
	       hook_secret_ok(c->pharmacy_secret);
}

static void add_member(struct buf *b, const char *name, const char *val, int first)
{
	if (!first)
		buf_addc(b, ',');
	json_add_str(b, name);
	buf_addc(b, ':');
	json_add_str(b, val);
}

/* The barcodes of prescriptions (one per line) as a JSON array into b;
 * the number written. */
static size_t add_prescriptions(struct arena *a, struct buf *b, const char *list)
{
	size_t n = 0;
	buf_adds(b, ",\"prescriptions\":[");
	const char *p = list ? list : "";
	while (*p && n < PRESCRIPTIONS_MAX) {
		size_t k = strcspn(p, "\r\n");
		char *one = text_trim(a, arena_strndup(a, p, k));
		if (one[0] != '\0') {
			if (n++)
				buf_addc(b, ',');
			json_add_str(b, one);
		}
		p += k;
		while (*p == '\r' || *p == '\n')
			p++;
	}
	buf_addc(b, ']');
	return n;
}

static int refuse_queue(const char **why, const char *key)
{
	*why = key;
	return DB_ERR;
}

int help_pharmacy_queue(struct ctx *c, long long case_id, const char **why)
{
	struct arena *a = c->r->a;
	*why = NULL;
	struct db_res cs;
	int rc = db_help_case_lock(a, case_id, &cs);
	if (rc != DB_OK)
		return rc;
	if (cs.nrows == 0)
		return refuse_queue(why, "hph.err_no_case");
	if (!help_pharmacy_enabled(c->conf))
		return refuse_queue(why, "hph.err_not_configured");
	if (strcmp(db_str(&cs, 0, HC_TYPE), "medicines") != 0)
		return refuse_queue(why, "hph.err_not_medicines");
	if (db_str(&cs, 0, HC_BEN) == NULL)
		return refuse_queue(why, "hph.err_no_resident");
	if (!help_status_open(db_str(&cs, 0, HC_STATUS)))
		return refuse_queue(why, "hph.err_closed");
	const char *state = db_str(&cs, 0, HC_PHARMACY);
	if (strcmp(state, "none") != 0 && strcmp(state, "problem") != 0)
		return refuse_queue(why, "hph.err_already_sent");
	struct help_case_health h;
	if ((rc = help_health_case_read(c, case_id, "pharmacy", &h)) != DB_OK)
		return rc;
	const char *amka = h.amka;
	if (amka == NULL || amka[0] == '\0') {
		struct help_person_health ph;
		if ((rc = help_health_person_read(c, db_ll(&cs, 0, HC_BEN), "pharmacy", &ph)) != DB_OK)
			return rc;
		amka = ph.amka;
	}

	struct buf b;
	buf_init(&b, 1024);
	buf_printf(&b, "{\"event\":\"prescription.new\",\"case\":%lld", case_id);
	const char *created = civil_iso(a, db_str(&cs, 0, HC_CREATED));
	const char *wanted = civil_iso(a, db_str(&cs, 0, HC_WANTED));
	add_member(&b, "created_at", created, 0);
	add_member(&b, "wanted_by", wanted, 0);
	add_member(&b, "urgency", db_str(&cs, 0, HC_URGENCY), 0);
	buf_adds(&b, ",\"beneficiary\":{");
	add_member(&b, "first_name", db_str(&cs, 0, HC_FIRST), 1);
	add_member(&b, "last_name", db_str(&cs, 0, HC_LAST), 0);
	const char *phone = db_str(&cs, 0, HC_PHONE);
	add_member(&b, "phone", phone && *phone ? help_phone_tel(a, phone) : NULL, 0);
	add_member(&b, "address", db_str(&cs, 0, HC_ADDRESS), 0);
	add_member(&b, "village", db_str(&cs, 0, HC_AREA_NAME), 0);
	buf_addc(&b, '}');
	add_member(&b, "amka", amka && *amka ? amka : NULL, 0);
	size_t n = add_prescriptions(a, &b, h.prescriptions);
	add_member(&b, "details", db_str(&cs, 0, HC_DETAILS), 0);
	add_member(&b, "notes", h.details, 0);
	add_member(&b, "callback_url",
	           arena_printf(a, "%s/api/pharmacy/callback", c->conf->site_url), 0);
	buf_addc(&b, '}');
	const char *json = arena_strndup(a, b.p, b.len);
	buf_free(&b);
	if (n == 0)
		return refuse_queue(why, "hph.err_no_prescription");

	const char *nonce = NULL;
	rc = outbox_add_webhook(a, "help.pharmacy", "pharmacy",
	                        arena_printf(a, "Συνταγή της υπόθεσης #%lld", case_id), json,
	                        &nonce);
	if (rc == DB_OK)
		rc = db_pharmacy_set_state(a, case_id, "queued");
	if (rc == DB_OK)
		rc = db_help_event(a, case_id, c->staff ? c->staff->id : 0, "pharmacy", "queued",
		                   0, "");
	if (rc == DB_OK)
		log_msg(LOG_INFO, c->r->rid, "msg=\"prescription queued for the pharmacy\""
		        " case=%lld nonce=%s", case_id, nonce ? nonce : "-");
	return rc;
}

void help_pharmacy_send(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = strtoll(c->r->cap[0], NULL, 10);
	struct db_res cs;
	int rc = db_help_case(a, id, &cs);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (cs.nrows == 0) {
		page_error(c, 404, "hph.err_no_case");
		return;
	}
	const char *why = NULL;
	if ((rc = db_begin()) == DB_OK)
		rc = help_pharmacy_queue(c, id, &why);
	if (why != NULL) {
		db_rollback();
		/* A second press (or a colleague's) finds it sent: the first
		 * press's answer. */
		if (strcmp(why, "hph.err_already_sent") == 0) {
			admin_redirect(c, arena_printf(a, "/admin/help/cases/%lld?done=pharmacy", id));
			return;
		}
		page_error(c, strcmp(why, "hph.err_no_case") == 0 ? 404 : 422, why);
		return;
	}
	if (db_in_transaction())
		rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	admin_redirect(c, arena_printf(a, "/admin/help/cases/%lld?done=pharmacy", id));
}

/* ---- the callbacks ------------------------------------------------------------ */

static const char *const statuses[] = { "received", "prepared", "ready", "delivered",
	                                "problem", NULL };

/* The JSON answer. */
static void answer(struct ctx *c, int status, const char *json)
{
	resp_clear_body(c->res);
	c->res->status = status;
	c->res->ctype = "application/json";
	c->res->cache = "no-store";
	c->res->location = NULL;
	buf_adds(&c->res->out, json);
	buf_addc(&c->res->out, '\n');
}

/* Refuse the callback: nothing it asked is kept (roll back), the reason
 * goes to the log with the client's address and to audit_log, and the
 * association gets {"error": reason}. */
static void refuse(struct ctx *c, int status, const char *reason, long long case_id)
{
	struct arena *a = c->r->a;
	if (db_in_transaction())
		db_rollback();
	const char *obj = case_id > 0 ? arena_printf(a, "%lld", case_id) : "";
	log_msg(LOG_WARN, c->r->rid, "msg=\"pharmacy callback refused: %s\" status=%d case=%s"
	        " addr=%s", reason, status, case_id > 0 ? obj : "-", c->r->remote_addr);
	if (audit_write(c, 0, "pharmacy", "pharmacy_refused", "help_case", obj, reason) != DB_OK)
		log_msg(LOG_ERROR, c->r->rid, "msg=\"audit_write failed for a refused "
		        "pharmacy callback\"");
	struct buf b;
	buf_init(&b, 128);
	buf_adds(&b, "{\"error\":");
	json_add_str(&b, reason);
	buf_addc(&b, '}');
	answer(c, status, arena_strndup(a, b.p, b.len));
	buf_free(&b);
}

static int all_digits(const char *s, size_t min, size_t max)
{
	size_t n = s ? strlen(s) : 0;
	if (n < min || n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A nonce: 16-64 of [A-Za-z0-9_-]. */
static int nonce_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 16 || n > 64)
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

/* The order of the association's states; "problem" stands apart. */
static int rank(const char *s)
{
	static const char *const order[] = { "queued", "received", "prepared", "ready",
		                             "delivered", NULL };
	return help_index(order, s);
}

/* 0 if the case may go from state from to state to, else the reason. */
static const char *move_refused(const char *from, const char *to)
{
	if (strcmp(from, "delivered") == 0)
		return "the case was already delivered";
	if (strcmp(to, "problem") == 0 || strcmp(from, "problem") == 0 ||
	    strcmp(from, "queued") == 0)
		return NULL;
	return rank(to) > rank(from) ? NULL : "that status goes back in the order of states";
}

/* Queue the assignee's mail: the medicines are ready for pickup, with the
 * signed link of their task; nothing of the resident in it. */
static int mail_ready(struct ctx *c, long long case_id, long long assignee)
{
	struct arena *a = c->r->a;
	struct db_res res;
	int rc = db_pharmacy_user_email(a, assignee, &res);
	if (rc != DB_OK || res.nrows == 0 || !outbox_address_ok(db_str(&res, 0, 0)))
		return rc;
	const char *link = arena_printf(a, "%s/admin/help/tasks/%lld?k=%s", c->conf->site_url,
	                                case_id,
	                                text_percent_encode(a, help_task_sig(a, (unsigned long long)case_id,
	                                                                     (unsigned long long)assignee)));
	struct mail m = {
		.kind = "help.pharmacy_ready",
		.to = db_str(&res, 0, 0),
		.subject = arena_printf(a, "%s (#%lld)", T(c, "hph.mail_ready_subject"), case_id),
		.text = arena_printf(a, "%s\n\n%s\n\n%s\n\n%s", T(c, "hph.mail_ready_intro"), link,
		                     T(c, "hph.mail_ready_signin"), c->conf->site_name),
	};
	return outbox_add(a, &m);
}

void pharmacy_callback(struct ctx *c)
{
	struct arena *a = c->r->a;
	const struct conf *cf = c->conf;
	if (!hook_secret_ok(cf->pharmacy_secret)) {
		log_msg(LOG_WARN, c->r->rid, "msg=\"pharmacy callback refused: pharmacy_secret is"
		        " not configured (at least %d bytes)\" addr=%s", HOOK_SECRET_MIN,
		        c->r->remote_addr);
		c->res->retry_after = 300;
		answer(c, 503, "{\"error\":\"callbacks are not configured\"}");
		return;
	}
	const char *ts = req_header(c->r, "x-agora-timestamp");
	const char *nonce = req_header(c->r, "x-agora-nonce");
	const char *sig = req_header(c->r, "x-agora-signature");
	if (!all_digits(ts, 1, 12) || !nonce_ok(nonce) || sig == NULL ||
	    strlen(sig) != HOOK_SIG_LEN || strncmp(sig, "sha256=", 7) != 0) {
		refuse(c, 401, "missing or invalid signature headers", 0);
		return;
	}
	long long now = (long long)time(NULL), t = strtoll(ts, NULL, 10);
	if (t < now - (long long)cf->pharmacy_tolerance || t > now + (long long)cf->pharmacy_tolerance) {
		refuse(c, 401, "timestamp outside the allowed window", 0);
		return;
	}
	if (!hook_sign_ok(cf->pharmacy_secret, ts, nonce, c->r->body, c->r->body_len, sig)) {
		refuse(c, 401, "bad signature", 0);
		return;
	}
	struct json_member *js;
	const char *why = NULL;
	if (json_parse_object(a, c->r->body, c->r->body_len, CALLBACK_MAX, &js, &why) != 0) {
		refuse(c, 400, arena_printf(a, "malformed JSON: %s", why), 0);
		return;
	}
	long long id;
	if (!json_int(json_get(js, "case"), 1, 4294967295LL, &id)) {
		refuse(c, 400, "\"case\" must be a case number", 0);
		return;
	}
	const struct json_member *ev = json_get(js, "event");
	if (ev != NULL && (ev->type != JSON_STRING || strcmp(ev->val, "prescription.status") != 0)) {
		refuse(c, 400, "\"event\" must be \"prescription.status\"", id);
		return;
	}
	const struct json_member *st = json_get(js, "status");
	if (st == NULL || st->type != JSON_STRING || help_index(statuses, st->val) < 0) {
		refuse(c, 400, "unknown \"status\"", id);
		return;
	}
	const struct json_member *nm = json_get(js, "note");
	const char *note = "";
	if (nm != NULL && nm->type == JSON_STRING)
		note = nm->val;
	else if (nm != NULL && nm->type != JSON_NULL) {
		refuse(c, 400, "\"note\" must be a string", id);
		return;
	}
	if (text_chars(note) > NOTE_MAX) {
		refuse(c, 400, "\"note\" is longer than 500 characters", id);
		return;
	}

	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_pharmacy_nonces_purge(a, cf->pharmacy_tolerance * 2 + 60);
	if (rc == DB_OK)
		rc = db_pharmacy_nonce_add(a, nonce);
	if (rc == DB_DUP) {
		refuse(c, 401, "nonce already used (a replay)", id);
		return;
	}
	struct db_res cs;
	if (rc == DB_OK)
		rc = db_help_case_lock(a, id, &cs);
	if (rc != DB_OK) {
		db_rollback();
		log_msg(LOG_ERROR, c->r->rid, "msg=\"pharmacy callback: database error\" case=%lld",
		        id);
		c->res->retry_after = 30;
		answer(c, 503, "{\"error\":\"database unavailable, try again\"}");
		return;
	}
	if (cs.nrows == 0) {
		refuse(c, 404, "unknown case", id);
		return;
	}
	const char *from = db_str(&cs, 0, HC_PHARMACY), *to = st->val;
	if (strcmp(from, "none") == 0) {
		refuse(c, 404, "this case was never sent to the pharmacy", id);
		return;
	}
	int same = strcmp(from, to) == 0;
	const char *bad = same ? NULL : move_refused(from, to);
	if (bad != NULL) {
		refuse(c, 409, arena_printf(a, "%s (%s -> %s)", bad, from, to), id);
		return;
	}
	if (!same) {
		rc = db_pharmacy_set_state(a, id, to);
		if (rc == DB_OK)
			rc = db_help_event(a, id, 0, "pharmacy", to, 0, note);
		long long assignee = db_str(&cs, 0, HC_ASSIGNEE) ? db_ll(&cs, 0, HC_ASSIGNEE) : 0;
		if (rc == DB_OK && strcmp(to, "ready") == 0 && assignee > 0)
			rc = mail_ready(c, id, assignee);
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		log_msg(LOG_ERROR, c->r->rid, "msg=\"pharmacy callback: database error\" case=%lld",
		        id);
		c->res->retry_after = 30;
		answer(c, 503, "{\"error\":\"database unavailable, try again\"}");
		return;
	}
	log_msg(LOG_INFO, c->r->rid, "msg=\"pharmacy callback\" case=%lld state=%s%s", id, to,
	        same ? " (unchanged)" : "");
	answer(c, 200, arena_printf(a, "{\"ok\":true,\"case\":%lld,\"state\":\"%s\"%s}", id, to,
	                            same ? ",\"unchanged\":true" : ""));
}
