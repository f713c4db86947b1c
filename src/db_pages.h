/* db_pages.h - (being written) */
#ifndef AGORA_DB_PAGES_H
#define AGORA_DB_PAGES_H
#endif
