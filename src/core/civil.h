/*
 * civil.h - calendar arithmetic on wall-clock dates (proleptic Gregorian,
 * after H. Hinnant's days_from_civil): dates are compared and moved by
 * days without time zones.  Pure; used by the iCalendar writer and the
 * demo loader.
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

#endif
