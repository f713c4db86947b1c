/* ics.h - (being written) */
#ifndef AGORA_ICS_H
#define AGORA_ICS_H
#endif
