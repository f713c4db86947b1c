/*
 * qr.h - a QR code as inline SVG, drawn on the server with libqrencode:
 * no script, no image request, and the enrolment page works without
 * JavaScript.  The SVG has role="img" and the given accessible name; the
 * same text is always offered beside it for people who cannot scan.
 */
#ifndef AGORA_QR_H
#define AGORA_QR_H

struct arena;

/* The SVG for text (error correction M, a four-module quiet zone), or
 * NULL if text cannot be encoded.  label is the accessible name (escaped
 * here). */
char *qr_svg(struct arena *a, const char *text, const char *label);

#endif
