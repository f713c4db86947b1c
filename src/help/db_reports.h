/*
 * db_reports.h - the SQL of the support desk's reports (help/reports.c):
 * counts of the cases made in a period [from, to) grouped in SQL, the
 * durations of those completed, and the load of each volunteer and
 * professional.  Counts only: no query here reads a resident's name,
 * phone, address or any health data.  Tables read: help_cases (through
 * help_cases_created (created_at, id): the period's range only, and
 * help_cases_assignee for a person's open cases), help_volunteers, users,
 * areas.  Writes nothing.
 */
#ifndef AGORA_DB_REPORTS_H
#define AGORA_DB_REPORTS_H

#include <stddef.h>

#include "db/db.h"

/* What the period's cases are counted by. */
enum hr_by { HR_BY_TYPE, HR_BY_AREA, HR_BY_WEEK, HR_BY_STATUS, HR_BY_CHANNEL, HR_BY__MAX };

/* A count: the group's value (the type, the area id or NULL for none, the
 * ISO week as YEARWEEK(..., 3) "202603", the status, the channel). */
#define HR_COUNT_COLS(X) X(HRC_KEY, "k") X(HRC_N, "COUNT(*)")
enum { DB_COLS_ENUM(HR_COUNT_COLS, HRC__END) };
/* The period's cases counted by by; from and to "YYYY-MM-DD HH:MM:SS",
 * to excluded. */
int db_hr_count(struct arena *a, enum hr_by by, const char *from, const char *to,
                struct db_res *res);

/* The completed cases' durations in seconds (created_at to closed_at),
 * sorted by type then duration; at most limit rows. */
#define HR_DUR_COLS(X) X(HRD_TYPE, "type") \
	X(HRD_SECS, "GREATEST(TIMESTAMPDIFF(SECOND, created_at, closed_at), 0)")
enum { DB_COLS_ENUM(HR_DUR_COLS, HRD__END) };
int db_hr_durations(struct arena *a, const char *from, const char *to, long long limit,
                    struct db_res *res);

/* Every volunteer and professional, by name (at most limit): their open
 * cases now, and of the period's cases those done and those where the
 * resident could not be reached. */
#define HR_LOAD_COLS(X)                                                        \
	X(HRL_ID, "u.id") X(HRL_NAME, "u.display_name") X(HRL_USER, "u.username") \
	X(HRL_KIND, "v.kind")                                                   \
	X(HRL_OPEN, "(SELECT COUNT(*) FROM help_cases c WHERE c.assignee_id = v.user_id" \
	            " AND c.status IN ('new','assigned','in_progress'))")       \
	X(HRL_DONE, "COALESCE(p.done, 0)") X(HRL_UNREACH, "COALESCE(p.unreach, 0)")
enum { DB_COLS_ENUM(HR_LOAD_COLS, HRL__END) };
int db_hr_load(struct arena *a, const char *from, const char *to, long long limit,
               struct db_res *res);

/* The villages, in their order. */
#define HR_AREA_COLS(X) X(HRA_ID, "id") X(HRA_EL, "name_el") X(HRA_EN, "name_en")
enum { DB_COLS_ENUM(HR_AREA_COLS, HRA__END) };
int db_hr_areas(struct arena *a, struct db_res *res);

#endif
