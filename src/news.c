/*
 * news.c - the home page and the article page.
 */
#include "news.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db_news.h"

#define HOME_ITEMS 12

static const char *article_path(struct arena *a, const char *id,
                                const char *slug)
{
	return slug != NULL && *slug ? arena_printf(a, "/news/%s-%s", id, slug)
	                             : arena_printf(a, "/news/%s", id);
}

static void fill_item(struct ctx *c, tmpl_dict *d, struct db_res *res,
                      size_t row)
{
	struct arena *a = c->r->a;
	const char *id = DB_GET(res, row, NEWS_ID);
	const char *when = DB_GET(res, row, NEWS_PUBLISHED);
	tmpl_set(d, "URL", article_path(a, id, DB_GET(res, row, NEWS_SLUG)));
	tmpl_set(d, "TITLE", DB_GET(res, row, NEWS_TITLE));
	tmpl_set(d, "SUMMARY", DB_GET(res, row, NEWS_SUMMARY));
	tmpl_set(d, "CATEGORY", DB_GET(res, row, NEWS_CATEGORY));
	tmpl_set(d, "DATE", page_date(c, when, 0));
	tmpl_set(d, "DATETIME", page_date_iso(a, when));
}

void news_home(struct ctx *c)
{
	struct db_res res;
	int rc = db_news_latest(c->r->a, HOME_ITEMS, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, T(c, "home.title"), "home.tpl", "/", &top);
	tmpl_dict *more = res.nrows > 1 ? tmpl_add(d, "MORE") : NULL;
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *item = i == 0 ? tmpl_add(d, "LEAD") : tmpl_add(more, "ITEM");
		fill_item(c, item, &res, i);
	}
	if (res.nrows == 0)
		tmpl_show(d, "EMPTY");
	page_render(c, top);
}

/* Paragraphs are separated by blank lines (CRLF or LF). */
static void add_paragraphs(tmpl_dict *d, struct arena *a, const char *body)
{
	const char *p = body;
	while (p != NULL && *p) {
		while (*p == '\n' || *p == '\r' || *p == ' ')
			p++;
		if (*p == '\0')
			break;
		const char *e = p;
		for (;;) {
			const char *nl = strchr(e, '\n');
			if (nl == NULL) {
				e = p + strlen(p);
				break;
			}
			const char *q = nl + 1;
			while (*q == ' ' || *q == '\t' || *q == '\r')
				q++;
			if (*q == '\n' || *q == '\0') {
				e = nl;
				break;
			}
			e = q;
		}
		size_t n = (size_t)(e - p);
		while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
			n--;
		tmpl_set_n(tmpl_add(d, "PARA"), "TEXT", arena_strndup(a, p, n), n);
		p = e;
	}
}

void news_article(struct ctx *c)
{
	struct arena *a = c->r->a;
	long long id = atoll(c->r->cap[0]); /* [0-9]{1,10}: fits */
	struct db_res res;
	int rc = db_news_get(a, id, &res);
	if (rc != DB_OK) {
		page_db_error(c, rc);
		return;
	}
	if (res.nrows == 0) {
		page_error(c, 404, "err.article_missing");
		return;
	}
	const char *slug = DB_GET(&res, 0, NEWS_SLUG);
	const char *want = c->r->cap[1] ? c->r->cap[1] : "";
	const char *canon = article_path(a, DB_GET(&res, 0, NEWS_ID), slug);
	if (strcmp(slug, want) != 0 || strcmp(c->r->cap[0], DB_GET(&res, 0, NEWS_ID)) != 0) {
		c->res->status = 301;
		c->res->location = canon;
		c->res->cache = "max-age=3600";
		return;
	}
	tmpl_dict *top;
	tmpl_dict *d = page_start(c, DB_GET(&res, 0, NEWS_TITLE), "article.tpl",
	                          canon, &top);
	fill_item(c, d, &res, 0);
	add_paragraphs(d, a, DB_GET(&res, 0, NEWS_BODY));
	page_render(c, top);
}

void news_list(struct ctx *c)
{
	page_error(c, 404, NULL);
}
