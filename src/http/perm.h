/*
 * perm.h - who may do what: the staff roles, the permissions pages ask for
 * (the PERM column of routes.def) and the one table that maps each role to
 * its permissions (perm.c).  A user holds a set of roles; their
 * permissions are the union.  The session's stage (signed in, or still
 * owing a second factor) is checked by main.c's permission phase beside
 * this table: the stage permissions below are not granted by any role.
 */
#ifndef AGORA_PERM_H
#define AGORA_PERM_H

enum role {
	ROLE_ADMIN,        /* users, departments, the audit log, everything editors do */
	ROLE_EDITOR,       /* content: news, pages, events, the alert, media */
	ROLE_MODERATOR,    /* reader comments */
	ROLE_DISPATCHER,   /* all citizens' requests */
	ROLE_DEPARTMENT,   /* the citizens' requests of their own department */
	ROLE_OPERATOR,     /* support-desk intake by phone */
	ROLE_VOLUNTEER,    /* their own support tasks */
	ROLE_PROFESSIONAL, /* doctor, psychologist: their own support cases */
	ROLE__MAX
};

enum perm {
	PERM_PUBLIC,       /* everyone, signed in or not */
	/* By the session's stage, not by role (main.c): */
	PERM_SESSION,      /* any session, at any stage (sign out) */
	PERM_SIGNIN_CODE,  /* a session that owes its second-factor code */
	PERM_SECURITY,     /* one's own password and second factor: reachable
	                    * while a second factor or a new password is due */
	PERM_STAFF,        /* any signed-in staff member (dashboard, own account) */
	/* By role (perm.c): */
	PERM_CONTENT,      /* news, pages, events, media */
	PERM_ALERT,        /* the site-wide alert banner */
	PERM_FEEDBACK,     /* accessibility feedback messages */
	PERM_DEPARTMENTS,  /* the department directory */
	PERM_USERS,        /* staff accounts */
	PERM_AUDIT,        /* the audit log */
	PERM_REQUESTS,     /* citizens' requests: the queue, handling, phone-in;
	                    * a user without PERM_REQUESTS_ALL sees only their
	                    * department's (scoped in the SQL) */
	PERM_REQUESTS_ALL, /* every department's requests, templates, stats */
	PERM_OUTBOX,       /* the mail outbox: what was sent, what failed */
	PERM_COMMENTS,     /* reader comments: moderation, official answers,
	                    * the blocklist */
	/* The support desk (src/help/): */
	PERM_HELP,         /* the desk: intake, the queue, the residents'
	                    * registry and the cases (ordinary data only) */
	PERM_HELP_HEALTH,  /* special-category data (health) of every case and
	                    * resident; each read is audit-logged (help/health.c).
	                    * A professional reads that of their own cases
	                    * only, through PERM_HELP_TASKS. */
	PERM_HELP_ASSIGN,  /* assigning cases to volunteers and professionals */
	PERM_HELP_TASKS,   /* one's own tasks (volunteers) and cases
	                    * (professionals), only while they are open */
	PERM_HELP_VOLUNTEERS, /* the registry of volunteers and professionals */
	PERM_HELP_REPORTS, /* the desk's reports: counts only, no one's data */
	PERM__MAX
};

/* A set of roles or of permissions: bit 1 << value. */
typedef unsigned long perm_set;
#define PERM_BIT(p) ((perm_set)1 << (p))

/* The role's name as stored in user_roles.role and typed to agora-admin
 * ("admin"), or NULL for an unknown value. */
const char *role_name(enum role r);
/* Its label key for the admin pages ("role.admin"). */
const char *role_label(enum role r);
/* The role named s, or -1. */
int role_parse(const char *s);
/* The permissions of a set of roles (bits 1 << enum role). */
perm_set perm_of_roles(perm_set roles);
/* The name of a permission, for logs and tests ("PERM_CONTENT"). */
const char *perm_name(enum perm p);
/* 1 if no role grants p: it is decided by the session's stage. */
int perm_is_stage(enum perm p);

#endif
