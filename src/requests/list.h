/*
 * list.h - the public list and map of citizens' requests (/requests), a
 * request's Atom feed (/requests/{code}/feed.atom), and the two pieces the
 * tracking page (submit.c) takes from here: its feed link and its follow
 * form.  Nothing these pages show names a reporter or a follower.
 */
#ifndef AGORA_REQUESTS_LIST_H
#define AGORA_REQUESTS_LIST_H

#include "http/ctx.h"
#include "view/tmpl.h"

/* The statuses a resident calls open and closed (the list's filter, the
 * feed's wording): comma-separated, for FIND_IN_SET. */
#define RQ_OPEN_STATUSES "submitted,acknowledged,in_progress,scheduled,reopened"
#define RQ_CLOSED_STATUSES "resolved,rejected,duplicate,not_ours"

void requests_list(struct ctx *c);  /* GET /requests */
void requests_feed(struct ctx *c);  /* GET /requests/{code}/feed.atom */

/* For the tracking page of the request with this code: the feed's
 * <link rel="alternate"> in the layout's head (top), the feed link and
 * the follow form in the content (d: FEED_URL and the include FORM).
 * Call from requests_show. */
void requests_show_extras(struct ctx *c, tmpl_dict *top, tmpl_dict *d,
                          const char *code);

/* The map's settings (conf map_*) as data attributes on section name of
 * d: TILES, ATTRIBUTION, LAT, LON, ZOOM.  For the list's map and the
 * submission form's (#rq-map). */
void requests_map_attrs(struct ctx *c, tmpl_dict *d, const char *name);

#endif
