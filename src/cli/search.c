/*
 * search.c - agora-admin search reindex: the search index (search_terms,
 * site/search/index.h) rebuilt from news, pages and events, in batches of
 * REINDEX_BATCH items, each batch one transaction, so the workers search
 * while it runs (an item is found by its old words until its batch
 * commits).  Needed after content is written with SQL rather than through
 * the staff forms: agora-admin demo and migrate run it themselves.
 * Touches what index.c touches.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/arena.h"
#include "site/search/index.h"

#define REINDEX_BATCH 500

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cli_search_reindex(void)
{
	static const struct { char kind; const char *name; } kinds[] = {
		{ SEARCH_NEWS, "news items" }, { SEARCH_PAGE, "pages" },
		{ SEARCH_EVENT, "events" },
	};
	for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		double t0 = now_s();
		long long after = 0, batches = 0;
		unsigned long long rows = 0;
		for (;;) {
			/* Each batch in its own arena, freed before the next. */
			struct arena *b = arena_new(1 << 20);
			long long last;
			unsigned long long n;
			int rc = db_begin();
			if (rc == DB_OK)
				rc = search_index_batch(b, kinds[k].kind, after, REINDEX_BATCH,
				                        &last, &n);
			rc = db_end(rc);
			arena_free(b);
			if (rc != DB_OK)
				return cli_die_db("search reindex");
			if (last == 0)
				break;
			rows += n;
			after = last;
			if (++batches % 200 == 0)
				printf("search reindex: %s up to id %lld...\n", kinds[k].name, last);
		}
		printf("search reindex: %s: %llu entries in %.1f s\n", kinds[k].name, rows,
		       now_s() - t0);
	}
	return 0;
}

int cli_search(struct arena *a, const struct conf *cf, int argc, char **argv)
{
	(void)a;
	(void)cf;
	if (argc != 1 || strcmp(argv[0], "reindex") != 0) {
		fprintf(stderr, "usage: agora-admin search reindex\n");
		return 2;
	}
	return cli_search_reindex();
}
