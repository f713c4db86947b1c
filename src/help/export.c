/*
 * export.c - one resident's data as JSON (export.h), for the web page
 * (export_web.c) and agora-admin.  Reads help_beneficiaries, help_cases,
 * help_case_events, help_web_contacts, areas and users (display names),
 * and the special-category tables help_health, help_case_health and
 * help_health_notes: health.h says only health.c reads those; this file
 * is the one documented exception, a resident's own access request
 * (GDPR Art. 15), whose callers write their own audit row
 * ("help_export") before calling it.  Writes nothing.
 *
 * Every query reads one resident's rows through an index
 * (help_cases_ben, help_events_case, help_health_notes_case, primary
 * keys), in keyset batches, so a resident with a long history costs a
 * few more round trips, never a scan.
 */
#include "help/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/utf8.h"
#include "db/db.h"
#include "db/public.h"

/* ---- JSON writing ------------------------------------------------------ */

/* A JSON string: UTF-8 kept, quotes, backslashes and control characters
 * escaped (U+2028 and U+2029 too, for readers that eval), an invalid byte
 * replaced by U+FFFD. */
static void j_string_n(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)ch);
			i++;
		} else if (ch < 0x20) {
			switch (ch) {
			case '\n': buf_adds(b, "\\n"); break;
			case '\r': buf_adds(b, "\\r"); break;
			case '\t': buf_adds(b, "\\t"); break;
			case '\b': buf_adds(b, "\\b"); break;
			case '\f': buf_adds(b, "\\f"); break;
			default: buf_printf(b, "\\u%04x", ch);
			}
			i++;
		} else if (ch < 0x80) {
			buf_addc(b, (char)ch);
			i++;
		} else {
			unsigned cp;
			int k = utf8_decode(s + i, n - i, &cp);
			if (k == 0) {
				buf_adds(b, "\\ufffd");
				i++;
			} else if (cp == 0x2028 || cp == 0x2029) {
				buf_printf(b, "\\u%04x", cp);
				i += (size_t)k;
			} else {
				buf_add(b, s + i, (size_t)k);
				i += (size_t)k;
			}
		}
	}
	buf_addc(b, '"');
}

static void j_string(struct buf *b, const char *s)
{
	j_string_n(b, s, strlen(s));
}

/* A writer that indents by two spaces and puts the commas. */
#define J_DEPTH 8
struct jw {
	struct buf *b;
	int depth;
	int first[J_DEPTH + 1];
};

/* Before a value: the comma, the new line, the key (NULL in an array). */
static void j_sep(struct jw *w, const char *key)
{
	if (w->depth > 0) {
		if (!w->first[w->depth])
			buf_addc(w->b, ',');
		w->first[w->depth] = 0;
		buf_addc(w->b, '\n');
		for (int i = 0; i < w->depth; i++)
			buf_adds(w->b, "  ");
	}
	if (key != NULL) {
		j_string(w->b, key);
		buf_adds(w->b, ": ");
	}
}

static void j_open(struct jw *w, const char *key, char c)
{
	j_sep(w, key);
	buf_addc(w->b, c);
	if (w->depth < J_DEPTH)
		w->depth++;
	w->first[w->depth] = 1;
}

static void j_close(struct jw *w, char c)
{
	int empty = w->first[w->depth];
	w->depth--;
	if (!empty) {
		buf_addc(w->b, '\n');
		for (int i = 0; i < w->depth; i++)
			buf_adds(w->b, "  ");
	}
	buf_addc(w->b, c);
}

static void j_str(struct jw *w, const char *key, const char *s)
{
	j_sep(w, key);
	if (s == NULL)
		buf_adds(w->b, "null");
	else
		j_string(w->b, s);
}

/* An integer column as a number (null for NULL or text that is not one). */
static void j_int(struct jw *w, const char *key, const char *s)
{
	j_sep(w, key);
	char *end;
	long long v = s != NULL ? strtoll(s, &end, 10) : 0;
	if (s == NULL || *s == '\0' || *end != '\0')
		buf_adds(w->b, "null");
	else
		buf_printf(w->b, "%lld", v);
}

/* Unix time (decimal text) -> "2026-11-27T17:58:00+02:00" in the
 * process's zone (as site/feed.c writes Atom times), null for NULL. */
static void j_time(struct jw *w, const char *key, const char *unix_time)
{
	j_sep(w, key);
	struct tm tm;
	char s[32];
	time_t t = unix_time != NULL ? (time_t)strtoll(unix_time, NULL, 10) : 0;
	if (unix_time == NULL || localtime_r(&t, &tm) == NULL ||
	    strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%S", &tm) == 0) {
		buf_adds(w->b, "null");
		return;
	}
	long off = tm.tm_gmtoff;
	char sign = off < 0 ? '-' : '+';
	off = labs(off) / 60;
	if (off == 0)
		buf_printf(w->b, "\"%sZ\"", s);
	else
		buf_printf(w->b, "\"%s%c%02ld:%02ld\"", s, sign, off / 60, off % 60);
}

/* A list stored as text, split at sep, as an array of its non-empty
 * items (a SET value, prescriptions one per line). */
static void j_split(struct jw *w, const char *key, const char *s, char sep)
{
	j_open(w, key, '[');
	if (s != NULL)
		for (const char *p = s; *p;) {
			const char *e = strchr(p, sep);
			size_t len = e ? (size_t)(e - p) : strlen(p), n = len;
			while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
				n--;
			if (n > 0) {
				j_sep(w, NULL);
				j_string_n(w->b, p, n);
			}
			p += e ? len + 1 : len;
		}
	j_close(w, ']');
}

/* ---- rows as objects --------------------------------------------------- */

/* A query's columns: enum name, JSON key, kind, SQL.  Kinds: 's' text,
 * 'i' integer, 't' time (the SQL gives UNIX_TIMESTAMP), '-' read but
 * written by hand. */
#define EX_SQL_(e, key, kind, sql) sql ", "
#define EX_ENUM_(e, key, kind, sql) e,
#define EX_DESC_(e, key, kind, sql) { key, kind },
#define EX_ONE_(e, key, kind, sql) +1
#define EX_COLUMNS(list) list(EX_SQL_) "NULL"
#define EX_NCOLS(list) (0 list(EX_ONE_) + 1)
#define UT(col) "UNIX_TIMESTAMP(" col ")"
#define NAME_OF(col) "(SELECT display_name FROM users WHERE id = " col ")"

struct ex_col {
	const char *key;
	char kind;
};

/* Columns 0..n-1 of row i of res as members of the open object. */
static void j_row(struct jw *w, const struct db_res *res, size_t i,
                  const struct ex_col *cols, int n)
{
	for (int k = 0; k < n; k++) {
		const char *v = db_str(res, i, k);
		switch (cols[k].kind) {
		case 's': j_str(w, cols[k].key, v); break;
		case 'i': j_int(w, cols[k].key, v); break;
		case 't': j_time(w, cols[k].key, v); break;
		default: break;
		}
	}
}

#define BEN_COLS(X)                                                            \
	X(B_ID, "id", 'i', "b.id") X(B_FIRST, "first_name", 's', "b.first_name") \
	X(B_LAST, "last_name", 's', "b.last_name") X(B_PHONE, "phone", 's', "b.phone") \
	X(B_PHONE2, "phone2", 's', "b.phone2") X(B_ADDRESS, "address", 's', "b.address") \
	X(B_AREA_ID, "area_id", 'i', "b.area_id")                               \
	X(B_AREA, "area", 's', "(SELECT name_el FROM areas WHERE id = b.area_id)") \
	X(B_HOUSEHOLD, "household", 's', "b.household") X(B_LANG, "lang", 's', "b.lang") \
	X(B_CONSENT_AT, "consent_at", 't', UT("b.consent_at"))                  \
	X(B_CONSENT_HOW, "consent_how", 's', "b.consent_how")                   \
	X(B_CONSENT_BY, "consent_by", 's', NAME_OF("b.consent_by"))             \
	X(B_CREATED, "created_at", 't', UT("b.created_at"))                     \
	X(B_CREATED_BY, "created_by", 's', NAME_OF("b.created_by"))             \
	X(B_UPDATED, "updated_at", 't', UT("b.updated_at"))                     \
	X(B_LAST_CASE, "last_case_at", 't', UT("b.last_case_at"))               \
	X(B_ANON, "anonymised_at", 't', UT("b.anonymised_at"))
enum { BEN_COLS(EX_ENUM_) B__END };
static const struct ex_col ben_cols[] = { BEN_COLS(EX_DESC_) };
static struct db_stmt st_ben = DB_READ(
    "SELECT " EX_COLUMNS(BEN_COLS) " FROM help_beneficiaries b WHERE b.id = ?",
    EX_NCOLS(BEN_COLS));

#define HEALTH_COLS(X)                                                         \
	X(H_VULN, "vulnerability", '-', "h.vulnerability")                      \
	X(H_COND, "conditions", 's', "h.conditions") X(H_AMKA, "amka", 's', "h.amka") \
	X(H_UPDATED, "updated_at", 't', UT("h.updated_at"))                     \
	X(H_UPDATED_BY, "updated_by", 's', NAME_OF("h.updated_by"))
enum { HEALTH_COLS(EX_ENUM_) H__END };
static const struct ex_col health_cols[] = { HEALTH_COLS(EX_DESC_) };
static struct db_stmt st_health = DB_READ(
    "SELECT " EX_COLUMNS(HEALTH_COLS) " FROM help_health h WHERE h.beneficiary_id = ?",
    EX_NCOLS(HEALTH_COLS));

#define CASE_COLS(X)                                                           \
	X(C_ID, "id", 'i', "c.id") X(C_TYPE, "type", 's', "c.type")             \
	X(C_ERRAND, "errand", 's', "c.errand") X(C_DETAILS, "details", 's', "c.details") \
	X(C_URGENCY, "urgency", 's', "c.urgency")                               \
	X(C_WANTED, "wanted_by", 't', UT("c.wanted_by"))                        \
	X(C_CHANNEL, "channel", 's', "c.channel") X(C_STATUS, "status", 's', "c.status") \
	X(C_AREA_ID, "area_id", 'i', "c.area_id")                               \
	X(C_AREA, "area", 's', "(SELECT name_el FROM areas WHERE id = c.area_id)") \
	X(C_ASSIGNEE, "assignee", 's', NAME_OF("c.assignee_id"))                \
	X(C_CALLER, "caller_name", 's', "c.caller_name")                        \
	X(C_CALLER_PHONE, "caller_phone", 's', "c.caller_phone")                \
	X(C_CALLER_REL, "caller_relation", 's', "c.caller_relation")            \
	X(C_PHARMACY, "pharmacy_state", 's', "c.pharmacy_state")                \
	X(C_PHARMACY_AT, "pharmacy_at", 't', UT("c.pharmacy_at"))               \
	X(C_CREATED, "created_at", 't', UT("c.created_at"))                     \
	X(C_CREATED_BY, "created_by", 's', NAME_OF("c.created_by"))             \
	X(C_UPDATED, "updated_at", 't', UT("c.updated_at"))                     \
	X(C_ASSIGNED, "assigned_at", 't', UT("c.assigned_at"))                  \
	X(C_CLOSED, "closed_at", 't', UT("c.closed_at"))                        \
	X(C_ANON, "anonymised_at", 't', UT("c.anonymised_at"))
enum { CASE_COLS(EX_ENUM_) C__END };
static const struct ex_col case_cols[] = { CASE_COLS(EX_DESC_) };
#define CASE_BATCH 100
static struct db_stmt st_cases = DB_READ(
    "SELECT " EX_COLUMNS(CASE_COLS) " FROM help_cases c"
    " WHERE c.beneficiary_id = ? AND c.id > ? ORDER BY c.id LIMIT " SQL_STR(CASE_BATCH),
    EX_NCOLS(CASE_COLS));

#define CH_COLS(X)                                                             \
	X(CH_PRESC, "prescriptions", '-', "prescriptions")                      \
	X(CH_AMKA, "amka", 's', "amka") X(CH_DETAILS, "details", 's', "details")
enum { CH_COLS(EX_ENUM_) CH__END };
static const struct ex_col ch_cols[] = { CH_COLS(EX_DESC_) };
static struct db_stmt st_case_health = DB_READ(
    "SELECT " EX_COLUMNS(CH_COLS) " FROM help_case_health WHERE case_id = ?",
    EX_NCOLS(CH_COLS));

#define ROW_BATCH 500
#define NOTE_COLS(X)                                                           \
	X(N_ID, "id", '-', "n.id") X(N_AT, "at", 't', UT("n.at"))                \
	X(N_AUTHOR, "author", 's', "COALESCE(u.display_name, '')")              \
	X(N_BODY, "body", 's', "n.body")
enum { NOTE_COLS(EX_ENUM_) N__END };
static const struct ex_col note_cols[] = { NOTE_COLS(EX_DESC_) };
static struct db_stmt st_notes = DB_READ(
    "SELECT " EX_COLUMNS(NOTE_COLS) " FROM help_health_notes n"
    " LEFT JOIN users u ON u.id = n.user_id WHERE n.case_id = ? AND n.id > ?"
    " ORDER BY n.id LIMIT " SQL_STR(ROW_BATCH), EX_NCOLS(NOTE_COLS));

#define EVENT_COLS(X)                                                          \
	X(E_ID, "id", '-', "e.id") X(E_AT, "at", 't', UT("e.at"))                \
	X(E_KIND, "kind", 's', "e.kind") X(E_STATUS, "status", 's', "e.status")  \
	X(E_USER, "by", 's', "COALESCE(u.display_name, '')")                    \
	X(E_ASSIGNEE, "assignee", 's', NAME_OF("e.assignee_id"))                \
	X(E_NOTE, "note", 's', "e.note")
enum { EVENT_COLS(EX_ENUM_) E__END };
static const struct ex_col event_cols[] = { EVENT_COLS(EX_DESC_) };
static struct db_stmt st_events = DB_READ(
    "SELECT " EX_COLUMNS(EVENT_COLS) " FROM help_case_events e"
    " LEFT JOIN users u ON u.id = e.user_id WHERE e.case_id = ? AND e.id > ?"
    " ORDER BY e.id LIMIT " SQL_STR(ROW_BATCH), EX_NCOLS(EVENT_COLS));

#define WEB_COLS(X)                                                            \
	X(W_NAME, "name", 's', "w.name") X(W_PHONE, "phone", 's', "w.phone")     \
	X(W_ADDRESS, "address", 's', "w.address") X(W_AREA_ID, "area_id", 'i', "w.area_id") \
	X(W_AREA, "area", 's', "(SELECT name_el FROM areas WHERE id = w.area_id)") \
	X(W_EMAIL, "email", 's', "w.email")
enum { WEB_COLS(EX_ENUM_) W__END };
static const struct ex_col web_cols[] = { WEB_COLS(EX_DESC_) };
static struct db_stmt st_web = DB_READ(
    "SELECT " EX_COLUMNS(WEB_COLS) " FROM help_web_contacts w WHERE w.case_id = ?",
    EX_NCOLS(WEB_COLS));

static struct db_stmt st_now = DB_READ("SELECT UNIX_TIMESTAMP(), NULL", 2);

/* ---- the document ------------------------------------------------------ */

int help_export_find(struct arena *a, long long id)
{
	struct db_res res;
	int rc = db_run(a, &st_ben, &res, "i", id);
	return rc != DB_OK ? rc : res.nrows == 0 ? HELP_EXPORT_NONE : DB_OK;
}

/* A case's rows of a batched child query (notes, events) as an array of
 * objects; the id column idc is the keyset. */
static int j_children(struct jw *w, struct arena *a, const char *key,
                      struct db_stmt *st, long long case_id,
                      const struct ex_col *cols, int n, int idc)
{
	j_open(w, key, '[');
	long long last = 0;
	struct db_res res;
	do {
		int rc = db_run(a, st, &res, "ii", case_id, last);
		if (rc != DB_OK)
			return rc;
		for (size_t i = 0; i < res.nrows; i++) {
			j_open(w, NULL, '{');
			j_row(w, &res, i, cols, n);
			j_close(w, '}');
			last = db_ll(&res, i, idc);
		}
	} while (res.nrows == ROW_BATCH);
	j_close(w, ']');
	return DB_OK;
}

static int j_case(struct jw *w, struct arena *a, const struct db_res *cases, size_t i)
{
	long long id = db_ll(cases, i, C_ID);
	j_open(w, NULL, '{');
	j_row(w, cases, i, case_cols, C__END);
	struct db_res res;
	int rc = db_run(a, &st_case_health, &res, "i", id);
	if (rc != DB_OK)
		return rc;
	if (res.nrows == 0) {
		j_str(w, "health", NULL);
	} else {
		j_open(w, "health", '{');
		j_split(w, "prescriptions", db_str(&res, 0, CH_PRESC), '\n');
		j_row(w, &res, 0, ch_cols, CH__END);
		j_close(w, '}');
	}
	if ((rc = j_children(w, a, "health_notes", &st_notes, id, note_cols, N__END,
	                     N_ID)) != DB_OK ||
	    (rc = j_children(w, a, "events", &st_events, id, event_cols, E__END,
	                     E_ID)) != DB_OK)
		return rc;
	if ((rc = db_run(a, &st_web, &res, "i", id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		j_str(w, "web_contact", NULL);
	} else {
		j_open(w, "web_contact", '{');
		j_row(w, &res, 0, web_cols, W__END);
		j_close(w, '}');
	}
	j_close(w, '}');
	return DB_OK;
}

static int export_doc(struct arena *a, long long id, struct jw *w)
{
	struct db_res ben, res;
	int rc = db_run(a, &st_ben, &ben, "i", id);
	if (rc != DB_OK)
		return rc;
	if (ben.nrows == 0)
		return HELP_EXPORT_NONE;
	if ((rc = db_run(a, &st_now, &res, "")) != DB_OK)
		return rc;
	j_open(w, NULL, '{');
	j_open(w, "export", '{');
	j_str(w, "format", "agora-help-export/1");
	j_time(w, "at", db_str(&res, 0, 0));
	j_int(w, "resident_id", db_str(&ben, 0, B_ID));
	j_close(w, '}');
	j_open(w, "resident", '{');
	j_row(w, &ben, 0, ben_cols, B__END);
	j_close(w, '}');
	if ((rc = db_run(a, &st_health, &res, "i", id)) != DB_OK)
		return rc;
	if (res.nrows == 0) {
		j_str(w, "health", NULL);
	} else {
		j_open(w, "health", '{');
		j_split(w, "vulnerability", db_str(&res, 0, H_VULN), ',');
		j_row(w, &res, 0, health_cols, H__END);
		j_close(w, '}');
	}
	j_open(w, "cases", '[');
	long long last = 0;
	do {
		if ((rc = db_run(a, &st_cases, &res, "ii", id, last)) != DB_OK)
			return rc;
		for (size_t i = 0; i < res.nrows; i++) {
			if ((rc = j_case(w, a, &res, i)) != DB_OK)
				return rc;
			last = db_ll(&res, i, C_ID);
		}
	} while (res.nrows == CASE_BATCH);
	j_close(w, ']');
	j_close(w, '}');
	buf_addc(w->b, '\n');
	return DB_OK;
}

int help_export_json(struct arena *a, long long id, struct buf *out)
{
	struct jw w = { .b = out };
	/* One snapshot: a case closed or a note added meanwhile is either
	 * all in the document or not at all. */
	int rc = db_begin();
	if (rc != DB_OK)
		return rc;
	rc = export_doc(a, id, &w);
	int end = db_end(DB_OK); /* nothing was written: the reads' result stands */
	return rc != DB_OK ? rc : end;
}
