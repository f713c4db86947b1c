/*
 * db_pages.h - the page tree and the department directory.
 */
#ifndef AGORA_DB_PAGES_H
#define AGORA_DB_PAGES_H

#include "db/db.h"

#include "db/public.h"

/* A page (db_pages_child). */
#define PG_COLS(X) X(PG_ID, "id") X(PG_SLUG, "slug") X(PG_TITLE, "title")     \
	X(PG_TITLE_EN, "title_en") X(PG_SUMMARY, "summary")                    \
	X(PG_SUMMARY_EN, "summary_en") X(PG_BODY_HTML, "body_html")            \
	X(PG_BODY_EN_HTML, "body_en_html") X(PG_SPECIAL, "special")            \
	X(PG_UPDATED, SQL_DT("updated_at"))
enum { DB_COLS_ENUM(PG_COLS, PG__END) };
/* A child in a page's list (db_pages_children). */
#define KID_COLS(X) X(KID_SLUG, "slug") X(KID_TITLE, "title")                \
	X(KID_TITLE_EN, "title_en") X(KID_SUMMARY, "summary")                  \
	X(KID_SUMMARY_EN, "summary_en")
enum { DB_COLS_ENUM(KID_COLS, KID__END) };
/* A department of the directory (db_pages_departments). */
#define DEPT_COLS(X) X(DEPT_NAME, "name") X(DEPT_NAME_EN, "name_en")         \
	X(DEPT_HEAD, "head") X(DEPT_PHONE, "phone") X(DEPT_EMAIL, "email")     \
	X(DEPT_HOURS, "hours") X(DEPT_HOURS_EN, "hours_en")                    \
	X(DEPT_ADDRESS, "address") X(DEPT_ADDRESS_EN, "address_en")
enum { DB_COLS_ENUM(DEPT_COLS, DEPT__END) };

/* The published page with this slug under parent (0: top level); 0 or 1
 * rows of PG_COLS. */
int db_pages_child(struct arena *a, long long parent, const char *slug,
                   struct db_res *res);
/* The published children of a page, in order (KID_COLS). */
int db_pages_children(struct arena *a, long long parent, struct db_res *res);
/* The department directory (DEPT_COLS). */
int db_pages_departments(struct arena *a, struct db_res *res);

#endif
