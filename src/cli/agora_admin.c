/*
 * admin.c - agora-admin, the sysadmin's command-line tool.
 *
 *   agora-admin [-c agora.conf] migrate        apply new sql/migrations/NNNN_name.sql files in order
 *   agora-admin [-c agora.conf] demo           load the Greek demo content (once), its
 *                                              dates relative to now (AGORA_DEMO_NOW)
 *   agora-admin [-c agora.conf] render         render Markdown whose HTML is missing
 *   agora-admin [-c agora.conf] search reindex the search index rebuilt (cli/search.c)
 *   agora-admin [-c agora.conf] user add|reset-password|list ...   staff accounts (cli/users.c)
 *   agora-admin [-c agora.conf] grants         the workers' database grants, as SQL
 *   agora-admin [-c agora.conf] requests escalate   the daily digest of overdue requests (cli/requests.c)
 *   agora-admin [-c agora.conf] comments digest|purge   the moderators' digest, old addresses erased (cli/comments.c)
 *   agora-admin [-c agora.conf] purge          every retention rule, daily (cli/help.c)
 *   agora-admin [-c agora.conf] help purge|export ID   the support desk's retention, a resident's data (cli/help.c)
 *   agora-admin [-c agora.conf] check-config   check the file and the database
 *
 * It connects with admin_db_user (DDL rights) when set.  Exit status: 0 done
 * (including "nothing to do"), 1 failed, 2 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/civil.h"
#include "http/valid.h"
#include "core/buf.h"
#include "core/conf.h"
#include "db/db.h"
#include "mail/outbox.h"
#include "site/db_news.h"
#include "core/log.h"
#include "core/md.h"
#include "core/slug.h"

static struct conf conf;
static struct arena *A;

static struct db_stmt mig_applied = DB_READ(
    "SELECT 1 FROM schema_migrations WHERE version = ?", 1);
static struct db_stmt mig_record = DB_WRITE(
    "INSERT INTO schema_migrations (version) VALUES (?)");

/* Markdown rendering, table by table: rows whose HTML is missing, in
 * batches of RENDER_BATCH by id (a keyset walk: a million rows to render
 * never sit in memory at once). */
#define RENDER_BATCH 500
#define RENDER_STR_(x) #x
#define RENDER_STR(x) RENDER_STR_(x)
#define RENDER_TABLE(t)                                                      \
	{ #t,                                                                \
	  DB_READ("SELECT id, body, body_en FROM " #t                       \
	          " WHERE id > ? AND (body_html IS NULL"                    \
	          " OR (body_en IS NOT NULL AND body_en_html IS NULL))"      \
	          " ORDER BY id LIMIT " RENDER_STR(RENDER_BATCH), 3),        \
	  DB_WRITE("UPDATE " #t " SET body_html = ?, body_en_html = ?"       \
	          " WHERE id = ?") }
static struct render_table {
	const char *name;
	struct db_stmt todo, set;
} render_tables[] = {
	RENDER_TABLE(news),
	RENDER_TABLE(pages),
	RENDER_TABLE(events),
};

/* The demo loader renders without touching updated_at: a demo row's
 * "updated" time is the one its SQL gives it, not the time of loading. */
#define DEMO_RENDER_SET(t)                                                   \
	DB_WRITE("UPDATE " #t " SET body_html = ?, body_en_html = ?,"       \
	         " updated_at = updated_at WHERE id = ?")
static struct db_stmt demo_render_set[] = {
	DEMO_RENDER_SET(news),
	DEMO_RENDER_SET(pages),
	DEMO_RENDER_SET(events),
};

static struct db_stmt event_without_slug = DB_READ(
    "SELECT id, title FROM events WHERE slug = '' ORDER BY id", 2);
static struct db_stmt event_set_slug = DB_WRITE(
    "UPDATE events SET slug = ?, updated_at = updated_at WHERE id = ?");

/* The *.sql files of dir, sorted by name (NNNN_ prefixes order them). */
static int sql_files(const char *dir, char ***out, size_t *n)
{
	struct dirent **list;
	int k = scandir(dir, &list, NULL, alphasort);
	if (k < 0) {
		fprintf(stderr, "agora-admin: scandir(\"%s\") failed: %s\n", dir,
		        strerror(errno));
		return -1;
	}
	*out = arena_alloc(A, (size_t)(k + 1) * sizeof(char *));
	*n = 0;
	for (int i = 0; i < k; i++) {
		size_t l = strlen(list[i]->d_name);
		if (l > 4 && strcmp(list[i]->d_name + l - 4, ".sql") == 0)
			(*out)[(*n)++] = arena_strdup(A, list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(stderr, "agora-admin: open(\"%s\") failed: %s\n", path,
		        strerror(errno));
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *p = arena_alloc(A, (size_t)n + 1);
	*len = fread(p, 1, (size_t)n, f);
	p[*len] = '\0';
	fclose(f);
	return p;
}

static int run_script(const char *path)
{
	size_t len;
	char *sql = slurp(path, &len);
	if (sql == NULL)
		return -1;
	char err[1024];
	if (db_exec_script(sql, len, err, sizeof(err)) != DB_OK) {
		fprintf(stderr, "agora-admin: %s: %s\n", path, err);
		return -1;
	}
	return 0;
}

static int cmd_migrate(void)
{
	static const char create[] =
	    "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    " version VARCHAR(64) NOT NULL PRIMARY KEY,"
	    " applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
	char err[1024];
	if (db_exec_script(create, sizeof(create) - 1, err, sizeof(err)) != DB_OK) {
		fprintf(stderr, "agora-admin: creating schema_migrations: %s\n", err);
		return 1;
	}
	const char *dir = arena_printf(A, "%s/migrations", conf.sql_dir);
	char **files;
	size_t n, applied = 0;
	int new_index = 0;
	if (sql_files(dir, &files, &n) != 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		char *version = arena_strndup(A, files[i], strlen(files[i]) - 4);
		struct db_res res;
		if (db_run(A, &mig_applied, &res, "s", version) != DB_OK)
			return cli_die_db("reading schema_migrations");
		if (res.nrows > 0)
			continue;
		/* DDL commits implicitly in MariaDB: a migration that fails
		 * half-way is reported and not recorded, so it can be fixed
		 * and re-run. */
		if (run_script(arena_printf(A, "%s/%s", dir, files[i])) != 0)
			return 1;
		if (db_run(A, &mig_record, NULL, "s", version) != DB_OK)
			return cli_die_db("recording the migration");
		printf("applied %s\n", version);
		applied++;
		if (strcmp(version, "0020_search_index") == 0)
			new_index = 1;
	}
	/* The search index starts empty: filled from what is there, once the
	 * schema is whole. */
	if (new_index && cli_search_reindex() != 0) {
		fprintf(stderr, "agora-admin: the schema is up to date; run agora-admin search"
		                " reindex to fill the search index\n");
		return 1;
	}
	if (applied == 0)
		printf("schema is up to date (%zu migrations)\n", n);
	return 0;
}

static int fill_slugs(void)
{
	struct db_res res;
	if (db_news_without_slug(A, &res) != DB_OK)
		return cli_die_db("reading news");
	for (size_t i = 0; i < res.nrows; i++) {
		const char *slug = slug_make(A, DB_GET(&res, i, 1));
		if (db_news_set_slug(A, db_ll(&res, i, 0), slug) != DB_OK)
			return cli_die_db("setting a slug");
	}
	return 0;
}

/* Render the Markdown of every row whose HTML is missing (what the staff
 * forms do when text is saved); demo: keep each row's updated_at. */
static int render(int demo)
{
	for (size_t t = 0; t < sizeof(render_tables) / sizeof(render_tables[0]); t++) {
		struct render_table *rt = &render_tables[t];
		struct db_stmt *set = demo ? &demo_render_set[t] : &rt->set;
		struct db_res res;
		long long after = 0;
		size_t done = 0;
		do {
			/* Each batch in its own arena, freed before the next, and
			 * its updates in one transaction (one commit, not 500). */
			struct arena *b = arena_new(256 * 1024);
			int rc = db_run(b, &rt->todo, &res, "i", after);
			if (rc == DB_OK && res.nrows > 0)
				rc = db_begin();
			for (size_t i = 0; rc == DB_OK && i < res.nrows; i++) {
				const char *en = DB_GET(&res, i, 2);
				char *html = md_render(b, DB_GET(&res, i, 1), NULL);
				char *html_en = en ? md_render(b, en, "/en") : NULL;
				after = db_ll(&res, i, 0);
				rc = db_run(b, set, NULL, "ssi", html, html_en, after);
			}
			if (rc == DB_OK && res.nrows > 0)
				rc = db_commit();
			arena_free(b);
			if (rc != DB_OK) {
				db_rollback();
				return cli_die_db(rt->name);
			}
			done += res.nrows;
		} while (res.nrows == RENDER_BATCH);
		if (done > 0)
			printf("rendered %zu %s\n", done, rt->name);
	}
	struct db_res ev;
	if (db_run(A, &event_without_slug, &ev, "") != DB_OK)
		return cli_die_db("events");
	for (size_t i = 0; i < ev.nrows; i++)
		if (db_run(A, &event_set_slug, NULL, "si",
		           slug_make(A, DB_GET(&ev, i, 1)), db_ll(&ev, i, 0)) != DB_OK)
			return cli_die_db("events");
	return 0;
}

static int cmd_render(void)
{
	return render(0);
}

/* ---- the demo's dates ------------------------------------------------
 *
 * The demo content is a snapshot of the portal on Saturday 28 November
 * 2026 (DEMO_DAY_Y/M/D).
 * Its history (news, past events, closed tenders, the expired alert) keeps
 * the dates it was written with: they are past whenever it is loaded.
 * What was still ahead on that day is written with placeholders that the
 * loader fills in relative to the time it runs, so that open tenders are
 * open, upcoming events upcoming, the scheduled item scheduled and the
 * active alert active, whenever the demo is loaded (and the tests, which
 * load it, never age):
 *
 *   {{W 2026-12-14 15:00}}  moved by whole weeks (the same weekday), so
 *                           that 28 November 2026, moved, is one of the 7
 *                           days up to today: open tenders, the scheduled
 *                           item, the newest item;
 *   {{Y 2027-03-14 12:00}}  moved by whole 52-week years (the same weekday,
 *                           the same season), as few as make the earliest
 *                           {{Y ...}} of the demo still ahead: upcoming
 *                           events;
 *   {{H-2}}, {{H+6}}        the current hour (minutes 0) plus or minus
 *                           hours: the active alert, "updated" times;
 *
 * each an SQL DATETIME ("2026-12-14 15:00:00", written inside quotes in the
 * SQL).  In text, {{W 2026-12-14 el}} is the moved date as "14 Δεκεμβρίου
 * 2026"; el-dm "14 Δεκεμβρίου", en "14 December 2026", en-dm
 * "14 December", year "2026".  Weekday names stay as written: moves are
 * whole weeks.  AGORA_DEMO_NOW="YYYY-MM-DD HH:MM" loads the demo as if it
 * were that local time (for the tests). */

#define DEMO_DAY_Y 2026
#define DEMO_DAY_M 11
#define DEMO_DAY_D 28

/* a / b rounded towards minus infinity.  (Wall-clock dates are moved as
 * days, core/civil.h, without time zones.) */
static long floor_div(long a, long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

struct demo_clock {
	long now;        /* minutes since 1970-01-01 00:00, local wall clock */
	long week_days;  /* the move of {{W ...}}, in days */
	long year_days;  /* the move of {{Y ...}}, in days */
};

/* "YYYY-MM-DD" and optionally " HH:MM" at p: minutes since 1970, the
 * number of characters read in *used; -1 if it is not that. */
static long parse_when(const char *p, int with_time, size_t *used)
{
	int y, mo, d, h = 0, mi = 0, n = 0;
	if (with_time) {
		if (sscanf(p, "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5 || n != 16)
			return -1;
	} else if (sscanf(p, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10) {
		return -1;
	}
	if (!valid_date_parts(y, mo, d, h, mi, 0))
		return -1;
	*used = (size_t)n;
	return civil_days(y, mo, d) * 1440 + h * 60 + mi;
}

static int demo_now(struct demo_clock *k)
{
	const char *fake = getenv("AGORA_DEMO_NOW");
	size_t used;
	if (fake != NULL && *fake) {
		k->now = parse_when(fake, 1, &used);
		if (k->now < 0 || fake[used] != '\0') {
			fprintf(stderr, "agora-admin: AGORA_DEMO_NOW=\"%s\" is not "
			        "\"YYYY-MM-DD HH:MM\"\n", fake);
			return -1;
		}
		return 0;
	}
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	k->now = civil_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 1440 +
	         tm.tm_hour * 60 + tm.tm_min;
	return 0;
}

/* The moves: W from the clock alone, Y from the earliest {{Y ...}} of all
 * the demo's files (-1 in earliest: there is none). */
static void demo_moves(struct demo_clock *k, long earliest_y)
{
	long today = floor_div(k->now, 1440);
	long demo_day = civil_days(DEMO_DAY_Y, DEMO_DAY_M, DEMO_DAY_D);
	k->week_days = 7 * floor_div(today - demo_day, 7);
	/* the fewest 364-day years that put earliest_y after now */
	k->year_days = earliest_y < 0 ? 0
	             : 364 * (floor_div(k->now - earliest_y, 364L * 1440) + 1);
}

/* The earliest {{Y date time}} in sql, or keep *earliest. */
static void demo_scan(const char *sql, long *earliest)
{
	for (const char *p = sql; (p = strstr(p, "{{Y ")) != NULL; p += 4) {
		size_t used;
		long w = parse_when(p + 4, 1, &used);
		if (w >= 0 && (*earliest < 0 || w < *earliest))
			*earliest = w;
	}
}

static const char *const months_el[] = { "Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου",
	"Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου", "Σεπτεμβρίου",
	"Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου" };
static const char *const months_en[] = { "January", "February", "March", "April",
	"May", "June", "July", "August", "September", "October", "November",
	"December" };

/* Minutes since 1970 as an SQL DATETIME. */
static void put_datetime(struct buf *b, long when)
{
	int y, m, d;
	civil_date(floor_div(when, 1440), &y, &m, &d);
	long mins = when - floor_div(when, 1440) * 1440;
	buf_printf(b, "%04d-%02d-%02d %02ld:%02ld:00", y, m, d, mins / 60, mins % 60);
}

/* One placeholder, p just after "{{" and e at its "}}": appended to out;
 * 0, or -1 if it is not one. */
static int demo_placeholder(struct buf *out, const char *p, const char *e,
                            const struct demo_clock *k)
{
	size_t n = (size_t)(e - p), used;
	if (n >= 3 && p[0] == 'H' && (p[1] == '+' || p[1] == '-')) {
		char *end;
		long h = strtol(p + 1, &end, 10);
		if (end != e || h < -1000 || h > 1000)
			return -1;
		put_datetime(out, floor_div(k->now, 60) * 60 + h * 60);
		return 0;
	}
	if (n < 12 || (p[0] != 'W' && p[0] != 'Y') || p[1] != ' ')
		return -1;
	long move = (p[0] == 'W' ? k->week_days : k->year_days) * 1440;
	long when = parse_when(p + 2, 1, &used);
	if (when >= 0 && p + 2 + used == e) {
		put_datetime(out, when + move);
		return 0;
	}
	when = parse_when(p + 2, 0, &used);
	if (when < 0 || p[2 + used] != ' ')
		return -1;
	const char *fmt = p + 3 + used;
	size_t fl = (size_t)(e - fmt);
	int y, m, d;
	civil_date(floor_div(when + move, 1440), &y, &m, &d);
#define FMT_IS(s) (fl == sizeof(s) - 1 && memcmp(fmt, s, fl) == 0)
	if (FMT_IS("el"))
		buf_printf(out, "%d %s %d", d, months_el[m - 1], y);
	else if (FMT_IS("el-dm"))
		buf_printf(out, "%d %s", d, months_el[m - 1]);
	else if (FMT_IS("en"))
		buf_printf(out, "%d %s %d", d, months_en[m - 1], y);
	else if (FMT_IS("en-dm"))
		buf_printf(out, "%d %s", d, months_en[m - 1]);
	else if (FMT_IS("year"))
		buf_printf(out, "%d", y);
	else
		return -1;
#undef FMT_IS
	return 0;
}

/* sql with its placeholders filled in, into out; 0, or -1 with a message
 * naming path and the line of a bad placeholder. */
static int demo_expand(const char *path, const char *sql, const struct demo_clock *k,
                       struct buf *out)
{
	const char *p = sql;
	for (const char *q; (q = strstr(p, "{{")) != NULL; p = q) {
		buf_add(out, p, (size_t)(q - p));
		const char *e = strstr(q + 2, "}}");
		if (e == NULL || demo_placeholder(out, q + 2, e, k) != 0) {
			int line = 1;
			for (const char *c = sql; c < q; c++)
				line += *c == '\n';
			fprintf(stderr, "agora-admin: %s:%d: bad placeholder \"%.40s\"\n", path,
			        line, q);
			return -1;
		}
		q = e + 2;
	}
	buf_adds(out, p);
	return 0;
}

static int cmd_demo(void)
{
	long long n;
	if (db_news_count(A, &n) != DB_OK)
		return cli_die_db("counting news (did you run migrate?)");
	if (n > 0) {
		printf("content already present (%lld news items): demo not loaded\n", n);
		return 0;
	}
	const char *dir = arena_printf(A, "%s/demo", conf.sql_dir);
	char **files;
	size_t k;
	if (sql_files(dir, &files, &k) != 0)
		return 1;
	struct demo_clock clock;
	if (demo_now(&clock) != 0)
		return 1;
	char **sql = arena_alloc(A, (k + 1) * sizeof(char *));
	long earliest_y = -1;
	for (size_t i = 0; i < k; i++) {
		size_t len;
		if ((sql[i] = slurp(arena_printf(A, "%s/%s", dir, files[i]), &len)) == NULL)
			return 1;
		demo_scan(sql[i], &earliest_y);
	}
	demo_moves(&clock, earliest_y);
	for (size_t i = 0; i < k; i++) {
		const char *path = arena_printf(A, "%s/%s", dir, files[i]);
		struct buf b;
		buf_init(&b, strlen(sql[i]) + 4096);
		char err[1024];
		int bad = demo_expand(path, sql[i], &clock, &b);
		if (!bad && db_exec_script(b.p, b.len, err, sizeof(err)) != DB_OK) {
			fprintf(stderr, "agora-admin: %s: %s\n", path, err);
			bad = 1;
		}
		buf_free(&b);
		if (bad)
			return 1;
	}
	if (fill_slugs() != 0 || render(1) != 0 || cli_search_reindex() != 0)
		return 1;
	db_news_count(A, &n);
	printf("demo content loaded: %lld news items\n", n);
	return 0;
}

static int cmd_check_config(const char *path)
{
	int bad = 0;
	struct stat st;
	if (stat(conf.views_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: views_dir \"%s\" is not a directory\n", path,
		        conf.views_dir);
		bad++;
	}
	if (stat(conf.sql_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: sql_dir \"%s\" is not a directory\n", path,
		        conf.sql_dir);
		bad++;
	}
	if (strlen(conf.form_secret) < 32) {
		fprintf(stderr, "%s: form_secret must be at least 32 characters "
		        "(head -c 32 /dev/urandom | base64); the worker will not start\n",
		        path);
		bad++;
	}
	if ((conf.mail_from[0] && !outbox_address_ok(conf.mail_from)) ||
	    (conf.feedback_email[0] && !outbox_address_ok(conf.feedback_email))) {
		fprintf(stderr, "%s: mail_from and feedback_email must be plain addresses "
		        "(name@example.gr) or empty\n", path);
		bad++;
	}
	if (db_connect() != DB_OK) {
		fprintf(stderr, "%s: cannot connect to the database: %s\n", path,
		        db_error());
		bad++;
	}
	if (bad == 0)
		printf("%s: configuration OK, database reachable\n", path);
	return bad ? 1 : 0;
}

static void usage(void)
{
	fprintf(stderr,
	        "usage: agora-admin [-c agora.conf] COMMAND\n"
	        "  migrate                      apply new SQL migrations in order\n"
	        "  demo                         load the Greek demo content (only into an empty site)\n"
	        "  render                       render Markdown whose HTML is missing (news, pages, events)\n"
	        "  search reindex               rebuild the search index (after content loaded with SQL)\n"
	        "  user add NAME --role R [--role R ...] [--department D] [--name N] [--password-file F]\n"
	        "                               add a staff user (password asked twice, or generated)\n"
	        "  user reset-password NAME [--password-file F]\n"
	        "                               a new password, to be changed at the next sign-in\n"
	        "  user list                    the staff users, their roles and second factor\n"
	        "  grants [--host H]            the workers' database grants, as SQL for root\n"
	        "  check-config                 check the configuration and the database connection\n"
	        "  outbox send [--loop]         deliver the queued mail (once, or every 5 s until SIGTERM)\n"
	        "  outbox list [--failed]       the queued and failed messages, newest first\n"
	        "  outbox retry ID              queue a failed message again\n"
	        "  requests escalate            today's digest of overdue requests (run daily; once a day)\n"
	        "  comments digest              the moderators' digest of comments waiting (run hourly)\n"
	        "  comments purge               erase commenters' addresses older than comment_ip_days (daily)\n"
	        "  purge                        every retention rule: help purge and comments purge (daily)\n"
	        "  help purge                   anonymise the support desk's cases and residents older than\n"
	        "                               help_retention_days; old pharmacy nonces and webhook bodies\n"
	        "  help export ID               one resident's data as JSON on stdout (an access request)\n");
}

int main(int argc, char **argv)
{
	const char *conf_arg = NULL;
	int i = 1;
	if (i + 1 < argc && strcmp(argv[i], "-c") == 0) {
		conf_arg = argv[i + 1];
		i += 2;
	}
	if (i >= argc || strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
		usage();
		return i >= argc ? 2 : 0;
	}
	const char *cmd = argv[i++];
	if (sodium_init() < 0) {
		fprintf(stderr, "agora-admin: libsodium failed to initialise\n");
		return 1;
	}
	conf_defaults(&conf);
	const char *path = conf_path(conf_arg);
	int bad = conf_load(&conf, path, stderr);
	if (bad != 0) {
		fprintf(stderr, "agora-admin: %s: %d bad line(s)\n", path, bad);
		return 1;
	}
	log_set_level((enum log_level)conf.log_level);
	/* The municipality's zone, as in the workers: the demo's relative
	 * times and every time agora-admin writes are its wall clock. */
	if (conf.timezone[0] != '\0') {
		setenv("TZ", conf.timezone, 1);
		tzset();
	}
	db_setup(&conf, 1);
	outbox_setup(&conf);
	A = arena_new(64 * 1024);
	int rc;
	if (strcmp(cmd, "migrate") == 0)
		rc = cmd_migrate();
	else if (strcmp(cmd, "demo") == 0)
		rc = cmd_demo();
	else if (strcmp(cmd, "render") == 0)
		rc = cmd_render();
	else if (strcmp(cmd, "search") == 0)
		rc = cli_search(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "user") == 0)
		rc = cli_user(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "grants") == 0)
		rc = cli_grants(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "outbox") == 0)
		rc = cli_outbox(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "requests") == 0)
		rc = cli_requests(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "comments") == 0)
		rc = cli_comments(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "help") == 0)
		rc = cli_help(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "purge") == 0)
		rc = cli_purge(A, &conf, argc - i, argv + i);
	else if (strcmp(cmd, "check-config") == 0)
		rc = cmd_check_config(path);
	else {
		usage();
		rc = 2;
	}
	db_close();
	arena_free(A);
	conf_free(&conf);
	return rc;
}
