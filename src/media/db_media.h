/*
 * db_media.h - storing uploads and reading their bytes back: the tables of
 * 0005_media.sql.  A store runs inside the caller's transaction (with the
 * item that uses the upload and its audit row).
 */
#ifndef AGORA_DB_MEDIA_H
#define AGORA_DB_MEDIA_H

#include "db/db.h"
#include "media/media.h"

/* Store the files of out (each once: the same bytes are shared) and one
 * media_items row for them; *item_id the new row. */
int db_media_store(struct arena *a, const struct media_out *out,
                   const char *filename, const char *alt_el, const char *alt_en,
                   long long user_id, long long *item_id);

#define MEDIA_FILE_COLS(X) X(MF_MIME, "mime") X(MF_BYTES, "bytes")
enum { DB_COLS_ENUM(MEDIA_FILE_COLS, MF__END) };
/* The file with this SHA-256 (hex), in *res: 0 or 1 row. */
int db_media_file(struct arena *a, const char *sha256, struct db_res *res);

#endif
