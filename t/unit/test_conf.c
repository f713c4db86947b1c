/*
 * test_conf.c - conf_load() on configuration files written to a temporary
 * directory: a file setting every key, then files with one kind of problem
 * each.  Every bad line must be counted and reported as "path:LINE: ..." on
 * the error stream (an open_memstream here); good lines around bad ones
 * still count as read.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/conf.h"
#include "core/log.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static char dir[] = "/tmp/agora-conf-XXXXXX";
static char path[sizeof dir + 16];

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/agora.conf", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	return 0;
}

static void write_conf(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* Load text over the defaults; the messages go to *msgs (caller frees). */
static int load(struct conf *c, const char *text, char **msgs)
{
	size_t len = 0;
	FILE *err = open_memstream(msgs, &len);
	int rc;

	assert_non_null(err);
	write_conf(text);
	conf_defaults(c);
	rc = conf_load(c, path, err);
	assert_int_equal(fclose(err), 0);
	return rc;
}

static void test_every_key(void **state)
{
	(void)state;
	struct conf c;
	char *msgs = NULL;
	int rc = load(&c,
	              "# a comment\n"
	              "\n"
	              "site_name = Δήμος Λέσβου\n"
	              "site_url = https://lesvos.example.gr   \n"
	              "contact_address = Ελ. Βενιζέλου 13-17, 81100 Μυτιλήνη\n"
	              "contact_phone = 22513 50500\n"
	              "contact_email = info@example.gr\n"
	              "views_dir = /srv/agora/views\n"
	              "sql_dir = /srv/agora/sql\n"
	              "db_host = db.internal\n"
	              "db_port = 3307\n"
	              "db_socket = /run/db.sock\n"
	              "db_name = agora_test\n"
	              "db_user = web\n"
	              "db_password = s3cret = yes # not a comment\n"
	              "admin_db_user = admin\n"
	              "admin_db_password = p#ss\n"
	              "max_body = 2097152\n"
	              "max_fields = 50\n"
	              "max_field = 4096\n"
	              "max_header = 1024\n"
	              "max_file = 1048576\n"
	              "log_level = debug\n",
	              &msgs);

	if (rc != 0)
		print_message("# messages: %s\n", msgs);
	assert_int_equal(rc, 0);
	assert_string_equal(msgs, "");
	assert_string_equal(c.site_name, "Δήμος Λέσβου");
	assert_string_equal(c.site_url, "https://lesvos.example.gr");
	assert_string_equal(c.contact_address, "Ελ. Βενιζέλου 13-17, 81100 Μυτιλήνη");
	assert_string_equal(c.contact_phone, "22513 50500");
	assert_string_equal(c.contact_email, "info@example.gr");
	assert_string_equal(c.views_dir, "/srv/agora/views");
	assert_string_equal(c.sql_dir, "/srv/agora/sql");
	assert_string_equal(c.db_host, "db.internal");
	assert_int_equal(c.db_port, 3307);
	assert_string_equal(c.db_socket, "/run/db.sock");
	assert_string_equal(c.db_name, "agora_test");
	assert_string_equal(c.db_user, "web");
	assert_string_equal(c.db_password, "s3cret = yes # not a comment");
	assert_string_equal(c.admin_db_user, "admin");
	assert_string_equal(c.admin_db_password, "p#ss");
	assert_int_equal(c.lim.max_body, 2097152);
	assert_int_equal(c.lim.max_fields, 50);
	assert_int_equal(c.lim.max_field, 4096);
	assert_int_equal(c.lim.max_header, 1024);
	assert_int_equal(c.lim.max_file, 1048576);
	assert_int_equal(c.log_level, LOG_DEBUG);
	conf_free(&c);
	free(msgs);
}

/* Keys not in the file keep their defaults; the sample's empty values are
 * allowed for strings. */
static void test_defaults_kept(void **state)
{
	(void)state;
	struct conf c, d;
	char *msgs = NULL;
	int rc = load(&c, "db_host =\ndb_password=\nlog_level=warn\n", &msgs);

	assert_int_equal(rc, 0);
	assert_string_equal(c.db_host, "");
	assert_string_equal(c.db_password, "");
	assert_int_equal(c.log_level, LOG_WARN);
	conf_defaults(&d);
	assert_string_equal(c.site_name, d.site_name);
	assert_string_equal(c.db_name, d.db_name);
	assert_int_equal(c.db_port, d.db_port);
	assert_int_equal(c.lim.max_body, d.lim.max_body);
	assert_int_equal(c.lim.max_fields, d.lim.max_fields);
	conf_free(&c);
	conf_free(&d);
	free(msgs);
}

struct row {
	const char *what;
	const char *text;
	int want;            /* number of bad lines */
	int lines[4];        /* their numbers, 0-terminated */
	const char *check;   /* for want == 0: "key=value" that must hold */
};

static const struct row rows[] = {
	/* good: layout */
	{ "comments and blank lines", "# x\n\n   \n\t\n  # indented\nsite_name = A\n",
	  0, { 0 }, "site_name=A" },
	{ "no spaces around '='", "site_name=B\n", 0, { 0 }, "site_name=B" },
	{ "tabs around '='", "site_name\t=\tC D\t\n", 0, { 0 }, "site_name=C D" },
	{ "spaces inside kept", "site_name = Δήμος   Μυτιλήνης\n", 0, { 0 },
	  "site_name=Δήμος   Μυτιλήνης" },
	{ "trailing spaces trimmed", "site_name = E   \n", 0, { 0 }, "site_name=E" },
	{ "CRLF line ends", "site_name = F\r\nmax_fields = 7\r\n", 0, { 0 }, "site_name=F" },
	{ "no newline at the end", "site_name = G", 0, { 0 }, "site_name=G" },
	{ "'=' inside the value", "db_password = a=b\n", 0, { 0 }, "db_password=a=b" },
	{ "'#' inside the value", "db_password = a # b\n", 0, { 0 },
	  "db_password=a # b" },
	{ "a later line wins", "site_name = one\nsite_name = two\n", 0, { 0 },
	  "site_name=two" },
	{ "log_level error", "log_level = error\n", 0, { 0 }, "log_level=error" },
	{ "log_level info", "log_level = info\n", 0, { 0 }, "log_level=info" },
	/* bad: one line each */
	{ "unknown key", "site_name = A\nsite_nmae = B\n", 1, { 2 }, NULL },
	{ "key in the wrong case", "Site_Name = A\n", 1, { 1 }, NULL },
	{ "missing '='", "# c\nsite_name A\n", 1, { 2 }, NULL },
	{ "a bare word", "\n\nmax_body\n", 1, { 3 }, NULL },
	{ "empty key", "= x\n", 1, { 1 }, NULL },
	{ "non-numeric max_body", "max_body = 10MB\n", 1, { 1 }, NULL },
	{ "max_body in hex", "max_body = 0x100\n", 1, { 1 }, NULL },
	{ "max_body with a space", "max_body = 10 000\n", 1, { 1 }, NULL },
	{ "empty max_body", "max_body =\n", 1, { 1 }, NULL },
	{ "negative max_fields", "max_fields = -1\n", 1, { 1 }, NULL },
	{ "signed max_field", "max_field = +5\n", 1, { 1 }, NULL },
	{ "max_file overflows", "max_file = 99999999999999999999999\n", 1, { 1 }, NULL },
	{ "fractional max_header", "max_header = 1.5\n", 1, { 1 }, NULL },
	{ "non-numeric db_port", "db_port = mysql\n", 1, { 1 }, NULL },
	{ "negative db_port", "db_port = -3306\n", 1, { 1 }, NULL },
	{ "bad log_level", "log_level = loud\n", 1, { 1 }, NULL },
	{ "log_level in capitals", "log_level = INFO\n", 1, { 1 }, NULL },
	{ "empty log_level", "log_level =\n", 1, { 1 }, NULL },
	/* the map's centre and zoom (the list of requests) */
	{ "map_lat", "map_lat = 39.1045\n", 0, { 0 }, "map_lat=39.1045" },
	{ "a negative map_lon", "map_lon = -8.61\n", 0, { 0 }, "map_lon=-8.61" },
	{ "a whole map_lon", "map_lon = 180\n", 0, { 0 }, "map_lon=180" },
	{ "map_zoom 0", "map_zoom = 0\n", 0, { 0 }, "map_zoom=0" },
	{ "map_lat beyond 90", "map_lat = 90.5\n", 1, { 1 }, NULL },
	{ "map_lon beyond 180", "map_lon = -181\n", 1, { 1 }, NULL },
	{ "map_lat with a comma", "map_lat = 39,1\n", 1, { 1 }, NULL },
	{ "map_lat not a number", "map_lat = north\n", 1, { 1 }, NULL },
	{ "map_lat empty", "map_lat =\n", 1, { 1 }, NULL },
	{ "map_lon with an exponent", "map_lon = 1e2\n", 1, { 1 }, NULL },
	{ "map_lat a bare dot", "map_lat = .5\n", 1, { 1 }, NULL },
	{ "map_zoom 20", "map_zoom = 20\n", 1, { 1 }, NULL },
	{ "map_zoom negative", "map_zoom = -1\n", 1, { 1 }, NULL },
	/* several: each reported, the good ones between still read */
	{ "four bad lines", "# header\n"
	                    "nope = 1\n"
	                    "site_name = ok\n"
	                    "max_body = big\n"
	                    "\n"
	                    "just words\n"
	                    "log_level = chatty\n",
	  4, { 2, 4, 6, 7 }, NULL },
};

/* "key=value" holds in c? */
static int holds(const struct conf *c, const char *check)
{
	const char *eq = strchr(check, '=');
	size_t k = (size_t)(eq - check);
	const char *v = eq + 1;

	if (strncmp(check, "site_name", k) == 0 && k == 9)
		return strcmp(c->site_name, v) == 0;
	if (strncmp(check, "db_password", k) == 0 && k == 11)
		return strcmp(c->db_password, v) == 0;
	if (strncmp(check, "map_lat", k) == 0 && k == 7)
		return strcmp(c->map_lat, v) == 0;
	if (strncmp(check, "map_lon", k) == 0 && k == 7)
		return strcmp(c->map_lon, v) == 0;
	if (strncmp(check, "map_zoom", k) == 0 && k == 8)
		return c->map_zoom == (unsigned)atoi(v);
	if (strncmp(check, "log_level", k) == 0 && k == 9)
		return c->log_level == (strcmp(v, "error") == 0  ? LOG_ERROR
		                        : strcmp(v, "warn") == 0 ? LOG_WARN
		                        : strcmp(v, "info") == 0 ? LOG_INFO
		                                                 : LOG_DEBUG);
	return 0;
}

static void test_table(void **state)
{
	(void)state;
	int failed = 0;

	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct row *r = &rows[i];
		struct conf c;
		char *msgs = NULL;
		int rc = load(&c, r->text, &msgs);
		int bad = rc != r->want;

		if (!bad && r->want == 0)
			bad = msgs[0] != '\0' || !holds(&c, r->check);
		for (int k = 0; !bad && k < 4 && r->lines[k]; k++) {
			char needle[sizeof path + 32];
			snprintf(needle, sizeof needle, "%s:%d: ", path, r->lines[k]);
			if (!strstr(msgs, needle))
				bad = 1;
		}
		if (!bad && r->want) {
			/* one message line per bad line, each starting with the path */
			int n = 0;
			for (const char *p = msgs; *p; p++)
				if (*p == '\n')
					n++;
			if (n != r->want || strncmp(msgs, path, strlen(path)) != 0)
				bad = 1;
		}
		if (bad) {
			print_message("# conf_load row %zu (%s): want %d bad line(s), got %d;"
			              " messages:\n%s", i, r->what, r->want, rc, msgs);
			failed++;
		}
		conf_free(&c);
		free(msgs);
	}
	assert_int_equal(failed, 0);
}

static void test_missing_file(void **state)
{
	(void)state;
	struct conf c;
	char *msgs = NULL;
	size_t len = 0;
	char missing[sizeof dir + 32];
	FILE *err = open_memstream(&msgs, &len);

	snprintf(missing, sizeof missing, "%s/no-such.conf", dir);
	conf_defaults(&c);
	assert_true(conf_load(&c, missing, err) != 0);
	fclose(err);
	assert_non_null(strstr(msgs, missing));
	conf_free(&c);
	free(msgs);
}

/* The sample shipped with the sources is itself a good file. */
static void test_sample(void **state)
{
	(void)state;
	const char *src = getenv("AGORA_SRCDIR");
	char sample[4096];
	struct conf c;
	char *msgs = NULL;
	size_t len = 0;
	FILE *err;

	if (src && *src) {
		snprintf(sample, sizeof sample, "%s/src/agora.conf.in", src);
	} else {
		const char *slash = strrchr(__FILE__, '/');
		snprintf(sample, sizeof sample, "%.*s/../../src/agora.conf.in",
		         slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".");
	}
	err = open_memstream(&msgs, &len);
	assert_non_null(err);
	conf_defaults(&c);
	int rc = conf_load(&c, sample, err);
	fclose(err);
	if (rc)
		print_message("# %s", msgs);
	assert_int_equal(rc, 0);
	assert_string_equal(c.site_name, "Δήμος Μυτιλήνης");
	assert_string_equal(c.db_host, "");
	assert_int_equal(c.lim.max_body, 10485760);
	conf_free(&c);
	free(msgs);
}

/* conf_path: the argument, else $AGORA_CONF, else the installed file. */
static void test_path(void **state)
{
	(void)state;
	assert_string_equal(conf_path("/x/y.conf"), "/x/y.conf");
	setenv("AGORA_CONF", "/env/agora.conf", 1);
	assert_string_equal(conf_path(NULL), "/env/agora.conf");
	assert_string_equal(conf_path("/x/y.conf"), "/x/y.conf");
	unsetenv("AGORA_CONF");
	assert_non_null(strstr(conf_path(NULL), "/agora/agora.conf"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_defaults_kept),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_sample),
		cmocka_unit_test(test_path),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("conf", tests, setup, teardown);
}
