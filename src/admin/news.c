/*
 * news.c (admin) - editing news items (admin/news.h).
 *
 * One declared form serves creating and editing; its buttons say what to
 * do: preview (nothing saved: the page shows the item as the portal will
 * and the form again), save as a draft, or publish (now, or at the
 * publication time given: a time to come schedules it, and the public
 * queries hide it until then - db/public.h).  A save renders the Markdown
 * once (core/md.c), stores a revision of every field and writes the audit
 * log, in one transaction.  Two editors saving the same item: the second
 * is told, with what they typed kept (the form carries the version it was
 * opened at).  A creating form's one-time token is stored with the item,
 * so sending it twice creates one item.
 */
#include "admin/news.h"
#include "site/search/index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/audit.h"
#include "admin/db_news.h"
#include "admin/editing.h"
#include "admin/revision.h"
#include "admin/ui.h"
#include "core/arena.h"
#include "core/civil.h"
#include "core/md.h"
#include "core/slug.h"
#include "core/text.h"
#include "core/utf8.h"
#include "db/db.h"
#include "http/form.h"
#include "http/session.h"
#include "http/valid.h"
#include "media/db_media.h"
#include "media/media.h"
#include "media/serve.h"
#include "site/db_news.h"
#include "site/shared.h"
#include "view/layout.h"

enum {
	F_CATEGORY, F_TITLE, F_TITLE_EN, F_SUMMARY, F_SUMMARY_EN, F_BODY,
	F_BODY_EN, F_IMAGE, F_IMAGE_REMOVE, F_IMAGE_ALT, F_IMAGE_ALT_EN,
	F_DOC, F_DOC_TITLE, F_DOC_TITLE_EN,
	F_PUBLISHED, F_DEADLINE, F_ADA, F_ADAM, F_ESIDIS, F_VERSION, F__N
};

/* The table; category's choices come from the database (fields_for). */
static const struct fdef fields[F__N] = {
	[F_CATEGORY] = { .name = "category", .kind = F_CHOICE, .flags = F_REQUIRED,
	                 .label = "adm.news.f_category", .err = "adm.news.err_category" },
	[F_TITLE] = { .name = "title", .kind = F_TEXT, .flags = F_REQUIRED | F_PAIR,
	              .max = 300, .label = "adm.news.f_title", .err = "adm.news.err_title" },
	[F_TITLE_EN] = { .name = "title_en", .kind = F_TEXT, .max = 300,
	                 .label = "adm.news.f_title_en", .err = "adm.news.err_title" },
	[F_SUMMARY] = { .name = "summary", .kind = F_TEXTAREA, .flags = F_PAIR,
	                .max = 1000, .rows = 3, .label = "adm.news.f_summary",
	                .hint = "adm.news.h_summary", .err = "adm.news.err_summary" },
	[F_SUMMARY_EN] = { .name = "summary_en", .kind = F_TEXTAREA, .max = 1000,
	                   .rows = 3, .label = "adm.news.f_summary_en",
	                   .err = "adm.news.err_summary" },
	[F_BODY] = { .name = "body", .kind = F_TEXTAREA, .flags = F_REQUIRED | F_PAIR,
	             .max = 200000, .rows = 16, .label = "adm.news.f_body",
	             .hint = "adm.news.h_body", .err = "adm.news.err_body" },
	[F_BODY_EN] = { .name = "body_en", .kind = F_TEXTAREA, .max = 200000,
	                .rows = 16, .label = "adm.news.f_body_en",
	                .err = "adm.news.err_body" },
	/* Any file: what it is, libmagic says (media/media.c); the size
	 * limit is the request parser's (max_file). */
	[F_IMAGE] = { .name = "image", .kind = F_FILE, .max = (long long)1 << 40,
	              .label = "adm.news.f_image", .hint = "adm.news.h_image",
	              .err = "media.err_type" },
	[F_IMAGE_REMOVE] = { .name = "image_remove", .kind = F_CHECKBOX,
	                     .label = "adm.news.f_image_remove", .err = "adm.news.err_title" },
	[F_IMAGE_ALT] = { .name = "image_alt", .kind = F_TEXT, .flags = F_PAIR, .max = 300,
	                  .label = "adm.news.f_image_alt", .hint = "adm.news.h_image_alt",
	                  .err = "adm.news.err_alt" },
	[F_IMAGE_ALT_EN] = { .name = "image_alt_en", .kind = F_TEXT, .max = 300,
	                     .label = "adm.news.f_image_alt_en", .err = "adm.news.err_alt" },
	[F_DOC] = { .name = "document", .kind = F_FILE, .max = (long long)1 << 40,
	            .label = "adm.news.f_document", .hint = "adm.news.h_document",
	            .err = "media.err_type" },
	[F_DOC_TITLE] = { .name = "document_title", .kind = F_TEXT, .flags = F_PAIR,
	                  .max = 300, .label = "adm.news.f_document_title",
	                  .err = "adm.news.err_document_title" },
	[F_DOC_TITLE_EN] = { .name = "document_title_en", .kind = F_TEXT, .max = 300,
	                     .label = "adm.news.f_document_title_en",
	                     .err = "adm.news.err_document_title" },
	[F_PUBLISHED] = { .name = "published_at", .kind = F_DATETIME, .flags = F_PAIR,
	                  .label = "adm.news.f_published", .hint = "adm.news.h_published",
	                  .err = "adm.news.err_datetime" },
	[F_DEADLINE] = { .name = "deadline", .kind = F_DATETIME,
	                 .label = "adm.news.f_deadline", .hint = "adm.news.h_deadline",
	                 .err = "adm.news.err_datetime" },
	[F_ADA] = { .name = "diavgeia_ada", .kind = F_TEXT, .max = 20, .flags = F_PAIR,
	            .label = "adm.news.f_ada", .hint = "adm.news.h_ada",
	            .err = "adm.news.err_ada" },
	[F_ADAM] = { .name = "kimdis_adam", .kind = F_TEXT, .max = 15,
	             .label = "adm.news.f_adam", .hint = "adm.news.h_adam",
	             .err = "adm.news.err_adam" },
	[F_ESIDIS] = { .name = "esidis_no", .kind = F_INT, .min = 1, .max = 99999999,
	               .label = "adm.news.f_esidis", .err = "adm.news.err_esidis" },
	[F_VERSION] = { .name = "version", .kind = F_HIDDEN, .max = 14,
	                .err = "adm.news.err_title" },
};

static const struct fbutton buttons[] = {
	{ "preview", "adm.news.b_preview", 1 },
	{ "draft", "adm.news.b_draft", 1 },
	{ "publish", "adm.news.b_publish", 0 },
};

/* The fields in revisions and the comparison, with their labels. */
static const char *const rev_labels[] = {
	"category", "adm.news.f_category", "title", "adm.news.f_title",
	"title_en", "adm.news.f_title_en", "summary", "adm.news.f_summary",
	"summary_en", "adm.news.f_summary_en", "body", "adm.news.f_body",
	"body_en", "adm.news.f_body_en", "status", "adm.news.f_status",
	"published_at", "adm.news.f_published", "deadline", "adm.news.f_deadline",
	"diavgeia_ada", "adm.news.f_ada", "kimdis_adam", "adm.news.f_adam",
	"esidis_no", "adm.news.f_esidis", "image", "adm.news.f_image",
	"image_alt", "adm.news.f_image_alt", "image_alt_en", "adm.news.f_image_alt_en",
	NULL,
};

/* The form for this request: the table with the categories as choices. */
static int form_for(struct ctx *c, const char *action, struct form *f)
{
	struct arena *a = c->r->a;
	const struct db_res *cats;
	int rc = site_categories(&cats);
	if (rc != DB_OK)
		return rc;
	struct fdef *t = arena_alloc(a, sizeof(fields));
	memcpy(t, fields, sizeof(fields));
	const char **v = arena_calloc(a, (cats->nrows + 1) * sizeof(*v));
	const char **l = arena_calloc(a, (cats->nrows + 1) * sizeof(*l));
	for (size_t i = 0; i < cats->nrows; i++) {
		v[i] = db_str(cats, i, CAT_ID);
		l[i] = page_pick(c, db_str(cats, i, CAT_NAME), db_str(cats, i, CAT_NAME_EN), NULL);
	}
	t[F_CATEGORY].choices = v;
	t[F_CATEGORY].choice_text = l;
	*f = (struct form){ .id = "news", .action = action, .submit = "adm.news.b_publish",
	                    .fields = t, .n = F__N, .buttons = buttons,
	                    .nbuttons = sizeof(buttons) / sizeof(buttons[0]) };
	return DB_OK;
}

/* A decision number of Diavgeia (ΑΔΑ): 6-10 digits or capital Greek
 * letters, a hyphen, 1-3 more (the CHECK of migration 0003). */
static int valid_ada(const char *s)
{
	int part = 0, n = 0;
	size_t len = strlen(s);
	while (len > 0) {
		unsigned cp;
		int k = utf8_decode(s, len, &cp);
		if (k <= 0)
			return 0;
		if (cp == '-' && part == 0) {
			if (n < 6 || n > 10)
				return 0;
			part = 1;
			n = 0;
		} else if ((cp >= '0' && cp <= '9') ||
		           (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)) {
			n++;
		} else {
			return 0;
		}
		s += k;
		len -= (size_t)k;
	}
	return part == 1 && n >= 1 && n <= 3;
}

/* A notice's number in ΚΗΜΔΗΣ (ΑΔΑΜ): 24PROC015123456. */
static int valid_adam(const char *s)
{
	if (strlen(s) != 15 || strncmp(s + 2, "PROC", 4) != 0)
		return 0;
	for (int i = 0; i < 15; i++)
		if ((i < 2 || i >= 6) && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

static const char *val(const struct form_data *fd, int i)
{
	return fd->v[i].s;
}

/* The rules a field table cannot say. */
static void check_more(struct form_data *fd)
{
	if (val(fd, F_ADA) && !valid_ada(val(fd, F_ADA)))
		form_error(fd, "diavgeia_ada", "adm.news.err_ada");
	if (val(fd, F_ADAM) && !valid_adam(val(fd, F_ADAM)))
		form_error(fd, "kimdis_adam", "adm.news.err_adam");
}

/* "2026-12-01 10:30:00" / "2026-12-01T10:30" etc. are what the form shows. */
static void fill_from_row(struct form_data *fd, const struct db_res *res)
{
	static const struct { int f; int col; } map[] = {
		{ F_CATEGORY, NE_CATEGORY }, { F_TITLE, NE_TITLE },
		{ F_TITLE_EN, NE_TITLE_EN }, { F_SUMMARY, NE_SUMMARY },
		{ F_SUMMARY_EN, NE_SUMMARY_EN }, { F_BODY, NE_BODY },
		{ F_BODY_EN, NE_BODY_EN }, { F_PUBLISHED, NE_PUBLISHED },
		{ F_IMAGE_ALT, NE_IMAGE_ALT }, { F_IMAGE_ALT_EN, NE_IMAGE_ALT_EN },
		{ F_DEADLINE, NE_DEADLINE }, { F_ADA, NE_ADA }, { F_ADAM, NE_ADAM },
		{ F_ESIDIS, NE_ESIDIS }, { F_VERSION, NE_VERSION },
	};
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		const char *v = db_str(res, 0, map[i].col);
		fd->v[map[i].f].raw = v ? v : "";
	}
}

/* The page of the form: new (id 0) or item id, its state, the preview. */
static void render(struct ctx *c, struct form_data *fd, long long id,
                   const struct db_res *row, int preview)
{
	struct arena *a = c->r->a;
	const char *title = id ? T(c, "adm.news.edit_title") : T(c, "adm.news.new_title");
	tmpl_dict *top;
	tmpl_dict *d = admin_start(c, form_title(c, fd, title), "admin/news_edit.tpl", &top);
	tmpl_set(d, "HEADING", title);
	static const char *const notices[] = {
		"draft", "adm.news.done_draft", "published", "adm.news.done_published",
		"scheduled", "adm.news.done_scheduled", "restore", "adm.news.done_restore",
		"file_removed", "adm.news.done_file_removed", NULL };
	admin_notice(c, d, notices);
	if (id && row != NULL) {
		tmpl_dict *s = tmpl_add(d, "ITEM");
		const char *base = arena_printf(a, "%s/admin/news/%lld", c->lp, id);
		tmpl_set(s, "BASE", base);
		tmpl_set(s, "PUBLIC_URL", arena_printf(a, "%s/news/%lld", c->lp, id));
		const char *st = db_str(row, 0, NE_STATUS);
		const char *when = db_str(row, 0, NE_PUBLISHED);
		if (strcmp(st, "draft") == 0)
			tmpl_show(s, "DRAFT");
		else if (db_ll(row, 0, NE_FUTURE))
			tmpl_set(tmpl_add(s, "SCHEDULED"), "WHEN", admin_time(c, when));
		else
			tmpl_set(tmpl_add(s, "PUBLISHED"), "WHEN", admin_time(c, when));
		struct db_res files;
		if (db_adm_news_files(a, id, &files) == DB_OK && files.nrows > 0) {
			tmpl_dict *fl = tmpl_add(s, "FILES");
			for (size_t i = 0; i < files.nrows; i++) {
				tmpl_dict *x = tmpl_add(fl, "FILE");
				tmpl_set(x, "TITLE", db_str(&files, i, AF_TITLE));
				tmpl_set(x, "URL", db_str(&files, i, AF_URL));
				tmpl_set(x, "REMOVE", arena_printf(a, "%s/files/%s/delete", base,
				                                   db_str(&files, i, AF_ID)));
			}
		}
		const char *img = db_str(row, 0, NE_IMAGE);
		if (img != NULL && *img) {
			tmpl_dict *im = tmpl_add(s, "IMAGE");
			tmpl_set(im, "SRC", img);
			tmpl_set(im, "ALT", db_str(row, 0, NE_IMAGE_ALT));
		}
	}
	if (preview) {
		tmpl_dict *p = tmpl_add(d, "PREVIEW");
		int en = c->lang == LANG_EN && val(fd, F_TITLE_EN) != NULL;
		tmpl_set(p, "TITLE", en ? val(fd, F_TITLE_EN) : val(fd, F_TITLE));
		const char *sum = en && val(fd, F_SUMMARY_EN) ? val(fd, F_SUMMARY_EN)
		                                              : val(fd, F_SUMMARY);
		if (sum)
			tmpl_set(tmpl_add(p, "SUMMARY"), "TEXT", sum);
		const char *body = en && val(fd, F_BODY_EN) ? val(fd, F_BODY_EN) : val(fd, F_BODY);
		tmpl_dict *b = page_include(c, p, "BODY", "article_body.tpl");
		tmpl_set(b, "BODY_HTML", md_render(a, body, en ? "/en" : ""));
	}
	form_fill(c, d, fd);
	admin_render(c, top);
}

void adm_news_new(struct ctx *c)
{
	struct form f;
	struct form_data fd;
	int rc = form_for(c, "/admin/news/new", &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_new(c, &f, &fd);
	render(c, &fd, 0, NULL, 0);
}

/* The row of the item in the route, or an answer (404, 503): NULL. */
static const struct db_res *load(struct ctx *c, long long id)
{
	return edit_load(c, db_adm_news_get, id, 0, "adm.news.err_missing");
}

void adm_news_edit(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c), r;
	const struct db_res *row = load(c, id);
	/* ?revision=R: the form filled with that revision, to save again
	 * (the save then notes where it came from). */
	if (row == NULL || !edit_revision(c, &r))
		return;
	struct form f;
	struct form_data fd;
	int rc = form_for(c, r ? arena_printf(a, "/admin/news/%lld?restored=%lld", id, r)
	                       : arena_printf(a, "/admin/news/%lld", id), &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	form_new(c, &f, &fd);
	fill_from_row(&fd, row);
	if (r && !edit_restore(c, "news", id, r, &fd, "adm.news.restoring"))
		return;
	render(c, &fd, id, row, 0);
}

/* The "before -> after" of a save, for the audit log. */
static const char *summary_of(struct arena *a, const struct db_res *old,
                              const struct adm_news *n)
{
	if (old == NULL)
		return arena_printf(a, "created (%s): %s", n->status, n->title);
	const char *out = "";
	const char *ost = db_str(old, 0, NE_STATUS);
	if (strcmp(ost, n->status) != 0)
		out = arena_printf(a, "status %s → %s; ", ost, n->status);
	static const struct { int col; const char *name; } cols[] = {
		{ NE_TITLE_EN, "title_en" }, { NE_SUMMARY, "summary" },
		{ NE_BODY, "body" }, { NE_BODY_EN, "body_en" },
	};
	const char *vals[] = { n->title_en, n->summary, n->body, n->body_en };
	for (size_t i = 0; i < 4; i++) {
		const char *o = db_str(old, 0, cols[i].col);
		if (strcmp(o ? o : "", vals[i] ? vals[i] : "") != 0)
			out = arena_printf(a, "%s%s changed; ", out, cols[i].name);
	}
	if (strcmp(db_str(old, 0, NE_TITLE), n->title) != 0)
		out = arena_printf(a, "%stitle \"%s\" → \"%s\"; ", out,
		                   db_str(old, 0, NE_TITLE), n->title);
	return *out ? out : "saved without changes";
}

/* The lead image's columns from its files: the one shown is the widest
 * up to 1280 pixels (the smallest when all are wider), the srcset lists
 * them all. */
static void lead_image(struct arena *a, const struct media_out *mo,
                       struct adm_news *n)
{
	const struct media_file *shown = &mo->files[0];
	const char *srcset = "";
	for (size_t i = 0; i < mo->nfiles; i++) {
		const struct media_file *f = &mo->files[i];
		const char *url = arena_printf(a, "/media/%s.%s", f->sha256, media_ext(f->mime));
		srcset = arena_printf(a, "%s%s%s %uw", srcset, *srcset ? ", " : "", url, f->width);
		if (f->width <= 1280)
			shown = f;
	}
	n->image = arena_printf(a, "/media/%s.%s", shown->sha256, media_ext(shown->mime));
	n->srcset = srcset;
	n->image_w = arena_printf(a, "%u", shown->width);
	n->image_h = arena_printf(a, "%u", shown->height);
}

/* Create (id 0) or save item id from the request: the whole POST. */
static void save(struct ctx *c, long long id)
{
	struct arena *a = c->r->a;
	const char *action_path = !id ? "/admin/news/new"
	    : edit_action(c, arena_printf(a, "/admin/news/%lld", id));
	struct form f;
	struct form_data fd;
	int rc = form_for(c, action_path, &f);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	const struct db_res *row = NULL;
	if (id && (row = load(c, id)) == NULL)
		return;
	form_parse(c, &f, &fd);
	check_more(&fd);
	const char *action = form_action(c, &f);
	if (action == NULL)
		action = "draft";
	int preview = strcmp(action, "preview") == 0;
	/* A new lead image: checked and re-encoded now (never in preview),
	 * stored with the item in the transaction below. */
	struct media_out mo;
	const struct upload *up = fd.v[F_IMAGE].file;
	int status = form_status(&fd);
	if (up != NULL && !preview) {
		const char *why;
		enum media_status ms = media_process(a, up->data, up->len, NULL, &mo, &why);
		if (ms == MEDIA_OK && mo.kind != MEDIA_IMAGE) {
			ms = MEDIA_UNSUPPORTED;
			why = "adm.news.err_not_image";
		}
		if (ms != MEDIA_OK) {
			form_error(&fd, "image", why);
			status = media_http_status(ms);
			up = NULL;
		}
	}
	/* A document to attach: a PDF, kept as sent. */
	struct media_out doc;
	const struct upload *docup = fd.v[F_DOC].file;
	if (docup != NULL && !preview) {
		const char *why;
		enum media_status ms = media_process(a, docup->data, docup->len, NULL,
		                                     &doc, &why);
		if (ms == MEDIA_OK && doc.kind != MEDIA_PDF) {
			ms = MEDIA_UNSUPPORTED;
			why = "adm.news.err_not_pdf";
		}
		if (ms != MEDIA_OK) {
			form_error(&fd, "document", why);
			status = media_http_status(ms);
			docup = NULL;
		} else if (val(&fd, F_DOC_TITLE) == NULL) {
			form_error(&fd, "document_title", "adm.news.err_document_title");
		}
	}
	int keep = row && db_str(row, 0, NE_IMAGE) && !fd.v[F_IMAGE_REMOVE].i;
	if ((up != NULL || keep) && val(&fd, F_IMAGE_ALT) == NULL &&
	    fd.v[F_IMAGE].err == NULL)
		form_error(&fd, "image_alt", "adm.news.err_alt");
	if (fd.nerr || fd.token_bad || preview) {
		/* Preview: every value as typed, nothing saved.  Its token is
		 * kept: the form can still be saved once. */
		preview = preview && fd.nerr == 0;
		c->res->status = preview ? 200 : status;
		render(c, &fd, id, row, preview);
		return;
	}
	struct adm_news n = {
		.category = atoll(val(&fd, F_CATEGORY)),
		.title = val(&fd, F_TITLE), .title_en = val(&fd, F_TITLE_EN),
		.summary = val(&fd, F_SUMMARY) ? val(&fd, F_SUMMARY) : "",
		.summary_en = val(&fd, F_SUMMARY_EN),
		.body = val(&fd, F_BODY), .body_en = val(&fd, F_BODY_EN),
		.status = strcmp(action, "publish") == 0 ? "published" : "draft",
		.published_at = val(&fd, F_PUBLISHED), .deadline = val(&fd, F_DEADLINE),
		.ada = val(&fd, F_ADA), .adam = val(&fd, F_ADAM),
		.esidis = val(&fd, F_ESIDIS),
		.user_id = c->staff->id,
	};
	if (keep) {
		n.image = db_str(row, 0, NE_IMAGE);
		n.srcset = db_str(row, 0, NE_SRCSET);
		n.image_w = db_str(row, 0, NE_IMAGE_W);
		n.image_h = db_str(row, 0, NE_IMAGE_H);
		n.media_id = db_str(row, 0, NE_MEDIA_ID);
	}
	if (n.image != NULL || up != NULL) {
		n.image_alt = val(&fd, F_IMAGE_ALT);
		n.image_alt_en = val(&fd, F_IMAGE_ALT_EN);
	}
	n.body_html = md_render(a, n.body, "");
	n.body_en_html = n.body_en ? md_render(a, n.body_en, "/en") : NULL;
	n.slug = slug_make(a, n.title);
	if (n.published_at == NULL) {
		char now[20];
		civil_now_text(now);
		n.published_at = arena_strdup(a, now);
	}
	rc = db_begin();
	const struct db_res *cur = NULL;
	if (rc == DB_OK && id) {
		/* Locked: who saved since the form was opened? */
		struct db_res *lk = arena_alloc(a, sizeof(*lk));
		rc = db_adm_news_get(a, id, 1, lk);
		if (rc == DB_OK && lk->nrows == 0)
			rc = DB_ERR;
		cur = lk;
		const char *ver = fd.v[F_VERSION].raw;
		if (rc == DB_OK && strcmp(ver, db_str(lk, 0, NE_VERSION)) != 0) {
			db_rollback();
			form_set(&fd, "version", db_str(lk, 0, NE_VERSION));
			fd.err = "adm.news.err_conflict";
			c->res->status = 409;
			render(c, &fd, id, lk, 0);
			return;
		}
	}
	if (rc == DB_OK && up != NULL) {
		long long mid;
		rc = db_media_store(a, &mo, up->filename, n.image_alt, n.image_alt_en,
		                    c->staff->id, &mid);
		lead_image(a, &mo, &n);
		n.media_id = arena_printf(a, "%lld", mid);
	}
	int dup = 0;
	if (rc == DB_OK && id)
		rc = db_adm_news_update(a, id, &n);
	else if (rc == DB_OK) {
		rc = db_adm_news_insert(a, &n, fd.token, &id);
		if (rc == DB_DUP && id) {
			dup = 1;
			rc = DB_OK;
		}
	}
	if (rc == DB_OK && !dup && docup != NULL) {
		long long mid;
		const struct media_file *df = &doc.files[0];
		rc = db_media_store(a, &doc, docup->filename, NULL, NULL, c->staff->id, &mid);
		if (rc == DB_OK)
			rc = db_adm_news_file_add(a, id, val(&fd, F_DOC_TITLE),
			                          val(&fd, F_DOC_TITLE_EN),
			                          arena_printf(a, "/media/%s.pdf", df->sha256),
			                          df->mime, (long long)df->len);
		if (rc == DB_OK)
			rc = audit_staff(c, "news_file_add", "news", arena_printf(a, "%lld", id),
			                 arena_printf(a, "attached \"%s\" (%s, %zu bytes)",
			                              val(&fd, F_DOC_TITLE), docup->filename,
			                              df->len));
	}
	if (rc == DB_OK && !dup) {
		struct rev_field rf[] = {
			{ "category", val(&fd, F_CATEGORY) }, { "title", n.title },
			{ "title_en", n.title_en }, { "summary", n.summary },
			{ "summary_en", n.summary_en }, { "body", n.body },
			{ "body_en", n.body_en }, { "status", n.status },
			{ "published_at", fd.v[F_PUBLISHED].raw }, { "deadline", fd.v[F_DEADLINE].raw },
			{ "diavgeia_ada", n.ada }, { "kimdis_adam", n.adam },
			{ "esidis_no", n.esidis }, { "image", n.image },
			{ "image_alt", n.image_alt }, { "image_alt_en", n.image_alt_en },
		};
		rc = revision_save(c, "news", id, edit_restored_note(c), rf,
		                   sizeof(rf) / sizeof(rf[0]));
		if (rc == DB_OK)
			rc = search_index_item(a, SEARCH_NEWS, id);
		if (rc == DB_OK)
			rc = audit_staff(c, cur ? "news_update" : "news_create", "news",
			                 arena_printf(a, "%lld", id), summary_of(a, cur, &n));
	}
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	/* This worker's caches now; the others' within their lifetime. */
	site_invalidate();
	char now[20];
	civil_now_text(now);
	const char *done = strcmp(n.status, "draft") == 0 ? "draft"
	                 : strcmp(n.published_at, now) > 0 ? "scheduled" : "published";
	admin_redirect(c, arena_printf(a, "/admin/news/%lld?done=%s", id, done));
}

void adm_news_create(struct ctx *c)
{
	save(c, 0);
}

void adm_news_save(struct ctx *c)
{
	save(c, edit_id(c));
}

void adm_news_delete_ask(struct ctx *c)
{
	long long id = edit_id(c);
	const struct db_res *row = load(c, id);
	if (row == NULL)
		return;
	edit_confirm(c, "adm.news.delete_title", "adm.news.delete_question",
	             db_str(row, 0, NE_TITLE),
	             arena_printf(c->r->a, "/admin/news/%lld/delete", id),
	             arena_printf(c->r->a, "/admin/news/%lld", id));
}

void adm_news_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c);
	int rc = db_begin();
	struct db_res row;
	if (rc == DB_OK)
		rc = db_adm_news_get(a, id, 1, &row);
	if (rc == DB_OK && row.nrows == 0) {
		db_rollback();
		page_error(c, 404, "adm.news.err_missing");
		return;
	}
	if (rc == DB_OK)
		rc = db_adm_news_delete(a, id);
	if (rc == DB_OK)
		rc = search_unindex_item(a, SEARCH_NEWS, id);
	if (rc == DB_OK)
		rc = audit_staff(c, "news_delete", "news", arena_printf(a, "%lld", id),
		                 arena_printf(a, "deleted (%s): %s", db_str(&row, 0, NE_STATUS),
		                              db_str(&row, 0, NE_TITLE)));
	rc = db_end(rc);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	site_invalidate();
	admin_redirect(c, "/admin/news?done=deleted");
}

void adm_news_file_delete(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = edit_id(c), fid = atoll(c->r->cap[1]);
	const char *title = "";
	int rc = db_begin();
	if (rc == DB_OK)
		rc = db_adm_news_file_remove(a, id, fid, &title);
	if (rc == DB_OK && *title == '\0') {
		db_rollback();
		page_error(c, 404, "adm.news.err_missing");
		return;
	}
	if (rc == DB_OK)
		rc = audit_staff(c, "news_file_remove", "news", arena_printf(a, "%lld", id),
		                 arena_printf(a, "attachment \"%s\" removed", title));
	admin_commit(c, rc, arena_printf(a, "/admin/news/%lld?done=file_removed", id));
}

static const struct edit_kind kind = {
	"news", "/admin/news", db_adm_news_get, NE_TITLE, "adm.news.err_missing", rev_labels,
};

void adm_news_revisions(struct ctx *c)
{
	edit_revisions(c, &kind);
}

void adm_news_diff(struct ctx *c)
{
	edit_diff(c, &kind);
}
