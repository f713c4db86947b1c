/* db_search.h - (being written) */
#ifndef AGORA_DB_SEARCH_H
#define AGORA_DB_SEARCH_H
#endif
