/*
 * reader.h (comments) - a reader's actions on one comment: flagging it,
 * and its author's deletion through the signed link of the confirmation
 * mail (reader.c).
 */
#ifndef AGORA_COMMENTS_READER_H
#define AGORA_COMMENTS_READER_H

#include "http/ctx.h"

/* GET /comments/{id}/flag: the comment quoted, the reasons; 404 unless
 * it is published (not official, not deleted). */
void comments_flag_page(struct ctx *c);
/* POST /comments/{id}/flag: 303 to the comment's page with ?flagged=1
 * (whether or not this address had flagged it); 422 with the form. */
void comments_flag_post(struct ctx *c);
/* GET /comments/{id}/delete?k=SIG: the comment and a delete button; 403
 * for a bad signature, 404 for no such comment. */
void comments_delete_page(struct ctx *c);
/* POST /comments/{id}/delete: erase it, 303 to the page with &done=1. */
void comments_delete_post(struct ctx *c);

#endif
