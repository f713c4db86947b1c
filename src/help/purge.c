/*
 * purge.c - the support desk's retention rules (purge.h), run by
 * agora-admin.  Touches help_cases, help_case_health, help_health_notes,
 * help_web_contacts, help_case_events, help_beneficiaries, help_health,
 * help_pharmacy_nonces, outbox (webhook rows) and audit_log.  It deletes
 * the special-category rows without reading them (health.h's rule is about
 * reading).
 *
 * The period P is help_retention_days; "old" means older than NOW() - P,
 * computed once at the start of a run.
 *
 *   - A closed case (done, cancelled, unreachable) closed more than P ago
 *     and not yet anonymised: its health part, its professionals' notes and
 *     its online contact details are deleted; details, the caller's name,
 *     phone and relation and the form token are emptied, as is every note
 *     of its history; anonymised_at is set.  What the reports count is
 *     kept: type, errand, urgency, channel, status, village, dates,
 *     assignee, the history's kinds and statuses.  An open case is never
 *     touched, nor an unmatched online request still open.  (A closed case
 *     without closed_at, from before that column was kept, counts from its
 *     creation.)
 *   - A resident not yet anonymised with no open case whose last case (or,
 *     with none, whose record) is more than P old: names, phones, address
 *     and household notes are emptied, the health row deleted, anonymised_at
 *     set; the record that consent was given (consent_*), the village and
 *     the language stay.  Their closed cases are anonymised with them even
 *     when younger than P: the person is gone.  As a guard against a stale
 *     last_case_at, a resident with a case created within P is left.
 *   - The pharmacists' association's callback nonces older than twice the
 *     signature's tolerance are deleted (a replay that old fails the
 *     timestamp check anyway).
 *   - Webhook rows of the outbox (the prescriptions sent to the
 *     association) created more than P ago and no longer queued: body
 *     emptied.  The outbox only grows, so a run looks only at the rows that
 *     became old since the previous run (the time and period in the last
 *     help_purge audit row), or at all of them on the first run.
 *
 * Rows are chosen through the indexes help_cases_closed (anonymised_at,
 * closed_at), help_ben_idle (anonymised_at, last_case_at), help_nonces_at
 * and outbox_created, by keyset, HELP_PURGE_BATCH rows a transaction
 * (SELECT ... FOR UPDATE, then the rows one by one by primary key).  An
 * anonymised row leaves the scanned range, so the next run starts where
 * there is work.
 */
#include "help/purge.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/conf.h"
#include "db/db.h"
#include "db/public.h"

#define CLOSED "('done','cancelled','unreachable')"
#define OPEN "('new','assigned','in_progress')"
/* The keyset's start: before any stored time. */
#define FIRST_AT "1000-01-01 00:00:00"
#define DT(col) "DATE_FORMAT(" col ", '%Y-%m-%d %H:%i:%s')"

static struct db_stmt st_cutoff = DB_READ(
    "SELECT " DT("NOW() - INTERVAL ? DAY") ", NULL", 2);

/* ---- one case ---------------------------------------------------------- */

static struct db_stmt st_case_health = DB_WRITE(
    "DELETE FROM help_case_health WHERE case_id = ?");
static struct db_stmt st_case_notes = DB_WRITE(
    "DELETE FROM help_health_notes WHERE case_id = ?");
static struct db_stmt st_case_web = DB_WRITE(
    "DELETE FROM help_web_contacts WHERE case_id = ?");
static struct db_stmt st_case_events = DB_WRITE(
    "UPDATE help_case_events SET note = '' WHERE case_id = ? AND note <> ''");
static struct db_stmt st_case_anon = DB_WRITE(
    "UPDATE help_cases SET details = '', caller_name = '', caller_phone = '',"
    " caller_relation = '', form_token = NULL, anonymised_at = NOW(),"
    " updated_at = updated_at"
    " WHERE id = ? AND anonymised_at IS NULL AND status IN " CLOSED);

/* Anonymise closed case id, in the caller's transaction; *done 1 if it was
 * (0: already anonymised or open again). */
static int anon_case(struct arena *a, long long id, int *done)
{
	struct db_res res;
	*done = 0;
	int rc = db_run(a, &st_case_anon, &res, "i", id);
	if (rc != DB_OK || res.affected == 0)
		return rc;
	struct db_stmt *sts[] = { &st_case_health, &st_case_notes, &st_case_web,
	                          &st_case_events };
	for (size_t i = 0; i < sizeof(sts) / sizeof(sts[0]); i++)
		if ((rc = db_run(a, sts[i], NULL, "i", id)) != DB_OK)
			return rc;
	*done = 1;
	return DB_OK;
}

/* ---- old closed cases -------------------------------------------------- */

#define PICK_COLS(X) X(P_ID, "id") X(P_AT, "at_")
enum { DB_COLS_ENUM(PICK_COLS, P__END) };

/* Parameters: cutoff, cursor time (twice), cursor id. */
static struct db_stmt st_old_cases = DB_WRITE(
    "SELECT id, " DT("closed_at") " AS at_, NULL FROM help_cases"
    " FORCE INDEX (help_cases_closed)"
    " WHERE anonymised_at IS NULL AND closed_at < ?"
    " AND closed_at >= ? AND (closed_at > ? OR id > ?)"
    " AND status IN " CLOSED
    " ORDER BY closed_at, id LIMIT " SQL_STR(HELP_PURGE_BATCH) " FOR UPDATE");
/* Closed without closed_at: by creation.  Parameters: cutoff, cursor id. */
static struct db_stmt st_old_cases_null = DB_WRITE(
    "SELECT id, " DT("created_at") " AS at_, NULL FROM help_cases"
    " FORCE INDEX (help_cases_closed)"
    " WHERE anonymised_at IS NULL AND closed_at IS NULL AND created_at < ?"
    " AND id > ? AND status IN " CLOSED
    " ORDER BY id LIMIT " SQL_STR(HELP_PURGE_BATCH) " FOR UPDATE");

typedef void progress_fn(const struct help_purge_stats *, void *);

/* Anonymise closed case id: one of the rows of batches(). */
static int each_case(struct arena *a, long long id, const char *cutoff,
                     struct help_purge_stats *st)
{
	(void)cutoff;
	int done;
	int rc = anon_case(a, id, &done);
	if (rc == DB_OK && done)
		st->cases++;
	return rc;
}

/* Batches of the rows pick selects older than cutoff (keyset on (time,
 * id) when timed, else on id), each row given to each, each batch a
 * transaction. */
static int batches(struct arena *a, const char *cutoff, struct db_stmt *pick, int timed,
                   int (*each)(struct arena *, long long, const char *,
                               struct help_purge_stats *),
                   struct help_purge_stats *st, progress_fn *progress, void *arg)
{
	char at[32];
	long long last = 0;
	snprintf(at, sizeof(at), "%s", FIRST_AT);
	for (;;) {
		arena_reset(a);
		int rc = db_begin();
		if (rc != DB_OK)
			return rc;
		struct db_res res;
		rc = timed ? db_run(a, pick, &res, "sssi", cutoff, at, at, last)
		           : db_run(a, pick, &res, "si", cutoff, last);
		for (size_t i = 0; rc == DB_OK && i < res.nrows; i++)
			rc = each(a, db_ll(&res, i, P_ID), cutoff, st);
		if ((rc = db_end(rc)) != DB_OK)
			return rc;
		if (progress)
			progress(st, arg);
		if (res.nrows < HELP_PURGE_BATCH)
			return DB_OK;
		last = db_ll(&res, res.nrows - 1, P_ID);
		snprintf(at, sizeof(at), "%s", db_str(&res, res.nrows - 1, P_AT));
	}
}

/* ---- idle residents ---------------------------------------------------- */

/* Parameters: cutoff, cursor time (twice), cursor id. */
static struct db_stmt st_idle = DB_WRITE(
    "SELECT b.id, " DT("b.last_case_at") " AS at_, NULL FROM help_beneficiaries b"
    " FORCE INDEX (help_ben_idle)"
    " WHERE b.anonymised_at IS NULL AND b.last_case_at < ?"
    " AND b.last_case_at >= ? AND (b.last_case_at > ? OR b.id > ?)"
    " ORDER BY b.last_case_at, b.id LIMIT " SQL_STR(HELP_PURGE_BATCH) " FOR UPDATE");
/* Never had a case: by the record's creation.  Parameters: cutoff, cursor
 * id. */
static struct db_stmt st_idle_null = DB_WRITE(
    "SELECT b.id, " DT("b.created_at") " AS at_, NULL FROM help_beneficiaries b"
    " FORCE INDEX (help_ben_idle)"
    " WHERE b.anonymised_at IS NULL AND b.last_case_at IS NULL AND b.created_at < ?"
    " AND b.id > ?"
    " ORDER BY b.id LIMIT " SQL_STR(HELP_PURGE_BATCH) " FOR UPDATE");

/* Not while a case is open, nor with a case made within the period (a
 * stale last_case_at): asked resident by resident through help_cases_ben,
 * never as a subquery over every recent case.  FOR UPDATE: its locks on
 * that index keep a new case for the resident from slipping in before
 * the batch commits.  Parameters: resident, cutoff. */
static struct db_stmt st_person_busy = DB_WRITE(
    "SELECT 1, NULL FROM help_cases WHERE beneficiary_id = ?"
    " AND (status IN " OPEN " OR created_at >= ?) LIMIT 1 FOR UPDATE");
static struct db_stmt st_person_anon = DB_WRITE(
    "UPDATE help_beneficiaries SET first_name = '', last_name = '', phone = '',"
    " phone2 = '', address = '', household = '', anonymised_at = NOW(),"
    " updated_at = updated_at WHERE id = ? AND anonymised_at IS NULL");
static struct db_stmt st_person_health = DB_WRITE(
    "DELETE FROM help_health WHERE beneficiary_id = ?");
/* Their closed cases not yet anonymised (help_cases_ben).  Parameters:
 * resident, cursor id. */
static struct db_stmt st_person_cases = DB_WRITE(
    "SELECT id, NULL FROM help_cases WHERE beneficiary_id = ? AND id > ?"
    " AND anonymised_at IS NULL AND status IN " CLOSED
    " ORDER BY id LIMIT " SQL_STR(HELP_PURGE_BATCH) " FOR UPDATE");

static int anon_person(struct arena *a, long long id, const char *cutoff,
                       struct help_purge_stats *st)
{
	struct db_res res;
	int rc = db_run(a, &st_person_busy, &res, "is", id, cutoff);
	if (rc != DB_OK || res.nrows > 0)
		return rc;
	rc = db_run(a, &st_person_anon, &res, "i", id);
	if (rc != DB_OK || res.affected == 0)
		return rc;
	if ((rc = db_run(a, &st_person_health, NULL, "i", id)) != DB_OK)
		return rc;
	st->people++;
	long long last = 0;
	do {
		if ((rc = db_run(a, &st_person_cases, &res, "ii", id, last)) != DB_OK)
			return rc;
		for (size_t i = 0; i < res.nrows; i++) {
			int done;
			last = db_ll(&res, i, 0);
			if ((rc = anon_case(a, last, &done)) != DB_OK)
				return rc;
			st->people_cases += (unsigned long long)done;
		}
	} while (res.nrows == HELP_PURGE_BATCH);
	return DB_OK;
}

/* ---- nonces ------------------------------------------------------------ */

static struct db_stmt st_nonces = DB_WRITE(
    "DELETE FROM help_pharmacy_nonces WHERE at < NOW() - INTERVAL ? SECOND"
    " ORDER BY at LIMIT " SQL_STR(HELP_PURGE_BATCH));

static int old_nonces(struct arena *a, const struct conf *cf,
                      struct help_purge_stats *st, progress_fn *progress, void *arg)
{
	struct db_res res;
	do {
		arena_reset(a);
		int rc = db_run(a, &st_nonces, &res, "i", 2 * (long long)cf->pharmacy_tolerance);
		if (rc != DB_OK)
			return rc;
		st->nonces += res.affected;
		if (progress)
			progress(st, arg);
	} while (res.affected == HELP_PURGE_BATCH);
	return DB_OK;
}

/* ---- webhook bodies ---------------------------------------------------- */

#define LAST_RUN_COLS(X) X(LR_AT, DT("at")) X(LR_SUMMARY, "summary")
enum { DB_COLS_ENUM(LAST_RUN_COLS, LR__END) };
static struct db_stmt st_last_run = DB_READ(
    "SELECT " DB_COLUMNS(LAST_RUN_COLS) " FROM audit_log"
    " WHERE action = 'help_purge' ORDER BY id DESC LIMIT 1", DB_NCOLS(LAST_RUN_COLS));
static struct db_stmt st_minus_days = DB_READ(
    "SELECT " DT("? - INTERVAL ? DAY") ", NULL", 2);

/* The audit summary starts with this; the next run reads the period back. */
#define SUMMARY_HEAD "retention %zu days: "

/* The oldest creation time a webhook body still to empty can have: the
 * previous run's cutoff, a day earlier for safety (FIRST_AT: no previous
 * run, or its row cannot be read back). */
static int webhook_floor(struct arena *a, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", FIRST_AT);
	struct db_res res;
	int rc = db_run(a, &st_last_run, &res, "");
	size_t days;
	if (rc != DB_OK || res.nrows == 0 ||
	    sscanf(db_str(&res, 0, LR_SUMMARY), SUMMARY_HEAD, &days) != 1)
		return rc;
	struct db_res m;
	if ((rc = db_run(a, &st_minus_days, &m, "si", db_str(&res, 0, LR_AT),
	                 (long long)days + 1)) != DB_OK)
		return rc;
	if (m.nrows == 1 && db_str(&m, 0, 0) != NULL)
		snprintf(out, outlen, "%s", db_str(&m, 0, 0));
	return DB_OK;
}

/* Parameters: cutoff, floor, cursor time (twice), cursor id. */
static struct db_stmt st_webhooks = DB_WRITE(
    "SELECT id, " DT("created_at") " AS at_, NULL FROM outbox"
    " FORCE INDEX (outbox_created)"
    " WHERE created_at < ? AND created_at >= ?"
    " AND created_at >= ? AND (created_at > ? OR id > ?)"
    " AND channel = 'webhook' AND state <> 'queued' AND body_text <> ''"
    " ORDER BY created_at, id LIMIT " SQL_STR(HELP_PURGE_BATCH) " FOR UPDATE");
static struct db_stmt st_webhook_empty = DB_WRITE(
    "UPDATE outbox SET body_text = '', body_html = NULL WHERE id = ?");

static int old_webhooks(struct arena *a, const char *cutoff, struct help_purge_stats *st,
                        progress_fn *progress, void *arg)
{
	char lo[32], at[32];
	int rc = webhook_floor(a, lo, sizeof(lo));
	if (rc != DB_OK)
		return rc;
	long long last = 0;
	snprintf(at, sizeof(at), "%s", lo);
	for (;;) {
		arena_reset(a);
		if ((rc = db_begin()) != DB_OK)
			return rc;
		struct db_res res;
		rc = db_run(a, &st_webhooks, &res, "ssssi", cutoff, lo, at, at, last);
		for (size_t i = 0; rc == DB_OK && i < res.nrows; i++)
			rc = db_run(a, &st_webhook_empty, NULL, "i", db_ll(&res, i, P_ID));
		if ((rc = db_end(rc)) != DB_OK)
			return rc;
		st->webhooks += res.nrows;
		if (progress)
			progress(st, arg);
		if (res.nrows < HELP_PURGE_BATCH)
			return DB_OK;
		last = db_ll(&res, res.nrows - 1, P_ID);
		snprintf(at, sizeof(at), "%s", db_str(&res, res.nrows - 1, P_AT));
	}
}

/* ---- the run ----------------------------------------------------------- */

static struct db_stmt st_audit = DB_WRITE(
    "INSERT INTO audit_log (user_id, username, action, object_type, object_id, summary)"
    " VALUES (NULL, 'agora-admin', 'help_purge', 'help', '', ?)");

int help_purge(struct arena *a, const struct conf *cf, struct help_purge_stats *st,
               void (*progress)(const struct help_purge_stats *st, void *arg),
               void *arg)
{
	memset(st, 0, sizeof(*st));
	st->days = cf->help_retention_days;
	/* Every batch's rows go to a scratch arena, reset each time. */
	struct arena *s = arena_new(64 * 1024);
	struct db_res res;
	char cutoff[32];
	int rc = db_run(s, &st_cutoff, &res, "i", (long long)st->days);
	if (rc == DB_OK && (res.nrows != 1 || db_str(&res, 0, 0) == NULL))
		rc = DB_ERR;
	if (rc == DB_OK) {
		snprintf(cutoff, sizeof(cutoff), "%s", db_str(&res, 0, 0));
		rc = batches(s, cutoff, &st_old_cases, 1, each_case, st, progress, arg);
	}
	if (rc == DB_OK)
		rc = batches(s, cutoff, &st_old_cases_null, 0, each_case, st, progress, arg);
	if (rc == DB_OK)
		rc = batches(s, cutoff, &st_idle, 1, anon_person, st, progress, arg);
	if (rc == DB_OK)
		rc = batches(s, cutoff, &st_idle_null, 0, anon_person, st, progress, arg);
	if (rc == DB_OK)
		rc = old_nonces(s, cf, st, progress, arg);
	if (rc == DB_OK)
		rc = old_webhooks(s, cutoff, st, progress, arg);
	if (rc == DB_OK) {
		const char *summary = arena_printf(a,
		    SUMMARY_HEAD "%llu closed cases anonymised, %llu residents anonymised"
		    " (with %llu more of their cases), %llu pharmacy nonces deleted,"
		    " %llu webhook bodies emptied",
		    st->days, st->cases, st->people, st->people_cases, st->nonces, st->webhooks);
		rc = db_run(s, &st_audit, NULL, "s", summary);
	}
	arena_free(s);
	return rc;
}
