/*
 * db_volunteers.h - the SQL of the registry of volunteers and
 * professionals (help/volunteers.c) and of the dispatcher's suggestion of
 * who could take a case (help_suggest, help_assignable; called by
 * help/case.c).  Tables: help_volunteers, help_volunteer_areas (read and
 * written), users, user_roles, areas and help_cases (read: a person's
 * open cases are counted through the index help_cases_assignee).  Every
 * function runs in the caller's transaction when one is open.
 */
#ifndef AGORA_DB_VOLUNTEERS_H
#define AGORA_DB_VOLUNTEERS_H

#include <stddef.h>

#include "db/db.h"
#include "db/public.h"

struct arena;

/* The open statuses of a case, as SQL (help.h's help_status_open). */
#define HV_SQL_OPEN "('new','assigned','in_progress')"

/* ---- the dispatcher's suggestion (the interface help/case.c calls) ---- */

struct help_candidate {
	long long user_id;
	const char *name;         /* users.display_name */
	const char *kind;         /* "volunteer", "doctor", "psychologist" */
	int covers_area;          /* covers the case's village */
	int has_car;
	long long open_tasks;     /* their open cases now (new/assigned/in_progress) */
	const char *availability; /* their own words, "" */
};
/* Who could take a case of this type in village area_id (0: unknown):
 * active accounts with a profile, available, whose kind fits (medical:
 * doctors; psych: psychologists; other types: volunteers whose skills
 * include the type), those who cover the village first, then by fewest
 * open tasks, then name; at most limit.  DB_OK or a DB_* error. */
int help_suggest(struct arena *a, const char *type, long long area_id, size_t limit,
                 struct help_candidate **out, size_t *n);
/* 1 if user_id may be assigned a case of this type (the same rules,
 * availability not required: a dispatcher may assign someone busy);
 * 0 if not; a DB_* error (< 0) when the database failed. */
int help_assignable(struct arena *a, long long user_id, const char *type);

/* ---- the registry ------------------------------------------------------ */

/* A row of the list.  HVL_AREAS: the villages' names (in the language
 * asked for), ", "-separated, in the areas' order. */
#define HV_LIST_COLS(X)                                                        \
	X(HVL_ID, "u.id") X(HVL_NAME, "u.display_name") X(HVL_USER, "u.username") \
	X(HVL_ACTIVE, "u.active") X(HVL_KIND, "v.kind") X(HVL_SKILLS, "v.skills") \
	X(HVL_CAR, "v.has_car") X(HVL_AVAILABLE, "v.available")                 \
	X(HVL_AREAS, "(SELECT GROUP_CONCAT(IF(? = 'en', ar.name_en, ar.name_el)" \
	             " ORDER BY ar.sort_order, ar.id SEPARATOR ', ')"           \
	             " FROM help_volunteer_areas va JOIN areas ar ON ar.id = va.area_id" \
	             " WHERE va.user_id = v.user_id)")                          \
	X(HVL_OPEN, "(SELECT COUNT(*) FROM help_cases c WHERE c.assignee_id = v.user_id" \
	            " AND c.status IN " HV_SQL_OPEN ")")
enum { DB_COLS_ENUM(HV_LIST_COLS, HVL__END) };

struct hv_filter {
	const char *kind;   /* "" or a kind */
	long long area_id;  /* 0 or a village every row covers */
	int available;      /* -1 any, 0 or 1 */
	long long after;    /* 0, or the user id of the last row shown (keyset:
	                     * by display name, then id) */
	const char *lang;   /* "el" or "en": the villages' names */
};
/* Up to limit profiles matching f, by display name and id. */
int db_hv_list(struct arena *a, const struct hv_filter *f, long long limit,
               struct db_res *res);

/* The active accounts holding role volunteer or professional that have no
 * profile yet, by display name (at most limit). */
#define HV_PENDING_COLS(X)                                                     \
	X(HVP_ID, "u.id") X(HVP_NAME, "u.display_name") X(HVP_USER, "u.username") \
	X(HVP_ROLES, "GROUP_CONCAT(r.role ORDER BY r.role)")
enum { DB_COLS_ENUM(HV_PENDING_COLS, HVP__END) };
int db_hv_pending(struct arena *a, long long limit, struct db_res *res);

/* An account and its profile: the profile's columns are NULL when it has
 * none (HV_HAS 0).  HV_ROLE_VOL / HV_ROLE_PRO: it holds role volunteer /
 * professional.  HV_AREAS: the village ids, ","-separated in the areas'
 * order. */
#define HV_COLS(X)                                                             \
	X(HV_ID, "u.id") X(HV_NAME, "u.display_name") X(HV_USER, "u.username")  \
	X(HV_EMAIL, "u.email") X(HV_ACTIVE, "u.active")                         \
	X(HV_ROLE_VOL, "EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id" \
	               " AND r.role = 'volunteer')")                            \
	X(HV_ROLE_PRO, "EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id" \
	               " AND r.role = 'professional')")                         \
	X(HV_HAS, "v.user_id IS NOT NULL") X(HV_KIND, "v.kind") X(HV_PHONE, "v.phone") \
	X(HV_SKILLS, "v.skills") X(HV_CAR, "v.has_car") X(HV_AVAILABLE, "v.available") \
	X(HV_AVAILABILITY, "v.availability") X(HV_NOTIFY, "v.notify")           \
	X(HV_NOTES, "v.notes") X(HV_ONBOARDED, SQL_DT("v.onboarded_at"))        \
	X(HV_ONBOARDED_BY, "(SELECT display_name FROM users WHERE id = v.onboarded_by)") \
	X(HV_AREAS, "(SELECT GROUP_CONCAT(ar.id ORDER BY ar.sort_order, ar.id SEPARATOR ',')" \
	            " FROM help_volunteer_areas va JOIN areas ar ON ar.id = va.area_id" \
	            " WHERE va.user_id = u.id)")                                \
	X(HV_OPEN, "(SELECT COUNT(*) FROM help_cases c WHERE c.assignee_id = u.id" \
	           " AND c.status IN " HV_SQL_OPEN ")")
enum { DB_COLS_ENUM(HV_COLS, HV__END) };
/* Account id (0 or 1 row). */
int db_hv_get(struct arena *a, long long id, struct db_res *res);
/* Lock account id's profile row (if any) until the end of the caller's
 * transaction; *exists 1 when there is one. */
int db_hv_lock(struct arena *a, long long id, int *exists);

/* The villages, in their order (the choices of the form). */
#define HV_AREA_COLS(X) X(HVA_ID, "id") X(HVA_EL, "name_el") X(HVA_EN, "name_en")
enum { DB_COLS_ENUM(HV_AREA_COLS, HVA__END) };
int db_hv_areas(struct arena *a, struct db_res *res);

/* A profile's values; skills as a SET value ("groceries,meals"). */
struct hv_profile {
	const char *kind, *phone, *skills, *availability, *notify, *notes;
	int has_car, available;
};
/* The profile of account id, made by staff member by.  DB_DUP when it has
 * one already (a form sent twice). */
int db_hv_insert(struct arena *a, long long id, const struct hv_profile *p,
                 long long by);
int db_hv_update(struct arena *a, long long id, const struct hv_profile *p);
/* Its villages become those of areas ("\n"-separated ids, "" none). */
int db_hv_set_areas(struct arena *a, long long id, const char *areas);

#endif
