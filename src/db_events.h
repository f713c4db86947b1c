/* db_events.h - (being written) */
#ifndef AGORA_DB_EVENTS_H
#define AGORA_DB_EVENTS_H
#endif
