/*
 * make-images.c - draws the images of the media fixtures with libvips
 * (make-fixtures.sh compiles and runs it, then exiftool adds the metadata
 * the tests expect media_process to remove).  Each image has simple content
 * a test can check after re-encoding: halves of known colours, gradients.
 * Usage: make-images OUTDIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vips/vips.h>

#define CHECK(x)                                                            \
	do {                                                                \
		if ((x) != 0) {                                             \
			fprintf(stderr, "make-images: %s: %s\n", #x,         \
			        vips_error_buffer());                       \
			exit(1);                                            \
		}                                                           \
	} while (0)

static const char *dir;

static const char *path(const char *name)
{
	static char p[4096];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return p;
}

/* A w x h image, bands bands, band b = c[b] where x < w / 2 and d[b]
 * elsewhere. */
static VipsImage *halves(int w, int h, int bands, const double *c, const double *d)
{
	VipsImage *x, *mask, *left, *right, *out;
	CHECK(vips_xyz(&x, w, h, NULL));
	VipsImage *xb;
	CHECK(vips_extract_band(x, &xb, 0, NULL));
	CHECK(vips_less_const1(xb, &mask, w / 2, NULL));
	CHECK(vips_black(&left, w, h, "bands", bands, NULL));
	VipsImage *l2, *r2;
	double one[4] = { 1, 1, 1, 1 };
	CHECK(vips_linear(left, &l2, one, (double *)c, bands, NULL));
	CHECK(vips_linear(left, &r2, one, (double *)d, bands, NULL));
	CHECK(vips_ifthenelse(mask, l2, r2, &right, NULL));
	CHECK(vips_cast_uchar(right, &out, NULL));
	g_object_unref(x);
	g_object_unref(xb);
	g_object_unref(mask);
	g_object_unref(left);
	g_object_unref(l2);
	g_object_unref(r2);
	g_object_unref(right);
	return out;
}

/* A smooth w x h sRGB picture: red grows to the right, green downwards. */
static VipsImage *gradient(int w, int h)
{
	VipsImage *xy, *x, *y, *r, *g, *b, *rgb, *out;
	CHECK(vips_xyz(&xy, w, h, NULL));
	CHECK(vips_extract_band(xy, &x, 0, NULL));
	CHECK(vips_extract_band(xy, &y, 1, NULL));
	CHECK(vips_linear1(x, &r, 255.0 / w, 0, NULL));
	CHECK(vips_linear1(y, &g, 255.0 / h, 0, NULL));
	CHECK(vips_linear1(x, &b, 0, 128, NULL));
	VipsImage *in[3] = { r, g, b };
	CHECK(vips_bandjoin(in, &rgb, 3, NULL));
	CHECK(vips_cast_uchar(rgb, &out, NULL));
	g_object_unref(xy);
	g_object_unref(x);
	g_object_unref(y);
	g_object_unref(r);
	g_object_unref(g);
	g_object_unref(b);
	g_object_unref(rgb);
	return out;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: make-images OUTDIR\n");
		return 2;
	}
	dir = argv[1];
	if (VIPS_INIT(argv[0]))
		vips_error_exit(NULL);

	/* photo.jpg: wider than the largest variant (2560), so that one is
	 * made smaller; exiftool adds the camera, the place and a
	 * thumbnail. */
	VipsImage *im = gradient(2800, 1400);
	CHECK(vips_jpegsave(im, path("photo.jpg"), "Q", 50, "strip", TRUE, NULL));
	g_object_unref(im);
	im = gradient(160, 80);
	CHECK(vips_jpegsave(im, path("thumb.jpg"), "Q", 50, "strip", TRUE, NULL));
	g_object_unref(im);

	/* progressive.jpg: 64 x 48 in several scans, which libjpeg holds
	 * whole until the last one. */
	im = gradient(64, 48);
	CHECK(vips_jpegsave(im, path("progressive.jpg"), "Q", 50, "interlace", TRUE,
	                    "strip", TRUE, NULL));
	g_object_unref(im);

	/* rotated.jpg: stored 120 x 60, left half red, right half blue;
	 * exiftool sets Orientation 6 (turn 90° clockwise to show), so it is
	 * shown 60 x 120 with the red half on top. */
	static const double red[] = { 255, 0, 0, 255 }, blue[] = { 0, 0, 255, 255 };
	im = halves(120, 60, 3, red, blue);
	CHECK(vips_jpegsave(im, path("rotated.jpg"), "Q", 90, "strip", TRUE, NULL));
	g_object_unref(im);

	/* cmyk.jpg: a CMYK JPEG (as print shops send) comes out as sRGB. */
	static const double cyan[] = { 255, 0, 0, 0 }, black[] = { 0, 0, 0, 255 };
	im = halves(64, 64, 4, cyan, black);
	VipsImage *cmyk;
	CHECK(vips_copy(im, &cmyk, "interpretation", VIPS_INTERPRETATION_CMYK, NULL));
	CHECK(vips_jpegsave(cmyk, path("cmyk.jpg"), "Q", 90, "strip", TRUE, NULL));
	g_object_unref(cmyk);
	g_object_unref(im);

	/* alpha.png: 400 x 300, left half opaque green, right half fully
	 * transparent. */
	static const double green[] = { 0, 160, 0, 255 }, clear[] = { 0, 0, 0, 0 };
	im = halves(400, 300, 4, green, clear);
	CHECK(vips_pngsave(im, path("alpha.png"), "strip", TRUE, NULL));
	g_object_unref(im);

	/* deep.png: 16 bits a sample, grey; the variants are 8-bit. */
	VipsImage *g8 = gradient(64, 48), *grey, *deep;
	CHECK(vips_extract_band(g8, &grey, 0, NULL));
	CHECK(vips_colourspace(grey, &deep, VIPS_INTERPRETATION_GREY16,
	                       "source_space", VIPS_INTERPRETATION_B_W, NULL));
	CHECK(vips_pngsave(deep, path("deep.png"), "strip", TRUE, NULL));
	g_object_unref(deep);
	g_object_unref(grey);
	g_object_unref(g8);

	/* alpha.webp: alpha.png's halves, 300 x 200, as a lossy WebP with an
	 * alpha channel. */
	im = halves(300, 200, 4, green, clear);
	CHECK(vips_webpsave(im, path("alpha.webp"), "Q", 50, "strip", TRUE, NULL));
	g_object_unref(im);

	/* image.webp: 500 x 300, a picture. */
	im = gradient(500, 300);
	CHECK(vips_webpsave(im, path("image.webp"), "Q", 50, "strip", TRUE, NULL));
	g_object_unref(im);

	vips_shutdown();
	return 0;
}
