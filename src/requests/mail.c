/*
 * mail.c - a request's confirmation and its department's notices
 * (mail.h).  Texts in the reporter's language (the department's in Greek);
 * links absolute from site_url.  The reporter's personal data go to no
 * one but the reporter: the department's notice links to the staff page.
 */
#include "requests/mail.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/conf.h"
#include "mail/outbox.h"

static const struct conf *cf;

void rq_mail_setup(const struct conf *c)
{
	cf = c;
}

/* "2026-12-15" as "15/12/2026". */
static const char *day_of(struct arena *a, const char *ymd)
{
	int y, m, d;
	if (ymd == NULL || sscanf(ymd, "%d-%d-%d", &y, &m, &d) != 3)
		return ymd ? ymd : "";
	return arena_printf(a, "%d/%d/%d", d, m, y);
}

static const char *site(int en)
{
	return en && cf->site_name_en && *cf->site_name_en ? cf->site_name_en : cf->site_name;
}

/* The department's mailbox for department id, or NULL. */
static const char *mailbox(struct arena *a, long long id)
{
	struct db_res res;
	if (id <= 0 || db_rq_department_mail(a, id, &res) != DB_OK || res.nrows == 0)
		return NULL;
	const char *to = db_str(&res, 0, 0);
	return to && outbox_address_ok(to) ? to : NULL;
}

int rq_mail_submitted(struct arena *a, const struct rq_new *n, const char *code,
                      long long protocol)
{
	int rc = DB_OK;
	int en = n->lang && strcmp(n->lang, "en") == 0;
	const char *url = arena_printf(a, "%s%s/requests/%s", cf->site_url, en ? "/en" : "", code);
	if (n->email && *n->email && outbox_address_ok(n->email)) {
		struct mail m = { .kind = "request.confirm", .to = n->email };
		if (en) {
			m.subject = arena_printf(a, "Your request %s was received", code);
			m.text = arena_printf(a,
			    "We received your request. Keep its code to follow it.\n\n"
			    "Tracking code: %s\nProtocol number: %lld/%d\nCategory: %s\nAddress: %s\n"
			    "Expected by: %s\n\nFollow its progress: %s\n\n"
			    "We will write to you at every change of its status.\n\n%s",
			    code, protocol, n->year, n->category_label_en, n->address,
			    day_of(a, n->due_date), url, site(1));
		} else {
			m.subject = arena_printf(a, "Το αίτημά σας %s καταχωρίστηκε", code);
			m.text = arena_printf(a,
			    "Λάβαμε το αίτημά σας. Κρατήστε τον κωδικό του για να το παρακολουθείτε.\n\n"
			    "Κωδικός παρακολούθησης: %s\nΑριθμός πρωτοκόλλου: %lld/%d\nΚατηγορία: %s\n"
			    "Διεύθυνση: %s\nΑναμενόμενη επίλυση έως: %s\n\nΔείτε την πορεία του: %s\n\n"
			    "Θα σας γράψουμε σε κάθε αλλαγή της κατάστασής του.\n\n%s",
			    code, protocol, n->year, n->category_label, n->address,
			    day_of(a, n->due_date), url, site(0));
		}
		rc = outbox_add(a, &m);
	}
	const char *to = mailbox(a, n->department);
	if (rc == DB_OK && to != NULL) {
		struct mail m = {
			.kind = "request.new", .to = to,
			.subject = arena_printf(a, "Νέο αίτημα %s: %s, %s", code, n->category_label,
			                        n->address),
			.text = arena_printf(a,
			    "Νέο αίτημα πολίτη για την υπηρεσία σας%s.\n\n"
			    "Κωδικός: %s\nΚατηγορία: %s\nΔιεύθυνση: %s\nΠροθεσμία: %s\n\n%s\n\n"
			    "Χειρισμός: %s/admin/requests/%s\n\n%s",
			    n->channel && strcmp(n->channel, "phone") == 0 ? " (από τηλεφώνημα)" : "",
			    code, n->category_label, n->address, day_of(a, n->due_date),
			    n->description, cf->site_url, code, site(0)),
		};
		rc = outbox_add(a, &m);
	}
	return rc;
}

int rq_mail_disputed(struct arena *a, long long id, const char *comment)
{
	struct db_res res;
	int rc = db_rq_dispute_facts(a, id, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	const char *to = db_str(&res, 0, 2);
	if (to == NULL || !outbox_address_ok(to))
		return DB_OK;
	const char *code = db_str(&res, 0, 0);
	struct mail m = {
		.kind = "request.reopened", .to = to,
		.subject = arena_printf(a, "Το αίτημα %s άνοιξε ξανά: το πρόβλημα παραμένει", code),
		.text = arena_printf(a,
		    "Ο/η αιτών/ούσα λέει ότι το πρόβλημα του αιτήματος %s (%s) δεν λύθηκε· "
		    "το αίτημα άνοιξε ξανά.\n\n%s%s%s"
		    "Χειρισμός: %s/admin/requests/%s\n\n%s",
		    code, db_str(&res, 0, 1), comment ? "Σχόλιό του/της:\n" : "",
		    comment ? comment : "", comment ? "\n\n" : "", cf->site_url, code, site(0)),
	};
	return outbox_add(a, &m);
}
