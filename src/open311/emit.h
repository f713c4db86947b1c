/*
 * emit.h - writing an Open311 GeoReport v2 document in either of its two
 * syntaxes from one description, so the XML and the JSON of a resource
 * cannot drift apart: the caller says "an object named request", "a
 * string named status", "a list named attributes", in the spec's order,
 * and the writer produces
 *   XML:  <?xml version="1.0" encoding="utf-8"?><service_requests>
 *         <request><status>open</status>...</request></service_requests>
 *   JSON: [{"status":"open",...}]
 * Values are escaped here and only here (XML: & < > " ' and the control
 * characters XML 1.0 forbids dropped; JSON: json_add_str).  An absent
 * value (NULL) is an empty element in XML and null in JSON.  Pure: writes
 * into the caller's buffer.
 */
#ifndef AGORA_OPEN311_EMIT_H
#define AGORA_OPEN311_EMIT_H

#include "core/buf.h"

enum o311_fmt { O311_XML, O311_JSON };

#define O311_DEPTH 8

struct o311_doc {
	struct buf *b;
	enum o311_fmt fmt;
	int depth;                    /* open containers, the root included */
	const char *tag[O311_DEPTH];  /* XML: the element each closes with */
	unsigned char list[O311_DEPTH];   /* JSON: an array (else an object) */
	unsigned char empty[O311_DEPTH];  /* JSON: nothing in it yet */
};

/* Start the document: the XML declaration and <root>; in JSON "[" when
 * list (the spec's array top level) or "{" (discovery, a service
 * definition). */
void o311_open(struct o311_doc *d, struct buf *b, enum o311_fmt fmt, const char *root,
               int list);
/* An object: XML <elem>; JSON "{" (in a list) or "elem":{ (in an object). */
void o311_obj(struct o311_doc *d, const char *elem);
/* A list member of an object: XML <name>; JSON "name":[ . */
void o311_list(struct o311_doc *d, const char *name);
/* Close the innermost container opened by o311_obj or o311_list. */
void o311_end(struct o311_doc *d);
/* Close every container: the document is complete. */
void o311_close(struct o311_doc *d);

/* A member: XML <name>value</name>; JSON "name":"value".  In a list the
 * name is the XML element of each item and JSON writes the value alone. */
void o311_str(struct o311_doc *d, const char *name, const char *value);
/* The same for a number given as text (JSON writes it bare); NULL or
 * what is not a plain decimal number is written as absent. */
void o311_num(struct o311_doc *d, const char *name, const char *value);
/* true / false: JSON booleans, XML the words. */
void o311_bool(struct o311_doc *d, const char *name, int value);

/* The content type of the format: "text/xml; charset=utf-8" or
 * "application/json" (UTF-8 by definition, RFC 8259). */
const char *o311_ctype(enum o311_fmt fmt);

#endif
