/*
 * conf.h - the configuration file: "key = value" lines, '#' comments, blank
 * lines ignored.  Every key is documented in the sample agora.conf.  Reading
 * checks every line and reports each problem (unknown key, bad number, missing
 * '=') with its line number; the worker refuses to start on any of them.
 */
#ifndef AGORA_CONF_H
#define AGORA_CONF_H

#include <stdio.h>
#include "http/req.h"

struct conf {
	char *site_name;       /* shown in the header and <title> */
	char *site_name_en;    /* the same in English */
	char *site_url;        /* absolute base URL for canonical links, no trailing '/' */
	char *contact_address;
	char *contact_address_en;
	char *contact_phone;
	char *contact_email;
	char *helpline_phone;  /* the help line for vulnerable residents, or "" */
	char *service_hours;   /* the citizens' service hours, Greek and English */
	char *service_hours_en;
	char *timezone;        /* the municipality's zone (tz database name) */
	char *map_bounds;      /* "min_lat,min_lon,max_lat,max_lon": a request's point must be inside */
	char *views_dir;       /* templates (*.tpl) */
	char *sql_dir;         /* migrations/ and demo/ (agora-admin) */
	char *db_host;         /* empty: use db_socket */
	unsigned db_port;
	char *db_socket;
	char *db_name;
	char *db_user;
	char *db_password;
	char *admin_db_user;   /* agora-admin (DDL); empty: db_user */
	char *admin_db_password;
	size_t statement_time; /* seconds a worker's statement may run; 0: no limit */
	size_t micro_cache;    /* seconds nginx may keep an anonymous public page; 0: never */
	size_t stats_refresh;  /* seconds /admin/stats shows the same figures; 0: made each time */
	char *form_secret;     /* HMAC key of public forms' one-time tokens */
	struct req_limits lim;
	/* The staff area. */
	int cookie_secure;     /* 1: __Host- cookie with Secure (HTTPS only) */
	size_t session_idle;   /* seconds without a request before sign-out */
	size_t session_max;    /* seconds after sign-in before sign-out */
	int second_factor_all; /* 1: every staff member needs TOTP, not only admins */
	size_t login_hash_slots; /* password hashes running at once, all workers */
	/* The map of requests (Leaflet, views/static/js/requests-map.js). */
	char *map_tile_url;    /* tile URL template, {z}/{x}/{y}; empty: no map */
	char *map_attribution; /* the tiles' credit line, shown on the map */
	char *map_lat;         /* the map's centre (decimal degrees, as written) */
	char *map_lon;
	unsigned map_zoom;     /* its zoom level, 0-19 */
	int log_level;
	int test_routes;       /* 1: expose POST /_echo for the HTTP tests */
	/* Mail: the outbox sender (agora-admin outbox send, src/mail/smtp.c). */
	char *smtp_url;        /* smtp://host:port or smtps://host:port */
	char *smtp_user;       /* empty: no authentication */
	char *smtp_password;
	int smtp_tls;          /* SMTP_TLS_NONE, _STARTTLS or _REQUIRED */
	char *mail_from;       /* the From address; empty: noreply@ the host of site_url */
	char *mail_from_name;  /* its display name (UTF-8); empty: site_name */
	size_t smtp_timeout;   /* seconds for one message */
	size_t outbox_max_tries;
	size_t outbox_retry_seconds; /* the first retry; doubled each try, at most 6 h */
	char *feedback_email;  /* accessibility feedback goes to; empty: contact_email */
	/* Citizens' requests: agora-admin requests escalate lists those open
	 * and overdue by more than this many days (src/requests/escalate.c). */
	size_t escalate_after_days;
	/* Reader comments (src/comments/): closed this many days after an
	 * article's publication (0: never); at most comment_rate posts per
	 * address in 10 minutes (0: no limit); at most comment_max_links links in one;
	 * at least comment_min_seconds between showing the form and posting;
	 * a published comment hidden after comment_flag_limit flags; the
	 * addresses erased after comment_ip_days (agora-admin comments purge). */
	size_t comment_close_days;
	size_t comment_rate;
	size_t comment_max_links;
	size_t comment_min_seconds;
	size_t comment_flag_limit;
	size_t comment_ip_days;
	size_t comment_page_size;  /* top-level comments on a page of a thread */
	/* The support desk (src/help/): closed cases anonymised this many
	 * days after they closed, and residents without a case for as long
	 * (agora-admin help purge). */
	size_t help_retention_days;
	/* The pharmacists' association (src/help/pharmacy.c): its webhook
	 * URL (empty: prescriptions are not sent), the shared secret of the
	 * signatures both ways, seconds for one delivery, and how far a
	 * callback's timestamp may be from our clock. */
	char *pharmacy_url;
	char *pharmacy_secret;
	size_t pharmacy_timeout;
	size_t pharmacy_tolerance;
	/* The HTTP SMS gateway (src/mail/hook.c): its URL (empty: no SMS),
	 * the bearer token it wants, and the sender name. */
	char *sms_url;
	char *sms_token;
	char *sms_sender;
};

enum { SMTP_TLS_NONE, SMTP_TLS_STARTTLS, SMTP_TLS_REQUIRED };

/* Defaults for every key. */
void conf_defaults(struct conf *c);
/* Read path over the defaults.  0 if every line is good; otherwise the number
 * of bad lines, each reported on err as "path:line: message". */
int conf_load(struct conf *c, const char *path, FILE *err);
/* The path to use: -c argument, else $AGORA_CONF, else the installed one. */
const char *conf_path(const char *arg);
void conf_free(struct conf *c);

#endif
