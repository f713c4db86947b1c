/*
 * admin.c - agora-admin, the sysadmin's command-line tool.
 *
 *   agora-admin [-c agora.conf] migrate        apply new sql/migrations/NNNN_name.sql files in order
 *   agora-admin [-c agora.conf] demo           load the Greek demo content (once)
 *   agora-admin [-c agora.conf] render         render Markdown whose HTML is missing
 *   agora-admin [-c agora.conf] user-add NAME [--role ROLE] [--password-file FILE]
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
#include <unistd.h>

#include "core/arena.h"
#include "core/conf.h"
#include "db/db.h"
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
static struct db_stmt user_find = DB_READ(
    "SELECT id FROM users WHERE username = ?", 1);
static struct db_stmt user_insert = DB_WRITE(
    "INSERT INTO users (username, display_name, password_hash, role)"
    " VALUES (?, ?, ?, ?)");

/* Markdown rendering, table by table: rows whose HTML is missing. */
#define RENDER_TABLE(t)                                                      \
	{ #t,                                                                \
	  DB_READ("SELECT id, body, body_en FROM " #t                       \
	          " WHERE body_html IS NULL"                               \
	          " OR (body_en IS NOT NULL AND body_en_html IS NULL)", 3),   \
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

static struct db_stmt event_without_slug = DB_READ(
    "SELECT id, title FROM events WHERE slug = '' ORDER BY id", 2);
static struct db_stmt event_set_slug = DB_WRITE(
    "UPDATE events SET slug = ?, updated_at = updated_at WHERE id = ?");

static int die_db(const char *what)
{
	fprintf(stderr, "agora-admin: %s: %s\n", what, db_error());
	return 1;
}

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
	if (sql_files(dir, &files, &n) != 0)
		return 1;
	for (size_t i = 0; i < n; i++) {
		char *version = arena_strndup(A, files[i], strlen(files[i]) - 4);
		struct db_res res;
		if (db_run(A, &mig_applied, &res, "s", version) != DB_OK)
			return die_db("reading schema_migrations");
		if (res.nrows > 0)
			continue;
		/* DDL commits implicitly in MariaDB: a migration that fails
		 * half-way is reported and not recorded, so it can be fixed
		 * and re-run. */
		if (run_script(arena_printf(A, "%s/%s", dir, files[i])) != 0)
			return 1;
		if (db_run(A, &mig_record, NULL, "s", version) != DB_OK)
			return die_db("recording the migration");
		printf("applied %s\n", version);
		applied++;
	}
	if (applied == 0)
		printf("schema is up to date (%zu migrations)\n", n);
	return 0;
}

static int fill_slugs(void)
{
	struct db_res res;
	if (db_news_without_slug(A, &res) != DB_OK)
		return die_db("reading news");
	for (size_t i = 0; i < res.nrows; i++) {
		const char *slug = slug_make(A, DB_GET(&res, i, 1));
		if (db_news_set_slug(A, db_ll(&res, i, 0), slug) != DB_OK)
			return die_db("setting a slug");
	}
	return 0;
}

/* Render the Markdown of every row whose HTML is missing (what the staff
 * forms do when text is saved). */
static int cmd_render(void)
{
	for (size_t t = 0; t < sizeof(render_tables) / sizeof(render_tables[0]); t++) {
		struct render_table *rt = &render_tables[t];
		struct db_res res;
		if (db_run(A, &rt->todo, &res, "") != DB_OK)
			return die_db(rt->name);
		for (size_t i = 0; i < res.nrows; i++) {
			const char *en = DB_GET(&res, i, 2);
			char *html = md_render(A, DB_GET(&res, i, 1), NULL);
			char *html_en = en ? md_render(A, en, "/en") : NULL;
			if (db_run(A, &rt->set, NULL, "ssi", html, html_en,
			           db_ll(&res, i, 0)) != DB_OK)
				return die_db(rt->name);
		}
		if (res.nrows > 0)
			printf("rendered %zu %s\n", res.nrows, rt->name);
	}
	struct db_res ev;
	if (db_run(A, &event_without_slug, &ev, "") != DB_OK)
		return die_db("events");
	for (size_t i = 0; i < ev.nrows; i++)
		if (db_run(A, &event_set_slug, NULL, "si",
		           slug_make(A, DB_GET(&ev, i, 1)), db_ll(&ev, i, 0)) != DB_OK)
			return die_db("events");
	return 0;
}

static int cmd_demo(void)
{
	long long n;
	if (db_news_count(A, &n) != DB_OK)
		return die_db("counting news (did you run migrate?)");
	if (n > 0) {
		printf("content already present (%lld news items): demo not loaded\n", n);
		return 0;
	}
	const char *dir = arena_printf(A, "%s/demo", conf.sql_dir);
	char **files;
	size_t k;
	if (sql_files(dir, &files, &k) != 0)
		return 1;
	for (size_t i = 0; i < k; i++)
		if (run_script(arena_printf(A, "%s/%s", dir, files[i])) != 0)
			return 1;
	if (fill_slugs() != 0 || cmd_render() != 0)
		return 1;
	db_news_count(A, &n);
	printf("demo content loaded: %lld news items\n", n);
	return 0;
}

/* A random password of 20 characters from an unambiguous alphabet. */
static void random_password(char out[21])
{
	static const char al[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	for (int i = 0; i < 20; i++)
		out[i] = al[randombytes_uniform(sizeof(al) - 1)];
	out[20] = '\0';
}

static int cmd_user_add(int argc, char **argv)
{
	const char *name = NULL, *role = "editor", *pwfile = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role = argv[++i];
		else if (strcmp(argv[i], "--password-file") == 0 && i + 1 < argc)
			pwfile = argv[++i];
		else if (argv[i][0] != '-' && name == NULL)
			name = argv[i];
		else {
			fprintf(stderr, "agora-admin: user-add: unexpected \"%s\"\n", argv[i]);
			return 2;
		}
	}
	static const char *const roles[] = { "admin", "editor", "handler",
	                                     "operator", "moderator" };
	int role_ok = 0;
	for (size_t i = 0; i < 5; i++)
		role_ok |= strcmp(role, roles[i]) == 0;
	if (name == NULL || !role_ok || strlen(name) > 64) {
		fprintf(stderr, "usage: agora-admin user-add NAME [--role admin|editor|"
		                "handler|operator|moderator] [--password-file FILE]\n");
		return 2;
	}
	struct db_res res;
	if (db_run(A, &user_find, &res, "s", name) != DB_OK)
		return die_db("reading users");
	if (res.nrows > 0) {
		printf("user \"%s\" exists: nothing to do\n", name);
		return 0;
	}
	char pw[256];
	int fd = -1;
	if (pwfile != NULL && (fd = open(pwfile, O_RDONLY)) >= 0) {
		ssize_t k = read(fd, pw, sizeof(pw) - 1);
		close(fd);
		if (k <= 0) {
			fprintf(stderr, "agora-admin: %s is empty\n", pwfile);
			return 1;
		}
		pw[k] = '\0';
		pw[strcspn(pw, "\r\n")] = '\0';
	} else {
		random_password(pw);
		if (pwfile != NULL) {
			fd = open(pwfile, O_WRONLY | O_CREAT | O_EXCL, 0600);
			if (fd < 0 || write(fd, pw, strlen(pw)) != (ssize_t)strlen(pw) ||
			    write(fd, "\n", 1) != 1) {
				fprintf(stderr, "agora-admin: writing \"%s\" failed: %s\n",
				        pwfile, strerror(errno));
				if (fd >= 0)
					close(fd);
				return 1;
			}
			close(fd);
		}
	}
	char hash[crypto_pwhash_STRBYTES];
	if (crypto_pwhash_str(hash, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		fprintf(stderr, "agora-admin: hashing the password: out of memory\n");
		return 1;
	}
	if (db_run(A, &user_insert, NULL, "ssss", name, name, hash, role) != DB_OK)
		return die_db("adding the user");
	if (pwfile != NULL)
		printf("user \"%s\" (%s) added; password in %s\n", name, role, pwfile);
	else
		printf("user \"%s\" (%s) added; password: %s\n", name, role, pw);
	sodium_memzero(pw, sizeof(pw));
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
	        "  user-add NAME [--role R] [--password-file F]\n"
	        "                               add a staff user (random password into F if F is missing)\n"
	        "  check-config                 check the configuration and the database connection\n");
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
	db_setup(&conf, 1);
	A = arena_new(64 * 1024);
	int rc;
	if (strcmp(cmd, "migrate") == 0)
		rc = cmd_migrate();
	else if (strcmp(cmd, "demo") == 0)
		rc = cmd_demo();
	else if (strcmp(cmd, "render") == 0)
		rc = cmd_render();
	else if (strcmp(cmd, "user-add") == 0)
		rc = cmd_user_add(argc - i, argv + i);
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
