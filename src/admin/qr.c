/*
 * qr.c - QR codes as SVG (qr.h): one <path> of unit squares, one per dark
 * module, in a viewBox of the symbol's width plus the quiet zone.
 */
#include "admin/qr.h"

#include <qrencode.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"

#define QUIET 4 /* modules of white around the symbol */

static void put_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_add(b, s, 1);
		}
	}
}

char *qr_svg(struct arena *a, const char *text, const char *label)
{
	QRcode *q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (q == NULL)
		return NULL;
	int w = q->width, size = w + 2 * QUIET;
	struct buf b;
	buf_init(&b, 8192);
	buf_printf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
	           " width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"",
	           size, size, size * 6, size * 6);
	put_escaped(&b, label);
	buf_printf(&b, "\" shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\""
	           " fill=\"#fff\"/><path fill=\"#000\" d=\"", size, size);
	/* Bit 0 of each byte: the module is dark.  One rectangle per run
	 * of dark modules in a row. */
	for (int y = 0; y < w; y++) {
		for (int x = 0; x < w;) {
			if (!(q->data[y * w + x] & 1)) {
				x++;
				continue;
			}
			int run = 1;
			while (x + run < w && (q->data[y * w + x + run] & 1))
				run++;
			buf_printf(&b, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET, run, run);
			x += run;
		}
	}
	buf_adds(&b, "\"/></svg>");
	QRcode_free(q);
	char *out = arena_alloc(a, b.len + 1);
	memcpy(out, b.p, b.len);
	out[b.len] = '\0';
	buf_free(&b);
	return out;
}
