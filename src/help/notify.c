/*
 * notify.c - a task's message to its volunteer or professional (see
 * notify.h).  Reads users and help_volunteers (db_help_contact), writes
 * the outbox and help_case_events.
 */
#include "help/notify.h"

#include <string.h>

#include "core/arena.h"
#include "core/i18n.h"
#include "help/db_help.h"
#include "help/help.h"
#include "mail/outbox.h"
#include "view/layout.h"

const char *help_task_url(struct ctx *c, long long case_id, long long user_id)
{
	return arena_printf(c->r->a, "%s/admin/help/tasks/%lld?k=%s", c->conf->site_url,
	                    case_id, help_task_sig(c->r->a, (unsigned long long)case_id,
	                                           (unsigned long long)user_id));
}

int help_notify_assigned(struct ctx *c, long long case_id, long long user_id,
                         const char *type, const char *wanted_by)
{
	struct arena *a = c->r->a;
	struct db_res k;
	int rc = db_help_contact(a, user_id, &k);
	if (rc != DB_OK || k.nrows == 0)
		return rc;
	/* Staff read Greek; the message is theirs, not the resident's. */
	enum lang el = LANG_EL;
	const char *what = i18n_get(el, help_label(help_types, help_type_labels, type));
	const char *when = page_date(c, wanted_by, 1);
	const char *url = help_task_url(c, case_id, user_id);
	const char *notify = db_str(&k, 0, HK_NOTIFY);
	const char *email = db_str(&k, 0, HK_EMAIL);
	const char *phone = db_str(&k, 0, HK_PHONE);
	int by_mail = notify == NULL || strcmp(notify, "sms") != 0;
	int by_sms = notify != NULL && strcmp(notify, "email") != 0;
	const char *sent = "";
	if (by_mail && email != NULL && outbox_address_ok(email)) {
		struct mail m = {
			.kind = "help.task",
			.to = email,
			.subject = arena_printf(a, "%s %lld: %s", i18n_get(el, "help.mail.subject"),
			                        case_id, what),
			.text = arena_printf(a, "%s\n\n%s: %s\n%s: %s\n\n%s\n%s\n\n%s\n",
			                     i18n_get(el, "help.mail.intro"),
			                     i18n_get(el, "help.mail.what"), what,
			                     i18n_get(el, "help.mail.when"), when,
			                     i18n_get(el, "help.mail.link"), url,
			                     i18n_get(el, "help.mail.privacy")),
		};
		rc = outbox_add(a, &m);
		sent = "email";
	}
	if (rc == DB_OK && by_sms && phone != NULL && phone[0]) {
		const char *to = help_phone_tel(a, phone);
		if (outbox_phone_ok(to)) {
			rc = outbox_add_sms(a, "help.task", to,
			                    arena_printf(a, "%s %lld: %s, %s. %s", i18n_get(el, "help.sms.task"),
			                                 case_id, what, when, url));
			sent = sent[0] ? "email,sms" : "sms";
		}
	}
	if (rc == DB_OK)
		rc = db_help_event(a, case_id, 0, "notified", "", user_id,
		                   sent[0] ? sent : "none");
	return rc;
}
