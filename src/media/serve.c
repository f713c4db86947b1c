/*
 * serve.c - uploaded files by their hash (serve.h).
 */
#include "media/serve.h"

#include <string.h>

#include "core/buf.h"
#include "media/db_media.h"
#include "view/layout.h"

const char *media_ext(const char *mime)
{
	if (mime == NULL)
		return NULL;
	if (strcmp(mime, "image/jpeg") == 0)
		return "jpg";
	if (strcmp(mime, "image/png") == 0)
		return "png";
	if (strcmp(mime, "image/webp") == 0)
		return "webp";
	if (strcmp(mime, "application/pdf") == 0)
		return "pdf";
	return NULL;
}

void media_serve(struct ctx *c)
{
	const char *sha = c->r->cap[0], *ext = c->r->cap[1];
	struct db_res res;
	int rc = db_media_file(c->r->a, sha, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const char *mime = res.nrows ? db_str(&res, 0, MF_MIME) : NULL;
	const char *want = media_ext(mime);
	/* The extension must be the stored type's: one URL per file. */
	if (want == NULL || strcmp(want, ext) != 0) {
		page_error(c, 404, "media.err_missing");
		return;
	}
	c->res->ctype = mime;
	c->res->cache = "public, max-age=31536000, immutable";
	buf_add(&c->res->out, db_str(&res, 0, MF_BYTES), res.len[MF_BYTES]);
}
