/*
 * site.h - what every page shows besides its content: the main menu (the
 * top of the page tree) and the active emergency alerts.  Both are read from
 * MariaDB at most every SITE_TTL seconds per worker and kept in the worker's
 * own memory: a page view costs no query for them.  The home page's list of
 * latest items is kept the same way, for SITE_LATEST_TTL seconds.  Alerts are cached with
 * their start and end times and checked against the clock on every request,
 * so an alert appears and disappears on time; a new, changed or ended alert
 * (the staff's "end now") shows within SITE_ALERT_TTL seconds.
 */
#ifndef AGORA_SITE_H
#define AGORA_SITE_H

#include "db/db.h"
#include "db/public.h"

#define SITE_TTL 30
/* The home page's latest items: how many, and for how long a worker reuses
 * them.  Every visitor sees the same list, and a news item published (or
 * reaching its publication time) appears within this many seconds. */
#define SITE_LATEST 21   /* a first page of /news (20) and one more */
#define SITE_LATEST_TTL 5
/* The alerts: an emergency banner ended by staff goes within seconds. */
#define SITE_ALERT_TTL 5

/* Menu rows (title_en NULL when missing). */
#define MENU_COLS(X) X(MENU_SLUG, "slug") X(MENU_TITLE, "title") \
	X(MENU_TITLE_EN, "title_en")
enum { DB_COLS_ENUM(MENU_COLS, MENU__END) };
/* Alert rows, times as "YYYY-MM-DD HH:MM:SS". */
#define ALERT_COLS(X) X(ALERT_SEVERITY, "severity") X(ALERT_MESSAGE, "message") \
	X(ALERT_MESSAGE_EN, "message_en") X(ALERT_STARTS, SQL_DT("starts_at")) \
	X(ALERT_ENDS, SQL_DT("ends_at"))
enum { DB_COLS_ENUM(ALERT_COLS, ALERT__END) };

/* The cached rows, refreshed when older than SITE_TTL; an empty result if
 * the database cannot be read and nothing is cached yet.  Never NULL. */
const struct db_res *site_menu(void);
const struct db_res *site_alerts(void);
/* The latest visible news items (columns of db_news.h's lists), at most
 * SITE_LATEST_TTL seconds old.  DB_OK, or the database's error when they
 * had to be reloaded and could not be. */
int site_latest(const struct db_res **res);
/* The news categories (id, slug, name_el, name_en), at most SITE_TTL
 * seconds old; DB_OK or the database's error. */
int site_categories(const struct db_res **res);
/* The path of a news item or an event: "/news/{id}-{slug}", or
 * "/news/{id}" when it has no slug (kind "news" or "events").  The one
 * place these URLs are made (db_feed.c's sitemap SQL builds the same). */
const char *site_item_path(struct arena *a, const char *kind, const char *id,
                           const char *slug);
/* The category with this slug among site_categories(): its row in
 * *cats, or -1 when there is none (also when the database failed: *rc
 * says which).  The one lookup of a category by slug. */
long site_category(const char *slug, const struct db_res **cats, int *rc);
/* Forget everything (tests, and after staff edits in the same worker). */
void site_invalidate(void);

#endif
