/*
 * civil.h - calendar arithmetic on wall-clock dates (proleptic Gregorian,
 * after H. Hinnant's days_from_civil): dates are compared and moved by
 * days without time zones.  Pure but for the clock and the process's
 * time zone; used by the iCalendar writer, the demo loader and the
 * machine interfaces that write ISO 8601 times (the pharmacy's webhook,
 * Open311).
 */
#ifndef AGORA_CIVIL_H
#define AGORA_CIVIL_H

/* Days since 1970-01-01 of year y, month m (1-12), day d. */
long civil_days(long y, long m, long d);
/* The civil date of day z (days since 1970-01-01). */
void civil_date(long z, int *y, int *m, int *d);

/* Now on the municipality's wall clock (the process's TZ, which the
 * programs set from agora.conf) as "YYYY-MM-DD HH:MM:SS", the text form
 * of the database's DATETIME values: comparing such strings compares
 * times. */
void civil_now_text(char out[20]);

/* The n decimal digits at s as a number; -1 if any is not a digit. */
int civil_digits(const char *s, int n);

struct arena;
/* "2026-03-08 12:30:00" on the municipality's wall clock as
 * "2026-03-08T12:30:00+02:00" (the offset in force then), in the arena;
 * NULL for NULL or what does not parse. */
const char *civil_iso(struct arena *a, const char *dt);
/* The other way: an ISO 8601 time with its zone ("…T10:00:00+02:00",
 * "…Z", seconds optional) or a date alone ("2026-03-08": its start on the
 * wall clock) as "YYYY-MM-DD HH:MM:SS" on the municipality's wall clock
 * into out; 0, or -1 for anything else. */
int civil_from_iso(const char *s, char out[20]);

#endif
