/*
 * users.c - agora-admin's staff accounts and the workers' grants.
 *
 *   user add NAME --role ROLE [--role ROLE ...] [--department D]
 *                 [--name "Display Name"] [--password-file FILE]
 *   user reset-password NAME [--password-file FILE]
 *   user list
 *   grants [--host HOST]
 *
 * A new password is asked twice when agora-admin runs on a terminal, else
 * generated and printed once; with --password-file it is read from FILE,
 * or generated into FILE (mode 0600) when FILE does not exist.  A reset
 * sets a generated password the user must change at the next sign-in, and
 * ends the user's sessions.  Every change is written to the audit log as
 * done by "agora-admin".
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/password.h"
#include "core/text.h"
#include "http/perm.h"

static struct db_stmt st_find = DB_READ(
    "SELECT id FROM users WHERE username = ?", 1);
static struct db_stmt st_insert = DB_WRITE(
    "INSERT INTO users (username, display_name, password_hash, department_id)"
    " VALUES (?, ?, ?, ?)");
static struct db_stmt st_role = DB_WRITE(
    "INSERT IGNORE INTO user_roles (user_id, role) VALUES (?, ?)");
static struct db_stmt st_dept = DB_READ(
    "SELECT id FROM departments WHERE id = ? OR name = ? OR name_en = ?"
    " ORDER BY id LIMIT 2", 1);
static struct db_stmt st_reset = DB_WRITE(
    "UPDATE users SET password_hash = ?, must_change = 1,"
    " password_changed_at = NOW() WHERE id = ?");
static struct db_stmt st_end_sessions = DB_WRITE(
    "DELETE FROM sessions WHERE user_id = ?");
static struct db_stmt st_audit = DB_WRITE(
    "INSERT INTO audit_log (username, action, object_type, object_id, summary)"
    " VALUES ('agora-admin', ?, 'user', ?, ?)");
#define LIST_COLS(X)                                                         \
	X(L_NAME, "u.username")                                              \
	X(L_DISPLAY, "u.display_name")                                       \
	X(L_ROLES, "(SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM user_roles r" \
	           " WHERE r.user_id = u.id)")                              \
	X(L_ACTIVE, "u.active")                                              \
	X(L_TOTP, "u.totp_secret IS NOT NULL")                               \
	X(L_LAST, "COALESCE(DATE_FORMAT(u.last_login_at, '%Y-%m-%d %H:%i'), '-')")
enum { DB_COLS_ENUM(LIST_COLS, L__END) };
static struct db_stmt st_list = DB_READ(
    "SELECT " DB_COLUMNS(LIST_COLS) " FROM users u ORDER BY u.username",
    DB_NCOLS(LIST_COLS));

/* Read a line from the terminal without echo; 0, or -1. */
static int ask(const char *prompt, char *out, size_t n)
{
	struct termios old, quiet;
	fputs(prompt, stderr);
	fflush(stderr);
	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	char *got = fgets(out, (int)n, stdin);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	fputc('\n', stderr);
	if (got == NULL)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

/* The new password: from FILE, asked twice on a terminal, or generated
 * (printed by the caller when *generated).  0, or 1 on failure. */
static int new_password(const char *pwfile, char pw[256], int *generated)
{
	*generated = 0;
	int fd;
	if (pwfile != NULL && (fd = open(pwfile, O_RDONLY)) >= 0) {
		ssize_t k = read(fd, pw, 255);
		close(fd);
		if (k <= 0) {
			fprintf(stderr, "agora-admin: %s is empty\n", pwfile);
			return 1;
		}
		pw[k] = '\0';
		pw[strcspn(pw, "\r\n")] = '\0';
		return 0;
	}
	if (pwfile == NULL && isatty(STDIN_FILENO)) {
		char again[256];
		if (ask("New password (empty: generate one): ", pw, 256) != 0)
			return 1;
		if (pw[0] != '\0') {
			if (ask("The same again: ", again, sizeof(again)) != 0)
				return 1;
			int same = strcmp(pw, again) == 0;
			sodium_memzero(again, sizeof(again));
			if (!same) {
				fprintf(stderr, "agora-admin: the two passwords differ\n");
				return 1;
			}
			if (text_chars(pw) < 12) {
				fprintf(stderr, "agora-admin: a password needs at least 12 characters\n");
				return 1;
			}
			return 0;
		}
	}
	password_random(pw);
	*generated = 1;
	if (pwfile == NULL)
		return 0;
	fd = open(pwfile, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0 || write(fd, pw, strlen(pw)) != (ssize_t)strlen(pw) ||
	    write(fd, "\n", 1) != 1) {
		fprintf(stderr, "agora-admin: writing \"%s\" failed: %s\n", pwfile,
		        strerror(errno));
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

static void say_password(const char *what, const char *name, const char *pwfile,
                         const char *pw, int generated)
{
	if (pwfile != NULL)
		printf("user \"%s\" %s; password in %s\n", name, what, pwfile);
	else if (generated)
		printf("user \"%s\" %s; password (shown once): %s\n", name, what, pw);
	else
		printf("user \"%s\" %s\n", name, what);
}

static int usage_user(void)
{
	fprintf(stderr,
	        "usage: agora-admin user add NAME --role ROLE [--role ROLE ...]\n"
	        "                        [--department ID|NAME] [--name \"Display name\"]\n"
	        "                        [--password-file FILE]\n"
	        "       agora-admin user reset-password NAME [--password-file FILE]\n"
	        "       agora-admin user list\n"
	        "roles: admin editor moderator dispatcher department operator volunteer professional\n");
	return 2;
}

static int user_add(struct arena *a, int argc, char **argv)
{
	const char *name = NULL, *pwfile = NULL, *dept = NULL, *display = NULL;
	perm_set roles = 0;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc) {
			int r = role_parse(argv[++i]);
			if (r < 0) {
				fprintf(stderr, "agora-admin: unknown role \"%s\"\n", argv[i]);
				return usage_user();
			}
			roles |= PERM_BIT(r);
		} else if (strcmp(argv[i], "--department") == 0 && i + 1 < argc)
			dept = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			display = argv[++i];
		else if (strcmp(argv[i], "--password-file") == 0 && i + 1 < argc)
			pwfile = argv[++i];
		else if (argv[i][0] != '-' && name == NULL)
			name = argv[i];
		else {
			fprintf(stderr, "agora-admin: user add: unexpected \"%s\"\n", argv[i]);
			return usage_user();
		}
	}
	if (name == NULL || roles == 0 || strlen(name) > 64 || *name == '\0')
		return usage_user();
	if ((roles & PERM_BIT(ROLE_DEPARTMENT)) && dept == NULL) {
		fprintf(stderr, "agora-admin: the role department needs --department\n");
		return 2;
	}
	struct db_res res;
	if (db_run(a, &st_find, &res, "s", name) != DB_OK)
		return cli_die_db("reading users");
	if (res.nrows > 0) {
		printf("user \"%s\" exists: nothing to do\n", name);
		return 0;
	}
	const char *dept_id = NULL;
	if (dept != NULL) {
		if (db_run(a, &st_dept, &res, "sss", dept, dept, dept) != DB_OK)
			return cli_die_db("reading departments");
		if (res.nrows != 1) {
			fprintf(stderr, "agora-admin: no single department \"%s\"\n", dept);
			return 1;
		}
		dept_id = db_str(&res, 0, 0);
	}
	char pw[256];
	int generated;
	if (new_password(pwfile, pw, &generated) != 0)
		return 1;
	const char *hash = password_hash(a, pw);
	if (hash == NULL) {
		fprintf(stderr, "agora-admin: hashing the password: out of memory\n");
		return 1;
	}
	const char *rolelist = "";
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_run(a, &st_insert, &res, "ssss", name, display ? display : name,
		            hash, dept_id);
	long long id = (long long)res.insert_id;
	for (int r = 0; rc == DB_OK && r < ROLE__MAX; r++)
		if (roles & PERM_BIT(r)) {
			rc = db_run(a, &st_role, NULL, "is", id, role_name((enum role)r));
			rolelist = arena_printf(a, "%s%s%s", rolelist, *rolelist ? "," : "",
			                        role_name((enum role)r));
		}
	if (rc == DB_OK)
		rc = db_run(a, &st_audit, NULL, "sss", "user_create", name,
		            arena_printf(a, "created with roles %s", rolelist));
	rc = db_end(rc);
	if (rc != DB_OK)
		return cli_die_db("adding the user");
	say_password(arena_printf(a, "(%s) added", rolelist), name, pwfile, pw, generated);
	sodium_memzero(pw, sizeof(pw));
	return 0;
}

static int user_reset(struct arena *a, int argc, char **argv)
{
	const char *name = NULL, *pwfile = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--password-file") == 0 && i + 1 < argc)
			pwfile = argv[++i];
		else if (argv[i][0] != '-' && name == NULL)
			name = argv[i];
		else
			return usage_user();
	}
	if (name == NULL)
		return usage_user();
	struct db_res res;
	if (db_run(a, &st_find, &res, "s", name) != DB_OK)
		return cli_die_db("reading users");
	if (res.nrows != 1) {
		fprintf(stderr, "agora-admin: no user \"%s\"\n", name);
		return 1;
	}
	long long id = db_ll(&res, 0, 0);
	char pw[256];
	int generated;
	if (pwfile != NULL)
		unlink(pwfile); /* a reset always makes a new password */
	if (new_password(pwfile, pw, &generated) != 0)
		return 1;
	const char *hash = password_hash(a, pw);
	if (hash == NULL)
		return 1;
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_run(a, &st_reset, NULL, "si", hash, id);
	if (rc == DB_OK)
		rc = db_run(a, &st_end_sessions, NULL, "i", id);
	if (rc == DB_OK)
		rc = db_run(a, &st_audit, NULL, "sss", "password_reset", name,
		            "password reset; to be changed at the next sign-in; sessions ended");
	rc = db_end(rc);
	if (rc != DB_OK)
		return cli_die_db("resetting the password");
	say_password("has a new password, to change at the next sign-in", name, pwfile,
	             pw, generated);
	sodium_memzero(pw, sizeof(pw));
	return 0;
}

/* s padded to width characters (not bytes: Greek letters are two). */
static void padded(const char *s, size_t width)
{
	size_t n = text_chars(s);
	fputs(s, stdout);
	for (; n < width; n++)
		putchar(' ');
	putchar(' ');
}

static int user_list(struct arena *a)
{
	struct db_res res;
	if (db_run(a, &st_list, &res, "") != DB_OK)
		return cli_die_db("reading users");
	printf("%-20s %-30s %-8s %-4s %-16s %s\n", "USER", "NAME", "ACTIVE", "2FA",
	       "LAST SIGN-IN", "ROLES");
	for (size_t i = 0; i < res.nrows; i++) {
		const char *roles = db_str(&res, i, L_ROLES);
		padded(db_str(&res, i, L_NAME), 20);
		padded(db_str(&res, i, L_DISPLAY), 30);
		printf("%-8s %-4s %-16s %s\n", db_ll(&res, i, L_ACTIVE) ? "yes" : "no",
		       db_ll(&res, i, L_TOTP) ? "yes" : "no", db_str(&res, i, L_LAST),
		       roles ? roles : "-");
	}
	return 0;
}

int cli_user(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	(void)cf;
	if (argc < 1)
		return usage_user();
	if (strcmp(argv[0], "add") == 0)
		return user_add(a, argc - 1, argv + 1);
	if (strcmp(argv[0], "reset-password") == 0)
		return user_reset(a, argc - 1, argv + 1);
	if (strcmp(argv[0], "list") == 0)
		return user_list(a);
	return usage_user();
}

static struct db_stmt st_tables = DB_READ(
    "SELECT TABLE_NAME FROM information_schema.TABLES"
    " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'"
    " ORDER BY TABLE_NAME", 1);

/* Identifiers come from information_schema and the configuration: quote
 * them as SQL would (backquotes doubled, quotes escaped) all the same. */
static const char *ident(struct arena *a, const char *s, char q)
{
	struct buf b;
	buf_init(&b, 64);
	buf_addc(&b, q);
	for (; *s; s++) {
		if (*s == q || (q == '\'' && *s == '\\'))
			buf_addc(&b, *s);
		buf_addc(&b, *s);
	}
	buf_addc(&b, q);
	char *o = arena_strdup(a, b.p ? b.p : "");
	buf_free(&b);
	return o;
}

int cli_grants(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	const char *host = "localhost";
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--host") == 0 && i + 1 < argc)
			host = argv[++i];
		else {
			fprintf(stderr, "usage: agora-admin grants [--host HOST]\n");
			return 2;
		}
	}
	struct db_res res;
	if (db_run(a, &st_tables, &res, "") != DB_OK)
		return cli_die_db("listing the tables");
	const char *who = arena_printf(a, "%s@%s", ident(a, cf->db_user, '\''),
	                               ident(a, host, '\''));
	const char *db = ident(a, cf->db_name, '`');
	printf("-- The grants of the workers' account %s on %s: generated by\n"
	       "-- agora-admin grants; run as the database root after every migrate:\n"
	       "--     agora-admin grants | mariadb\n"
	       "REVOKE ALL PRIVILEGES, GRANT OPTION FROM %s;\n", who, db, who);
	for (size_t i = 0; i < res.nrows; i++) {
		const char *t = db_str(&res, i, 0);
		const char *privs = strcmp(t, "audit_log") == 0 ? "SELECT, INSERT"
		                  : strcmp(t, "schema_migrations") == 0 ? "SELECT"
		                  : "SELECT, INSERT, UPDATE, DELETE";
		printf("GRANT %s ON %s.%s TO %s;\n", privs, db, ident(a, t, '`'), who);
	}
	return 0;
}
