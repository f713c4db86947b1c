/*
 * media.h - uploaded images and PDF documents, checked and made safe to
 * publish.  The type is what libmagic finds in the bytes (never the file's
 * name or the request's Content-Type); only JPEG, PNG, WebP and PDF are
 * taken.  An image is never published as sent: its header is read first and
 * it is refused by its size in pixels before a pixel is decoded, then
 * libvips decodes it once and writes new files (upright, sRGB, 8-bit, no
 * EXIF, GPS position, XMP, IPTC, ICC profile or thumbnail of the original)
 * at a few widths for srcset.  A PDF is kept byte for byte.  Each file
 * comes with its SHA-256, the key of the `media` table (0005_media.sql).
 * No HTTP here: the status says which answer the caller gives.
 */
#ifndef AGORA_MEDIA_H
#define AGORA_MEDIA_H

#include <stddef.h>
#include <stdint.h>

struct arena;

enum media_kind { MEDIA_IMAGE, MEDIA_PDF };

/* What media_process found; media_http_status() gives the answer. */
enum media_status {
	MEDIA_OK,          /* 200/201 */
	MEDIA_UNSUPPORTED, /* 415 "media.err_type": not JPEG/PNG/WebP/PDF by its bytes */
	MEDIA_TOO_LARGE,   /* 413 "media.err_size": more bytes than the limit;
	                    *     "media.err_pixels": more pixels, or a wider or
	                    *     taller image, than the limits */
	MEDIA_CORRUPT,     /* 422 "media.err_corrupt": the type is right but the
	                    *     file does not decode (truncated, damaged);
	                    *     "media.err_empty": no bytes at all */
	MEDIA_ERROR,       /* 500 "media.err_internal": encoding failed, out of
	                    *     memory, media_init not called (logged) */
};

/* Limits are checked before the work they bound: bytes before anything is
 * parsed, pixels from the header before a pixel is decoded.  Pixels above
 * the limit are a 413 like bytes above it: the decoded image is what is too
 * large.  A zero field means the default below.
 * Measured with the defaults (libvips 8.14, one thread): a 40 Mpx RGBA PNG
 * peaks at ~150 MB of libvips memory (~270 MB interlaced: the decoder holds
 * it whole), a 24 Mpx JPEG at ~40 MB (it is shrunk while decoded; ~230 MB
 * of RSS if progressive); 1-4 s each.  The worker is back to ~27 MB after
 * (see MMAP_THRESHOLD in media.c). */
struct media_limits {
	size_t max_image_bytes;  /* MEDIA_MAX_IMAGE_BYTES */
	size_t max_pdf_bytes;    /* MEDIA_MAX_PDF_BYTES */
	uint64_t max_pixels;     /* width x height, MEDIA_MAX_PIXELS */
	unsigned max_width;      /* MEDIA_MAX_SIDE, either side of the original */
	unsigned max_height;
	/* width x height x bands x bytes a sample: what a decoder may have to
	 * hold at once (an interlaced PNG, a progressive JPEG). */
	uint64_t max_decoded;    /* MEDIA_MAX_DECODED */
};

#define MEDIA_MAX_IMAGE_BYTES ((size_t)20 << 20)   /* 20 MiB */
#define MEDIA_MAX_PDF_BYTES ((size_t)32 << 20)     /* 32 MiB */
#define MEDIA_MAX_PIXELS ((uint64_t)40000000)      /* 40 Mpx, e.g. 7746 x 5164 */
#define MEDIA_MAX_SIDE 20000u
#define MEDIA_MAX_DECODED ((uint64_t)256 << 20)    /* 256 MiB */

/* The widths made for srcset below the largest file, which is the
 * original scaled down (never up) to at most MEDIA_LARGEST_WIDTH wide and
 * MEDIA_LARGEST_PIXELS in all (a tall poster stays readable). */
#define MEDIA_WIDTHS { 320, 640, 1280 }
#define MEDIA_LARGEST_WIDTH 2560
#define MEDIA_LARGEST_PIXELS ((uint64_t)2560 * 2560)
#define MEDIA_MAX_FILES 4

/* One file to store: a row of `media`. */
struct media_file {
	const unsigned char *bytes; /* in the arena; a PDF's are the caller's data */
	size_t len;
	const char *mime;           /* "image/jpeg", "image/png", "image/webp", "application/pdf" */
	unsigned width, height;     /* 0 for a PDF */
	char sha256[65];            /* lower-case hex of bytes */
};

struct media_out {
	enum media_kind kind;
	const char *mime;           /* the upload's type, as sniffed */
	unsigned width, height;     /* the upload's, upright (0 for a PDF) */
	char source_sha256[65];     /* of the upload's bytes (to find a re-upload) */
	size_t nfiles;              /* 1 to MEDIA_MAX_FILES; a PDF has 1 */
	struct media_file files[MEDIA_MAX_FILES]; /* images: by width, smallest first */
};

/* Once per process, after any fork and before the first request: starts
 * libvips (no modules, cache off, one worker thread, only the JPEG/PNG/WebP
 * loaders from memory allowed: no loader that opens a file by name, no
 * ImageMagick, PDF or SVG loader) and opens libmagic's database.  Sets
 * VIPSHOME in the environment (see media.c).  Calling it again does
 * nothing.  0, or -1 with a message in err.
 * libvips runs its work in threads of its own: Linux gives a signal sent
 * to the process to the main thread unless that thread blocks it, which
 * main.c's handlers rely on. */
int media_init(char *err, size_t errlen);
/* Releases what media_init took, at the end of the process: libvips cannot
 * be started again in the same process (media_init then fails). */
void media_shutdown(void);

/* The MIME type libmagic finds in the bytes ("image/jpeg", "image/gif",
 * "text/html", "application/x-empty", ...); NULL before media_init or if
 * libmagic fails.  Only the first bytes are looked at.  The string is
 * libmagic's: valid until the next media_sniff or media_process. */
const char *media_sniff(const void *data, size_t len);

/* Checks an upload and makes the files to store.  lim may be NULL (the
 * defaults).  On MEDIA_OK fills *out: for an image, new files at the widths
 * above (bytes in arena a), for a PDF the one file data itself (not copied:
 * valid as long as data is).  On anything else *out is untouched and *why
 * is the message key (see enum media_status); a file that does not decode
 * is logged at info level, a failure of ours at error level.  Nothing
 * allocated by libvips outlives the call. */
enum media_status media_process(struct arena *a, const void *data, size_t len,
                                const struct media_limits *lim,
                                struct media_out *out, const char **why);

/* 200, 415, 413, 422 or 500. */
int media_http_status(enum media_status s);

#endif
