/*
 * site.c - per-worker caches of the main menu and the alerts.
 */
#include "site/shared.h"

#include <time.h>

#include "core/arena.h"
#include "site/db_news.h"

static struct db_stmt menu_q = DB_STMT(
    "SELECT slug, title, title_en FROM pages"
    " WHERE parent_id IS NULL AND in_menu = 1 AND status = 'published'"
    " ORDER BY sort_order, id");

/* Alerts that have not ended; which of them are active is decided per
 * request against the clock. */
static struct db_stmt alerts_q = DB_STMT(
    "SELECT severity, message, message_en,"
    " DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i:%s'),"
    " DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i:%s')"
    " FROM alerts WHERE ends_at > NOW()"
    " ORDER BY FIELD(severity, 'critical', 'warning', 'info'), starts_at");

struct cache {
	int (*load)(struct arena *a, struct db_res *res);
	int ttl;          /* seconds */
	struct arena *a;  /* holds res; replaced on refresh */
	struct db_res res;
	time_t at;
	int valid;
};

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

static struct cache categories = { load_categories, SITE_TTL, NULL, { 0 }, 0, 0 };
static struct cache menu = { load_menu, SITE_TTL, NULL, { 0 }, 0, 0 };
static struct cache alerts = { load_alerts, SITE_TTL, NULL, { 0 }, 0, 0 };
static struct cache latest = { load_latest, SITE_LATEST_TTL, NULL, { 0 }, 0, 0 };

/* The rows, reloaded when older than c->ttl.  *rc is the load's status
 * (DB_OK when served from memory). */
static const struct db_res *get(struct cache *c, int *rc)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	*rc = DB_OK;
	if (c->valid && now.tv_sec - c->at < c->ttl)
		return &c->res;
	/* Load into a fresh arena so a failure keeps the old rows. */
	struct arena *na = arena_new(8192);
	struct db_res res;
	if ((*rc = c->load(na, &res)) == DB_OK) {
		arena_free(c->a);
		c->a = na;
		c->res = res;
		c->valid = 1;
		c->at = now.tv_sec;
	} else {
		arena_free(na);
		if (!c->valid)
			c->res = (struct db_res){ 0 };
	}
	return &c->res;
}

const struct db_res *site_menu(void)
{
	int rc;
	return get(&menu, &rc);
}

const struct db_res *site_alerts(void)
{
	int rc;
	return get(&alerts, &rc);
}

int site_latest(const struct db_res **res)
{
	int rc;
	*res = get(&latest, &rc);
	/* Rows older than the TTL are not served: with the database down the
	 * home page answers 503 like every other page, SITE_LATEST_TTL
	 * seconds later at most. */
	return rc;
}

int site_categories(const struct db_res **res)
{
	int rc;
	*res = get(&categories, &rc);
	return rc;
}

void site_invalidate(void)
{
	menu.valid = alerts.valid = latest.valid = categories.valid = 0;
}
