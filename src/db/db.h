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

enum db_status { DB_OK = 0, DB_DOWN = -1, DB_ERR = -2, DB_DUP = -3,
                 DB_REFERENCED = -4 /* a foreign key still points at the row */ };

struct db_stmt {
	const char *sql;
	int write;           /* 0: a read, retried once after a reconnect */
	unsigned ncols;      /* result columns the code reads; 0: no check */
	/* private: */
	void *h;             /* MYSQL_STMT * */
	unsigned gen;        /* connection generation it was prepared on */
	struct db_stmt *next_prepared;
};

/*
 * Every statement says what it is.  A read (DB_READ) is retried once when
 * the connection was lost; a write (DB_WRITE) never is once it reached the
 * server (a SELECT ... FOR UPDATE is a write: it belongs to a
 * transaction).  ncols is the number of result columns the code reads:
 * prepare() refuses a statement whose SELECT list has another count, so a
 * column enum can never drift from its SQL (0: no result).
 */
#define DB_READ(s, ncols) { (s), 0, (ncols), NULL, 0, NULL }
#define DB_WRITE(s) { (s), 1, 0, NULL, 0, NULL }

/*
 * Typed rows.  A query's columns are declared once as an X-macro list of
 * (NAME, SQL expression) pairs; DB_COLUMNS(list) is its SELECT list and
 * DB_COLS_ENUM(list, END) its enum, whose END names the marker column
 * DB_COLUMNS adds last (so END + 1 is the column count):
 *
 *   #define MENU_COLS(X) X(MENU_SLUG, "slug") X(MENU_TITLE, "title")
 *   enum { DB_COLS_ENUM(MENU_COLS, MENU__END) };
 *   DB_READ("SELECT " DB_COLUMNS(MENU_COLS) " FROM pages", DB_NCOLS(MENU_COLS))
 */
#define DB_COL_ENUM_(name, expr) name,
#define DB_COL_SQL_(name, expr) expr ", "
#define DB_COL_ONE_(name, expr) +1
#define DB_COLUMNS(list) list(DB_COL_SQL_) "NULL"
#define DB_COLS_ENUM(list, end) list(DB_COL_ENUM_) end
/* The column count of DB_COLUMNS(list), its marker included. */
#define DB_NCOLS(list) (0 list(DB_COL_ONE_) + 1)

/* Rows of strings, in the arena. */
struct db_res {
	size_t nrows, ncols;
	char **v;            /* v[row * ncols + col], NULL for SQL NULL */
	unsigned long *len;  /* byte lengths, same indexing */
	unsigned long long affected;
	unsigned long long insert_id;
	unsigned warnings;   /* the server's warnings of the statement */
};

/* Checked access to a result: row < nrows and col < ncols, else the
 * worker logs the caller's bug and aborts (multiwatch restarts it; the
 * tests see it).  db_str: the text, NULL for SQL NULL.  db_ll: the value
 * as an integer, 0 for SQL NULL or text that is not one (logged). */
const char *db_str(const struct db_res *res, size_t row, int col);
long long db_ll(const struct db_res *res, size_t row, int col);
#define DB_GET(res, row, col) db_str((res), (row), (col))

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
 * Returns DB_OK, DB_DOWN (server unreachable), DB_DUP (unique key violated),
 * DB_REFERENCED (a row other rows' foreign keys point at cannot be deleted)
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
/* The end of a transaction: COMMIT when rc is DB_OK, else ROLLBACK.
 * Returns the final status (the commit's, or rc). */
int db_end(int rc);

/* Execute an SQL script of several statements (agora-admin only). */
int db_exec_script(const char *sql, size_t len, char *err, size_t errlen);

/* The last error text, for messages. */
const char *db_error(void);

#endif
