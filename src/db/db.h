/*
 * db.h - the worker's one MariaDB connection and its prepared statements.
 *
 * Statements are declared where they are used (db_news.c, ...) as static
 * struct db_stmt with their SQL; each is prepared on first use and kept for
 * the life of the connection.  Every value is bound.  Results are fetched as
 * strings into the request's arena (NULL for SQL NULL).
 *
 * When the server has gone away (2006/2013) outside a transaction, the
 * connection is reopened, statements are re-prepared and a read is retried
 * once.  While the server is down every call returns DB_DOWN quickly and the
 * caller answers 503; the next request tries again.
 */
#ifndef AGORA_DB_H
#define AGORA_DB_H

#include <stddef.h>

struct arena;
struct conf;

enum db_status { DB_OK = 0, DB_DOWN = -1, DB_ERR = -2, DB_DUP = -3 };

struct db_stmt {
	const char *sql;
	/* private: */
	void *h;             /* MYSQL_STMT * */
	unsigned gen;        /* connection generation it was prepared on */
	struct db_stmt *next_prepared;
};

#define DB_STMT(s) { (s), NULL, 0, NULL }

/* Rows of strings, in the arena. */
struct db_res {
	size_t nrows, ncols;
	char **v;            /* v[row * ncols + col], NULL for SQL NULL */
	unsigned long *len;  /* byte lengths, same indexing */
	unsigned long long affected;
	unsigned long long insert_id;
};

#define DB_GET(res, row, col) ((res)->v[(row) * (res)->ncols + (col)])

/* Remember how to connect; admin picks the admin_db_user credentials and
 * allows multi-statement scripts.  Does not connect yet. */
void db_setup(const struct conf *c, int admin);
/* Connect now (or check the connection); DB_OK or DB_DOWN. */
int db_connect(void);
void db_close(void);

/*
 * Run st with parameters described by fmt, one char each:
 *   'i' long long, 'u' unsigned long long, 's' const char * (NULL = SQL NULL),
 *   'b' const char *, size_t (bytes with explicit length).
 * SELECTs fill *res (may be NULL for statements without a result).
 * Returns DB_OK, DB_DOWN (server unreachable), DB_DUP (unique key violated)
 * or DB_ERR (logged).  Reads are retried once after a reconnect; writes
 * (read_only = 0) are retried only when not inside a transaction and the
 * statement never reached the server.
 */
int db_run(struct arena *a, struct db_stmt *st, struct db_res *res,
           const char *fmt, ...);

/* Transactions on the one connection.  There is no nesting: db_begin
 * inside a transaction is a bug, logged and answered DB_ERR (the open
 * transaction is left as it was). */
int db_begin(void);
/* 1 while a transaction is open (main.c rolls back one a handler left). */
int db_in_transaction(void);
int db_commit(void);
int db_rollback(void);

/* Execute an SQL script of several statements (agora-admin only). */
int db_exec_script(const char *sql, size_t len, char *err, size_t errlen);

/* The last error text, for messages. */
const char *db_error(void);

#endif
