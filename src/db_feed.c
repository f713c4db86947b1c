/* db_feed.c - (being written) */
#include "db_feed.h"
