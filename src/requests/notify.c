/*
 * notify.c - the mails of a public change to a request (notify.h).
 *
 * What a mail says is what the tracking page shows: the new status and the
 * public reply, never the internal note or the change note (not even
 * selected).  The reporter's mail goes to the address of the request; each
 * confirmed follower's to its own, with its own unsubscribe link (in the
 * text and as List-Unsubscribe).  Followers are read 200 at a time on
 * their (request_id, email) key, so a request with many followers costs
 * no sort and no large result.
 */
#include "requests/notify.h"

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/log.h"
#include "db/db.h"
#include "http/valid.h"
#include "mail/outbox.h"
#include "requests/db_follow.h"
#include "requests/follow.h"
#include "requests/reporter.h"

#define FOLLOWERS_BATCH 200

static const struct conf *conf;

void rq_notify_setup(const struct conf *c)
{
	conf = c;
}

static enum lang lang_of(const char *code)
{
	return code != NULL && strcmp(code, "en") == 0 ? LANG_EN : LANG_EL;
}

/* Queue one update mail to `to` in language lang; unsubscribe is the
 * follower's page, or NULL for the reporter. */
static int queue(struct arena *a, const struct db_res *req, const struct db_res *ev,
                 const char *to, const char *lang, const char *unsubscribe)
{
	enum lang l = lang_of(lang);
	const char *code = db_str(req, 0, NR_CODE);
	const char *cat = l == LANG_EN && db_str(req, 0, NR_CATEGORY_EN)
	                          ? db_str(req, 0, NR_CATEGORY_EN)
	                          : db_str(req, 0, NR_CATEGORY);
	const char *site = l == LANG_EN ? conf->site_name_en : conf->site_name;
	const char *to_status = db_str(ev, 0, NE_TO);
	const char *reply = db_str(ev, 0, NE_REPLY);
	const char *label = to_status != NULL
	                        ? i18n_get(l, arena_printf(a, "rq.s_%s", to_status))
	                        : i18n_get(l, "rqp.feed_reply");
	const char *text = arena_printf(a, "%s %s (%s), %s.\n\n",
	                                i18n_get(l, "rqp.mail_update_intro"), code, cat, site);
	if (to_status != NULL)
		text = arena_printf(a, "%s%s %s\n\n", text, i18n_get(l, "rqp.mail_update_status"),
		                    label);
	if (reply != NULL && *reply)
		text = arena_printf(a, "%s%s\n%s\n\n", text, i18n_get(l, "rqp.mail_update_reply"),
		                    reply);
	text = arena_printf(a, "%s%s\n%s\n\n", text, i18n_get(l, "rqp.mail_tracking"),
	                    follow_request_url(a, conf, lang, code));
	if (unsubscribe != NULL)
		text = arena_printf(a, "%s%s\n%s\n", text, i18n_get(l, "rqp.mail_update_why_follower"),
		                    unsubscribe);
	else if (to_status != NULL && strcmp(to_status, "resolved") == 0)
		/* The reporter's signed link: confirm the fix, or dispute it. */
		text = arena_printf(a, "%s%s\n%s\n\n%s\n", text, i18n_get(l, "rq.mail_confirm_link"),
		                    rq_reporter_url(a, conf->site_url, code, lang),
		                    i18n_get(l, "rqp.mail_update_why_reporter"));
	else
		text = arena_printf(a, "%s%s\n", text, i18n_get(l, "rqp.mail_update_why_reporter"));
	text = arena_printf(a, "%s\n-- \n%s\n", text, site);
	struct mail m = {
		.kind = unsubscribe ? "request.update_follower" : "request.update",
		.to = to,
		.subject = arena_printf(a, "%s %s: %s", i18n_get(l, "rq.show_title"), code, label),
		.text = text,
		.unsubscribe = unsubscribe,
	};
	return outbox_add(a, &m);
}

static int notify(struct arena *a, long long request_id, long long event_id, long long *count)
{
	struct db_res req, ev, fol;
	*count = 0;
	if (conf == NULL) {
		log_error("msg=\"rq_notify_update before rq_notify_setup\"");
		return DB_ERR;
	}
	int rc = db_notify_request(a, request_id, &req);
	if (rc == DB_OK)
		rc = db_notify_event(a, request_id, event_id, &ev);
	if (rc != DB_OK)
		return rc;
	if (req.nrows == 0 || ev.nrows == 0) {
		log_error("msg=\"rq_notify_update: no such event of the request\" request=%lld event=%lld",
		          request_id, event_id);
		return DB_ERR;
	}
	const char *reply = db_str(&ev, 0, NE_REPLY);
	if (db_str(&ev, 0, NE_TO) == NULL && (reply == NULL || *reply == '\0'))
		return DB_OK; /* nothing public happened */
	const char *email = db_str(&req, 0, NR_EMAIL);
	if (email != NULL && *email) {
		if (outbox_address_ok(email)) {
			rc = queue(a, &req, &ev, email, db_str(&req, 0, NR_LANG), NULL);
			if (rc != DB_OK)
				return rc;
			++*count;
		} else {
			log_warn("msg=\"request reporter's address cannot take mail\" request=%lld",
			         request_id);
		}
	}
	const char *after = "";
	do {
		rc = db_notify_followers(a, request_id, after, FOLLOWERS_BATCH, &fol);
		for (size_t i = 0; rc == DB_OK && i < fol.nrows; i++) {
			const char *lang = db_str(&fol, i, NF_LANG);
			rc = queue(a, &req, &ev, db_str(&fol, i, NF_EMAIL), lang,
			           follow_url(a, conf, lang, db_str(&fol, i, NF_TOKEN)));
			if (rc == DB_OK)
				++*count;
		}
		if (rc == DB_OK && fol.nrows > 0)
			after = db_str(&fol, fol.nrows - 1, NF_EMAIL);
	} while (rc == DB_OK && fol.nrows == FOLLOWERS_BATCH);
	return rc;
}

int rq_notify_update(struct arena *a, long long request_id, long long event_id)
{
	long long n;
	return notify(a, request_id, event_id, &n);
}

void test_rq_notify(struct ctx *c)
{
	long long rid, eid, n = 0;
	c->res->ctype = "text/plain; charset=utf-8";
	if (!valid_int(req_form(c->r, "request_id"), 1, 4294967295LL, &rid) ||
	    !valid_int(req_form(c->r, "event_id"), 1, 9223372036854775807LL, &eid)) {
		c->res->status = 422;
		buf_adds(&c->res->out, "request_id and event_id must be whole numbers\n");
		return;
	}
	int rc = db_begin();
	if (rc == DB_OK)
		rc = notify(c->r->a, rid, eid, &n);
	rc = db_end(rc);
	if (rc != DB_OK) {
		c->res->status = rc == DB_DOWN ? 503 : 500;
		buf_adds(&c->res->out, "not queued\n");
		return;
	}
	buf_printf(&c->res->out, "queued %lld\n", n);
}
