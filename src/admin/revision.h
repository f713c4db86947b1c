/*
 * revision.h - revisions of everything staff edit.  Each save of an item
 * stores every field as it was saved (revisions, revision_fields), with
 * who and when; the pages list an item's revisions, compare any two field
 * by field (a line diff of long texts), and an earlier one is restored by
 * opening the item's edit form filled with it - saving that is a new
 * revision, so nothing is ever overwritten without a trace.
 */
#ifndef AGORA_REVISION_H
#define AGORA_REVISION_H

#include "http/ctx.h"
#include "view/tmpl.h"

struct db_res;

struct rev_field {
	const char *name;  /* the form field's name */
	const char *value; /* as saved; NULL for none */
};

/* Store a revision of (type, id) with n fields, by c's staff member, in
 * the caller's transaction.  Returns the DB status. */
int revision_save(struct ctx *c, const char *type, long long id,
                  const char *note, const struct rev_field *f, size_t n);

/* Columns of revision_fields_of(): the field's name and value. */
enum { RF_NAME, RF_VALUE, RF__END };
/* The fields of revision rev if it is one of (type, id); *res has no rows
 * otherwise. */
int revision_fields_of(struct ctx *c, const char *type, long long id,
                       long long rev, struct db_res *res);
/* The value of field name in rows of revision_fields_of (NULL if none). */
const char *revision_value(const struct db_res *res, const char *name);

/* The page listing (type, id)'s revisions (newest first, at most 100),
 * with links to compare two and to restore one.  title names the item;
 * base is its admin path ("/admin/news/42"). */
void revision_list_page(struct ctx *c, const char *type, long long id,
                        const char *title, const char *base);
/* The page comparing revisions ?a= and ?b= of (type, id); labels maps
 * field names to message keys (pairs, NULL-terminated) in the order shown. */
void revision_diff_page(struct ctx *c, const char *type, long long id,
                        const char *title, const char *base,
                        const char *const *labels);

#endif
