/*
 * export.h - everything the support desk stores about one resident, as
 * one JSON document: their answer to a GDPR access request (Art. 15).
 * help_export_find and help_export_json need only the database, so
 * agora-admin (`agora-admin help export ID`) uses them as the web page
 * does; help_person_export is the page (export_web.c).  Both write the
 * "help_export" audit row before a byte of the data is read.
 */
#ifndef AGORA_HELP_EXPORT_H
#define AGORA_HELP_EXPORT_H

#include "core/buf.h"

struct arena;
struct ctx;

/* help_export_find's answer when there is no such resident (the DB_*
 * codes are negative). */
#define HELP_EXPORT_NONE 1

/* DB_OK if resident id exists (anonymised or not), HELP_EXPORT_NONE if
 * not, or a DB_* error. */
int help_export_find(struct arena *a, long long id);

/*
 * Append the JSON document of resident id to out (UTF-8, ends with a
 * newline): the registry row, the health row, every case with its
 * ordinary fields, health part, professionals' notes, history and online
 * contact details.  Times are ISO 8601 with the UTC offset of the
 * process's zone (the municipality's, conf timezone, as the workers and
 * agora-admin set TZ).  Reads in one transaction of its own (a consistent
 * snapshot), so the caller must not have one open; the caller wrote the
 * audit row first.  DB_OK, HELP_EXPORT_NONE, or a DB_* error (out then
 * holds a partial document: discard it).
 */
int help_export_json(struct arena *a, long long id, struct buf *out);

/* GET /admin/help/people/{id}/export (PERM_HELP_HEALTH): the document as
 * a download, never cached; 404 for an unknown resident, 503 when the
 * audit row cannot be written (no data then). */
void help_person_export(struct ctx *c);

#endif
