/*
 * db_media.c - the SQL of uploads (db_media.h).
 */
#include "media/db_media.h"

#include "core/arena.h"

static struct db_stmt st_file_put = DB_WRITE(
    "INSERT IGNORE INTO media (sha256, mime, bytes, size, width, height)"
    " VALUES (?, ?, ?, ?, ?, ?)");
static struct db_stmt st_item = DB_WRITE(
    "INSERT INTO media_items (kind, source_sha256, width, height, filename,"
    " alt_el, alt_en, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
static struct db_stmt st_variant = DB_WRITE(
    "INSERT IGNORE INTO media_variants (item_id, sha256) VALUES (?, ?)");
static struct db_stmt st_file_get = DB_READ(
    "SELECT " DB_COLUMNS(MEDIA_FILE_COLS) " FROM media WHERE sha256 = ?",
    DB_NCOLS(MEDIA_FILE_COLS));

int db_media_store(struct arena *a, const struct media_out *out,
                   const char *filename, const char *alt_el, const char *alt_en,
                   long long user_id, long long *item_id)
{
	int rc = DB_OK;
	int image = out->kind == MEDIA_IMAGE;
	for (size_t i = 0; rc == DB_OK && i < out->nfiles; i++) {
		const struct media_file *f = &out->files[i];
		const char *w = image ? arena_printf(a, "%u", f->width) : NULL;
		const char *h = image ? arena_printf(a, "%u", f->height) : NULL;
		rc = db_run(a, &st_file_put, NULL, "ssbiss", f->sha256, f->mime,
		            (const char *)f->bytes, f->len, (long long)f->len, w, h);
	}
	struct db_res res;
	if (rc == DB_OK)
		rc = db_run(a, &st_item, &res, "ssssssss", image ? "image" : "pdf",
		            out->source_sha256,
		            image ? arena_printf(a, "%u", out->width) : NULL,
		            image ? arena_printf(a, "%u", out->height) : NULL,
		            filename ? filename : "", alt_el ? alt_el : "",
		            alt_en ? alt_en : "",
		            user_id > 0 ? arena_printf(a, "%lld", user_id) : NULL);
	*item_id = rc == DB_OK ? (long long)res.insert_id : 0;
	for (size_t i = 0; rc == DB_OK && i < out->nfiles; i++)
		rc = db_run(a, &st_variant, NULL, "is", *item_id, out->files[i].sha256);
	return rc;
}

int db_media_file(struct arena *a, const char *sha256, struct db_res *res)
{
	return db_run(a, &st_file_get, res, "s", sha256);
}
