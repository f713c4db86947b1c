/*
 * test_cache.c - the per-worker result cache: fresh and stale entries,
 * replacement, and keys of any length (a page path of 8 segments of 100
 * letters is a key of ~800 bytes; the old memo freed such an entry's arena
 * while its caller went on using the value).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/arena.h"
#include "core/cache.h"

static struct cache C = { .ttl = 5 };

static int teardown(void **state)
{
	(void)state;
	cache_clear(&C);
	return 0;
}

static char *value(struct arena **a, const char *text)
{
	*a = arena_new(1024);
	return arena_strdup(*a, text);
}

static void test_put_get(void **state)
{
	(void)state;
	struct arena *a;
	char *v = value(&a, "rows");
	cache_put(&C, "menu", a, v);
	assert_ptr_equal(cache_get(&C, "menu"), v);
	assert_string_equal(cache_get(&C, "menu"), "rows");
	assert_null(cache_get(&C, "alerts"));
	assert_null(cache_get(&C, "men"));
}

static void test_long_keys(void **state)
{
	(void)state;
	char key[900];
	memset(key, 'a', sizeof(key) - 1);
	key[sizeof(key) - 1] = '\0';
	struct arena *a;
	char *v = value(&a, "deep page");
	cache_put(&C, key, a, v);
	/* The value is still ours to read (ASan would catch a freed one). */
	assert_string_equal(v, "deep page");
	assert_ptr_equal(cache_get(&C, key), v);
	key[100] = 'b'; /* the cache kept its own copy of the key */
	assert_null(cache_get(&C, key));
}

static void test_replace_and_stale(void **state)
{
	(void)state;
	struct arena *a, *b;
	char *v1 = value(&a, "one");
	cache_put(&C, "k", a, v1);
	/* A key that lives in the entry being replaced. */
	const char *k = arena_strdup(a, "k");
	char *v2 = value(&b, "two");
	cache_put(&C, k, b, v2);
	assert_string_equal(cache_get(&C, "k"), "two");

	struct cache s = { .ttl = 0 }; /* everything is stale at once */
	struct arena *c;
	char *v3 = value(&c, "old");
	cache_put(&s, "x", c, v3);
	int fresh = 1;
	assert_null(cache_get(&s, "x"));
	assert_ptr_equal(cache_lookup(&s, "x", &fresh), v3);
	assert_int_equal(fresh, 0);
	assert_null(cache_lookup(&s, "y", &fresh));
	cache_clear(&s);
	assert_null(cache_lookup(&s, "x", &fresh));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_put_get, teardown),
		cmocka_unit_test_teardown(test_long_keys, teardown),
		cmocka_unit_test_teardown(test_replace_and_stale, teardown),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("cache", tests, NULL, NULL);
}
