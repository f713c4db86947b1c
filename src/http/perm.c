/*
 * perm.c - the role table: each role and the permissions it grants.  This
 * is the only place that says which role may do what; routes.def names a
 * permission per page, and the SQL of department-scoped queries takes the
 * user's department from the session.
 */
#include "http/perm.h"

#include <string.h>

#define P(x) PERM_BIT(PERM_##x)

/* The admin manages accounts and volunteers but reads no resident's
 * data of the support desk: health data is for the roles whose work
 * needs it (operators; professionals for their own cases), and an admin
 * who takes calls is given the operator role like anyone else.
 *
 * Every role may use the staff area itself (PERM_STAFF comes with any
 * signed-in session, not from this table). */
static const struct {
	const char *name;
	const char *label;
	perm_set perms;
} roles[ROLE__MAX] = {
	[ROLE_ADMIN] = { "admin", "role.admin",
	                 P(CONTENT) | P(ALERT) | P(FEEDBACK) | P(DEPARTMENTS) |
	                 P(USERS) | P(AUDIT) | P(REQUESTS) | P(REQUESTS_ALL) | P(OUTBOX) | P(COMMENTS) |
	                 P(HELP_VOLUNTEERS) | P(HELP_REPORTS) },
	[ROLE_EDITOR] = { "editor", "role.editor", P(CONTENT) | P(ALERT) | P(FEEDBACK) },
	[ROLE_MODERATOR] = { "moderator", "role.moderator", P(COMMENTS) },
	[ROLE_DISPATCHER] = { "dispatcher", "role.dispatcher", P(REQUESTS) | P(REQUESTS_ALL) |
	                      P(HELP) | P(HELP_ASSIGN) | P(HELP_VOLUNTEERS) | P(HELP_REPORTS) },
	[ROLE_DEPARTMENT] = { "department", "role.department", P(REQUESTS) },
	[ROLE_OPERATOR] = { "operator", "role.operator", P(HELP) | P(HELP_HEALTH) | P(HELP_REPORTS) },
	[ROLE_VOLUNTEER] = { "volunteer", "role.volunteer", P(HELP_TASKS) },
	[ROLE_PROFESSIONAL] = { "professional", "role.professional", P(HELP_TASKS) },
};

static const char *const perm_names[PERM__MAX] = {
	"PERM_PUBLIC", "PERM_SESSION", "PERM_SIGNIN_CODE", "PERM_SECURITY",
	"PERM_STAFF", "PERM_CONTENT", "PERM_ALERT", "PERM_FEEDBACK",
	"PERM_DEPARTMENTS", "PERM_USERS", "PERM_AUDIT", "PERM_REQUESTS",
	"PERM_REQUESTS_ALL", "PERM_OUTBOX", "PERM_COMMENTS", "PERM_HELP",
	"PERM_HELP_HEALTH", "PERM_HELP_ASSIGN", "PERM_HELP_TASKS",
	"PERM_HELP_VOLUNTEERS", "PERM_HELP_REPORTS",
};

const char *role_name(enum role r)
{
	return (unsigned)r < ROLE__MAX ? roles[r].name : NULL;
}

const char *role_label(enum role r)
{
	return (unsigned)r < ROLE__MAX ? roles[r].label : NULL;
}

int role_parse(const char *s)
{
	for (int r = 0; s != NULL && r < ROLE__MAX; r++)
		if (strcmp(s, roles[r].name) == 0)
			return r;
	return -1;
}

perm_set perm_of_roles(perm_set set)
{
	perm_set p = 0;
	for (int r = 0; r < ROLE__MAX; r++)
		if (set & PERM_BIT(r))
			p |= roles[r].perms;
	return p;
}

const char *perm_name(enum perm p)
{
	return (unsigned)p < PERM__MAX ? perm_names[p] : "PERM_?";
}

int perm_is_stage(enum perm p)
{
	return p <= PERM_STAFF;
}
