/*
 * media.c - the media pipeline (media.h): libmagic says what an upload is,
 * a PDF is checked for its two ends and kept as it is, an image's header is
 * read and held against the limits before libvips decodes it once, and the
 * variants are written afresh, without the original's metadata, into the
 * request's arena.  libvips is set up here for a worker that handles one
 * request at a time: no operation cache, one thread, and only the three
 * loaders we need, from memory.
 */
#include "media/media.h"

#include <magic.h>
#include <malloc.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vips/vips.h>

#include "core/arena.h"
#include "core/log.h"

/* libmagic decides on the first bytes; looking further only costs time
 * (its text and encoding tests walk everything they are given). */
#define SNIFF_BYTES 65536
/* Where a PDF's %%EOF marker must be: readers look in the last 1024 bytes. */
#define PDF_TAIL 1024
#define JPEG_Q 82
#define WEBP_Q 80
/* glibc serves allocations from this size up with their own mmap, given
 * back to the kernel when freed. */
#define MMAP_THRESHOLD (256 * 1024)

static magic_t magic;
static int vips_started, vips_stopped;

enum saver { SAVE_JPEG, SAVE_PNG, SAVE_WEBP, SAVE_NONE };

/* What is taken: the sniffed type, libvips' class for loading it from
 * memory (the only loaders left unblocked) and how its variants are
 * written. */
static const struct type {
	const char *mime;
	enum media_kind kind;
	const char *loader;
	enum saver save;
} types[] = {
	{ "image/jpeg", MEDIA_IMAGE, "VipsForeignLoadJpegBuffer", SAVE_JPEG },
	{ "image/png", MEDIA_IMAGE, "VipsForeignLoadPngBuffer", SAVE_PNG },
	{ "image/webp", MEDIA_IMAGE, "VipsForeignLoadWebpBuffer", SAVE_WEBP },
	{ "application/pdf", MEDIA_PDF, NULL, SAVE_NONE },
};

/* The savers used; every other one stays blocked. */
static const char *const savers[] = {
	"VipsForeignSaveJpegBuffer", "VipsForeignSavePngBuffer", "VipsForeignSaveWebpBuffer",
};

/* A message from libvips or glib as one logfmt value: no quotes, no
 * backslashes, no line breaks, at most 300 bytes. */
static void log_clean(char *dst, size_t n, const char *s)
{
	size_t i = 0;
	for (; s && *s && i + 1 < n; s++)
		dst[i++] = (*s == '"' || *s == '\\' || (unsigned char)*s < ' ') ? ' ' : *s;
	while (i > 0 && dst[i - 1] == ' ')
		i--;
	dst[i] = '\0';
}

/* Logs what libvips said about the failed call what, then clears its
 * error buffer (it would otherwise grow into the next request's). */
static void log_vips(enum log_level level, const char *what)
{
	char m[300];
	log_clean(m, sizeof(m), vips_error_buffer());
	log_msg(level, NULL, "msg=\"%s failed\" vips=\"%s\"", what, m);
	vips_error_clear();
}

/* libvips' own warnings (a damaged JPEG, "read gave N warnings") go to
 * the log as logfmt lines instead of glib's text on stderr. */
static void on_glib_log(const gchar *domain, GLogLevelFlags level,
                        const gchar *message, gpointer data)
{
	(void)data;
	char m[300];
	log_clean(m, sizeof(m), message);
	log_msg(level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL) ? LOG_ERROR : LOG_INFO,
	        NULL, "msg=\"libvips says\" domain=%s text=\"%s\"",
	        domain ? domain : "glib", m);
}

int media_init(char *err, size_t errlen)
{
	if (magic != NULL)
		return 0;
	if (vips_stopped) {
		/* libvips says so: VIPS_INIT after vips_shutdown is not supported. */
		snprintf(err, errlen, "libvips cannot be started again after media_shutdown");
		return -1;
	}
	if (sodium_init() < 0) {
		snprintf(err, errlen, "sodium_init() failed");
		return -1;
	}
	if (!vips_started) {
		/* Debian's libvips loads modules at start from
		 * $VIPSHOME/lib/vips-modules-8.14: ImageMagick, poppler,
		 * libheif, OpenSlide, libjxl, with their libraries, for loaders
		 * we block anyway.  /dev/null holds no such directory: none is
		 * loaded (6 MB less per worker, 0.1 s faster start, and their
		 * constructors never run; libjxl's libhwy even runs an
		 * instruction valgrind does not know).  VIPSHOME also names
		 * where libvips' message translations are: its messages stay in
		 * English, as the log is.  Set before any thread starts. */
		if (setenv("VIPSHOME", "/dev/null", 1) != 0) {
			snprintf(err, errlen, "setenv(\"VIPSHOME\") failed");
			return -1;
		}
		if (VIPS_INIT("agora") != 0) {
			snprintf(err, errlen, "VIPS_INIT failed: %s", vips_error_buffer());
			vips_error_clear();
			return -1;
		}
		vips_started = 1;
		g_log_set_handler("VIPS", G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL |
		                  G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE,
		                  on_glib_log, NULL);
		/* The cache keeps recent operations and their images for
		 * reuse: for a worker that sees each upload once it is only
		 * memory held between requests. */
		vips_cache_set_max(0);
		vips_cache_set_max_mem(0);
		vips_cache_set_max_files(0);
		/* A worker is one of several single-threaded processes per
		 * CPU: parallel libvips threads would only compete with the
		 * other workers and multiply the buffers each pipeline holds.
		 * (libvips still runs its one worker in a thread of its own.) */
		vips_concurrency_set(1);
		/* glibc raises its mmap threshold each time a large block is
		 * freed, up to 32 MiB: after one big image, libvips' line
		 * buffers would come from the heap and a worker would keep
		 * ~100 MB it no longer uses.  A fixed threshold sends them back
		 * to the kernel (measured: 28-47 MB after a 40 Mpx PNG instead
		 * of 90-124 MB).  Under ASan, whose allocator ignores it,
		 * mallopt fails, harmlessly. */
		(void)mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
		/* Only the three loaders, from memory: every other one (SVG,
		 * GIF, TIFF, matrix, CSV, ...) and every loader that opens a
		 * file by name is blocked, and so is every saver but three. */
		vips_block_untrusted_set(TRUE);
		vips_operation_block_set("VipsForeignLoad", TRUE);
		vips_operation_block_set("VipsForeignSave", TRUE);
		for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (types[i].loader != NULL)
				vips_operation_block_set(types[i].loader, FALSE);
		for (size_t i = 0; i < sizeof(savers) / sizeof(savers[0]); i++)
			vips_operation_block_set(savers[i], FALSE);
	}
	magic_t m = magic_open(MAGIC_MIME_TYPE);
	if (m == NULL) {
		snprintf(err, errlen, "magic_open() failed");
		return -1;
	}
	if (magic_load(m, NULL) != 0) {
		snprintf(err, errlen, "magic_load(NULL) failed: %s", magic_error(m));
		magic_close(m);
		return -1;
	}
	magic = m;
	return 0;
}

void media_shutdown(void)
{
	if (magic != NULL) {
		magic_close(magic);
		magic = NULL;
	}
	if (vips_started) {
		vips_shutdown();
		vips_started = 0;
		vips_stopped = 1;
	}
}

const char *media_sniff(const void *data, size_t len)
{
	if (magic == NULL)
		return NULL;
	return magic_buffer(magic, data, len < SNIFF_BYTES ? len : SNIFF_BYTES);
}

int media_http_status(enum media_status s)
{
	switch (s) {
	case MEDIA_OK: return 200;
	case MEDIA_UNSUPPORTED: return 415;
	case MEDIA_TOO_LARGE: return 413;
	case MEDIA_CORRUPT: return 422;
	case MEDIA_ERROR: return 500;
	}
	return 500;
}

static void sha256_hex(char hex[65], const void *data, size_t len)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(hex, 65, h, sizeof(h));
}

/* The largest r with r * r <= n. */
static uint64_t isqrt(uint64_t n)
{
	uint64_t r = 0;
	for (uint64_t bit = (uint64_t)1 << 62; bit != 0; bit >>= 2) {
		if (n >= r + bit) {
			n -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
	}
	return r;
}

/* The width of the largest variant of an upright w x h image: at most w,
 * MEDIA_LARGEST_WIDTH and MEDIA_LARGEST_PIXELS in all. */
static unsigned largest_width(unsigned w, unsigned h)
{
	uint64_t t = w < MEDIA_LARGEST_WIDTH ? w : MEDIA_LARGEST_WIDTH;
	if (t * t * h / w > MEDIA_LARGEST_PIXELS)
		t = isqrt(MEDIA_LARGEST_PIXELS * w / h);
	return t > 0 ? (unsigned)t : 1;
}

static enum media_status check_pdf(const unsigned char *p, size_t len,
                                   struct media_out *out, const char **why)
{
	size_t tail = len < PDF_TAIL ? len : PDF_TAIL;
	if (len < 5 || memcmp(p, "%PDF-", 5) != 0 ||
	    memmem(p + len - tail, tail, "%%EOF", 5) == NULL) {
		log_info("msg=\"upload refused\" type=application/pdf reason=\"no %%PDF- start or %%%%EOF end\"");
		*why = "media.err_corrupt";
		return MEDIA_CORRUPT;
	}
	/* A PDF is kept as sent: rewriting it (to drop its metadata or
	 * scripts) would need a PDF library's parser on untrusted input, and
	 * a published decision must stay the document that was signed. */
	memset(out, 0, sizeof(*out));
	out->kind = MEDIA_PDF;
	out->mime = "application/pdf";
	sha256_hex(out->source_sha256, p, len);
	out->nfiles = 1;
	out->files[0] = (struct media_file){ .bytes = p, .len = len, .mime = out->mime };
	memcpy(out->files[0].sha256, out->source_sha256, sizeof(out->files[0].sha256));
	return MEDIA_OK;
}

/* Removes every metadata field of an image we own: EXIF (with its
 * thumbnail and GPS position), XMP, IPTC, ICC, PNG text, orientation.  The
 * header fields (size, bands, format) are not metadata and stay. */
static void drop_metadata(VipsImage *im)
{
	gchar **names = vips_image_get_fields(im);
	for (gchar **n = names; n && *n; n++)
		vips_image_remove(im, *n);
	g_strfreev(names);
}

/* Writes one variant in the upload's format, without metadata.  The
 * savers' "strip" is not enough: libvips 8.14's WebP saver ignores it and
 * copies EXIF and XMP into the file (libvips issue #3340), so the fields
 * are removed from a copy of the image first, for every format. */
static int save(enum saver s, VipsImage *im, void **buf, size_t *len)
{
	VipsImage *c;
	if (vips_copy(im, &c, NULL) != 0)
		return -1;
	drop_metadata(c);
	int rc = -1;
	switch (s) {
	case SAVE_JPEG:
		rc = vips_jpegsave_buffer(c, buf, len, "Q", JPEG_Q, "strip", TRUE,
		                          "optimize_coding", TRUE, NULL);
		break;
	case SAVE_PNG:
		rc = vips_pngsave_buffer(c, buf, len, "strip", TRUE, "compression", 6,
		                         NULL);
		break;
	case SAVE_WEBP:
		rc = vips_webpsave_buffer(c, buf, len, "Q", WEBP_Q, "strip", TRUE, NULL);
		break;
	case SAVE_NONE:
		abort();
	}
	g_object_unref(c);
	return rc;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* libvips 8.14 puts an EXIF chunk in every still WebP it writes, "strip"
 * or not: with no metadata left it builds one from the header (resolution,
 * orientation).  This takes the EXIF, XMP and ICC chunks out of a WebP
 * file libvips just wrote (in place) and clears their flags in VP8X.  The
 * new length, or 0 if the file is not laid out as WebP files are. */
static size_t webp_drop_metadata(unsigned char *p, size_t len)
{
	if (len < 12 || memcmp(p, "RIFF", 4) != 0 || memcmp(p + 8, "WEBP", 4) != 0 ||
	    le32(p + 4) != len - 8)
		return 0;
	size_t in = 12, out = 12;
	while (in < len) {
		if (len - in < 8)
			return 0;
		size_t n = le32(p + in + 4), whole = 8 + n + (n & 1);
		if (whole > len - in)
			return 0;
		if (memcmp(p + in, "VP8X", 4) == 0 && n >= 1)
			p[in + 8] &= (unsigned char)~(0x20 | 0x08 | 0x04); /* ICC, EXIF, XMP */
		if (memcmp(p + in, "EXIF", 4) != 0 && memcmp(p + in, "XMP ", 4) != 0 &&
		    memcmp(p + in, "ICCP", 4) != 0) {
			memmove(p + out, p + in, whole);
			out += whole;
		}
		in += whole;
	}
	uint32_t riff = (uint32_t)(out - 8);
	for (int i = 0; i < 4; i++)
		p[4 + i] = (unsigned char)(riff >> (8 * i));
	return out;
}

/* Copies a variant libvips wrote into the arena and describes it; -1 if
 * it is not what a saver should have written. */
static int keep(struct arena *a, struct media_file *f, const struct type *t,
                VipsImage *im, void *buf, size_t len)
{
	unsigned char *p = arena_alloc(a, len);
	memcpy(p, buf, len);
	g_free(buf);
	if (t->save == SAVE_WEBP && (len = webp_drop_metadata(p, len)) == 0) {
		log_error("msg=\"libvips wrote a WebP file we cannot read\"");
		return -1;
	}
	*f = (struct media_file){ .bytes = p, .len = len, .mime = t->mime,
	                          .width = (unsigned)vips_image_get_width(im),
	                          .height = (unsigned)vips_image_get_height(im) };
	sha256_hex(f->sha256, p, len);
	return 0;
}

/* Makes the variants of an image of type t: refuses it by its header, then
 * decodes it once into the largest variant (in memory, at most
 * MEDIA_LARGEST_PIXELS) and scales that down for the others. */
static enum media_status do_image(struct arena *a, const struct type *t,
                                  const void *data, size_t len,
                                  const struct media_limits *lim,
                                  struct media_out *out, const char **why)
{
	/* libvips must load it with the loader the sniffed type names. */
	const char *loader = vips_foreign_find_load_buffer(data, len);
	if (loader == NULL || strcmp(loader, t->loader) != 0) {
		log_info("msg=\"upload refused\" type=%s reason=\"libvips loader is %s\"",
		         t->mime, loader ? loader : "none");
		vips_error_clear();
		*why = "media.err_corrupt";
		return MEDIA_CORRUPT;
	}

	/* The header only: sequential access decodes nothing until pixels
	 * are asked for, and none are. */
	VipsImage *head = vips_image_new_from_buffer(data, len, "", "access",
	                                             VIPS_ACCESS_SEQUENTIAL, "fail_on",
	                                             VIPS_FAIL_ON_ERROR, NULL);
	if (head == NULL) {
		log_vips(LOG_INFO, "reading the image header");
		*why = "media.err_corrupt";
		return MEDIA_CORRUPT;
	}
	uint64_t w = (uint64_t)vips_image_get_width(head);
	uint64_t h = (uint64_t)vips_image_get_height(head);
	uint64_t sample = (uint64_t)vips_image_get_bands(head) *
	                  vips_format_sizeof(vips_image_get_format(head));
	/* A progressive JPEG is held whole by libjpeg, as DCT coefficients
	 * of 2 bytes, until its last scan. */
	int multiscan = 0;
	if (vips_image_get_typeof(head, "jpeg-multiscan") &&
	    vips_image_get_int(head, "jpeg-multiscan", &multiscan) == 0 && multiscan)
		sample *= 2;
	int swap = vips_image_get_orientation_swap(head);
	g_object_unref(head);
	if (w > lim->max_width || h > lim->max_height || w * h > lim->max_pixels ||
	    w * h * sample > lim->max_decoded) {
		log_info("msg=\"upload refused\" type=%s width=%llu height=%llu "
		         "reason=\"too many pixels\"", t->mime, (unsigned long long)w,
		         (unsigned long long)h);
		*why = "media.err_pixels";
		return MEDIA_TOO_LARGE;
	}
	unsigned uw = (unsigned)(swap ? h : w), uh = (unsigned)(swap ? w : h);

	/* Decode (with JPEG and WebP shrink-on-load), turn upright by the
	 * EXIF orientation, import an embedded ICC profile to sRGB.  The
	 * "thumbnail" is the largest variant. */
	VipsImage *big = NULL, *mem = NULL;
	enum media_status st = MEDIA_CORRUPT;
	*why = "media.err_corrupt";
	if (vips_thumbnail_buffer((void *)data, len, &big, (int)largest_width(uw, uh),
	                          "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
	                          "option_string", "fail_on=error", NULL) != 0) {
		log_vips(LOG_INFO, "vips_thumbnail_buffer");
		goto done;
	}
	/* 16-bit PNGs: the web gets 8 bits a sample. */
	if (vips_image_get_format(big) != VIPS_FORMAT_UCHAR) {
		VipsInterpretation to = vips_image_get_bands(big) >= 3
		                            ? VIPS_INTERPRETATION_sRGB
		                            : VIPS_INTERPRETATION_B_W;
		VipsImage *t8;
		if (vips_colourspace(big, &t8, to, NULL) != 0) {
			log_vips(LOG_INFO, "vips_colourspace");
			goto done;
		}
		g_object_unref(big);
		big = t8;
	}
	/* Here the file is decoded: a damaged or truncated one fails now. */
	mem = vips_image_copy_memory(big);
	if (mem == NULL) {
		log_vips(LOG_INFO, "decoding the image");
		goto done;
	}
	/* Nothing of the original's metadata goes further.  (The ICC profile
	 * is sRGB's now: without it the smaller variants are not transformed
	 * again.) */
	drop_metadata(mem);

	static const int widths[] = MEDIA_WIDTHS;
	int mw = vips_image_get_width(mem);
	struct media_out o = { .kind = MEDIA_IMAGE, .mime = t->mime,
	                       .width = uw, .height = uh };
	st = MEDIA_ERROR;
	*why = "media.err_internal";
	for (size_t i = 0; i <= sizeof(widths) / sizeof(widths[0]); i++) {
		int last = i == sizeof(widths) / sizeof(widths[0]);
		if (!last && widths[i] >= mw)
			continue;
		VipsImage *v = mem;
		if (!last && vips_thumbnail_image(mem, &v, widths[i], "height", VIPS_MAX_COORD,
		                                  "size", VIPS_SIZE_DOWN, "no_rotate", TRUE,
		                                  NULL) != 0) {
			log_vips(LOG_ERROR, "vips_thumbnail_image");
			goto done;
		}
		void *buf = NULL;
		size_t blen = 0;
		int rc = save(t->save, v, &buf, &blen);
		if (rc != 0)
			log_vips(LOG_ERROR, "saving a variant");
		else if ((rc = keep(a, &o.files[o.nfiles], t, v, buf, blen)) == 0)
			o.nfiles++;
		if (v != mem)
			g_object_unref(v);
		if (rc != 0)
			goto done;
	}
	sha256_hex(o.source_sha256, data, len);
	*out = o;
	*why = NULL;
	st = MEDIA_OK;
done:
	if (mem != NULL)
		g_object_unref(mem);
	if (big != NULL)
		g_object_unref(big);
	/* What the decoders freed below the mmap threshold goes back too. */
	malloc_trim(0);
	return st;
}

enum media_status media_process(struct arena *a, const void *data, size_t len,
                                const struct media_limits *lim,
                                struct media_out *out, const char **why)
{
	const char *ignored;
	if (why == NULL)
		why = &ignored;
	*why = NULL;
	if (magic == NULL) {
		log_error("msg=\"media_process before media_init\"");
		*why = "media.err_internal";
		return MEDIA_ERROR;
	}
	if (len == 0) {
		*why = "media.err_empty";
		return MEDIA_CORRUPT;
	}
	struct media_limits l = lim ? *lim : (struct media_limits){ 0 };
	if (l.max_image_bytes == 0)
		l.max_image_bytes = MEDIA_MAX_IMAGE_BYTES;
	if (l.max_pdf_bytes == 0)
		l.max_pdf_bytes = MEDIA_MAX_PDF_BYTES;
	if (l.max_pixels == 0)
		l.max_pixels = MEDIA_MAX_PIXELS;
	if (l.max_width == 0)
		l.max_width = MEDIA_MAX_SIDE;
	if (l.max_height == 0)
		l.max_height = MEDIA_MAX_SIDE;
	if (l.max_decoded == 0)
		l.max_decoded = MEDIA_MAX_DECODED;

	const char *mime = media_sniff(data, len);
	const struct type *t = NULL;
	for (size_t i = 0; mime && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(mime, types[i].mime) == 0)
			t = &types[i];
	if (t == NULL) {
		char m[100];
		log_clean(m, sizeof(m), mime ? mime : magic_error(magic));
		log_info("msg=\"upload refused\" type=\"%s\" reason=\"type not taken\"", m);
		*why = "media.err_type";
		return MEDIA_UNSUPPORTED;
	}
	if (len > (t->kind == MEDIA_PDF ? l.max_pdf_bytes : l.max_image_bytes)) {
		log_info("msg=\"upload refused\" type=%s bytes=%zu reason=\"too large\"",
		         t->mime, len);
		*why = "media.err_size";
		return MEDIA_TOO_LARGE;
	}
	if (t->kind == MEDIA_PDF)
		return check_pdf(data, len, out, why);
	return do_image(a, t, data, len, &l, out, why);
}
