/*
 * serve.h - GET /media/{sha256}.{ext}: an uploaded file, from MariaDB, so
 * workers on any host serve the same bytes.  The name is the content's
 * hash, so the answer never changes: Cache-Control immutable for a year,
 * and nginx keeps a copy (agora-locations.conf, location /media/).
 */
#ifndef AGORA_MEDIA_SERVE_H
#define AGORA_MEDIA_SERVE_H

#include "http/ctx.h"

void media_serve(struct ctx *c);

/* The extension of a stored type ("jpg", "png", "webp", "pdf"), or NULL. */
const char *media_ext(const char *mime);

#endif
