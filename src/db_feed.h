/* db_feed.h - (being written) */
#ifndef AGORA_DB_FEED_H
#define AGORA_DB_FEED_H
#endif
