/*
 * comments.h (admin) - reader comments, the moderators' side
 * (/admin/comments, PERM_COMMENTS: admins and moderators): the queue with
 * its filters, keyset pages and bulk decisions; one comment with the
 * commenter's e-mail and address (abuse review), its flags, edits and
 * replies, and its forms (decide, edit, answer officially); the PCRE2
 * blocklist; each news category's moderation mode and closing an
 * article's comments.  Every change is audit-logged in its transaction.
 */
#ifndef AGORA_ADMIN_COMMENTS_H
#define AGORA_ADMIN_COMMENTS_H

#include "http/ctx.h"

/* GET /admin/comments[?status=&target=&official=1][&before=ID|&after=ID]:
 * 50 a page, newest first; 400 on a malformed filter or cursor, 404 for
 * a target that does not exist. */
void adm_comments_queue(struct ctx *c);
/* POST /admin/comments (R_CSRF): action approve|reject|spam on the ticked
 * ids (at most 100), each through db_comment_moderate and audit_staff,
 * one transaction; 303 back to the queue with its filters and a notice;
 * 422 with the queue again when none is ticked or the action is unknown. */
void adm_comments_bulk(struct ctx *c);

/* GET /admin/comments/{id}: the comment and its forms; 404 if unknown. */
void adm_comment_show(struct ctx *c);
/* POST /admin/comments/{id}/status: approve, reject or spam; 303. */
void adm_comment_status(struct ctx *c);
/* POST /admin/comments/{id}: a moderator's edit of the text and of
 * links_allowed, logged in comment_edits; 303, or 422 with the form. */
void adm_comment_edit(struct ctx *c);
/* POST /admin/comments/{id}/reply: the municipality's answer - a new
 * official comment on a news item, the request's public reply (mailed
 * through the outbox) on a request; 303, or 422 with the form. */
void adm_comment_reply(struct ctx *c);

/* GET /admin/comments/blocklist: the patterns and the form to add one. */
void adm_comments_blocklist(struct ctx *c);
/* POST /admin/comments/blocklist: add a pattern (checked by PCRE2: a bad
 * one is 422 with its message beside the field); 303. */
void adm_comments_bl_add(struct ctx *c);
/* POST /admin/comments/blocklist/{id}/delete: 303, 404 if unknown. */
void adm_comments_bl_delete(struct ctx *c);

/* GET/POST /admin/comments/settings: each news category's moderation,
 * 'pre' (a moderator publishes) or 'post' (published at once). */
void adm_comments_settings(struct ctx *c);
void adm_comments_settings_save(struct ctx *c);
/* POST /admin/comments/news/{id}/closed: action close|open an article's
 * comments; 303 back (to the comment "from", else the article's queue);
 * 400 for another action, 404 for an unknown article. */
void adm_comments_closed(struct ctx *c);

#endif
