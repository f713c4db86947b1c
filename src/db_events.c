/* db_events.c - (being written) */
#include "db_events.h"
