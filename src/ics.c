/* ics.c - (being written) */
#include "ics.h"
