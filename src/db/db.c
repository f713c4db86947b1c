/*
 * db.c - one MariaDB connection per process, prepared statements, and the
 * reconnect rules of PITFALLS.md: after "server has gone away" the handle and
 * every statement prepared on it are dropped; the next use reconnects (with
 * utf8mb4 set through MYSQL_SET_CHARSET_NAME) and re-prepares.  A read is
 * retried once when its connection failed at once; a write only when it
 * never reached the server; nothing is retried inside a transaction.  A
 * worker's statements have a time limit (conf statement_time, MariaDB's
 * max_statement_time): a stopped one, or one whose connection was lost
 * after a second or more, is never run again - a slow statement would
 * hold the worker twice - and the next use starts a fresh connection.
 */
#include "db/db.h"

#include <mysql.h>
#include <errmsg.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/arena.h"
#include "core/conf.h"
#include "core/log.h"

#define COL_BUF 256

static struct {
	const struct conf *c;
	int admin;
	MYSQL *h;
	unsigned gen;        /* bumped on every new connection */
	int in_tx;
	int down_logged;     /* log "unreachable" once per outage */
	struct db_stmt *prepared;
	char err[512];
	unsigned err_no; /* the MariaDB error number of err */
} db;

void db_setup(const struct conf *c, int admin)
{
	db.c = c;
	db.admin = admin;
}

const char *db_error(void)
{
	return db.err;
}

static void set_err(const char *what, unsigned no, const char *msg)
{
	snprintf(db.err, sizeof(db.err), "%s: %u %s", what, no, msg);
	db.err_no = no;
}

/* The statement was stopped: by max_statement_time, or by a KILL QUERY
 * from an administrator.  Never run again (it would only be stopped
 * again, holding the worker twice as long). */
static int stopped(unsigned e)
{
	return e == 1969 /* ER_STATEMENT_TIMEOUT */ || e == 1317 /* ER_QUERY_INTERRUPTED */;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A stopped statement is the database's answer, not a bug: a warning
 * with what ran and for how long. */
static void log_stopped(const struct db_stmt *st, double t0)
{
	log_warn("msg=\"statement stopped: answered 503\" sql=\"%.80s\" error=\"%s\" "
	         "ms=%.0f", st->sql, db.err, (now_s() - t0) * 1e3);
}

static int lost(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	       e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
#ifdef CR_SERVER_LOST_EXTENDED
	       e == CR_SERVER_LOST_EXTENDED ||
#endif
	       e == 4031 /* ER_CLIENT_INTERACTION_TIMEOUT */ ||
	       e == 1927 /* ER_CONNECTION_KILLED */ ||
	       e == 1053 /* ER_SERVER_SHUTDOWN */;
}

/* Forget the connection and every statement prepared on it. */
static void drop(void)
{
	if (db.h != NULL)
		mysql_close(db.h); /* invalidates the statements ... */
	db.h = NULL;
	for (struct db_stmt *s = db.prepared; s != NULL;) {
		struct db_stmt *next = s->next_prepared;
		mysql_stmt_close(s->h); /* ... which still must be freed */
		s->h = NULL;
		s->next_prepared = NULL;
		s = next;
	}
	db.prepared = NULL;
	db.in_tx = 0;
}

void db_close(void)
{
	drop();
}

/* The session's time zone is the municipality's (conf timezone), so NOW()
 * and the stored local times agree with what the workers show.  The named
 * zone needs MariaDB's zone tables; without them (error 1298) the zone's
 * current UTC offset is used and a warning says how to load them. */
/* The workers' limit on one statement (conf statement_time): a slow
 * query is stopped by the server with ER_STATEMENT_TIMEOUT instead of
 * holding the worker; agora-admin's long jobs have none. */
static int set_statement_time(MYSQL *h)
{
	if (db.admin || db.c->statement_time == 0)
		return 0;
	char q[64];
	snprintf(q, sizeof(q), "SET SESSION max_statement_time = %zu", db.c->statement_time);
	return mysql_real_query(h, q, (unsigned long)strlen(q)) == 0 ? 0 : -1;
}

static int set_zone(MYSQL *h)
{
	const char *tz = db.c->timezone;
	if (tz == NULL || *tz == '\0')
		return 0;
	for (const char *p = tz; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || strchr("/_+-:", *p)))
			return -1; /* conf_check refuses it first */
	char q[160];
	snprintf(q, sizeof(q), "SET time_zone = '%s'", tz);
	if (mysql_real_query(h, q, (unsigned long)strlen(q)) == 0)
		return 0;
	if (mysql_errno(h) != 1298 /* ER_UNKNOWN_TIME_ZONE */)
		return -1;
	time_t t = time(NULL);
	struct tm lt;
	localtime_r(&t, &lt); /* the worker's TZ is the configured zone */
	long off = lt.tm_gmtoff;
	snprintf(q, sizeof(q), "SET time_zone = '%c%02ld:%02ld'", off < 0 ? '-' : '+',
	         labs(off) / 3600, labs(off) % 3600 / 60);
	static int warned;
	if (!warned++)
		log_warn("msg=\"MariaDB has no zone tables: using the current UTC offset; "
		         "load them with mariadb-tzinfo-to-sql\" zone=\"%s\"", tz);
	return mysql_real_query(h, q, (unsigned long)strlen(q)) == 0 ? 0 : -1;
}

int db_connect(void)
{
	if (db.h != NULL)
		return DB_OK;
	const struct conf *c = db.c;
	MYSQL *h = mysql_init(NULL);
	if (h == NULL) {
		set_err("mysql_init", 0, "out of memory");
		return DB_DOWN;
	}
	/* A worker's statements are stopped by the server after
	 * statement_time; the client waits a little longer for the answer
	 * (the error) before it gives the connection up. */
	unsigned timeout = 2, io_timeout = 30;
	if (!db.admin && c->statement_time > 0 && c->statement_time < 25)
		io_timeout = (unsigned)c->statement_time + 5;
	mysql_optionsv(h, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_optionsv(h, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_optionsv(h, MYSQL_OPT_READ_TIMEOUT, &io_timeout);
	mysql_optionsv(h, MYSQL_OPT_WRITE_TIMEOUT, &io_timeout);
	const char *user = c->db_user, *pw = c->db_password;
	if (db.admin && c->admin_db_user[0] != '\0') {
		user = c->admin_db_user;
		pw = c->admin_db_password;
	}
	int tcp = c->db_host[0] != '\0';
	unsigned long flags = db.admin ? CLIENT_MULTI_STATEMENTS : 0;
	if (mysql_real_connect(h, tcp ? c->db_host : "localhost", user,
	                       pw[0] ? pw : NULL, c->db_name,
	                       tcp ? c->db_port : 0,
	                       tcp ? NULL : c->db_socket, flags) == NULL) {
		set_err("connect", mysql_errno(h), mysql_error(h));
		if (!db.down_logged)
			log_error("msg=\"database unreachable\" call=mysql_real_connect "
			          "socket=\"%s\" host=\"%s\" error=\"%s\"",
			          tcp ? "" : c->db_socket, c->db_host, mysql_error(h));
		db.down_logged = 1;
		mysql_close(h);
		return DB_DOWN;
	}
	/* The session's settings: the municipality's zone, the time limit. */
	const char *unset = set_zone(h) != 0            ? "time_zone"
	                    : set_statement_time(h) != 0 ? "max_statement_time"
	                                                 : NULL;
	if (unset != NULL) {
		set_err(unset, mysql_errno(h), mysql_error(h));
		log_error("msg=\"could not set the session's %s\" error=\"%s\"", unset,
		          mysql_error(h));
		mysql_close(h);
		return DB_DOWN;
	}
	if (db.down_logged)
		log_info("msg=\"database connection restored\"");
	db.down_logged = 0;
	db.h = h;
	db.gen++;
	return DB_OK;
}

const char *db_str(const struct db_res *res, size_t row, int col)
{
	if (res == NULL || row >= res->nrows || col < 0 || (size_t)col >= res->ncols) {
		log_error("msg=\"row access out of range\" row=%zu col=%d nrows=%zu ncols=%zu",
		          row, col, res ? res->nrows : 0, res ? res->ncols : 0);
		abort();
	}
	return res->v[row * res->ncols + (size_t)col];
}

long long db_ll(const struct db_res *res, size_t row, int col)
{
	const char *s = db_str(res, row, col);
	if (s == NULL)
		return 0;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (end == s || *end != '\0' || errno != 0) {
		log_error("msg=\"not an integer column\" col=%d value=\"%.40s\"", col, s);
		return 0;
	}
	return v;
}

/* Prepare st on the current connection if needed.  DB_OK, DB_DOWN (the
 * connection was lost: dropped) or DB_ERR. */
static int prepare(struct db_stmt *st)
{
	if (st->h != NULL && st->gen == db.gen)
		return DB_OK;
	MYSQL_STMT *h = mysql_stmt_init(db.h);
	if (h == NULL) {
		set_err("mysql_stmt_init", mysql_errno(db.h), mysql_error(db.h));
		return DB_ERR;
	}
	if (mysql_stmt_prepare(h, st->sql, (unsigned long)strlen(st->sql)) != 0) {
		unsigned e = mysql_stmt_errno(h);
		set_err("prepare", e, mysql_stmt_error(h));
		mysql_stmt_close(h);
		if (lost(e)) {
			drop();
			return DB_DOWN;
		}
		log_error("msg=\"prepare failed\" sql=\"%.80s\" error=\"%s\"",
		          st->sql, db.err);
		return DB_ERR;
	}
	if (st->ncols > 0 && mysql_stmt_field_count(h) != st->ncols) {
		/* The code would read the wrong columns: refuse the statement. */
		log_error("msg=\"statement has %u columns, its declaration %u\" sql=\"%.80s\"",
		          mysql_stmt_field_count(h), st->ncols, st->sql);
		set_err("prepare", 0, "column count differs from the declaration");
		mysql_stmt_close(h);
		return DB_ERR;
	}
	my_bool on = 1;
	mysql_stmt_attr_set(h, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	st->h = h;
	st->gen = db.gen;
	st->next_prepared = db.prepared;
	db.prepared = st;
	return DB_OK;
}

/* The bound parameters, one per character of fmt, in the arena: any
 * number of them. */
struct params {
	MYSQL_BIND *b;
	long long *iv;
	unsigned long *len;
	unsigned n;
};

static int bind_params(struct arena *a, struct params *p, const char *fmt,
                       va_list ap)
{
	size_t max = fmt ? strlen(fmt) : 0;
	p->b = arena_calloc(a, (max ? max : 1) * sizeof(*p->b));
	p->iv = arena_calloc(a, (max ? max : 1) * sizeof(*p->iv));
	p->len = arena_calloc(a, (max ? max : 1) * sizeof(*p->len));
	p->n = 0;
	for (const char *f = fmt; f && *f; f++) {
		MYSQL_BIND *b = &p->b[p->n];
		switch (*f) {
		case 'i':
			p->iv[p->n] = va_arg(ap, long long);
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &p->iv[p->n];
			break;
		case 'u':
			p->iv[p->n] = (long long)va_arg(ap, unsigned long long);
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &p->iv[p->n];
			b->is_unsigned = 1;
			break;
		case 's': {
			const char *s = va_arg(ap, const char *);
			if (s == NULL) {
				b->buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = (void *)s;
			p->len[p->n] = (unsigned long)strlen(s);
			b->buffer_length = p->len[p->n];
			b->length = &p->len[p->n];
			break;
		}
		case 'b': {
			const char *s = va_arg(ap, const char *);
			size_t l = va_arg(ap, size_t);
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = (void *)s;
			p->len[p->n] = (unsigned long)l;
			b->buffer_length = p->len[p->n];
			b->length = &p->len[p->n];
			break;
		}
		default:
			return -1;
		}
		p->n++;
	}
	return 0;
}

static int fetch(struct arena *a, MYSQL_STMT *h, struct db_res *res)
{
	MYSQL_RES *meta = mysql_stmt_result_metadata(h);
	if (meta == NULL)
		return DB_OK;
	size_t nc = mysql_num_fields(meta);
	MYSQL_BIND *b = arena_calloc(a, nc * sizeof(*b));
	unsigned long *len = arena_calloc(a, nc * sizeof(*len));
	my_bool *isnull = arena_calloc(a, nc * sizeof(*isnull));
	char *space = arena_alloc(a, nc * COL_BUF);
	for (size_t i = 0; i < nc; i++) {
		b[i].buffer_type = MYSQL_TYPE_STRING;
		b[i].buffer = space + i * COL_BUF;
		b[i].buffer_length = COL_BUF;
		b[i].length = &len[i];
		b[i].is_null = &isnull[i];
	}
	int rc = DB_OK;
	if (mysql_stmt_bind_result(h, b) != 0 || mysql_stmt_store_result(h) != 0) {
		set_err("store_result", mysql_stmt_errno(h), mysql_stmt_error(h));
		rc = lost(mysql_stmt_errno(h)) || stopped(mysql_stmt_errno(h)) ? DB_DOWN : DB_ERR;
		goto out;
	}
	size_t nr = (size_t)mysql_stmt_num_rows(h);
	if (res != NULL) {
		res->warnings = mysql_warning_count(db.h);
		res->ncols = nc;
		res->nrows = 0;
		res->v = arena_calloc(a, (nr * nc + 1) * sizeof(char *));
		res->len = arena_calloc(a, (nr * nc + 1) * sizeof(unsigned long));
	}
	for (size_t r = 0;; r++) {
		int f = mysql_stmt_fetch(h);
		if (f == MYSQL_NO_DATA)
			break;
		if (f == 1) {
			set_err("fetch", mysql_stmt_errno(h), mysql_stmt_error(h));
			rc = lost(mysql_stmt_errno(h)) || stopped(mysql_stmt_errno(h)) ? DB_DOWN : DB_ERR;
			goto out;
		}
		if (res == NULL || r >= nr)
			continue;
		for (size_t i = 0; i < nc; i++) {
			size_t k = r * nc + i;
			if (isnull[i]) {
				res->v[k] = NULL;
				continue;
			}
			res->len[k] = len[i];
			if (len[i] < COL_BUF) {
				res->v[k] = arena_strndup(a, space + i * COL_BUF, len[i]);
				continue;
			}
			/* Truncated: fetch the whole value into the arena. */
			char *big = arena_alloc(a, len[i] + 1);
			MYSQL_BIND one;
			memset(&one, 0, sizeof(one));
			unsigned long got = 0;
			one.buffer_type = MYSQL_TYPE_STRING;
			one.buffer = big;
			one.buffer_length = len[i] + 1;
			one.length = &got;
			if (mysql_stmt_fetch_column(h, &one, (unsigned)i, 0) != 0) {
				set_err("fetch_column", mysql_stmt_errno(h),
				        mysql_stmt_error(h));
				rc = DB_ERR;
				goto out;
			}
			big[len[i]] = '\0';
			res->v[k] = big;
		}
		res->nrows = r + 1;
	}
out:
	mysql_stmt_free_result(h);
	mysql_free_result(meta);
	return rc;
}

int db_run(struct arena *a, struct db_stmt *st, struct db_res *res,
           const char *fmt, ...)
{
	int read = !st->write;
	if (res != NULL)
		memset(res, 0, sizeof(*res));
	for (int attempt = 0; attempt < 2; attempt++) {
		int was_tx = db.in_tx;
		if (db_connect() != DB_OK)
			return DB_DOWN;
		int rc = prepare(st);
		if (rc == DB_DOWN) {
			/* Never reached the server: safe to retry, unless a
			 * transaction was open (its work is gone). */
			if (was_tx)
				return DB_DOWN;
			continue;
		}
		if (rc != DB_OK)
			return rc;
		MYSQL_STMT *h = st->h;
		struct params p;
		va_list ap;
		va_start(ap, fmt);
		int br = bind_params(a, &p, fmt, ap);
		va_end(ap);
		if (br != 0 || p.n != mysql_stmt_param_count(h)) {
			log_error("msg=\"parameter mismatch\" sql=\"%.80s\" fmt=\"%s\"",
			          st->sql, fmt ? fmt : "");
			return DB_ERR;
		}
		double t0 = now_s();
		if ((p.n > 0 && mysql_stmt_bind_param(h, p.b) != 0) ||
		    mysql_stmt_execute(h) != 0) {
			unsigned e = mysql_stmt_errno(h);
			set_err("execute", e, mysql_stmt_error(h));
			if (stopped(e)) {
				/* A fresh connection for the next request: nothing
				 * of the stopped statement's state is kept. */
				log_stopped(st, t0);
				drop();
				return DB_DOWN;
			}
			if (lost(e)) {
				drop();
				/* Retried only when the connection failed at once (a
				 * restarted server): one lost after a while is a slow
				 * statement, which would run again. */
				if (read && !was_tx && now_s() - t0 < 1.0)
					continue;
				return DB_DOWN;
			}
			if (e == 1062 /* ER_DUP_ENTRY */)
				return DB_DUP;
			if (e == 1451 /* ER_ROW_IS_REFERENCED_2 */)
				return DB_REFERENCED;
			log_error("msg=\"execute failed\" sql=\"%.80s\" error=\"%s\"",
			          st->sql, db.err);
			return DB_ERR;
		}
		if (res != NULL) {
			res->affected = (unsigned long long)mysql_stmt_affected_rows(h);
			res->insert_id = (unsigned long long)mysql_stmt_insert_id(h);
		}
		rc = fetch(a, h, res);
		if (rc == DB_DOWN && stopped(db.err_no)) {
			log_stopped(st, t0);
			drop();
			return DB_DOWN;
		}
		if (rc == DB_DOWN) {
			drop();
			if (read && !was_tx && now_s() - t0 < 1.0)
				continue;
		}
		return rc;
	}
	return DB_DOWN;
}

int db_in_transaction(void)
{
	return db.in_tx;
}

int db_begin(void)
{
	if (db.in_tx) {
		log_error("msg=\"db_begin inside a transaction: refused\"");
		set_err("begin", 0, "nested transaction");
		return DB_ERR;
	}
	if (db_connect() != DB_OK)
		return DB_DOWN;
	if (mysql_autocommit(db.h, 0) != 0) {
		unsigned e = mysql_errno(db.h);
		set_err("begin", e, mysql_error(db.h));
		if (lost(e)) {
			drop();
			return DB_DOWN;
		}
		return DB_ERR;
	}
	db.in_tx = 1;
	return DB_OK;
}

static int end_tx(int commit)
{
	if (db.h == NULL)
		return DB_DOWN;
	int ok = commit ? mysql_commit(db.h) == 0 : mysql_rollback(db.h) == 0;
	if (ok)
		ok = mysql_autocommit(db.h, 1) == 0;
	db.in_tx = 0;
	if (!ok) {
		unsigned e = mysql_errno(db.h);
		set_err(commit ? "commit" : "rollback", e, mysql_error(db.h));
		if (lost(e)) {
			drop();
			return DB_DOWN;
		}
		return DB_ERR;
	}
	return DB_OK;
}

int db_commit(void)
{
	return end_tx(1);
}

int db_rollback(void)
{
	return end_tx(0);
}

int db_exec_script(const char *sql, size_t len, char *err, size_t errlen)
{
	if (db_connect() != DB_OK) {
		snprintf(err, errlen, "%s", db.err);
		return DB_DOWN;
	}
	/* The one plain-text query in Agora: migration files are trusted SQL
	 * shipped with the program, never user input. */
	int rc = mysql_real_query(db.h, sql, (unsigned long)len);
	for (;;) {
		if (rc != 0) {
			snprintf(err, errlen, "%u %s", mysql_errno(db.h),
			         mysql_error(db.h));
			/* drain any remaining results */
			while (mysql_more_results(db.h) && mysql_next_result(db.h) == 0)
				mysql_free_result(mysql_store_result(db.h));
			return DB_ERR;
		}
		MYSQL_RES *r = mysql_store_result(db.h);
		if (r != NULL)
			mysql_free_result(r);
		else if (mysql_field_count(db.h) != 0) {
			rc = 1;
			continue;
		}
		if (!mysql_more_results(db.h))
			break;
		rc = mysql_next_result(db.h);
		if (rc > 0)
			rc = 1;
	}
	return DB_OK;
}

int db_end(int rc)
{
	if (rc == DB_OK)
		return db_commit();
	db_rollback();
	return rc;
}
