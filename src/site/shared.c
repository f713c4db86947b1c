/*
 * shared.c - what every page shares, kept per worker in the one cache
 * (core/cache.h): the main menu, the alerts, the news categories and the
 * latest items.
 */
#include "site/shared.h"

#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/cache.h"
#include "db/public.h"
#include "site/db_news.h"

static struct db_stmt menu_q = DB_READ(
    "SELECT " DB_COLUMNS(MENU_COLS) " FROM pages"
    " WHERE parent_id IS NULL AND in_menu = 1 AND " SQL_PAGE_PUBLIC("pages")
    " ORDER BY sort_order, id", DB_NCOLS(MENU_COLS));

/* Alerts that have not ended; which of them are active is decided per
 * request against the clock. */
static struct db_stmt alerts_q = DB_READ(
    "SELECT " DB_COLUMNS(ALERT_COLS) " FROM alerts WHERE ends_at > NOW()"
    " ORDER BY FIELD(severity, 'critical', 'warning', 'info'), starts_at",
    DB_NCOLS(ALERT_COLS));

static int load_menu(struct arena *a, struct db_res *res)
{
	return db_run(a, &menu_q, res, "");
}

static int load_alerts(struct arena *a, struct db_res *res)
{
	return db_run(a, &alerts_q, res, "");
}

static int load_latest(struct arena *a, struct db_res *res)
{
	return db_news_latest(a, SITE_LATEST, res);
}

static int load_categories(struct arena *a, struct db_res *res)
{
	return db_news_categories(a, res);
}

/* Each kind of rows under its one key, with its own lifetime. */
static struct cache rows30 = { .ttl = SITE_TTL };
static struct cache rows5 = { .ttl = SITE_LATEST_TTL };
static struct cache alert_rows = { .ttl = SITE_ALERT_TTL };

/* The rows under key, reloaded when older than m's TTL.  *rc is the
 * load's status (DB_OK when served from memory).  When a reload fails the
 * older rows (or an empty result) are returned with its error. */
static const struct db_res *get(struct cache *m, const char *key,
                                int (*load)(struct arena *, struct db_res *),
                                int *rc)
{
	static const struct db_res empty;
	int fresh;
	const struct db_res *old = cache_lookup(m, key, &fresh);
	*rc = DB_OK;
	if (fresh)
		return old;
	/* Load into a fresh arena so a failure keeps the old rows. */
	struct arena *na = arena_new(8192);
	struct db_res *res = arena_calloc(na, sizeof(*res));
	if ((*rc = load(na, res)) != DB_OK) {
		arena_free(na);
		return old ? old : &empty;
	}
	cache_put(m, key, na, res);
	return res;
}

const struct db_res *site_menu(void)
{
	int rc;
	return get(&rows30, "menu", load_menu, &rc);
}

const struct db_res *site_alerts(void)
{
	int rc;
	return get(&alert_rows, "alerts", load_alerts, &rc);
}

int site_latest(const struct db_res **res)
{
	int rc;
	*res = get(&rows5, "latest", load_latest, &rc);
	/* Rows older than the TTL are not served: with the database down the
	 * home page answers 503 like every other page, SITE_LATEST_TTL
	 * seconds later at most. */
	return rc;
}

int site_categories(const struct db_res **res)
{
	int rc;
	*res = get(&rows30, "categories", load_categories, &rc);
	return rc;
}

const char *site_item_path(struct arena *a, const char *kind, const char *id,
                           const char *slug)
{
	return slug != NULL && *slug ? arena_printf(a, "/%s/%s-%s", kind, id, slug)
	                             : arena_printf(a, "/%s/%s", kind, id);
}

long site_category(const char *slug, const struct db_res **cats, int *rc)
{
	if ((*rc = site_categories(cats)) != DB_OK)
		return -1;
	for (size_t i = 0; i < (*cats)->nrows; i++)
		if (strcmp(DB_GET(*cats, i, CAT_SLUG), slug) == 0)
			return (long)i;
	return -1;
}

void site_invalidate(void)
{
	cache_clear(&rows30);
	cache_clear(&rows5);
	cache_clear(&alert_rows);
}
