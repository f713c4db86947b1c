/*
 * news.c - the home page, the news lists and the article page.
 */
#include "site/news.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/civil.h"
#include "core/text.h"
#include "http/valid.h"
#include "site/db_news.h"
#include "core/cache.h"
#include "site/shared.h"
#include "comments/comments.h"

#define HOME_ITEMS 12
#define LIST_ITEMS 20 /* site.h's SITE_LATEST is one more */

/* Title, summary, category, date, URL and tender status of row. */
static void fill_item(struct ctx *c, tmpl_dict *d, const struct db_res *res,
                      size_t row)
{
	struct arena *a = c->r->a;
	const char *id = DB_GET(res, row, NEWS_ID);
	const char *when = DB_GET(res, row, NEWS_PUBLISHED);
	const char *deadline = DB_GET(res, row, NEWS_DEADLINE);
	tmpl_set(d, "URL", arena_printf(a, "%s%s", c->lp,
	                                site_item_path(a, "news", id, DB_GET(res, row, NEWS_SLUG))));
	int fb;
	tmpl_set(d, "TITLE", page_pick(c, DB_GET(res, row, NEWS_TITLE),
	                               DB_GET(res, row, NEWS_TITLE_EN), &fb));
	if (fb) /* Greek text on an English page says so (WCAG 3.1.2) */
		tmpl_show(d, "TITLE_EL");
	/* ... and an item without English is marked "(in Greek)" in a list */
	if (c->lang == LANG_EN && db_ll(res, row, NEWS_HAS_EN) == 0)
		tmpl_show(d, "IN_GREEK");
	tmpl_set(d, "SUMMARY", page_pick(c, DB_GET(res, row, NEWS_SUMMARY),
	                                 DB_GET(res, row, NEWS_SUMMARY_EN), &fb));
	if (fb)
		tmpl_show(d, "SUMMARY_EL");
	tmpl_set(d, "CATEGORY", page_pick(c, DB_GET(res, row, NEWS_CATEGORY),
	                                  DB_GET(res, row, NEWS_CATEGORY_EN), NULL));
	tmpl_set(d, "CATEGORY_URL", arena_printf(a, "%s/news/%s", c->lp,
	                                         DB_GET(res, row, NEWS_CATEGORY_SLUG)));
	tmpl_set(d, "DATE", page_date(c, when, 0));
	tmpl_set(d, "DATETIME", page_date_iso(a, when));
	long long ncom = db_ll(res, row, NEWS_COMMENTS);
	if (ncom > 0) {
		tmpl_dict *cm = tmpl_add(d, "COMMENT_COUNT");
		tmpl_set_int(cm, "N", ncom);
		tmpl_set(cm, "WORD", T(c, ncom == 1 ? "cm.count_one" : "cm.count_many"));
	}
	if (deadline != NULL) {
		char now[20];
		civil_now_text(now);
		int open = strcmp(deadline, now) > 0;
		tmpl_dict *t = tmpl_add(d, "TENDER");
		tmpl_set(t, "DEADLINE", page_date(c, deadline, 1));
		tmpl_set(t, "DEADLINE_ISO", page_date_iso(a, deadline));
		tmpl_set(t, "STATE", T(c, open ? "news.open" : "news.closed"));
		tmpl_set(t, "STATE_CLASS", open ? "open" : "closed");
		tmpl_show(t, open ? "OPEN" : "CLOSED"); /* the article's wording */
	}
}

void news_home(struct ctx *c)
{
	const struct db_res *res;
	int rc = site_latest(&res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	size_t n = res->nrows < HOME_ITEMS ? res->nrows : HOME_ITEMS;
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, T(c, "home.title"), "home.tpl", "/", &top);
	/* Residents come to do something: the tasks and the numbers first. */
	const struct conf *cf = c->conf;
	tmpl_set(d, "CONTACT_PHONE", cf->contact_phone);
	tmpl_set(d, "CONTACT_TEL", page_tel(c->r->a, cf->contact_phone));
	if (*cf->helpline_phone) {
		tmpl_dict *h = tmpl_add(d, "HELPLINE");
		tmpl_set(h, "PHONE", cf->helpline_phone);
		tmpl_set(h, "TEL", page_tel(c->r->a, cf->helpline_phone));
	}
	const char *hours = page_pick(c, cf->service_hours, cf->service_hours_en, NULL);
	if (hours != NULL && *hours)
		tmpl_set(tmpl_add(d, "HOURS"), "TEXT", hours);
	tmpl_dict *more = n > 1 ? tmpl_add(d, "MORE") : NULL;
	for (size_t i = 0; i < n; i++) {
		tmpl_dict *item = i == 0 ? tmpl_add(d, "LEAD") : tmpl_add(more, "ITEM");
		fill_item(c, item, res, i);
	}
	if (res->nrows == 0)
		tmpl_show(d, "EMPTY");
	page_render(c, top);
}

/* One page of all news (cat_slug NULL) or of one category. */
static void list_page(struct ctx *c, const char *cat_slug)
{
	struct arena *a = c->r->a;
	long long cat = 0;
	const char *cat_name = NULL, *base = "/news";
	const struct db_res *cats;
	int rc;
	long row = cat_slug != NULL ? site_category(cat_slug, &cats, &rc)
	                            : (rc = site_categories(&cats), -1);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (cat_slug != NULL) {
		if (row < 0) {
			page_error(c, 404, "news.no_category");
			return;
		}
		cat = db_ll(cats, (size_t)row, CAT_ID);
		cat_name = page_pick(c, DB_GET(cats, (size_t)row, CAT_NAME),
		                     DB_GET(cats, (size_t)row, CAT_NAME_EN), NULL);
		base = arena_printf(a, "/news/%s", cat_slug);
	}
	const char *before = req_query(c->r, "before");
	const char *after = req_query(c->r, "after");
	const char *at = NULL;
	long long id = 0;
	char dir = 'b';
	if ((before && after) ||
	    (before && !valid_cursor(a, before, &at, &id)) ||
	    (after && !valid_cursor(a, after, &at, &id))) {
		page_error(c, 400, "news.bad_cursor");
		return;
	}
	if (after)
		dir = 'a';
	/* The first page of all news is the home page's cached list. */
	struct db_res res;
	const struct db_res *latest;
	if (cat == 0 && at == NULL && (rc = site_latest(&latest)) == DB_OK)
		res = *latest;
	else
		rc = db_news_page(a, cat, dir, at, id, LIST_ITEMS + 1, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	/* One row more than shown tells whether there is a further page. */
	int more = res.nrows > LIST_ITEMS;
	size_t n = more ? LIST_ITEMS : res.nrows;
	int has_older = dir == 'a' ? at != NULL : more;
	int has_newer = dir == 'a' ? more : at != NULL;

	const char *title = cat_name ? cat_name : T(c, "news.title");
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, title, "news_list.tpl", base, &top);
	tmpl_set(d, "HEADING", title);
	tmpl_set(d, "FEED_URL", arena_printf(a, "%s%s%s", c->lp,
	                                     cat ? base : "", "/feed.atom"));
	for (size_t i = 0; i < cats->nrows; i++) {
		tmpl_dict *cd = tmpl_add(d, "CATEGORY_LINK");
		tmpl_set(cd, "URL", arena_printf(a, "%s/news/%s", c->lp, DB_GET(cats, i, CAT_SLUG)));
		tmpl_set(cd, "NAME", page_pick(c, DB_GET(cats, i, CAT_NAME), DB_GET(cats, i, CAT_NAME_EN), NULL));
		if (db_ll(cats, i, CAT_ID) == cat)
			tmpl_show(cd, "CURRENT");
	}
	tmpl_dict *all = tmpl_add(d, "ALL_LINK");
	tmpl_set(all, "URL", arena_printf(a, "%s/news", c->lp));
	if (cat == 0)
		tmpl_show(all, "CURRENT");
	tmpl_dict *list = n ? tmpl_add(d, "LIST") : NULL;
	for (size_t k = 0; k < n; k++) {
		/* Newer pages come oldest first from the database. */
		size_t i = dir == 'a' ? n - 1 - k : k;
		fill_item(c, tmpl_add(list, "ITEM"), &res, i);
	}
	if (n == 0)
		tmpl_show(d, "EMPTY");
	if (n > 0 && (has_older || has_newer)) {
		tmpl_dict *p = tmpl_add(d, "PAGER");
		size_t first = dir == 'a' ? n - 1 : 0, last = dir == 'a' ? 0 : n - 1;
		if (has_newer)
			tmpl_set(tmpl_add(p, "NEWER"), "URL",
			         arena_printf(a, "%s%s?after=%s", c->lp, base,
			                      DB_GET(&res, first, NEWS_CURSOR)));
		if (has_older)
			tmpl_set(tmpl_add(p, "OLDER"), "URL",
			         arena_printf(a, "%s%s?before=%s", c->lp, base,
			                      DB_GET(&res, last, NEWS_CURSOR)));
	}
	page_render(c, top);
}

void news_list(struct ctx *c)
{
	list_page(c, NULL);
}

void news_category(struct ctx *c)
{
	list_page(c, c->r->cap[0]);
}

static const char *human_size(struct arena *a, const char *bytes)
{
	double b = bytes ? atof(bytes) : 0;
	if (b >= 1024 * 1024)
		return arena_printf(a, "%.1f MB", b / (1024 * 1024));
	return arena_printf(a, "%.0f KB", b < 1024 ? 1 : b / 1024);
}

/*
 * Where an item is published in the state's registries (migration 0003),
 * linked where the registry has an address per item:
 *   ΑΔΑ   the decision's page on Diavgeia;
 *   ΑΔΑΜ  the notice's document (PDF) in ΚΗΜΔΗΣ's open data service,
 *         GET /khmdhs-opendata/notice/attachment/{ΑΔΑΜ}, documented at
 *         https://cerpp.eprocurement.gov.gr/khmdhs-opendata/help (the
 *         registry's search page has no address per item);
 *   ΕΣΗΔΗΣ its system number, as text: the portal has no public address
 *         per tender.
 */
#define DIAVGEIA_DECISION_URL "https://diavgeia.gov.gr/decision/view/"
#define KIMDIS_NOTICE_URL "https://cerpp.eprocurement.gov.gr/khmdhs-opendata/notice/attachment/"

/* Add the definition list of row's registry numbers to d (section FACTS);
 * 1 if it has any. */
static int registry_numbers(struct ctx *c, tmpl_dict *d,
                            const struct db_res *res, size_t row)
{
	struct arena *a = c->r->a;
	const char *ada = DB_GET(res, row, NEWS_DIAVGEIA_ADA);
	const char *adam = DB_GET(res, row, NEWS_KIMDIS_ADAM);
	const char *esidis = DB_GET(res, row, NEWS_ESIDIS_NO);
	if (ada == NULL && adam == NULL && esidis == NULL)
		return 0;
	tmpl_dict *l = tmpl_add(d, "FACTS"), *x;
	if (ada != NULL) {
		x = tmpl_add(l, "ADA");
		tmpl_set(x, "NUMBER", ada);
		tmpl_set(x, "URL", arena_printf(a, "%s%s", DIAVGEIA_DECISION_URL,
		                                text_percent_encode(a, ada)));
	}
	if (adam != NULL) {
		x = tmpl_add(l, "ADAM");
		tmpl_set(x, "NUMBER", adam);
		tmpl_set(x, "URL", arena_printf(a, "%s%s", KIMDIS_NOTICE_URL,
		                                text_percent_encode(a, adam)));
	}
	if (esidis != NULL)
		tmpl_set(tmpl_add(l, "ESIDIS"), "NUMBER", esidis);
	return 1;
}

/*
 * An article's rows (the item, its tags, attachments and related items: four
 * queries) are kept per worker for a few seconds (core/cache.h): a read article
 * is usually read again soon.
 */
struct article {
	struct db_res item, tags, files, rel;
};

static struct cache articles = { .ttl = 5 };

/* The rows of article id, from memory or the database: DB_OK or an error
 * status.  The pointer is valid until the next call. */
static int article_rows(long long id, const struct article **out)
{
	char key[24];
	snprintf(key, sizeof(key), "%lld", id);
	if ((*out = cache_get(&articles, key)) != NULL)
		return DB_OK;
	struct arena *na = arena_new(16384);
	struct article *art = arena_calloc(na, sizeof(*art));
	int rc = db_news_get(na, id, &art->item);
	if (rc == DB_OK && art->item.nrows > 0) {
		long long cat = db_ll(&art->item, 0, NEWS_CATEGORY_ID);
		if ((rc = db_news_tags(na, id, &art->tags)) == DB_OK &&
		    (rc = db_news_attachments(na, id, &art->files)) == DB_OK)
			rc = db_news_related(na, id, cat, &art->rel);
	}
	if (rc != DB_OK) {
		arena_free(na);
		return rc;
	}
	cache_put(&articles, key, na, art);
	*out = art;
	return DB_OK;
}

/* What the comments component needs to know of the article in res. */
static void article_target(struct ctx *c, const struct db_res *res,
                           struct comment_target *t)
{
	struct arena *a = c->r->a;
	const char *id = DB_GET(res, 0, NEWS_ID);
	size_t days = c->conf->comment_close_days;
	*t = (struct comment_target){
		.kind = CT_NEWS, .id = db_ll(res, 0, NEWS_ID),
		.path = site_item_path(a, "news", id, DB_GET(res, 0, NEWS_SLUG)),
		.post_path = arena_printf(a, "/news/%s/comments", id),
		.title = page_pick(c, DB_GET(res, 0, NEWS_TITLE), DB_GET(res, 0, NEWS_TITLE_EN), NULL),
		.post_moderated = strcmp(DB_GET(res, 0, NEWS_COMMENT_MODE), "post") == 0,
		.closed = db_ll(res, 0, NEWS_COMMENTS_CLOSED) != 0 ||
		          (days > 0 && db_ll(res, 0, NEWS_AGE_DAYS) > (long long)days),
		.count = db_ll(res, 0, NEWS_COMMENTS),
	};
}

/* The article page of item id; cf: its comment form as posted (shown
 * again with what was wrong: no canonical redirect, c->res->status
 * already set), or NULL. */
static void article_page(struct ctx *c, long long id, const struct comment_form *cf)
{
	struct arena *a = c->r->a;
	const struct article *art;
	int rc = article_rows(id, &art);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	struct db_res res = art->item, tags = art->tags, files = art->files,
	              rel = art->rel;
	if (res.nrows == 0) {
		page_error(c, 404, "err.article_missing");
		return;
	}
	const char *slug = DB_GET(&res, 0, NEWS_SLUG);
	const char *canon = site_item_path(a, "news", DB_GET(&res, 0, NEWS_ID), slug);
	if (cf == NULL && page_redirect_canonical(c, DB_GET(&res, 0, NEWS_ID), slug, canon))
		return;
	int fb_title, fb_body;
	const char *title = page_pick(c, DB_GET(&res, 0, NEWS_TITLE),
	                              DB_GET(&res, 0, NEWS_TITLE_EN), &fb_title);
	const char *body = page_pick_html(c, DB_GET(&res, 0, NEWS_BODY_HTML),
	                                  DB_GET(&res, 0, NEWS_BODY_EN_HTML), &fb_body);
	/* An item without English is not offered to search engines as
	 * English, on either language's page: its canonical URL (and og:url,
	 * and the shared link) is the Greek page's. */
	int has_en = db_ll(&res, 0, NEWS_HAS_EN) != 0;
	/* A comment refused: "Σφάλμα: ..." first, as every form says it. */
	const char *page_title = cf != NULL ? form_title(c, &cf->fd, title) : title;
	tmpl_dict *top;
	tmpl_dict *d = has_en ? page_start(c, page_title, "article.tpl", canon, &top)
	                      : page_start_greek(c, page_title, "article.tpl", canon, &top);
	fill_item(c, d, &res, 0);
	if (fb_title || fb_body)
		page_fallback_note(c, d);
	/* A tender (an item with a deadline): its state and registry numbers
	 * in one box in the header, and its documents before its long text -
	 * what a bidder looks for first. */
	int tender = DB_GET(&res, 0, NEWS_DEADLINE) != NULL;
	if (registry_numbers(c, d, &res, 0) || tender)
		tmpl_show(d, "TENDER_BOX");
	/* body_html is cmark-gfm output, rendered when the text was saved
	 * with raw HTML suppressed (core/md.c): the template prints it as is. */
	tmpl_dict *b = page_include(c, d, tender ? "BODY_AFTER_FILES" : "BODY_BEFORE_FILES",
	                            "article_body.tpl");
	tmpl_set(b, "BODY_HTML", body ? body : "");
	if (fb_title || fb_body)
		page_fallback_note(c, b);

	const char *url = arena_printf(a, "%s%s%s", c->conf->site_url,
	                               has_en ? c->lp : "", canon);
	const char *image = DB_GET(&res, 0, NEWS_LEAD_IMAGE);
	if (image != NULL && *image) {
		tmpl_dict *im = tmpl_add(d, "IMAGE");
		tmpl_set(im, "SRC", image);
		tmpl_set(im, "ALT", page_pick(c, DB_GET(&res, 0, NEWS_LEAD_ALT),
		                              DB_GET(&res, 0, NEWS_LEAD_ALT_EN), NULL));
		/* An upload's sizes (srcset written when saved); the demo's
		 * own images are 1200 x 630. */
		const char *srcset = DB_GET(&res, 0, NEWS_LEAD_SRCSET);
		if (srcset != NULL && *srcset)
			tmpl_set(tmpl_add(im, "SRCSET"), "V", srcset);
		const char *w = DB_GET(&res, 0, NEWS_LEAD_W), *h = DB_GET(&res, 0, NEWS_LEAD_H);
		tmpl_set(im, "W", w ? w : "1200");
		tmpl_set(im, "H", h ? h : "630");
	}
	/* Open Graph tags in the <head>, for link previews. */
	tmpl_dict *og = page_include(c, top, "HEAD_EXTRA", "og.tpl");
	tmpl_set(og, "OG_TITLE", title);
	const char *summary = page_pick(c, DB_GET(&res, 0, NEWS_SUMMARY),
	                                DB_GET(&res, 0, NEWS_SUMMARY_EN), NULL);
	tmpl_set(og, "OG_DESCRIPTION", summary);
	page_description(c, top, summary);
	tmpl_set(og, "OG_URL", url);
	tmpl_set(og, "OG_LOCALE", c->lang == LANG_EN && has_en ? "en_US" : "el_GR");
	tmpl_set(og, "OG_PUBLISHED", page_date_iso(a, DB_GET(&res, 0, NEWS_PUBLISHED)));
	if (image != NULL && *image) {
		/* Social sites ignore SVG: an SVG lead image has a PNG beside
		 * it (views/static/img/news/x.png). */
		size_t il = strlen(image);
		const char *raster = il > 4 && strcmp(image + il - 4, ".svg") == 0
		                         ? arena_printf(a, "%.*s.png", (int)(il - 4), image)
		                         : image;
		tmpl_set(tmpl_add(og, "OG_IMAGE"), "URL",
		         arena_printf(a, "%s%s", c->conf->site_url, raster));
	}
	/* Share links are plain links: no third-party script is loaded. */
	tmpl_set(d, "SHARE_URL", url);
	tmpl_set(d, "SHARE_TITLE", title);
	tmpl_set(d, "MAIL_SUBJECT", text_percent_encode(a, title));

	if (tags.nrows > 0) {
		tmpl_dict *tl = tmpl_add(d, "TAGS");
		for (size_t i = 0; i < tags.nrows; i++) {
			const char *name = page_pick(c, DB_GET(&tags, i, TAG_NAME), DB_GET(&tags, i, TAG_NAME_EN), NULL);
			tmpl_dict *t = tmpl_add(tl, "TAG");
			tmpl_set(t, "NAME", name);
			tmpl_set(t, "QUERY", name);
		}
	}
	if (files.nrows > 0) {
		tmpl_dict *fl = tmpl_add(d, "FILES");
		for (size_t i = 0; i < files.nrows; i++) {
			tmpl_dict *f = tmpl_add(fl, "FILE");
			tmpl_set(f, "TITLE", page_pick(c, DB_GET(&files, i, FILE_TITLE), DB_GET(&files, i, FILE_TITLE_EN), NULL));
			tmpl_set(f, "URL", DB_GET(&files, i, FILE_URL));
			tmpl_set(f, "TYPE", strstr(DB_GET(&files, i, FILE_MIME), "pdf") ? "PDF" : DB_GET(&files, i, FILE_MIME));
			tmpl_set(f, "SIZE", human_size(a, DB_GET(&files, i, FILE_SIZE)));
		}
	}
	if (rel.nrows > 0) {
		tmpl_dict *rl = tmpl_add(d, "RELATED");
		for (size_t i = 0; i < rel.nrows; i++) {
			tmpl_dict *r = tmpl_add(rl, "REL");
			tmpl_set(r, "URL", arena_printf(a, "%s%s", c->lp,
			                                site_item_path(a, "news", DB_GET(&rel, i, REL_ID), DB_GET(&rel, i, REL_SLUG))));
			int fb;
			tmpl_set(r, "TITLE", page_pick(c, DB_GET(&rel, i, REL_TITLE), DB_GET(&rel, i, REL_TITLE_EN), &fb));
			/* Not TITLE_EL and IN_GREEK: the article's own would
			 * show through (article.tpl). */
			if (fb)
				tmpl_show(r, "REL_EL");
			if (c->lang == LANG_EN && db_ll(&rel, i, REL_HAS_EN) == 0)
				tmpl_show(r, "REL_IN_GREEK");
			tmpl_set(r, "DATE", page_date(c, DB_GET(&rel, i, REL_PUBLISHED), 0));
			tmpl_set(r, "DATETIME", page_date_iso(a, DB_GET(&rel, i, REL_PUBLISHED)));
		}
	}
	struct comment_target t;
	article_target(c, &res, &t);
	if ((rc = comments_section(c, d, &t, cf)) != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	page_render(c, top);
}

void news_article(struct ctx *c)
{
	article_page(c, atoll(c->r->cap[0]), NULL); /* [0-9]{1,10}: fits */
}

void news_comment_post(struct ctx *c)
{
	long long id = atoll(c->r->cap[0]);
	const struct article *art;
	int rc = article_rows(id, &art);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (art->item.nrows == 0) {
		page_error(c, 404, "err.article_missing");
		return;
	}
	struct comment_target t;
	article_target(c, &art->item, &t);
	struct comment_form *cf = arena_calloc(c->r->a, sizeof(*cf));
	if (comments_post(c, &t, cf) == CP_SHOW)
		article_page(c, id, cf);
}
