/*
 * db_volunteers.h - the registry of volunteers and professionals
 * (help_volunteers, help_volunteer_areas) as the case page needs it: who
 * could take a case.
 */
#ifndef AGORA_DB_VOLUNTEERS_H
#define AGORA_DB_VOLUNTEERS_H

#include <stddef.h>

#include "db/db.h"

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

#endif
