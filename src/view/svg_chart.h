/*
 * svg_chart.h - bar charts drawn on the server as inline SVG (no
 * JavaScript): columns (a value per month, left to right) or horizontal
 * bars (a value per category, top to bottom).  The SVG has role="img" and
 * is named by its <title> through aria-labelledby; its numbers belong in a
 * table after it (the chart is for the eye, the table for everyone).  Every
 * text put into the SVG is escaped here, so the caller may insert the
 * result into a page unescaped.  Touches nothing but the buffer it is given.
 */
#ifndef AGORA_SVG_CHART_H
#define AGORA_SVG_CHART_H

#include <stddef.h>

struct buf;

struct svg_bar {
	const char *label;   /* UTF-8, any text (escaped) */
	long long value;     /* >= 0; a negative one is drawn as 0 */
};

enum svg_kind { SVG_COLUMNS, SVG_BARS };

struct svg_chart {
	enum svg_kind kind;
	const char *id;      /* [a-z0-9-], unique in the page; the title's id is
	                      * "<id>-title" (another id: "chart") */
	const char *title;   /* the accessible name */
	const char *desc;    /* a longer description, or NULL */
	const struct svg_bar *bars;
	size_t n;
};

/* Append the chart as one <svg> element (UTF-8, well-formed XML) to out. */
void svg_chart(struct buf *out, const struct svg_chart *c);

/* The value axis for values up to max: a step of 1, 2 or 5 times a power
 * of ten (at least 1) giving at most 5 steps, and the top of the axis, a
 * multiple of the step >= max (at least one step: max 0 gives 1, 1). */
void svg_scale(long long max, long long *step, long long *top);

/* s with & < > " ' as XML character references, appended to out. */
void svg_escape(struct buf *out, const char *s);

#endif
