/*
 * site.c - per-worker caches of the main menu and the alerts.
 */
#include "site.h"

#include <time.h>

#include "arena.h"

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
	struct db_stmt *st;
	struct arena *a;  /* holds res; reset on refresh */
	struct db_res res;
	time_t at;
	int valid;
};

static struct cache menu = { &menu_q, NULL, { 0 }, 0, 0 };
static struct cache alerts = { &alerts_q, NULL, { 0 }, 0, 0 };

static const struct db_res *get(struct cache *c)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (c->valid && now.tv_sec - c->at < SITE_TTL)
		return &c->res;
	if (c->a == NULL)
		c->a = arena_new(8192);
	/* Load into a fresh arena so a failure keeps the old rows. */
	struct arena *na = arena_new(8192);
	struct db_res res;
	if (db_run(na, c->st, &res, "") == DB_OK) {
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
	return get(&menu);
}

const struct db_res *site_alerts(void)
{
	return get(&alerts);
}

void site_invalidate(void)
{
	menu.valid = alerts.valid = 0;
}
