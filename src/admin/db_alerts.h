/*
 * db_alerts.h (admin) - the SQL of editing the alert banner: the staff
 * list (current, scheduled and past alerts, a search in the messages,
 * keyset pages on the end time), one alert, and the writes.  The public
 * side reads alerts in site/shared.c.
 */
#ifndef AGORA_ADMIN_DB_ALERTS_H
#define AGORA_ADMIN_DB_ALERTS_H

#include "db/db.h"
#include "db/public.h"

/* "current" (shown now), "scheduled" (its start to come) or "past". */
#define SQL_ALERT_STATE(t)                                                   \
	"CASE WHEN " t ".ends_at <= NOW() THEN 'past' WHEN " t ".starts_at > NOW()" \
	" THEN 'scheduled' ELSE 'current' END"

#define ADM_ALERT_LIST_COLS(X)                                               \
	X(AL_ID, "a.id")                                                     \
	X(AL_SEVERITY, "a.severity")                                         \
	X(AL_MESSAGE, "a.message")                                           \
	X(AL_STATE, SQL_ALERT_STATE("a"))                                    \
	X(AL_STARTS, SQL_DT("a.starts_at"))                                  \
	X(AL_ENDS, SQL_DT("a.ends_at"))                                      \
	X(AL_CURSOR, "DATE_FORMAT(a.ends_at, '%Y%m%d%H%i%s')")               \
	X(AL_HAS_EN, "a.message_en IS NOT NULL AND a.message_en <> ''")
enum { DB_COLS_ENUM(ADM_ALERT_LIST_COLS, AL__END) };

/* One page of the list, latest end first, before the cursor (at, id) when
 * at is not NULL.  state: "" any, or one of SQL_ALERT_STATE's; like: an
 * edit_like() pattern or "". */
int db_adm_alerts_page(struct arena *a, const char *state, const char *like,
                       const char *at, long long id, long long limit,
                       struct db_res *res);

#define ADM_ALERT_COLS(X)                                                    \
	X(AE_ID, "id")                                                       \
	X(AE_SEVERITY, "severity")                                           \
	X(AE_MESSAGE, "message")                                             \
	X(AE_MESSAGE_EN, "message_en")                                       \
	X(AE_STARTS, "DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i')")             \
	X(AE_ENDS, "DATE_FORMAT(ends_at, '%Y-%m-%dT%H:%i')")                 \
	X(AE_STATE, SQL_ALERT_STATE("alerts"))                               \
	X(AE_STARTS_DT, SQL_DT("starts_at"))                                 \
	X(AE_ENDS_DT, SQL_DT("ends_at"))                                     \
	X(AE_VERSION, "DATE_FORMAT(updated_at, '%Y%m%d%H%i%s')")
enum { DB_COLS_ENUM(ADM_ALERT_COLS, AE__END) };

int db_adm_alert_get(struct arena *a, long long id, int lock, struct db_res *res);

struct adm_alert {
	const char *severity, *message, *message_en, *starts_at, *ends_at;
	long long user_id;
};
/* Insert; *id the new alert.  DB_DUP when token was used already (then
 * *id is the alert it created). */
int db_adm_alert_insert(struct arena *a, const struct adm_alert *al,
                        const char *token, long long *id);
int db_adm_alert_update(struct arena *a, long long id, const struct adm_alert *al);
/* "End now": it ends now (and, if it had not started, starts now too). */
int db_adm_alert_end(struct arena *a, long long id, long long user_id);
int db_adm_alert_delete(struct arena *a, long long id);

#endif
