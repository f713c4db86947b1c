/* db_search.c - (being written) */
#include "db_search.h"
