/* db_pages.c - (being written) */
#include "db_pages.h"
