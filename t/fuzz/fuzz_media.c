/*
 * fuzz_media.c - libFuzzer target for upload sniffing and the media
 * pipeline (media/media.c): media_sniff (libmagic), media_process (the
 * type by the bytes, a PDF's two ends, the image header held against the
 * limits, libvips decoding it and writing the variants, the WebP
 * metadata taken out).  The input is the uploaded file's bytes.  The
 * limits are small (64 Kpx, 1024 pixels a side) so that an input is
 * decoded in milliseconds; what they refuse is refused by the header.
 *
 * Checked: the status and its message key agree, and media_http_status
 * gives its answer; an accepted file is one of the four types as sniffed
 * again from the bytes, with the SHA-256 of its bytes; a PDF is kept as
 * sent and starts with %PDF- and has %%EOF in its last 1024 bytes; an
 * image is within the limits and gets 1-4 files of its type (libmagic
 * says so of each), widest last, the smaller ones 320, 640 or 1280 wide,
 * none wider than the original or 2560, none holding EXIF, XMP, ICC or
 * text metadata (JPEG APP1/APP2/APP13 segments; PNG eXIf, iCCP, tEXt,
 * zTXt, iTXt chunks; WebP EXIF, XMP, ICCP chunks and VP8X flags).  See
 * README.md for how to build and run it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/arena.h"
#include "core/log.h"
#include "media/media.h"

/* A broken contract: say which, then crash (libFuzzer keeps the input). */
#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, \
			        __LINE__, #c);                              \
			abort();                                            \
		}                                                           \
	} while (0)

static const struct media_limits lim = {
	.max_image_bytes = 1 << 20,
	.max_pdf_bytes = 1 << 20,
	.max_pixels = 65536,
	.max_width = 1024,
	.max_height = 1024,
	.max_decoded = 1 << 20,
};

static void sha_hex(const void *p, size_t n, char hex[65])
{
	unsigned char h[32];
	crypto_hash_sha256(h, p, n);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", h[i]);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* No metadata in a file libvips wrote (and the file laid out as its type's). */
static void no_metadata(const char *mime, const unsigned char *p, size_t n)
{
	if (strcmp(mime, "image/jpeg") == 0) {
		CHECK(n >= 4 && p[0] == 0xFF && p[1] == 0xD8);
		/* The segments up to the start of scan. */
		for (size_t i = 2; i + 4 <= n;) {
			CHECK(p[i] == 0xFF);
			unsigned m = p[i + 1];
			if (m == 0xDA)
				return;
			CHECK(m != 0xE1 && m != 0xE2 && m != 0xED); /* EXIF/XMP, ICC, IPTC */
			i += 2 + ((size_t)p[i + 2] << 8 | p[i + 3]);
		}
		abort();
	} else if (strcmp(mime, "image/png") == 0) {
		CHECK(n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0);
		for (size_t i = 8; i + 12 <= n;) {
			const unsigned char *t = p + i + 4;
			CHECK(memcmp(t, "eXIf", 4) && memcmp(t, "iCCP", 4) && memcmp(t, "tEXt", 4) &&
			      memcmp(t, "zTXt", 4) && memcmp(t, "iTXt", 4));
			if (memcmp(t, "IEND", 4) == 0)
				return;
			i += 12 + (size_t)be32(p + i);
		}
		abort();
	} else {
		CHECK(n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0);
		CHECK(le32(p + 4) == n - 8);
		size_t i = 12;
		while (i + 8 <= n) {
			const unsigned char *t = p + i;
			size_t len = le32(p + i + 4);
			CHECK(memcmp(t, "EXIF", 4) && memcmp(t, "XMP ", 4) && memcmp(t, "ICCP", 4));
			if (memcmp(t, "VP8X", 4) == 0)
				CHECK(len >= 1 && (p[i + 8] & (0x20 | 0x08 | 0x04)) == 0);
			i += 8 + len + (len & 1);
		}
		CHECK(i == n);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (a == NULL) {
		char err[256];
		log_set_level(LOG_ERROR);
		if (media_init(err, sizeof(err)) != 0) {
			fprintf(stderr, "media_init: %s\n", err);
			abort();
		}
		a = arena_new(1 << 20);
	}
	arena_reset(a);

	char sniffed[128] = "";
	const char *m = media_sniff(data, size);
	CHECK(m != NULL && strlen(m) < sizeof(sniffed));
	strcpy(sniffed, m);

	struct media_out out;
	memset(&out, 0xA5, sizeof(out));
	const char *why = NULL;
	enum media_status st = media_process(a, data, size, &lim, &out, &why);
	int http = media_http_status(st);
	switch (st) {
	case MEDIA_OK:
		CHECK(why == NULL && http == 200);
		break;
	case MEDIA_UNSUPPORTED:
		CHECK(why && strcmp(why, "media.err_type") == 0 && http == 415);
		return 0;
	case MEDIA_TOO_LARGE:
		CHECK(why && (strcmp(why, "media.err_size") == 0 ||
		              strcmp(why, "media.err_pixels") == 0) && http == 413);
		return 0;
	case MEDIA_CORRUPT:
		CHECK(why && (strcmp(why, "media.err_corrupt") == 0 ||
		              (size == 0 && strcmp(why, "media.err_empty") == 0)) && http == 422);
		return 0;
	case MEDIA_ERROR:
		/* Ours, not the file's: logged, never expected here. */
		abort();
	default:
		abort();
	}

	char hex[65];
	sha_hex(data, size, hex);
	CHECK(strcmp(out.source_sha256, hex) == 0);
	CHECK(out.mime && strcmp(out.mime, sniffed) == 0);
	CHECK(out.nfiles >= 1 && out.nfiles <= MEDIA_MAX_FILES);
	if (out.kind == MEDIA_PDF) {
		CHECK(strcmp(out.mime, "application/pdf") == 0 && out.nfiles == 1);
		CHECK(out.files[0].bytes == data && out.files[0].len == size);
		CHECK(size >= 5 && memcmp(data, "%PDF-", 5) == 0);
		size_t tail = size < 1024 ? size : 1024;
		CHECK(memmem(data + size - tail, tail, "%%EOF", 5) != NULL);
		CHECK(strcmp(out.files[0].sha256, hex) == 0);
		return 0;
	}
	CHECK(out.kind == MEDIA_IMAGE);
	CHECK(strcmp(out.mime, "image/jpeg") == 0 || strcmp(out.mime, "image/png") == 0 ||
	      strcmp(out.mime, "image/webp") == 0);
	CHECK(out.width >= 1 && out.height >= 1 && out.width <= 1024 && out.height <= 1024 &&
	      (uint64_t)out.width * out.height <= lim.max_pixels);
	unsigned prev = 0;
	for (size_t i = 0; i < out.nfiles; i++) {
		const struct media_file *f = &out.files[i];
		CHECK(f->bytes != NULL && f->len > 0 && strcmp(f->mime, out.mime) == 0);
		const char *fm = media_sniff(f->bytes, f->len);
		CHECK(fm && strcmp(fm, out.mime) == 0);
		sha_hex(f->bytes, f->len, hex);
		CHECK(strcmp(f->sha256, hex) == 0);
		CHECK(f->width > prev && f->width <= out.width && f->width <= 2560 && f->height >= 1);
		if (i + 1 < out.nfiles)
			CHECK(f->width == 320 || f->width == 640 || f->width == 1280);
		prev = f->width;
		no_metadata(out.mime, f->bytes, f->len);
	}
	return 0;
}
