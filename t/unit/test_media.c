/*
 * test_media.c - the media pipeline (src/media/media.c) on the files of
 * t/unit/data/media (made by make-fixtures.sh): decompression bombs refused
 * by their header without decoding, types taken from the bytes only,
 * images re-encoded at their widths with none of the original's metadata
 * (the fixtures carry EXIF with GPS and a thumbnail, XMP, IPTC and PNG
 * text, all with "Agora" in them), turned upright, PDFs kept byte for byte.
 * Every row also checks that libvips holds no memory after the call.
 *
 * Under valgrind (0 errors, nothing definitely or indirectly lost, no
 * suppressions; about 40 s), from the build directory:
 *   AGORA_SRCDIR=.. VIPS_NOVECTOR=1 valgrind --leak-check=full \
 *     --errors-for-leak-kinds=definite,indirect --error-exitcode=9 t/unit/media.t
 * VIPS_NOVECTOR: libvips compiles its vector code at run time with orc,
 * into instructions valgrind cannot run (SIGILL).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <vips/vips.h>

#include "core/arena.h"
#include "media/media.h"

#define NROWS(t) (sizeof(t) / sizeof((t)[0]))

static struct arena *A;

struct file {
	unsigned char *p;
	size_t len;
};

/* The bytes of a fixture, on the heap (the caller frees f.p). */
static struct file fixture(const char *name)
{
	const char *src = getenv("AGORA_SRCDIR");
	char path[4096];
	snprintf(path, sizeof(path), "%s/t/unit/data/media/%s", src ? src : ".", name);
	struct file f = { NULL, 0 };
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		fail_msg("cannot read %s", path);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	f.p = malloc((size_t)n + 1);
	assert_non_null(f.p);
	f.len = fread(f.p, 1, (size_t)n, fp);
	fclose(fp);
	assert_int_equal(f.len, (size_t)n);
	return f;
}

static int has(const unsigned char *p, size_t len, const char *s)
{
	return memmem(p, len, s, strlen(s)) != NULL;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static long maxrss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static int setup(void **state)
{
	(void)state;
	char err[256];
	/* Before media_init there is nothing to refuse with. */
	const char *why;
	struct media_out out;
	if (media_process(NULL, "x", 1, NULL, &out, &why) != MEDIA_ERROR ||
	    strcmp(why, "media.err_internal") != 0 || media_sniff("x", 1) != NULL) {
		print_message("# media_process before media_init did not fail\n");
		return -1;
	}
	if (media_init(err, sizeof(err)) != 0) {
		print_message("# media_init: %s\n", err);
		return -1;
	}
	if (media_init(err, sizeof(err)) != 0) /* a second call does nothing */
		return -1;
	A = arena_new(1 << 16);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	media_shutdown();
	return 0;
}

/* After every call: libvips keeps nothing (no image, no cache, no error).
 * Its worker thread may still be letting go of its buffers when the call
 * returns (after a decoding error, most of all): that takes milliseconds. */
static void assert_vips_clean(const char *what)
{
	for (int i = 0; i < 200 && (vips_tracked_get_mem() != 0 || vips_tracked_get_allocs() != 0); i++)
		usleep(10000);
	if (vips_tracked_get_mem() != 0 || vips_tracked_get_allocs() != 0)
		fail_msg("%s: libvips still holds %zu bytes in %d allocations", what,
		         vips_tracked_get_mem(), vips_tracked_get_allocs());
	if (vips_error_buffer()[0] != '\0')
		fail_msg("%s: libvips error buffer not cleared: %s", what, vips_error_buffer());
}

/* Runs first, while the process is small: a bomb must be refused from its
 * header, in a moment, without libvips allocating its pixels. */
static void test_bombs(void **state)
{
	(void)state;
	static const char *const bombs[] = {
		"bomb.png",      /* 20000 x 20000: 400 Mpx in 48 KB */
		"jpeg-bomb.jpg", /* a 120 x 60 JPEG whose header says 60000 x 60000 */
	};
	for (size_t i = 0; i < NROWS(bombs); i++) {
		struct file f = fixture(bombs[i]);
		long rss0 = maxrss_kb();
		double t0 = now();
		struct media_out out;
		const char *why = NULL;
		enum media_status st = media_process(A, f.p, f.len, NULL, &out, &why);
		double dt = now() - t0;
		long grew = maxrss_kb() - rss0;
		print_message("# %s: %.3f s, peak RSS +%ld KB, libvips peak %zu bytes\n",
		              bombs[i], dt, grew, vips_tracked_get_mem_highwater());
		assert_int_equal(st, MEDIA_TOO_LARGE);
		assert_string_equal(why, "media.err_pixels");
		assert_int_equal(media_http_status(st), 413);
		/* Decoded, bomb.png is 400 MB of grey: nothing near that. */
		assert_true(dt < 2.0);
		assert_true(grew < 32 * 1024);
		assert_true(vips_tracked_get_mem_highwater() < (size_t)4 << 20);
		assert_vips_clean(bombs[i]);
		free(f.p);
	}
}

static void test_sniff(void **state)
{
	(void)state;
	/* What libmagic 5.44 says of each: only the bytes count. */
	static const struct { const char *file, *mime; } rows[] = {
		{ "photo.jpg", "image/jpeg" },
		{ "alpha.png", "image/png" },
		{ "image.webp", "image/webp" },
		{ "doc.pdf", "application/pdf" },
		{ "tiny.gif", "image/gif" },
		{ "script.svg", "image/svg+xml" },
		{ "page.html", "text/html" },
		{ "fake.pdf", "text/html" },
		{ "elf.jpg", "application/x-executable" },
		{ "mz.jpg", "application/vnd.microsoft.portable-executable" },
	};
	int failed = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct file f = fixture(rows[i].file);
		const char *m = media_sniff(f.p, f.len);
		if (m == NULL || strcmp(m, rows[i].mime) != 0) {
			print_message("# %s: libmagic says %s, expected %s\n", rows[i].file,
			              m ? m : "(null)", rows[i].mime);
			failed++;
		}
		free(f.p);
	}
	assert_int_equal(failed, 0);
}

/* Every refusal: its status, its message key, *out left alone. */
static void test_refused(void **state)
{
	(void)state;
	static const struct {
		const char *file;
		struct media_limits lim;
		enum media_status st;
		const char *why;
		int http;
	} rows[] = {
		/* Types not taken, whatever the name says. */
		{ "tiny.gif", { 0 }, MEDIA_UNSUPPORTED, "media.err_type", 415 },
		{ "script.svg", { 0 }, MEDIA_UNSUPPORTED, "media.err_type", 415 },
		{ "page.html", { 0 }, MEDIA_UNSUPPORTED, "media.err_type", 415 },
		{ "fake.pdf", { 0 }, MEDIA_UNSUPPORTED, "media.err_type", 415 },
		{ "elf.jpg", { 0 }, MEDIA_UNSUPPORTED, "media.err_type", 415 },
		{ "mz.jpg", { 0 }, MEDIA_UNSUPPORTED, "media.err_type", 415 },
		/* The right type, broken inside. */
		{ "truncated.jpg", { 0 }, MEDIA_CORRUPT, "media.err_corrupt", 422 },
		{ "garbage.png", { 0 }, MEDIA_CORRUPT, "media.err_corrupt", 422 },
		{ "doc-truncated.pdf", { 0 }, MEDIA_CORRUPT, "media.err_corrupt", 422 },
		/* Bytes above the limit for the type. */
		{ "photo.jpg", { .max_image_bytes = 1000 }, MEDIA_TOO_LARGE, "media.err_size", 413 },
		{ "doc.pdf", { .max_pdf_bytes = 599 }, MEDIA_TOO_LARGE, "media.err_size", 413 },
		/* Pixels: in all, a side, the decoder's buffer. */
		{ "photo.jpg", { .max_pixels = 2800 * 1400 - 1 }, MEDIA_TOO_LARGE, "media.err_pixels", 413 },
		{ "photo.jpg", { .max_width = 2799 }, MEDIA_TOO_LARGE, "media.err_pixels", 413 },
		{ "rotated.jpg", { .max_height = 59 }, MEDIA_TOO_LARGE, "media.err_pixels", 413 },
		{ "alpha.png", { .max_decoded = 400 * 300 * 4 - 1 }, MEDIA_TOO_LARGE, "media.err_pixels", 413 },
		{ "deep.png", { .max_decoded = 64 * 48 * 2 - 1 }, MEDIA_TOO_LARGE, "media.err_pixels", 413 },
		/* A progressive JPEG counts 2 bytes a sample (its coefficients). */
		{ "progressive.jpg", { .max_decoded = 64 * 48 * 3 * 2 - 1 }, MEDIA_TOO_LARGE, "media.err_pixels", 413 },
	};
	int failed = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct file f = fixture(rows[i].file);
		struct media_out out, before;
		memset(&out, 0xAB, sizeof(out));
		before = out;
		const char *why = NULL;
		enum media_status st = media_process(A, f.p, f.len, &rows[i].lim, &out, &why);
		if (st != rows[i].st || why == NULL || strcmp(why, rows[i].why) != 0 ||
		    media_http_status(st) != rows[i].http ||
		    memcmp(&out, &before, sizeof(out)) != 0) {
			print_message("# row %zu (%s): status %d why %s\n", i, rows[i].file,
			              st, why ? why : "(null)");
			failed++;
		}
		assert_vips_clean(rows[i].file);
		free(f.p);
	}
	/* At exactly the limits, taken. */
	struct file f = fixture("alpha.png");
	struct media_limits at = { .max_image_bytes = f.len, .max_pixels = 400 * 300,
	                           .max_width = 400, .max_height = 300,
	                           .max_decoded = 400 * 300 * 4 };
	struct media_out out;
	assert_int_equal(media_process(A, f.p, f.len, &at, &out, NULL), MEDIA_OK);
	free(f.p);
	f = fixture("progressive.jpg");
	at = (struct media_limits){ .max_decoded = 64 * 48 * 3 * 2 };
	assert_int_equal(media_process(A, f.p, f.len, &at, &out, NULL), MEDIA_OK);
	free(f.p);
	/* No bytes at all. */
	const char *why = NULL;
	assert_int_equal(media_process(A, "", 0, NULL, &out, &why), MEDIA_CORRUPT);
	assert_string_equal(why, "media.err_empty");
	assert_int_equal(failed, 0);
	assert_vips_clean("limits");
}

/* The loaders media_init did not allow: every file loader, SVG, GIF. */
static void test_blocked(void **state)
{
	(void)state;
	static const char *const rows[] = { "script.svg", "tiny.gif", "doc.pdf" };
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct file f = fixture(rows[i]);
		VipsImage *im = vips_image_new_from_buffer(f.p, f.len, "", NULL);
		if (im != NULL)
			fail_msg("libvips loaded %s", rows[i]);
		vips_error_clear();
		free(f.p);
	}
	char path[4096];
	const char *src = getenv("AGORA_SRCDIR");
	snprintf(path, sizeof(path), "%s/t/unit/data/media/photo.jpg", src ? src : ".");
	VipsImage *im = vips_image_new_from_file(path, NULL);
	assert_null(im);
	vips_error_clear();
	assert_vips_clean("blocked");
}

/* JPEG: from SOI to SOS only APP0 (JFIF), tables and the frame header. */
static int jpeg_clean(const unsigned char *p, size_t len, int *components)
{
	if (len < 4 || p[0] != 0xFF || p[1] != 0xD8)
		return 0;
	for (size_t i = 2; i + 4 <= len;) {
		if (p[i] != 0xFF)
			return 0;
		unsigned m = p[i + 1];
		size_t n = (size_t)p[i + 2] << 8 | p[i + 3];
		if (m == 0xDA) /* start of scan: entropy-coded data follows */
			return 1;
		if ((m >= 0xE1 && m <= 0xEF) || m == 0xFE) {
			print_message("# JPEG marker FF%02X (%.4s)\n", m, (const char *)p + i + 4);
			return 0;
		}
		if ((m == 0xC0 || m == 0xC1 || m == 0xC2) && i + 9 < len)
			*components = p[i + 9];
		if (has(p + i, n + 2, "Exif") || has(p + i, n + 2, "GPS") ||
		    has(p + i, n + 2, "http://ns.adobe.com"))
			return 0;
		i += 2 + n;
	}
	return 0;
}

/* PNG: only the chunks of the picture itself (pHYs is libvips' resolution). */
static int png_clean(const unsigned char *p, size_t len, int *ctype, int *depth)
{
	static const char *const ok[] = { "IHDR", "PLTE", "tRNS", "IDAT", "IEND", "pHYs" };
	if (len < 8 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0)
		return 0;
	for (size_t i = 8; i + 12 <= len;) {
		size_t n = (size_t)p[i] << 24 | (size_t)p[i + 1] << 16 | (size_t)p[i + 2] << 8 | p[i + 3];
		const char *kind = (const char *)p + i + 4;
		int known = 0;
		for (size_t k = 0; k < NROWS(ok); k++)
			known |= memcmp(kind, ok[k], 4) == 0;
		if (!known) {
			print_message("# PNG chunk %.4s\n", kind);
			return 0;
		}
		if (memcmp(kind, "IHDR", 4) == 0) {
			*depth = p[i + 16];
			*ctype = p[i + 17];
		}
		if (memcmp(kind, "IEND", 4) == 0)
			return 1;
		i += 12 + n;
	}
	return 0;
}

/* WebP: the picture's chunks only, and no metadata flag in VP8X. */
static int webp_clean(const unsigned char *p, size_t len)
{
	static const char *const ok[] = { "VP8 ", "VP8L", "VP8X", "ALPH" };
	if (len < 12 || memcmp(p, "RIFF", 4) != 0 || memcmp(p + 8, "WEBP", 4) != 0)
		return 0;
	for (size_t i = 12; i + 8 <= len;) {
		size_t n = (size_t)p[i] | (size_t)p[i + 1] << 8 | (size_t)p[i + 2] << 16 |
		           (size_t)p[i + 3] << 24;
		int known = 0;
		for (size_t k = 0; k < NROWS(ok); k++)
			known |= memcmp(p + i, ok[k], 4) == 0;
		if (!known) {
			print_message("# WebP chunk %.4s\n", (const char *)p + i);
			return 0;
		}
		if (memcmp(p + i, "VP8X", 4) == 0 && (p[i + 8] & 0x2C) != 0)
			return 0; /* ICC (0x20), EXIF (0x08), XMP (0x04) */
		i += 8 + ((n + 1) & ~(size_t)1);
	}
	return 1;
}

/* The colour of one pixel of a variant, decoded again. */
static void pixel(const struct media_file *v, int x, int y, double *px, int *n)
{
	VipsImage *im = vips_image_new_from_buffer(v->bytes, v->len, "", NULL);
	assert_non_null(im);
	double *vec;
	int nv;
	assert_int_equal(vips_getpoint(im, &vec, &nv, x, y, NULL), 0);
	for (int i = 0; i < nv && i < 4; i++)
		px[i] = vec[i];
	*n = nv;
	g_free(vec);
	g_object_unref(im);
}

static void test_images(void **state)
{
	(void)state;
	static const struct {
		const char *file, *mime;
		unsigned w, h;          /* the upload, upright */
		size_t n;
		unsigned widths[4], heights[4];
		int bands;              /* of every variant */
	} rows[] = {
		/* 2800 wide: the largest is 2560. */
		{ "photo.jpg", "image/jpeg", 2800, 1400, 4,
		  { 320, 640, 1280, 2560 }, { 160, 320, 640, 1280 }, 3 },
		/* Orientation 6: stored 120 x 60, shown 60 x 120. */
		{ "rotated.jpg", "image/jpeg", 60, 120, 1, { 60 }, { 120 }, 3 },
		{ "progressive.jpg", "image/jpeg", 64, 48, 1, { 64 }, { 48 }, 3 },
		/* CMYK in, sRGB out. */
		{ "cmyk.jpg", "image/jpeg", 64, 64, 1, { 64 }, { 64 }, 3 },
		{ "alpha.png", "image/png", 400, 300, 2, { 320, 400 }, { 240, 300 }, 4 },
		/* 16-bit grey in, 8-bit grey out. */
		{ "deep.png", "image/png", 64, 48, 1, { 64 }, { 48 }, 1 },
		{ "image.webp", "image/webp", 500, 300, 2, { 320, 500 }, { 192, 300 }, 3 },
		{ "alpha.webp", "image/webp", 300, 200, 1, { 300 }, { 200 }, 4 },
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct file f = fixture(rows[i].file);
		/* The fixtures do carry what must go (cmyk.jpg and deep.png
		 * have none: they test colour). */
		if (strcmp(rows[i].file, "cmyk.jpg") != 0 && strcmp(rows[i].file, "deep.png") != 0)
			assert_true(has(f.p, f.len, "AgoraTestCam-9000"));
		struct media_out out;
		const char *why = "unset";
		enum media_status st = media_process(A, f.p, f.len, NULL, &out, &why);
		if (st != MEDIA_OK)
			fail_msg("%s: status %d (%s)", rows[i].file, st, why ? why : "(null)");
		assert_null(why);
		assert_int_equal(out.kind, MEDIA_IMAGE);
		assert_string_equal(out.mime, rows[i].mime);
		assert_int_equal(out.width, rows[i].w);
		assert_int_equal(out.height, rows[i].h);
		char hex[65];
		unsigned char h[crypto_hash_sha256_BYTES];
		crypto_hash_sha256(h, f.p, f.len);
		sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
		assert_string_equal(out.source_sha256, hex);
		assert_int_equal(out.nfiles, rows[i].n);
		for (size_t k = 0; k < out.nfiles; k++) {
			const struct media_file *v = &out.files[k];
			print_message("# %s: %ux%u %s %zu bytes\n", rows[i].file, v->width,
			              v->height, v->mime, v->len);
			assert_int_equal(v->width, rows[i].widths[k]);
			assert_int_equal(v->height, rows[i].heights[k]);
			assert_string_equal(v->mime, rows[i].mime);
			crypto_hash_sha256(h, v->bytes, v->len);
			sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
			assert_string_equal(v->sha256, hex);
			/* What libmagic and libvips see in the new bytes. */
			assert_string_equal(media_sniff(v->bytes, v->len), rows[i].mime);
			VipsImage *im = vips_image_new_from_buffer(v->bytes, v->len, "", NULL);
			assert_non_null(im);
			assert_int_equal(vips_image_get_width(im), (int)v->width);
			assert_int_equal(vips_image_get_height(im), (int)v->height);
			assert_int_equal(vips_image_get_bands(im), rows[i].bands);
			assert_int_equal(vips_image_get_format(im), VIPS_FORMAT_UCHAR);
			g_object_unref(im);
			/* None of the original's metadata, anywhere. */
			assert_false(has(v->bytes, v->len, "Agora"));
			int comp = 0, ctype = -1, depth = 0;
			if (strcmp(v->mime, "image/jpeg") == 0) {
				assert_true(jpeg_clean(v->bytes, v->len, &comp));
				assert_int_equal(comp, 3);
			} else if (strcmp(v->mime, "image/png") == 0) {
				assert_true(png_clean(v->bytes, v->len, &ctype, &depth));
				assert_int_equal(depth, 8);
				assert_int_equal(ctype, rows[i].bands == 4 ? 6 : 0);
			} else {
				assert_true(webp_clean(v->bytes, v->len));
			}
		}
		assert_vips_clean(rows[i].file);
		free(f.p);
	}
}

/* The picture survives: upright, alpha kept. */
static void test_content(void **state)
{
	(void)state;
	struct media_out out;
	double px[4];
	int n;

	/* rotated.jpg is stored red | blue and shown turned clockwise: red on
	 * top, blue below. */
	struct file f = fixture("rotated.jpg");
	assert_int_equal(media_process(A, f.p, f.len, NULL, &out, NULL), MEDIA_OK);
	pixel(&out.files[0], 30, 10, px, &n);
	assert_true(px[0] > 200 && px[2] < 60);
	pixel(&out.files[0], 30, 110, px, &n);
	assert_true(px[0] < 60 && px[2] > 200);
	free(f.p);

	/* alpha.png and alpha.webp: opaque green on the left, transparent on
	 * the right. */
	static const char *const alpha[] = { "alpha.png", "alpha.webp" };
	for (size_t i = 0; i < NROWS(alpha); i++) {
		f = fixture(alpha[i]);
		assert_int_equal(media_process(A, f.p, f.len, NULL, &out, NULL), MEDIA_OK);
		for (size_t k = 0; k < out.nfiles; k++) {
			unsigned w = out.files[k].width;
			pixel(&out.files[k], (int)w / 8, 10, px, &n);
			assert_int_equal(n, 4);
			assert_true(px[1] > 140 && px[3] == 255);
			pixel(&out.files[k], (int)(w - w / 8), 10, px, &n);
			assert_true(px[3] == 0);
		}
		free(f.p);
	}

	/* The same upload gives the same files (so the same rows of media). */
	f = fixture("photo.jpg");
	struct media_out again;
	assert_int_equal(media_process(A, f.p, f.len, NULL, &out, NULL), MEDIA_OK);
	assert_int_equal(media_process(A, f.p, f.len, NULL, &again, NULL), MEDIA_OK);
	for (size_t k = 0; k < out.nfiles; k++)
		assert_string_equal(out.files[k].sha256, again.files[k].sha256);
	free(f.p);
	assert_vips_clean("content");
}

static void test_pdf(void **state)
{
	(void)state;
	struct file f = fixture("doc.pdf");
	struct media_out out;
	const char *why = "unset";
	assert_int_equal(media_process(A, f.p, f.len, NULL, &out, &why), MEDIA_OK);
	assert_null(why);
	assert_int_equal(out.kind, MEDIA_PDF);
	assert_string_equal(out.mime, "application/pdf");
	assert_int_equal(out.nfiles, 1);
	/* Byte for byte: the caller's own bytes. */
	assert_ptr_equal(out.files[0].bytes, f.p);
	assert_int_equal(out.files[0].len, f.len);
	assert_string_equal(out.files[0].mime, "application/pdf");
	assert_int_equal(out.files[0].width, 0);
	char hex[65];
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, f.p, f.len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	assert_string_equal(out.files[0].sha256, hex);
	assert_string_equal(out.source_sha256, hex);
	free(f.p);
}

static void test_http_status(void **state)
{
	(void)state;
	static const struct { enum media_status st; int http; } rows[] = {
		{ MEDIA_OK, 200 }, { MEDIA_UNSUPPORTED, 415 }, { MEDIA_TOO_LARGE, 413 },
		{ MEDIA_CORRUPT, 422 }, { MEDIA_ERROR, 500 },
	};
	for (size_t i = 0; i < NROWS(rows); i++)
		assert_int_equal(media_http_status(rows[i].st), rows[i].http);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bombs), /* first: it measures the process's peak */
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_blocked),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_content),
		cmocka_unit_test(test_pdf),
		cmocka_unit_test(test_http_status),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("media", tests, setup, teardown);
}
