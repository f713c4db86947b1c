/*
 * rules.h - the conditions on citizens' requests that several pages and
 * jobs share, as SQL fragments over a requests table aliased r, so that
 * "open" and "overdue" mean the same on the dashboard, the statistics and
 * in the escalation digest.  "Open" is the column is_open (migration
 * 0019: computed by the server from status, never written), so each is
 * served by an index that starts with it - requests_open_due (is_open,
 * due_date, id), requests_open (is_open, created_at, id), or the same
 * after department_id once scoped to a department - and reads the open
 * requests only, however many closed ones the years have kept.
 */
#ifndef AGORA_REQUESTS_RULES_H
#define AGORA_REQUESTS_RULES_H

/* Still to be handled: not resolved, rejected, a duplicate or not ours
 * (is_open is status IN ('submitted', 'acknowledged', 'in_progress',
 * 'scheduled', 'reopened'): sql/migrations/0019_requests_open.sql). */
#define RQ_OPEN_SQL "r.is_open = 1"

/* Open and past its due date, today being the municipality's (the
 * database session's time zone is conf timezone). */
#define RQ_OVERDUE_SQL "(" RQ_OPEN_SQL " AND r.due_date < CURDATE())"

/* The department a staff member's request pages are scoped to: 0 for
 * every department (PERM_REQUESTS_ALL), else theirs; -1 (no row matches)
 * for a department user without a department. */
#define RQ_SCOPE(staff)                                                     \
	(((staff)->perms & PERM_BIT(PERM_REQUESTS_ALL)) ? 0LL                \
	 : (staff)->department_id > 0 ? (staff)->department_id : -1LL)

#endif
