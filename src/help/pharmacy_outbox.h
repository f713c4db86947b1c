/*
 * pharmacy_outbox.h - what the outbox sender (agora-admin outbox send,
 * mail/send.h) records when a prescription's webhook (kind help.pharmacy,
 * help/pharmacy.c) fails for good.  Apart from pharmacy.h so that
 * agora-admin links it without the web layer.
 */
#ifndef AGORA_HELP_PHARMACY_OUTBOX_H
#define AGORA_HELP_PHARMACY_OUTBOX_H

struct arena;

/* The outbox's on_failed function for kind help.pharmacy: the webhook was
 * refused, or its last try failed, so its case - still 'queued' - goes to
 * 'problem' with a history row that says why; the case page then offers
 * to send the prescription again.  DB_OK also when there is nothing to
 * change (the association answered meanwhile, or the body names no case);
 * a DB_* error only when the database failed. */
int help_pharmacy_undelivered(struct arena *a, const char *body, const char *reason);

#endif
