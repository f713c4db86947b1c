/*
 * test_pack.c - result sets as bytes and back (db/pack.h), as
 * /admin/stats keeps its figures: values, empty strings and NULLs come
 * back as they were, several sets follow one another, and a blob cut at
 * any byte, or one whose counts claim more than it holds, is refused
 * (never read past its end).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "db/pack.h"

static struct db_res make(struct arena *a, size_t rows, size_t cols, const char *const *v)
{
	struct db_res r = { .nrows = rows, .ncols = cols };
	r.v = arena_calloc(a, rows * cols * sizeof(*r.v));
	r.len = arena_calloc(a, rows * cols * sizeof(*r.len));
	for (size_t i = 0; i < rows * cols; i++) {
		r.v[i] = v[i] ? arena_strdup(a, v[i]) : NULL;
		r.len[i] = v[i] ? strlen(v[i]) : 0;
	}
	return r;
}

static void test_round_trip(void **state)
{
	(void)state;
	struct arena *a = arena_new(4096);
	static const char *const v1[] = { "2026-01", "12", "2026-02", NULL, "", "Δήμος" };
	static const char *const v2[] = { "x" };
	struct db_res r1 = make(a, 3, 2, v1), r2 = make(a, 1, 1, v2), r0 = make(a, 0, 4, v2);
	struct buf b;
	buf_init(&b, 64);
	db_res_pack(&b, &r1);
	db_res_pack(&b, &r0);
	db_res_pack(&b, &r2);
	size_t off = 0;
	struct db_res o;
	assert_int_equal(db_res_unpack(a, b.p, b.len, &off, &o), 0);
	assert_int_equal(o.nrows, 3);
	assert_int_equal(o.ncols, 2);
	for (size_t i = 0; i < 6; i++) {
		if (v1[i] == NULL) {
			assert_null(o.v[i]);
			continue;
		}
		assert_string_equal(o.v[i], v1[i]);
		assert_int_equal(o.len[i], strlen(v1[i]));
	}
	assert_int_equal(db_res_unpack(a, b.p, b.len, &off, &o), 0);
	assert_int_equal(o.nrows, 0);
	assert_int_equal(o.ncols, 4);
	assert_int_equal(db_res_unpack(a, b.p, b.len, &off, &o), 0);
	assert_string_equal(o.v[0], "x");
	assert_int_equal(off, b.len);
	/* Nothing left: refused. */
	assert_int_equal(db_res_unpack(a, b.p, b.len, &off, &o), -1);
	buf_free(&b);
	arena_free(a);
}

static void test_cut_anywhere(void **state)
{
	(void)state;
	struct arena *a = arena_new(4096);
	static const char *const v[] = { "abc", NULL, "δεκατρία", "" };
	struct db_res r = make(a, 2, 2, v);
	struct buf b;
	buf_init(&b, 64);
	db_res_pack(&b, &r);
	for (size_t n = 0; n < b.len; n++) {
		/* A copy of exactly n bytes, so a read past it is ASan's. */
		char *p = arena_alloc(a, n ? n : 1);
		memcpy(p, b.p, n);
		size_t off = 0;
		struct db_res o;
		assert_int_equal(db_res_unpack(a, p, n, &off, &o), -1);
	}
	buf_free(&b);
	arena_free(a);
}

static void test_lying_counts(void **state)
{
	(void)state;
	struct arena *a = arena_new(4096);
	/* 0xFFFFFFFF rows of 0xFFFFFFFF columns; then a value that claims 4 GB. */
	static const unsigned char huge[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const unsigned char long_value[] = { 1, 0, 0, 0, 1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff, 'x' };
	size_t off = 0;
	struct db_res o;
	assert_int_equal(db_res_unpack(a, (const char *)huge, sizeof(huge), &off, &o), -1);
	off = 0;
	assert_int_equal(db_res_unpack(a, (const char *)long_value, sizeof(long_value), &off, &o), -1);
	/* An offset already past the end. */
	off = sizeof(long_value) + 3;
	assert_int_equal(db_res_unpack(a, (const char *)long_value, sizeof(long_value), &off, &o), -1);
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_cut_anywhere),
		cmocka_unit_test(test_lying_counts),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("pack", tests, NULL, NULL);
}
