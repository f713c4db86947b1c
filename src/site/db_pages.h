/*
 * db_pages.h - the page tree and the department directory.
 */
#ifndef AGORA_DB_PAGES_H
#define AGORA_DB_PAGES_H

#include "db/db.h"

enum { PG_ID, PG_SLUG, PG_TITLE, PG_TITLE_EN, PG_SUMMARY, PG_SUMMARY_EN,
       PG_BODY_HTML, PG_BODY_EN_HTML, PG_SPECIAL, PG_UPDATED };

/* The published page with this slug under parent (0: top level); 0 or 1
 * rows, columns PG_ID..PG_UPDATED. */
int db_pages_child(struct arena *a, long long parent, const char *slug,
                   struct db_res *res);
/* The published children of a page, in order: slug, title, title_en,
 * summary, summary_en. */
int db_pages_children(struct arena *a, long long parent, struct db_res *res);
/* The department directory: name, name_en, head, phone, email, hours,
 * hours_en, address, address_en. */
int db_pages_departments(struct arena *a, struct db_res *res);

#endif
