/*
 * db_outbox.c - the SQL of the staff's outbox list and of "retry now".
 * Reads the outbox table; the one write is a failed row queued again.
 */
#include "mail/db_outbox.h"

#include <string.h>

#include "core/arena.h"
#include "db/db.h"

#define LIST_COLS(X) \
	X(L_ID, "id") X(L_STATE, "state") X(L_KIND, "kind") X(L_RCPT, "rcpt") \
	X(L_SUBJECT, "subject") X(L_TRIES, "tries") X(L_ERROR, "last_error") \
	X(L_NEXT, "DATE_FORMAT(next_try_at, '%Y-%m-%d %H:%i:%s')") \
	X(L_CREATED, "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s')")
enum { DB_COLS_ENUM(LIST_COLS, L__END) };

static struct db_stmt st_page = DB_READ(
    "SELECT " DB_COLUMNS(LIST_COLS) " FROM outbox"
    " WHERE state = ? AND id < ? ORDER BY id DESC LIMIT ?", DB_NCOLS(LIST_COLS));
static struct db_stmt st_requeue = DB_WRITE(
    "UPDATE outbox SET state = 'queued', tries = 0, next_try_at = NOW(),"
    " claimed_until = NULL WHERE id = ? AND state = 'failed'");

static void item(const struct db_res *r, size_t i, struct outbox_item *it)
{
	it->id = (unsigned long long)db_ll(r, i, L_ID);
	it->state = db_str(r, i, L_STATE);
	it->kind = db_str(r, i, L_KIND);
	it->rcpt = db_str(r, i, L_RCPT);
	it->subject = db_str(r, i, L_SUBJECT);
	it->tries = (unsigned)db_ll(r, i, L_TRIES);
	it->last_error = db_str(r, i, L_ERROR);
	it->next_try_at = db_str(r, i, L_NEXT);
	it->created_at = db_str(r, i, L_CREATED);
}

int outbox_page(struct arena *a, int failed_only, unsigned long long before,
                size_t limit, struct outbox_item **items, size_t *n, int *more)
{
	unsigned long long from = before ? before : ~0ULL >> 1;
	struct db_res f, q;
	memset(&q, 0, sizeof(q));
	int rc = db_run(a, &st_page, &f, "suu", "failed", from,
	                (unsigned long long)limit + 1);
	if (rc == DB_OK && !failed_only)
		rc = db_run(a, &st_page, &q, "suu", "queued", from,
		            (unsigned long long)limit + 1);
	if (rc != DB_OK)
		return rc;
	*items = arena_calloc(a, (limit + 1) * sizeof(**items));
	size_t i = 0, j = 0, k = 0;
	while (k < limit + 1 && (i < f.nrows || j < q.nrows)) {
		int take_f = j >= q.nrows ||
		             (i < f.nrows && db_ll(&f, i, L_ID) > db_ll(&q, j, L_ID));
		if (take_f)
			item(&f, i++, &(*items)[k++]);
		else
			item(&q, j++, &(*items)[k++]);
	}
	*more = k > limit;
	*n = k > limit ? limit : k;
	return DB_OK;
}

int outbox_requeue(struct arena *a, unsigned long long id, int *changed)
{
	struct db_res r;
	int rc = db_run(a, &st_requeue, &r, "u", id);
	*changed = rc == DB_OK && r.affected == 1;
	return rc;
}
