/*
 * submit.h - reporting a problem or making a request: the public form
 * /requests/new and its POST, and the tracking page /requests/{code}.
 */
#ifndef AGORA_REQUESTS_SUBMIT_H
#define AGORA_REQUESTS_SUBMIT_H

#include "db/db.h"
#include "http/ctx.h"
#include "http/form.h"
#include "requests/db_requests.h"
#include "view/tmpl.h"

void requests_new(struct ctx *c);    /* GET  /requests/new */
void requests_submit(struct ctx *c); /* POST /requests/new */
void requests_show(struct ctx *c);   /* GET  /requests/{code} */
/* POST /requests/{code}/comments: a resident's comment on the public
 * timeline (comments/comments.h): 303, or the page again with the form. */
void requests_comment_post(struct ctx *c);
void requests_track(struct ctx *c);  /* GET  /requests/track?code=: to it */

/* The request form of this site, built for one category's questions. */
struct rq_form {
	struct form f;
	struct db_res cats, qs, chs;
	long long category; /* whose questions are in the form; 0: none */
	size_t nq;          /* those questions: fields 1 .. nq */
	int phone;          /* the staff's phone-in: no photos, the caller's consent */
};

/* What checking found beyond the fields' own errors. */
struct rq_check {
	int status;         /* 0: may be stored */
	const char *stop;   /* an answer's stop message, or NULL */
	struct db_res near; /* open requests nearby, to follow instead */
};

/* The form for category cat (0: none, or not one of the site's). */
int rq_form_build(struct ctx *c, struct rq_form *rf, long long cat, int phone);
/* A fresh form, its category preselected. */
void rq_form_new(struct ctx *c, struct rq_form *rf, struct form_data *fd);
/* Parse and check a POST, and process its photos.  0 with *n ready to
 * store; else the status to answer with the form again (422, 413, 415;
 * 200 when requests nearby are offered in k->near), or 500/503 for the
 * database. */
int rq_form_check(struct ctx *c, struct rq_form *rf, struct form_data *fd,
                  struct rq_new *n, struct rq_check *k);
/* The category in the query (post 0: ?category=3, a link from the home
 * page) or sent with the form (1); 0 when none or not a number. */
long long rq_category_of(struct ctx *c, int post);

enum rq_outcome {
	RQ_STORED, /* a new request: *code */
	RQ_AGAIN,  /* the form was sent before: *code is the request it made */
	RQ_SHOW,   /* show the form again: c->res->status is set */
	RQ_FAILED, /* the error page is sent */
};
/* The whole POST of the form (public, or phone-in with phone 1: channel
 * phone, filed by the signed-in staff member): build, check, store. */
enum rq_outcome rq_form_post(struct ctx *c, struct rq_form *rf, struct form_data *fd,
                             struct rq_check *k, int phone, const char **code);
/* The stop, the requests nearby and the photos' note, into d. */
void rq_form_extras(struct ctx *c, tmpl_dict *d, const struct form_data *fd,
                    const struct rq_check *k);

/* The date n working days (Monday to Friday) after the civil date
 * y-m-d, as "YYYY-MM-DD" in the arena. */
const char *requests_due_date(struct arena *a, int y, int m, int d, int n);

#endif
