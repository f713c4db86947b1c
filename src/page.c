/*
 * page.c - the site layout, error pages and Greek dates.
 *
 * Every HTML page is views/layout.tpl with the page's own template included
 * as CONTENT.  Site-wide values (name, contact details) are set once here, so
 * a handler only fills its own content dictionary.
 */
#include "page.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "log.h"

/* The main navigation; one row per entry, in display order. */
static const struct nav {
	const char *href;
	const char *label;
	int page; /* the page that marks it current, or -1 */
} nav[] = {
	{ "/", "Αρχική", PAGE_HOME },
	{ "/#latest", "Ενημέρωση", -1 },
	{ "/accessibility", "Προσβασιμότητα", PAGE_ACCESSIBILITY },
};

/* "22513 50500" -> "+302251350500" for a tel: link (Greek numbers have
 * ten digits; anything else is passed through without spaces). */
static const char *tel_uri(struct arena *a, const char *phone)
{
	char *d = arena_alloc(a, strlen(phone) + 4), *p = d;
	size_t digits = 0;
	for (const char *s = phone; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (*s != '+')
			continue;
		*p++ = *s;
	}
	*p = '\0';
	if (digits == 10 && d[0] != '+')
		return arena_printf(a, "+30%s", d);
	return d;
}

tmpl_dict *page_start(struct ctx *c, const char *title, const char *content,
                      const char *canonical, tmpl_dict **top)
{
	const struct conf *cf = c->conf;
	tmpl_dict *d = tmpl_dict_new(c->r->a);
	tmpl_set_global(d, "SITE_NAME", cf->site_name);
	tmpl_set(d, "TITLE", title);
	tmpl_set(d, "CONTACT_ADDRESS", cf->contact_address);
	tmpl_set(d, "CONTACT_PHONE", cf->contact_phone);
	tmpl_set(d, "CONTACT_TEL", tel_uri(c->r->a, cf->contact_phone));
	tmpl_set(d, "CONTACT_EMAIL", cf->contact_email);
	if (canonical != NULL) {
		tmpl_dict *l = tmpl_add(d, "CANONICAL");
		tmpl_set(l, "URL", arena_printf(c->r->a, "%s%s", cf->site_url,
		                                canonical));
	}
	for (size_t i = 0; i < sizeof(nav) / sizeof(nav[0]); i++) {
		tmpl_dict *n = tmpl_add(d, "NAV");
		tmpl_set(n, "HREF", nav[i].href);
		tmpl_set(n, "LABEL", nav[i].label);
		if (nav[i].page == (int)c->page)
			tmpl_show(n, "CURRENT");
	}
	*top = d;
	return tmpl_include(d, "CONTENT", content);
}

void page_render(struct ctx *c, tmpl_dict *top)
{
	if (tmpl_render("layout.tpl", top, &c->res->out) != 0) {
		log_msg(LOG_ERROR, c->r->rid, "msg=\"template failed\" page=%d",
		        (int)c->page);
		resp_clear_body(c->res);
		c->res->status = 500;
		c->res->ctype = "text/plain; charset=utf-8";
		buf_adds(&c->res->out, "Εσωτερικό σφάλμα. Internal error.\n");
	}
}

static const struct {
	int status;
	const char *title;
	const char *text;
} errors[] = {
	{ 400, "Μη έγκυρη αίτηση",
	  "Η αίτηση που στάλθηκε δεν είναι έγκυρη." },
	{ 403, "Δεν επιτρέπεται η πρόσβαση",
	  "Δεν έχετε δικαίωμα πρόσβασης σε αυτή τη σελίδα." },
	{ 404, "Η σελίδα δεν βρέθηκε",
	  "Η σελίδα που ζητήσατε δεν υπάρχει ή έχει μετακινηθεί." },
	{ 405, "Μη επιτρεπτή μέθοδος",
	  "Αυτή η διεύθυνση δεν δέχεται αυτού του είδους την αίτηση." },
	{ 413, "Πολύ μεγάλη αίτηση",
	  "Η αίτηση που στείλατε ξεπερνά το επιτρεπόμενο μέγεθος." },
	{ 415, "Μη υποστηριζόμενος τύπος",
	  "Ο τύπος των δεδομένων που στείλατε δεν υποστηρίζεται." },
	{ 422, "Τα στοιχεία χρειάζονται διόρθωση",
	  "Ελέγξτε τα στοιχεία της φόρμας και δοκιμάστε ξανά." },
	{ 500, "Εσωτερικό σφάλμα",
	  "Κάτι πήγε στραβά από τη δική μας πλευρά. Δοκιμάστε ξανά σε λίγο." },
	{ 503, "Η υπηρεσία είναι προσωρινά μη διαθέσιμη",
	  "Γίνεται συντήρηση ή υπάρχει προσωρινό πρόβλημα. "
	  "Δοκιμάστε ξανά σε λίγα λεπτά." },
};

void page_error(struct ctx *c, int status, const char *msg)
{
	const char *title = "Σφάλμα", *text = "";
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++)
		if (errors[i].status == status) {
			title = errors[i].title;
			text = errors[i].text;
		}
	resp_clear_body(c->res);
	c->res->status = status;
	c->res->ctype = "text/html; charset=utf-8";
	c->res->location = NULL;
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, title, "error.tpl", NULL, &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "MESSAGE", msg != NULL ? msg : text);
	tmpl_set_int(d, "STATUS", status);
	page_render(c, top);
}

void page_db_error(struct ctx *c, int rc)
{
	if (rc == -1 /* DB_DOWN */) {
		c->res->retry_after = 30;
		page_error(c, 503, NULL);
	} else {
		page_error(c, 500, NULL);
	}
}

static const char *const months_gen[] = {
	"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου",    "Απριλίου",
	"Μαΐου",      "Ιουνίου",     "Ιουλίου",    "Αυγούστου",
	"Σεπτεμβρίου", "Οκτωβρίου",  "Νοεμβρίου",  "Δεκεμβρίου",
};

const char *page_date_el(struct arena *a, const char *dt)
{
	int y, m, d;
	if (dt == NULL || sscanf(dt, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
	    m > 12)
		return dt;
	return arena_printf(a, "%d %s %d", d, months_gen[m - 1], y);
}

const char *page_date_iso(struct arena *a, const char *dt)
{
	char *s = arena_strdup(a, dt);
	if (s != NULL && strlen(s) > 10 && s[10] == ' ')
		s[10] = 'T';
	return s;
}
