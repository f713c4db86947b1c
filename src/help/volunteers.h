/*
 * volunteers.h - the registry of volunteers and professionals (doctors,
 * psychologists) of the support desk, for admins and dispatchers
 * (PERM_HELP_VOLUNTEERS): the list with its filters and the dispatcher's
 * "who could take a case of type T in village V", the accounts waiting to
 * be onboarded, onboarding and editing a profile.  The suggestion itself
 * (help_suggest, help_assignable) is in help/db_volunteers.h, for the
 * case page too.
 */
#ifndef AGORA_HELP_VOLUNTEERS_H
#define AGORA_HELP_VOLUNTEERS_H

#include "http/ctx.h"

/* GET /admin/help/volunteers: the list (?kind= &area= &available= &after=),
 * or with ?type= the candidates for a case of that type in village area,
 * in the suggestion's order; the accounts with no profile yet.  400 on a
 * bad filter. */
void help_volunteers_list(struct ctx *c);
/* GET/POST /admin/help/volunteers/new?user=ID: onboarding an account that
 * holds role volunteer or professional.  404 unknown account, 422 one that
 * may not have a profile or a form with problems; 303 to the profile. */
void help_volunteer_new(struct ctx *c);
void help_volunteer_create(struct ctx *c);
/* GET/POST /admin/help/volunteers/{id}: a profile and its form.  404 when
 * the account has no profile; 422 a form with problems; 303 when saved. */
void help_volunteer_edit(struct ctx *c);
void help_volunteer_save(struct ctx *c);

#endif
