/*
 * people.h - /admin/help/people: the registry of residents who receive
 * help (see people.c), and the resident's form fields the intake shares.
 */
#ifndef AGORA_HELP_PEOPLE_H
#define AGORA_HELP_PEOPLE_H

#include <stddef.h>

#include "http/ctx.h"
#include "http/form.h"

/* The resident's fields (name, phones, address, village, household,
 * vulnerability, language, consent, "same phone as another" checkbox);
 * the village's choices are filled at run time (help_people_areas). */
extern const struct fdef help_person_fields[];
extern const size_t help_person_nfields;
/* Copy the fields into t (help_person_nfields entries) with the villages
 * as the choices of "area".  DB_OK or the database's error. */
int help_people_fields(struct ctx *c, struct fdef *t);
/* Check and normalise what the table cannot: the phones (*phone,
 * *phone2 normalised) and, unless same_phone is ticked, another resident
 * with the same phone (except except_id).  Errors go into fd.  DB_OK or
 * the database's error. */
int help_people_check(struct ctx *c, struct form_data *fd, long long except_id,
                      const char **phone, const char **phone2);

void help_people(struct ctx *c);          /* GET /admin/help/people?q= */
void help_person_new(struct ctx *c);      /* GET /admin/help/people/new[?case=ID] */
void help_person_create(struct ctx *c);   /* POST /admin/help/people/new */
void help_person_page(struct ctx *c);     /* GET /admin/help/people/{id}[?health=1] */
void help_person_save(struct ctx *c);     /* POST /admin/help/people/{id} */
void help_person_health(struct ctx *c);   /* POST /admin/help/people/{id}/health */

#endif
