/*
 * phone.h - phone numbers as the support desk's registry keeps them
 * (help_beneficiaries.phone, help_volunteers.phone, a case's caller):
 * what an operator types becomes one stored form, searched by its start,
 * shown in the groups people say and dialled as a tel: link.  Touches no
 * table.
 *
 * A Greek number is kept as its national digits ("2251023456",
 * "6912345678"): +30 and 0030 are dropped.  A number of another country
 * (a resident with a foreign mobile, a relative abroad) is kept in E.164
 * form with its plus ("+447700900123"), whether typed with + or 00.
 */
#ifndef AGORA_HELP_PHONE_H
#define AGORA_HELP_PHONE_H

struct arena;

/* The stored form of s, ignoring spaces, dots, dashes, slashes and
 * brackets; NULL when s is not a phone number: another character, a +
 * not first, fewer than 5 digits (a Greek number) or 7 (another
 * country's, with its code), more than 15. */
char *help_phone_norm(struct arena *a, const char *s);

/* What an operator has typed so far, as the start of a stored number,
 * for a search as they type: the whole number normalised when it is one,
 * else its digits with the country handled as above ("+30 69" -> "69",
 * "0044 77" -> "+4477"; "" when no digit yet).  NULL when s holds
 * anything a phone number cannot. */
char *help_phone_prefix(struct arena *a, const char *s);

/* The number as an operator reads it: "2251 023456", "6912 345 678"; a
 * foreign number as stored. */
const char *help_phone_show(struct arena *a, const char *stored);
/* The number as a tel: link or an SMS gateway's recipient:
 * "+302251023456", or the foreign number as stored. */
const char *help_phone_tel(struct arena *a, const char *stored);

#endif
