/*
 * conf.c - the configuration file.  Keys are declared in one table with their
 * type and place in struct conf; reading checks every line and reports every
 * problem, not only the first, so a sysadmin fixes a file in one pass.
 */
#include "core/conf.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

enum kind { K_STR, K_SIZE, K_COUNT, K_PORT, K_LOGLEVEL, K_BOOL, K_TLS, K_LAT, K_LON, K_ZOOM };

struct key {
	const char *name;
	enum kind kind;
	size_t off;
};

#define S(f) K_STR, offsetof(struct conf, f)
#define Z(f) K_SIZE, offsetof(struct conf, f)
#define N(f) K_COUNT, offsetof(struct conf, f) /* 0 allowed */

static const struct key keys[] = {
	{ "site_name", S(site_name) },
	{ "site_name_en", S(site_name_en) },
	{ "site_url", S(site_url) },
	{ "contact_address", S(contact_address) },
	{ "contact_address_en", S(contact_address_en) },
	{ "contact_phone", S(contact_phone) },
	{ "contact_email", S(contact_email) },
	{ "helpline_phone", S(helpline_phone) },
	{ "service_hours", S(service_hours) },
	{ "service_hours_en", S(service_hours_en) },
	{ "timezone", S(timezone) },
	{ "map_bounds", S(map_bounds) },
	{ "views_dir", S(views_dir) },
	{ "sql_dir", S(sql_dir) },
	{ "db_host", S(db_host) },
	{ "db_port", K_PORT, offsetof(struct conf, db_port) },
	{ "db_socket", S(db_socket) },
	{ "db_name", S(db_name) },
	{ "statement_time", N(statement_time) },
	{ "micro_cache", N(micro_cache) },
	{ "stats_refresh", N(stats_refresh) },
	{ "db_user", S(db_user) },
	{ "db_password", S(db_password) },
	{ "admin_db_user", S(admin_db_user) },
	{ "admin_db_password", S(admin_db_password) },
	{ "form_secret", S(form_secret) },
	{ "max_body", Z(lim.max_body) },
	{ "max_upload", Z(lim.max_upload) },
	{ "max_fields", Z(lim.max_fields) },
	{ "max_field", Z(lim.max_field) },
	{ "max_header", Z(lim.max_header) },
	{ "max_file", Z(lim.max_file) },
	{ "cookie_secure", K_BOOL, offsetof(struct conf, cookie_secure) },
	{ "session_idle", Z(session_idle) },
	{ "session_max", Z(session_max) },
	{ "second_factor_all", K_BOOL, offsetof(struct conf, second_factor_all) },
	{ "login_hash_slots", Z(login_hash_slots) },
	{ "map_tile_url", S(map_tile_url) },
	{ "map_attribution", S(map_attribution) },
	{ "map_lat", K_LAT, offsetof(struct conf, map_lat) },
	{ "map_lon", K_LON, offsetof(struct conf, map_lon) },
	{ "map_zoom", K_ZOOM, offsetof(struct conf, map_zoom) },
	{ "log_level", K_LOGLEVEL, offsetof(struct conf, log_level) },
	{ "test_routes", K_BOOL, offsetof(struct conf, test_routes) },
	{ "smtp_url", S(smtp_url) },
	{ "smtp_user", S(smtp_user) },
	{ "smtp_password", S(smtp_password) },
	{ "smtp_tls", K_TLS, offsetof(struct conf, smtp_tls) },
	{ "mail_from", S(mail_from) },
	{ "mail_from_name", S(mail_from_name) },
	{ "smtp_timeout", Z(smtp_timeout) },
	{ "outbox_max_tries", Z(outbox_max_tries) },
	{ "outbox_retry_seconds", Z(outbox_retry_seconds) },
	{ "feedback_email", S(feedback_email) },
	{ "escalate_after_days", Z(escalate_after_days) },
	{ "comment_close_days", N(comment_close_days) },
	{ "comment_rate", N(comment_rate) },
	{ "comment_max_links", Z(comment_max_links) },
	{ "comment_min_seconds", N(comment_min_seconds) },
	{ "comment_flag_limit", Z(comment_flag_limit) },
	{ "comment_ip_days", Z(comment_ip_days) },
	{ "comment_page_size", Z(comment_page_size) },
	{ "help_retention_days", Z(help_retention_days) },
	{ "pharmacy_url", S(pharmacy_url) },
	{ "pharmacy_secret", S(pharmacy_secret) },
	{ "pharmacy_timeout", Z(pharmacy_timeout) },
	{ "pharmacy_tolerance", Z(pharmacy_tolerance) },
	{ "sms_url", S(sms_url) },
	{ "sms_token", S(sms_token) },
	{ "sms_sender", S(sms_sender) },
};

#define NKEYS (sizeof(keys) / sizeof(keys[0]))

static char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (p == NULL) {
		log_error("msg=\"out of memory\"");
		abort();
	}
	return p;
}

static void set_str(struct conf *c, size_t off, const char *v)
{
	char **slot = (char **)((char *)c + off);
	free(*slot);
	*slot = xstrdup(v);
}

void conf_defaults(struct conf *c)
{
	memset(c, 0, sizeof(*c));
	set_str(c, offsetof(struct conf, site_name), "Δήμος Μυτιλήνης");
	set_str(c, offsetof(struct conf, site_name_en), "Municipality of Mytilene");
	set_str(c, offsetof(struct conf, site_url), "http://127.0.0.1:8080");
	set_str(c, offsetof(struct conf, contact_address_en), "");
	set_str(c, offsetof(struct conf, contact_address), "");
	set_str(c, offsetof(struct conf, contact_phone), "");
	set_str(c, offsetof(struct conf, contact_email), "");
	set_str(c, offsetof(struct conf, helpline_phone), "");
	set_str(c, offsetof(struct conf, service_hours), "");
	set_str(c, offsetof(struct conf, service_hours_en), "");
	set_str(c, offsetof(struct conf, timezone), "Europe/Athens");
	/* Lesvos, the island of the municipality of Mytilene. */
	set_str(c, offsetof(struct conf, map_bounds), "38.95,25.80,39.45,26.65");
	set_str(c, offsetof(struct conf, views_dir), PKGDATADIR "/views");
	set_str(c, offsetof(struct conf, sql_dir), PKGDATADIR "/sql");
	set_str(c, offsetof(struct conf, db_host), "");
	c->db_port = 3306;
	c->statement_time = 5;
	c->micro_cache = 1;
	c->stats_refresh = 600;
	set_str(c, offsetof(struct conf, db_socket), "/run/mysqld/mysqld.sock");
	set_str(c, offsetof(struct conf, db_name), "agora");
	set_str(c, offsetof(struct conf, db_user), "agora");
	set_str(c, offsetof(struct conf, db_password), "");
	set_str(c, offsetof(struct conf, admin_db_user), "");
	set_str(c, offsetof(struct conf, admin_db_password), "");
	set_str(c, offsetof(struct conf, form_secret), "");
	c->lim.max_body = 10u << 20;
	c->lim.max_upload = 32u << 20;
	c->lim.max_fields = 200;
	c->lim.max_field = 1u << 20;
	c->lim.max_header = 8192;
	c->lim.max_file = 8u << 20;
	c->cookie_secure = 1;
	c->session_idle = 30 * 60;
	c->session_max = 12 * 3600;
	c->second_factor_all = 0;
	c->login_hash_slots = 2;
	set_str(c, offsetof(struct conf, map_tile_url),
	        "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
	set_str(c, offsetof(struct conf, map_attribution),
	        "© OpenStreetMap contributors");
	set_str(c, offsetof(struct conf, map_lat), "39.1045");
	set_str(c, offsetof(struct conf, map_lon), "26.5550");
	c->map_zoom = 13;
	c->log_level = LOG_INFO;
	c->test_routes = 0;
	set_str(c, offsetof(struct conf, smtp_url), "smtp://127.0.0.1:25");
	set_str(c, offsetof(struct conf, smtp_user), "");
	set_str(c, offsetof(struct conf, smtp_password), "");
	c->smtp_tls = SMTP_TLS_NONE;
	set_str(c, offsetof(struct conf, mail_from), "");
	set_str(c, offsetof(struct conf, mail_from_name), "");
	c->smtp_timeout = 10;
	c->outbox_max_tries = 8;
	c->outbox_retry_seconds = 60;
	set_str(c, offsetof(struct conf, feedback_email), "");
	c->escalate_after_days = 3;
	c->comment_close_days = 30;
	c->comment_rate = 5;
	c->comment_max_links = 2;
	c->comment_min_seconds = 3;
	c->comment_flag_limit = 3;
	c->comment_ip_days = 30;
	c->comment_page_size = 50;
	c->help_retention_days = 365;
	set_str(c, offsetof(struct conf, pharmacy_url), "");
	set_str(c, offsetof(struct conf, pharmacy_secret), "");
	c->pharmacy_timeout = 10;
	c->pharmacy_tolerance = 300;
	set_str(c, offsetof(struct conf, sms_url), "");
	set_str(c, offsetof(struct conf, sms_token), "");
	set_str(c, offsetof(struct conf, sms_sender), "");
}

void conf_free(struct conf *c)
{
	for (size_t i = 0; i < NKEYS; i++)
		if (keys[i].kind == K_STR || keys[i].kind == K_LAT ||
		    keys[i].kind == K_LON) {
			char **slot = (char **)((char *)c + keys[i].off);
			free(*slot);
			*slot = NULL;
		}
}

/* A whole decimal number without sign; 0 if not. */
static int parse_num(const char *s, unsigned long long max,
                     unsigned long long *out)
{
	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return 0;
	*out = v;
	return 1;
}

/* A decimal number of degrees ("39.1045", "-8.5") within -max..max. */
static int parse_degrees(const char *s, double max)
{
	const char *p = s + (*s == '-');
	size_t digits = 0, decimals = 0;
	while (*p >= '0' && *p <= '9')
		p++, digits++;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			decimals++;
	if (*p != '\0' || digits == 0 || digits > 3 || decimals > 8)
		return 0;
	double v = strtod(s, NULL);
	return v >= -max && v <= max;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	                 s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

int conf_load(struct conf *c, const char *path, FILE *err)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		fprintf(err, "%s: cannot open: %s\n", path, strerror(errno));
		return 1;
	}
	char *line = NULL;
	size_t cap = 0;
	int bad = 0;
	unsigned lineno = 0;
	while (getline(&line, &cap, f) != -1) {
		lineno++;
		char *s = trim(line);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			fprintf(err, "%s:%u: expected \"key = value\"\n", path, lineno);
			bad++;
			continue;
		}
		*eq = '\0';
		char *k = trim(s), *v = trim(eq + 1);
		const struct key *key = NULL;
		for (size_t i = 0; i < NKEYS; i++)
			if (strcmp(keys[i].name, k) == 0)
				key = &keys[i];
		if (key == NULL) {
			fprintf(err, "%s:%u: unknown key \"%s\"\n", path, lineno, k);
			bad++;
			continue;
		}
		unsigned long long n;
		void *slot = (char *)c + key->off;
		switch (key->kind) {
		case K_STR:
			set_str(c, key->off, v);
			break;
		case K_SIZE:
			if (!parse_num(v, SIZE_MAX / 4, &n) || n == 0) {
				fprintf(err, "%s:%u: %s must be a positive whole number, not \"%s\"\n",
				        path, lineno, k, v);
				bad++;
			} else {
				*(size_t *)slot = (size_t)n;
			}
			break;
		case K_COUNT:
			if (!parse_num(v, SIZE_MAX / 4, &n)) {
				fprintf(err, "%s:%u: %s must be a whole number, not \"%s\"\n",
				        path, lineno, k, v);
				bad++;
			} else {
				*(size_t *)slot = (size_t)n;
			}
			break;
		case K_PORT:
			if (!parse_num(v, 65535, &n) || n == 0) {
				fprintf(err, "%s:%u: %s must be a port number 1-65535, not \"%s\"\n",
				        path, lineno, k, v);
				bad++;
			} else {
				*(unsigned *)slot = (unsigned)n;
			}
			break;
		case K_LOGLEVEL: {
			int l = log_level_parse(v);
			if (l < 0) {
				fprintf(err, "%s:%u: %s must be error, warn, info or debug, not \"%s\"\n",
				        path, lineno, k, v);
				bad++;
			} else {
				*(int *)slot = l;
			}
			break;
		}
		case K_TLS: {
			static const char *const tls[] = { "none", "starttls", "required" };
			int t = -1;
			for (int j = 0; j < 3; j++)
				if (strcmp(v, tls[j]) == 0)
					t = j;
			if (t < 0) {
				fprintf(err, "%s:%u: %s must be none, starttls or required, not \"%s\"\n",
				        path, lineno, k, v);
				bad++;
			} else {
				*(int *)slot = t;
			}
			break;
		}
		case K_LAT:
		case K_LON:
			if (!parse_degrees(v, key->kind == K_LAT ? 90 : 180)) {
				fprintf(err, "%s:%u: %s must be decimal degrees within %s, not \"%s\"\n",
				        path, lineno, k, key->kind == K_LAT ? "-90..90" : "-180..180", v);
				bad++;
			} else {
				set_str(c, key->off, v);
			}
			break;
		case K_ZOOM:
			if (!parse_num(v, 19, &n)) {
				fprintf(err, "%s:%u: %s must be a zoom level 0-19, not \"%s\"\n",
				        path, lineno, k, v);
				bad++;
			} else {
				*(unsigned *)slot = (unsigned)n;
			}
			break;
		case K_BOOL:
			if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
				fprintf(err, "%s:%u: %s must be 0 or 1, not \"%s\"\n",
				        path, lineno, k, v);
				bad++;
			} else {
				*(int *)slot = v[0] == '1';
			}
			break;
		}
	}
	free(line);
	fclose(f);
	return bad;
}

const char *conf_path(const char *arg)
{
	if (arg != NULL)
		return arg;
	const char *env = getenv("AGORA_CONF");
	if (env != NULL && *env)
		return env;
	return SYSCONFDIR "/agora/agora.conf";
}
