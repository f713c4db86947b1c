/*
 * md.h - Markdown to HTML for staff-written text, with cmark-gfm: CommonMark
 * plus GFM tables, strikethrough and autolinks; raw HTML is suppressed (the
 * library's safe default), javascript: links are dropped.  Text is rendered
 * once when saved (agora-admin, later the staff forms) and the HTML stored;
 * requests never render Markdown.
 */
#ifndef AGORA_MD_H
#define AGORA_MD_H

struct arena;

/* The HTML of the Markdown text md, in the arena ("" for NULL).  Every
 * mention of the citizens' service platform ("πλατφόρμα εξυπηρέτησης
 * πολιτών" in any case, "citizens' service platform") outside a link or
 * heading becomes a link to the request form.  Links to
 * the site's own pages (root-relative, like /p/istoria) get link_prefix in
 * front ("/en" for the English text, so its links stay English); links to
 * /static/ and /media/ files do not. */
char *md_render(struct arena *a, const char *md, const char *link_prefix);

#endif
