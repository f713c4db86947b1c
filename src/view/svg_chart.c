/*
 * svg_chart.c - server-drawn bar charts as inline SVG (svg_chart.h).
 *
 * Geometry is in a fixed viewBox (640 wide) scaled by the browser; the
 * page's CSS gives the width.  Colours: bars #1f4e8c on white (8:1, above
 * the 3:1 WCAG 1.4.11 asks of graphics), text #1a1a1a, grid lines grey
 * (decoration only: the numbers are in the labels and the table).  Each
 * bar carries its own <title> (label: value) for a pointer's tooltip.
 */
#include "view/svg_chart.h"

#include <string.h>

#include "core/buf.h"

#define W 640
#define BAR_FILL "#1f4e8c"
#define TEXT_FILL "#1a1a1a"
#define GRID "#b0b0b0"

void svg_escape(struct buf *out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '&': buf_adds(out, "&amp;"); break;
		case '<': buf_adds(out, "&lt;"); break;
		case '>': buf_adds(out, "&gt;"); break;
		case '"': buf_adds(out, "&quot;"); break;
		case '\'': buf_adds(out, "&#39;"); break;
		default:
			/* XML 1.0 has no place for other control characters. */
			buf_addc(out, *p < 0x20 || *p == 0x7f ? ' ' : (char)*p);
		}
	}
}

void svg_scale(long long max, long long *step, long long *top)
{
	static const long long m[] = { 1, 2, 5 };
	long long s = 1;
	for (long long p = 1;; p *= 10) {
		int found = 0;
		for (size_t i = 0; i < 3; i++)
			if (m[i] * p * 5 >= max) {
				s = m[i] * p;
				found = 1;
				break;
			}
		if (found || p > (long long)1 << 58)
			break;
	}
	*step = s;
	long long t = max <= 0 ? s : (max + s - 1) / s * s;
	*top = t;
}

/* The id, if it is made of [a-z0-9-]; else "chart". */
static const char *safe_id(const char *id)
{
	if (id == NULL || *id == '\0' || strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(id))
		return "chart";
	return id;
}

static void open_svg(struct buf *out, const struct svg_chart *c, const char *id, int h)
{
	buf_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""
	           " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\""
	           " aria-labelledby=\"%s-title%s%s%s\" font-family=\"sans-serif\""
	           " font-size=\"12\" fill=\"" TEXT_FILL "\">",
	           W, h, W, h, id, c->desc ? " " : "", c->desc ? id : "", c->desc ? "-desc" : "");
	buf_printf(out, "<title id=\"%s-title\">", id);
	svg_escape(out, c->title);
	buf_adds(out, "</title>");
	if (c->desc) {
		buf_printf(out, "<desc id=\"%s-desc\">", id);
		svg_escape(out, c->desc);
		buf_adds(out, "</desc>");
	}
	/* a white ground, so the contrast holds on any page colour */
	buf_printf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>", W, h);
}

static void bar_title(struct buf *out, const struct svg_bar *b, long long v)
{
	buf_adds(out, "<title>");
	svg_escape(out, b->label);
	buf_printf(out, ": %lld</title>", v);
}

static long long max_of(const struct svg_chart *c)
{
	long long max = 0;
	for (size_t i = 0; i < c->n; i++)
		if (c->bars[i].value > max)
			max = c->bars[i].value;
	return max;
}

/* Columns: y grows downwards; the plot is x0..x1, top..base. */
static void columns(struct buf *out, const struct svg_chart *c, const char *id)
{
	const int h = 266, x0 = 48, x1 = W - 8, top = 22, base = h - 40;
	long long step, axis;
	svg_scale(max_of(c), &step, &axis);
	open_svg(out, c, id, h);
	for (long long t = 0; t <= axis; t += step) {
		double y = base - (double)(base - top) * (double)t / (double)axis;
		buf_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\""
		           " stroke-width=\"1\"/>", x0, y, x1, y, t == 0 ? TEXT_FILL : GRID);
		buf_printf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%lld</text>",
		           x0 - 6, y + 4, t);
	}
	if (c->n == 0) {
		buf_adds(out, "</svg>");
		return;
	}
	double band = (double)(x1 - x0) / (double)c->n;
	size_t every = (c->n + 11) / 12; /* at most 12 labels under the axis */
	for (size_t i = 0; i < c->n; i++) {
		long long v = c->bars[i].value > 0 ? c->bars[i].value : 0;
		double bh = (double)(base - top) * (double)v / (double)axis;
		double cx = x0 + band * ((double)i + 0.5);
		if (v > 0) {
			buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
			           " fill=\"" BAR_FILL "\">", x0 + band * ((double)i + 0.15),
			           base - bh, band * 0.7, bh);
			bar_title(out, &c->bars[i], v);
			buf_adds(out, "</rect>");
		}
		if (c->n <= 18)
			buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%lld</text>",
			           cx, base - bh - 4, v);
		if (i % every == 0) {
			buf_printf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", cx, base + 18);
			svg_escape(out, c->bars[i].label);
			buf_adds(out, "</text>");
		}
	}
	buf_adds(out, "</svg>");
}

/* Horizontal bars: a row per value, its label on the left. */
static void bars(struct buf *out, const struct svg_chart *c, const char *id)
{
	const int row = 26, label_w = 230, x0 = label_w, x1 = W - 48, top = 8;
	int h = top + (int)c->n * row + 28;
	long long step, axis;
	svg_scale(max_of(c), &step, &axis);
	open_svg(out, c, id, h);
	int base = top + (int)c->n * row;
	for (long long t = 0; t <= axis; t += step) {
		double x = x0 + (double)(x1 - x0) * (double)t / (double)axis;
		buf_printf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
		           " stroke-width=\"1\"/>", x, top, x, base, t == 0 ? TEXT_FILL : GRID);
		buf_printf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%lld</text>",
		           x, base + 18, t);
	}
	for (size_t i = 0; i < c->n; i++) {
		long long v = c->bars[i].value > 0 ? c->bars[i].value : 0;
		double bw = (double)(x1 - x0) * (double)v / (double)axis;
		int y = top + (int)i * row;
		buf_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 8, y + 17);
		svg_escape(out, c->bars[i].label);
		buf_adds(out, "</text>");
		if (v > 0) {
			buf_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\""
			           " fill=\"" BAR_FILL "\">", x0, y + 4, bw);
			bar_title(out, &c->bars[i], v);
			buf_adds(out, "</rect>");
		}
		buf_printf(out, "<text x=\"%.1f\" y=\"%d\">%lld</text>", x0 + bw + 4, y + 17, v);
	}
	buf_adds(out, "</svg>");
}

void svg_chart(struct buf *out, const struct svg_chart *c)
{
	const char *id = safe_id(c->id);
	if (c->kind == SVG_BARS)
		bars(out, c, id);
	else
		columns(out, c, id);
}
