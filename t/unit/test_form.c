/*
 * test_form.c - form_parse() over field tables: typed values and per-field
 * errors, what was typed kept (trimmed, CRLF as LF), undeclared fields
 * never looked at, the one-time token checked, and a table built at run
 * time from rows (as the per-category questions of citizens' requests
 * will be) parsed by the same code.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "http/form.h"
#include "http/token.h"

static struct arena *A;
static struct req R;
static struct resp RES;
static struct ctx C;

static int setup(void **state)
{
	(void)state;
	A = arena_new(8192);
	if (forms_init("a test secret of at least thirty-two characters") != 0)
		return -1;
	R.a = A;
	C.r = &R;
	C.res = &RES;
	C.lang = LANG_EL;
	C.lp = "";
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

/* The request's form: name=value pairs, NULL-terminated. */
static void form_of(const char *const *kv)
{
	struct field *head = NULL, **tail = &head;
	for (size_t i = 0; kv[i]; i += 2) {
		struct field *f = arena_calloc(A, sizeof(*f));
		f->name = kv[i];
		f->val = kv[i + 1];
		f->len = strlen(kv[i + 1]);
		*tail = f;
		tail = &f->next;
	}
	R.form = head;
}

static const char *const channels[] = { "phone", "web", "walk-in", NULL };
static const struct fdef fields[] = {
	{ .name = "name", .kind = F_TEXT, .max = 5, .label = "l", .err = "e.name" },
	{ .name = "note", .kind = F_TEXTAREA, .flags = F_REQUIRED, .min = 1, .max = 20,
	  .label = "l", .err = "e.note", .err_missing = "e.note_missing" },
	{ .name = "email", .kind = F_EMAIL, .max = 254, .label = "l", .err = "e.email" },
	{ .name = "phone", .kind = F_PHONE, .max = 30, .label = "l", .err = "e.phone" },
	{ .name = "n", .kind = F_INT, .min = 1, .max = 10, .label = "l", .err = "e.n" },
	{ .name = "when", .kind = F_DATETIME, .label = "l", .err = "e.when" },
	{ .name = "channel", .kind = F_CHOICE, .choices = channels, .label = "l", .err = "e.ch" },
	{ .name = "ok", .kind = F_CHECKBOX, .flags = F_REQUIRED, .label = "l", .err = "e.ok" },
};
static const struct form F = { .id = "t", .action = "/t", .submit = "s",
	.fields = fields, .n = sizeof(fields) / sizeof(fields[0]) };

static void test_valid(void **state)
{
	(void)state;
	const char *kv[] = { "token", forms_token(A, "t"), "name", "  Ελένη ",
		"note", "α\r\nβ", "email", "e@example.gr", "phone", "22513 50500",
		"n", "7", "when", "2026-12-01T09:30", "channel", "web", "ok", "1",
		"is_admin", "1", NULL };
	form_of(kv);
	struct form_data fd;
	assert_int_equal(form_parse(&C, &F, &fd), 0);
	assert_string_equal(form_value(&fd, "name")->s, "Ελένη"); /* 5 characters */
	assert_string_equal(form_value(&fd, "note")->s, "α\nβ");
	assert_int_equal(form_value(&fd, "n")->i, 7);
	assert_string_equal(form_value(&fd, "when")->s, "2026-12-01 09:30:00");
	assert_string_equal(form_value(&fd, "channel")->s, "web");
	assert_int_equal(form_value(&fd, "ok")->i, 1);
	assert_null(form_value(&fd, "is_admin")); /* never declared, never read */
	assert_false(fd.token_bad);
}

static void test_errors_keep_what_was_typed(void **state)
{
	(void)state;
	const char *kv[] = { "token", "forged", "name", "Ελένη!", "note", " \r\n ",
		"email", "e@", "phone", "12", "n", "11", "when", "2026-02-30T10:00",
		"channel", "fax", NULL };
	form_of(kv);
	struct form_data fd;
	int bad = form_parse(&C, &F, &fd);
	assert_int_equal(fd.nerr, 8);
	assert_int_equal(bad, 9); /* and the token */
	assert_true(fd.token_bad);
	assert_true(strlen(fd.token) == 43); /* a fresh one to send again */
	assert_string_equal(form_value(&fd, "name")->err, "e.name");
	assert_string_equal(form_value(&fd, "name")->raw, "Ελένη!");
	assert_null(form_value(&fd, "name")->s);
	assert_string_equal(form_value(&fd, "note")->err, "e.note_missing");
	assert_string_equal(form_value(&fd, "email")->err, "e.email");
	assert_string_equal(form_value(&fd, "phone")->err, "e.phone");
	assert_string_equal(form_value(&fd, "n")->raw, "11");
	assert_string_equal(form_value(&fd, "when")->err, "e.when");
	assert_string_equal(form_value(&fd, "channel")->raw, "fax");
	assert_string_equal(form_value(&fd, "ok")->err, "e.ok");
}

/* A table made from rows at run time, like the per-category questions. */
static void test_runtime_table(void **state)
{
	(void)state;
	static const char *const rows[][3] = { /* name, kind, required */
		{ "q_depth", "int", "1" }, { "q_where", "text", "0" },
	};
	struct fdef *d = arena_calloc(A, 2 * sizeof(*d));
	for (size_t i = 0; i < 2; i++) {
		d[i].name = arena_strdup(A, rows[i][0]);
		d[i].kind = strcmp(rows[i][1], "int") == 0 ? F_INT : F_TEXT;
		d[i].flags = rows[i][2][0] == '1' ? F_REQUIRED : 0;
		d[i].max = d[i].kind == F_INT ? 500 : 100;
		d[i].label = "l";
		d[i].err = "e.q";
	}
	struct form f = { .id = "cat-7", .action = "/x", .submit = "s", .fields = d, .n = 2 };
	const char *kv[] = { "token", forms_token(A, "cat-7"), "q_depth", "40", NULL };
	form_of(kv);
	struct form_data fd;
	assert_int_equal(form_parse(&C, &f, &fd), 0);
	assert_int_equal(form_value(&fd, "q_depth")->i, 40);
	assert_null(form_value(&fd, "q_where")->s); /* empty, not required */
	/* A token of another form is not this one's. */
	const char *kv2[] = { "token", forms_token(A, "t"), "q_depth", "40", NULL };
	form_of(kv2);
	assert_int_equal(form_parse(&C, &f, &fd), 1);
	assert_true(fd.token_bad);
}

/* An upload: declared type and size checked; a missing file is empty. */
static void test_file(void **state)
{
	(void)state;
	static const char *const images[] = { "image/jpeg", "image/png", NULL };
	static const struct fdef fd_file[] = {
		{ .name = "photo", .kind = F_FILE, .max = 8, .types = images, .label = "l",
		  .err = "e.photo" },
	};
	struct form f = { .id = "p", .action = "/x", .submit = "s", .fields = fd_file, .n = 1 };
	struct upload u = { .name = "photo", .filename = "a.png", .ctype = "image/png",
	                    .data = "\x89PNG", .len = 4 };
	const char *kv[] = { "token", forms_token(A, "p"), NULL };
	form_of(kv);
	struct form_data fd;
	R.files = &u;
	assert_int_equal(form_parse(&C, &f, &fd), 0);
	assert_ptr_equal(form_value(&fd, "photo")->file, &u);
	u.ctype = "text/html";
	assert_int_equal(form_parse(&C, &f, &fd), 1);
	assert_string_equal(form_value(&fd, "photo")->err, "e.photo");
	u.ctype = "image/png";
	u.len = 9;
	assert_int_equal(form_parse(&C, &f, &fd), 1);
	R.files = NULL;
	assert_int_equal(form_parse(&C, &f, &fd), 0);
	assert_null(form_value(&fd, "photo")->file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_errors_keep_what_was_typed),
		cmocka_unit_test(test_runtime_table),
		cmocka_unit_test(test_file),
	};
	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("form", tests, setup, teardown);
}
