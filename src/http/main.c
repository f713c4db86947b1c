/*
 * main.c - the FastCGI worker, agora.fcgi.
 *
 * spawn-fcgi hands us the listening socket as fd 0 and multiwatch restarts us
 * if we die.  One request at a time: accept, then the phases below in order
 * - path, route (404/405), language, session, permission, limits and body,
 * CSRF - each of which may answer and stop; then the page's handler (from
 * routes.def through dispatch.c, or the worker's fresh copy of a shareable
 * page: share.h), the end-of-request check, whether nginx may keep the
 * answer for a moment (the micro-cache), one write of the response, one log line, and the arena is reset.  SIGTERM/SIGUSR1/SIGINT finish the current request, then
 * exit.
 */
#include <errno.h>
#include <fcgiapp.h>
#include <limits.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/log.h"
#include "core/utf8.h"
#include "db/db.h"
#include "mail/outbox.h"
#include "requests/mail.h"
#include "admin/login.h"
#include "admin/totp.h"
#include "http/ctx.h"
#include "http/session.h"
#include "http/share.h"
#include "http/token.h"
#include "media/media.h"
#include "requests/notify.h"
#include "view/layout.h"

static volatile sig_atomic_t stopping, busy;

/* Async-signal-safe: set flags; if idle in accept(), close the listening
 * socket so the restarted accept() fails and the loop ends. */
static void on_stop(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
	if (!busy)
		close(0);
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
}

static const char *param(FCGX_Request *rq, struct arena *a, const char *name)
{
	/* Copied: FCGX_GetParam's pointers die at FCGX_Finish_r. */
	const char *v = FCGX_GetParam(name, rq->envp);
	return arena_strdup(a, v ? v : "");
}

/* Read exactly n body bytes into the arena; NULL if the stream ends early. */
static char *read_body(FCGX_Request *rq, struct arena *a, size_t n)
{
	char *b = arena_alloc(a, n + 1);
	size_t got = 0;
	while (got < n) {
		int k = FCGX_GetStr(b + got, (int)(n - got > 65536 ? 65536 : n - got),
		                    rq->in);
		if (k <= 0)
			return NULL;
		got += (size_t)k;
	}
	b[n] = '\0';
	return b;
}

/* libfcgi wants stdin read to the end before the request is finished. */
static void drain(FCGX_Request *rq)
{
	char scratch[8192];
	while (FCGX_GetStr(scratch, sizeof(scratch), rq->in) > 0)
		;
}

/* For the log: the path with quotes, backslashes and controls escaped. */
static const char *log_safe(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	if (n > 200)
		n = 200;
	char *o = arena_alloc(a, n * 4 + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == '"' || ch == '\\' || ch == 0x7f)
			p += sprintf(p, "\\x%02x", ch);
		else
			*p++ = (char)ch;
	}
	*p = '\0';
	return o;
}

/*
 * The phases of a request, in order (as nginx runs its phases).  Each
 * returns 0 to go on, or 1 when it has answered (an error page is in the
 * response); the handler runs only when every phase has passed.
 */

/* The FastCGI parameters the rest needs, copied into the arena. */
static void phase_params(FCGX_Request *rq, struct ctx *c, unsigned long seq)
{
	struct req *r = c->r;
	struct arena *a = r->a;
	r->rid = param(rq, a, "REQUEST_ID");
	if (*r->rid == '\0')
		r->rid = arena_printf(a, "%d-%lu", (int)getpid(), seq);
	r->method_s = param(rq, a, "REQUEST_METHOD");
	r->method = req_method_parse(r->method_s);
	r->path = param(rq, a, "DOCUMENT_URI");
	if (*r->path == '\0') {
		/* Not from our nginx config: decode REQUEST_URI's path. */
		const char *uri = param(rq, a, "REQUEST_URI");
		size_t n = strcspn(uri, "?");
		r->path = req_decode(a, uri, n, 0, NULL);
		if (r->path == NULL)
			r->path = "";
	}
	r->query_s = param(rq, a, "QUERY_STRING");
	r->ctype = param(rq, a, "CONTENT_TYPE");
	r->host = param(rq, a, "HTTP_HOST");
	r->remote_addr = param(rq, a, "REMOTE_ADDR");
	r->user_agent = param(rq, a, "HTTP_USER_AGENT");
	c->res->head_only = r->method == M_HEAD;
}

/* The path is UTF-8 and absolute; /en and /en/... are the English site,
 * and the rest of the path routes as usual. */
static int phase_path(struct ctx *c)
{
	struct req *r = c->r;
	if (!utf8_valid(r->path, strlen(r->path)) || r->path[0] != '/') {
		r->path = "/";
		page_error(c, 400, "err.bad_path");
		return 1;
	}
	if (strncmp(r->path, "/en", 3) == 0 && (r->path[3] == '/' || r->path[3] == '\0')) {
		c->lang = LANG_EN;
		c->lp = "/en";
		r->path = r->path[3] ? r->path + 3 : "/";
	}
	return 0;
}

/* The route table: the page, or 404, or 405 with Allow. */
static int phase_route(struct ctx *c)
{
	const char *allow = NULL;
	enum route_result rr = route_match(c->r->a, c->r->method, c->r->path,
	                                   &c->page, c->r->cap, &allow);
	if (rr == ROUTE_FOUND)
		return 0;
	c->page = PAGE__MAX;
	if (rr == ROUTE_BAD_METHOD)
		c->res->allow = allow;
	page_error(c, rr == ROUTE_BAD_METHOD ? 405 : 404, NULL);
	return 1;
}

/* A page that exists in one language has no /en/ form. */
static int phase_lang(struct ctx *c)
{
	if (c->lang == LANG_EN && route_has(c->page, R_NEUTRAL)) {
		c->page = PAGE__MAX;
		page_error(c, 404, NULL);
		return 1;
	}
	return 0;
}

/* Who is asking: the cookies (within their limits), and from them the
 * staff session, read for the staff area only (the public pages are the
 * same for everyone and never touch the sessions table). */
static int phase_session(FCGX_Request *rq, struct ctx *c)
{
	const char *why = NULL;
	int status = req_parse_cookies(c->r->a, FCGX_GetParam("HTTP_COOKIE", rq->envp),
	                               &c->conf->lim, &c->r->cookies, &why);
	if (status != 0) {
		page_error(c, status, why);
		return 1;
	}
	if (strncmp(c->r->path, "/admin", 6) != 0)
		return 0;
	/* Staff pages are never stored by a browser or a proxy. */
	c->res->cache = "private, no-store";
	int rc = session_load(c);
	if (rc == DB_OK)
		return 0;
	page_db_error(c, rc);
	return 1;
}

static int see_other(struct ctx *c, const char *path)
{
	c->res->status = 303;
	c->res->location = arena_printf(c->r->a, "%s%s", c->lp, path);
	return 1;
}

/* May they see this page?  Public pages are for everyone.  Nobody signed
 * in: 401 and the sign-in form.  A session still owing its second-factor
 * code, or a second factor to set up, or a new password, is sent to that
 * step and nowhere else; then the roles decide (403). */
static int phase_permission(struct ctx *c)
{
	enum perm p = route_get(c->page)->perm;
	const struct staff *s = c->staff;
	if (p == PERM_PUBLIC)
		return 0;
	if (s == NULL) {
		admin_login_required(c);
		return 1;
	}
	if (p == PERM_SESSION)
		return 0;
	if (s->stage == STAGE_CODE)
		return p == PERM_SIGNIN_CODE ? 0 : see_other(c, "/admin/login/code");
	if (p == PERM_SIGNIN_CODE)
		return see_other(c, "/admin");
	if (s->stage == STAGE_ENROL)
		return p == PERM_SECURITY ? 0 : see_other(c, "/admin/account/2fa");
	if (s->must_change)
		return p == PERM_SECURITY ? 0 : see_other(c, "/admin/account/password");
	if (p == PERM_SECURITY || p == PERM_STAFF || (s->perms & PERM_BIT(p)))
		return 0;
	log_msg(LOG_INFO, c->r->rid, "msg=\"refused: permission\" user=%lld perm=%s",
	        s->id, perm_name(p));
	page_error(c, 403, "err.403.role");
	return 1;
}

/* For a route with R_RAW (a machine's API): its X-* request headers
 * (FastCGI's HTTP_X_* params) into r->headers as "x-agora-nonce" and so
 * on, each value within max_header and UTF-8, at most max_fields of them
 * (else 413 / 400); the body is then kept as sent.  0 or the status. */
static int raw_headers(FCGX_Request *rq, struct ctx *c, const char **why)
{
	struct req *r = c->r;
	const struct req_limits *lim = &c->conf->lim;
	struct field **tail = &r->headers;
	size_t n = 0;
	r->body = "";
	r->body_len = 0;
	for (char **e = rq->envp; e != NULL && *e != NULL; e++) {
		if (strncmp(*e, "HTTP_X_", 7) != 0)
			continue;
		const char *eq = strchr(*e, '=');
		if (eq == NULL)
			continue;
		const char *v = eq + 1;
		size_t vlen = strlen(v);
		if (++n > lim->max_fields || vlen > lim->max_header) {
			*why = "err.413.text";
			return 413;
		}
		if (!utf8_valid(v, vlen)) {
			*why = "err.400.text";
			return 400;
		}
		char *name = arena_strndup(r->a, *e + 5, (size_t)(eq - *e - 5));
		for (char *p = name; *p; p++)
			*p = *p == '_' ? '-' : (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
		struct field *f = arena_alloc(r->a, sizeof(*f));
		f->name = name;
		f->val = arena_strndup(r->a, v, vlen);
		f->len = vlen;
		f->next = NULL;
		*tail = f;
		tail = &f->next;
	}
	return 0;
}

/* Query string, Content-Length and, for pages that read one,
 * the body: every limit checked before the work (400/413/415). */
static int phase_limits(FCGX_Request *rq, struct ctx *c)
{
	struct req *r = c->r;
	struct arena *a = r->a;
	const struct req_limits *lim = &c->conf->lim;
	const char *why = NULL;
	int status;
	if (strlen(r->ctype) > lim->max_header) {
		page_error(c, 400, "err.ctype_long");
		return 1;
	}
	if ((status = req_parse_urlencoded(a, r->query_s, strlen(r->query_s),
	                                   lim, &r->query, &why)) != 0 ||
	    (status = req_parse_clen(FCGX_GetParam("CONTENT_LENGTH", rq->envp),
	                             route_has(c->page, R_UPLOAD) ? lim->max_upload
	                                                          : lim->max_body,
	                             &r->clen, &why)) != 0) {
		page_error(c, status, why);
		return 1;
	}
	if (route_has(c->page, R_RAW) && (status = raw_headers(rq, c, &why)) != 0) {
		page_error(c, status, why);
		return 1;
	}
	if (!route_has(c->page, R_BODY) || r->clen == 0)
		return 0;
	if (route_has(c->page, R_RAW) && !req_ctype_is(r->ctype, "application/json")) {
		page_error(c, 415, "req.ctype");
		return 1;
	}
	const char *body = read_body(rq, a, r->clen);
	if (body == NULL) {
		page_error(c, 400, "err.body_short");
		return 1;
	}
	if (route_has(c->page, R_RAW)) {
		r->body = body;
		r->body_len = r->clen;
		return 0;
	}
	if ((status = req_parse_body(r, body, r->clen, lim, &why)) != 0) {
		page_error(c, status, why);
		return 1;
	}
	return 0;
}

/* Staff forms carry the session's CSRF token (a hidden field): one that
 * is missing or wrong changes nothing. */
static int phase_csrf(struct ctx *c)
{
	if (!route_has(c->page, R_CSRF) || session_csrf_ok(c))
		return 0;
	log_msg(LOG_WARN, c->r->rid, "msg=\"refused: CSRF token missing or wrong\"");
	page_error(c, 403, "err.csrf");
	return 1;
}

static void serve(FCGX_Request *rq, struct ctx *c, unsigned long seq)
{
	phase_params(rq, c, seq);
	if (phase_path(c) || phase_route(c) || phase_lang(c) ||
	    phase_session(rq, c) || phase_permission(c) || phase_limits(rq, c) ||
	    phase_csrf(c))
		return;
	if ((c->from_copy = share_serve(c)) != 0)
		return;
	dispatch_handler(c->page)(c);
}

/* After the handler: no request ends inside a transaction.  One left open
 * is a bug in the handler; roll it back (nothing half-done is kept) and
 * say so in the log. */
static void phase_end(struct ctx *c)
{
	if (!db_in_transaction())
		return;
	log_msg(LOG_ERROR, c->r->rid,
	        "msg=\"handler left a transaction open: rolled back\" page=%s",
	        c->page < PAGE__MAX ? route_get(c->page)->name : "-");
	db_rollback();
}

/* May this answer be shared, for a moment (conf micro_cache seconds), by
 * everyone who asks for the same URL?  Only a public page's 200 to a GET
 * or HEAD, whole in memory, that sets no cookie, issued no one-time form
 * token during the request (a token is one visitor's: shared, two
 * residents would hold the same one and the second one's form would
 * count as a resubmission), and was not marked private or no-store
 * (personal data: a reporter's own page, a reader's own comment). */
static int shareable(const struct ctx *c, unsigned long tokens_before)
{
	const struct resp *res = c->res;
	return share_request_ok(c) && res->status == 200 &&
	       res->set_cookie == NULL && res->more == NULL &&
	       forms_tokens_issued() == tokens_before &&
	       (res->cache == NULL || (strstr(res->cache, "private") == NULL &&
	                               strstr(res->cache, "no-store") == NULL));
}

/* A shareable answer is kept by the worker (share.h: public pages are the
 * same for staff, who never have a session read outside /admin) and,
 * unless the request carries the staff cookie, offered to nginx's
 * micro-cache (X-Accel-Expires; nginx/agora-page-cache.conf).  Nothing
 * else is stored anywhere. */
static void phase_shared(struct ctx *c, unsigned long tokens_before)
{
	if (!shareable(c, tokens_before))
		return;
	if (!session_cookie_sent(c))
		c->res->shared = c->conf->micro_cache > 3600 ? 3600 : (int)c->conf->micro_cache;
	if (!c->from_copy)
		share_keep(c);
}

/* Hand the whole response to libfcgi in as few calls as its int length
 * allows; 0, or -1 when the connection to nginx failed. */
static int put_all(FCGX_Request *rq, const char *out, size_t len)
{
	while (len > 0) {
		int n = len > INT_MAX ? INT_MAX : (int)len;
		if (FCGX_PutStr(out, n, rq->out) != n)
			return -1;
		out += n;
		len -= (size_t)n;
	}
	return 0;
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	       (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static void usage(void)
{
	fprintf(stderr, "usage: agora.fcgi [-c agora.conf]\n"
	                "Runs under spawn-fcgi (listening socket on fd 0).\n");
}

int main(int argc, char **argv)
{
	const char *conf_arg = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "c:h")) != -1) {
		if (opt == 'c') {
			conf_arg = optarg;
		} else {
			usage();
			return opt == 'h' ? 0 : 2;
		}
	}
	/* Our handlers first: libfcgi only installs its own where none is set. */
	install_signals();

	static struct conf conf;
	conf_defaults(&conf);
	const char *path = conf_path(conf_arg);
	if (conf_load(&conf, path, stderr) != 0) {
		log_error("msg=\"bad configuration, not starting\" file=\"%s\"", path);
		return 1;
	}
	log_set_level((enum log_level)conf.log_level);
	/* Every time the worker computes or prints is the municipality's,
	 * whatever zone the process was started in. */
	if (conf.timezone[0] != '\0') {
		char zf[300];
		snprintf(zf, sizeof(zf), "/usr/share/zoneinfo/%s", conf.timezone);
		if (strstr(conf.timezone, "..") != NULL || access(zf, R_OK) != 0) {
			log_error("msg=\"unknown time zone (no %s), not starting\" file=\"%s\"",
			          zf, path);
			return 1;
		}
		setenv("TZ", conf.timezone, 1);
		tzset();
	}
	char err[512];
	if (route_init(err, sizeof(err)) != 0) {
		log_error("msg=\"%s\"", err);
		return 1;
	}
	route_enable_test(conf.test_routes);
	if (sodium_init() < 0 || forms_init(conf.form_secret) != 0) {
		log_error("msg=\"form_secret must be at least 32 characters; generate one "
		          "with: head -c 32 /dev/urandom | base64\" file=\"%s\"", path);
		return 1;
	}
	if (tmpl_init(conf.views_dir, err, sizeof(err)) != 0) {
		log_error("msg=\"%s\"", err);
		return 1;
	}
	/* Uploads (libvips, libmagic) and the second factor (liboath). */
	err[0] = '\0';
	if (media_init(err, sizeof(err)) != 0 || totp_init() != 0) {
		log_error("msg=\"%s\"", err[0] ? err : "liboath failed to start");
		return 1;
	}
	db_setup(&conf, 0);
	outbox_setup(&conf);
	rq_mail_setup(&conf);
	rq_notify_setup(&conf);
	db_connect(); /* if down, requests answer 503 and retry */

	if (FCGX_Init() != 0) {
		log_error("msg=\"FCGX_Init failed\"");
		return 1;
	}
	FCGX_Request rq;
	if (FCGX_InitRequest(&rq, 0, 0) != 0) {
		log_error("msg=\"FCGX_InitRequest failed\"");
		return 1;
	}
	struct arena *a = arena_new(64 * 1024);
	struct resp res;
	resp_init(&res);
	log_info("msg=\"worker ready\" conf=\"%s\"", path);

	unsigned long seq = 0;
	while (!stopping) {
		busy = 0;
		if (stopping)
			break;
		int rc = FCGX_Accept_r(&rq);
		busy = 1;
		if (rc < 0)
			break;
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		struct req r;
		memset(&r, 0, sizeof(r));
		r.a = a;
		struct ctx c = { &r, &res, &conf, PAGE__MAX, LANG_EL, "", NULL, 0 };
		unsigned long tokens = forms_tokens_issued();
		serve(&rq, &c, ++seq);
		phase_end(&c);
		phase_shared(&c, tokens);
		drain(&rq);
		size_t len;
		const char *out = resp_finish(&res, &len);
		int sent = put_all(&rq, out, len);
		/* A streamed body (resp.h): the rest, one part at a time. */
		while (sent == 0 && res.more != NULL && !res.head_only) {
			res.out.len = RESP_HEADROOM;
			int again = res.more(res.more_arg, &res.out);
			size_t part = res.out.len - RESP_HEADROOM;
			sent = put_all(&rq, res.out.p + RESP_HEADROOM, part);
			len += part;
			if (!again)
				break;
		}
		if (sent != 0)
			log_msg(LOG_WARN, r.rid, "msg=\"FCGX_PutStr failed: client "
			        "or nginx went away\" bytes=%zu", len);
		log_msg(LOG_INFO, r.rid,
		        "method=%s path=\"%s\" status=%d bytes=%zu dur_ms=%.2f%s",
		        log_safe(a, r.method_s ? r.method_s : "-"),
		        log_safe(a, r.path ? r.path : "-"), res.status,
		        len, ms_since(&t0), c.from_copy ? " copy=1" : "");
		FCGX_Finish_r(&rq);
		arena_reset(a);
		resp_reset(&res);
	}
	log_info("msg=\"worker stopping\"");
	media_shutdown();
	resp_free(&res);
	arena_free(a);
	db_close();
	tmpl_shutdown();
	route_free();
	conf_free(&conf);
	return 0;
}
