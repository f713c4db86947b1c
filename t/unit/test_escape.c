/*
 * test_escape.c - templates escape what they are given.  The templates in
 * t/unit/views use ctemplate's HTML auto-escaping, as every view does; the
 * tests fill them with hostile and Greek values through tmpl.h and check
 * the rendered bytes: markup and quotes are escaped in text and attributes,
 * a javascript: URL in href is neutralised, a :u value is URL-encoded, Greek
 * passes unchanged.  Loading a directory with a broken template must fail
 * and name the file; that runs in a fresh process (this program re-run with
 * --tmpl-init DIR) because the template cache is process-wide and frozen
 * after the first load, and a forked child would inherit it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "view/tmpl.h"

static struct arena *A;
static char views[4096];

/* $AGORA_SRCDIR/t/unit/views, else the views directory beside this file. */
static void find_views(void)
{
	const char *src = getenv("AGORA_SRCDIR");

	if (src && *src) {
		snprintf(views, sizeof views, "%s/t/unit/views", src);
	} else {
		const char *slash = strrchr(__FILE__, '/');
		int n = slash ? (int)(slash - __FILE__) : 1;
		snprintf(views, sizeof views, "%.*s/views", n, slash ? __FILE__ : ".");
	}
}

static int setup(void **state)
{
	char err[512] = "";

	(void)state;
	find_views();
	A = arena_new(4096);
	if (tmpl_init(views, err, sizeof err) != 0) {
		print_message("# tmpl_init(\"%s\") failed: %s\n", views, err);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A); /* frees the dictionaries first */
	A = NULL;
	tmpl_shutdown();
	return 0;
}

/* The element with this id, from its start to the end of its line. */
static const char *line_of(const char *html, const char *id, char *out, size_t n)
{
	char key[64];
	const char *p, *e;

	snprintf(key, sizeof key, "id=\"%s\"", id);
	p = strstr(html, key);
	if (!p)
		return "(missing)";
	while (p > html && p[-1] != '\n')
		p--;
	e = strchr(p, '\n');
	snprintf(out, n, "%.*s", e ? (int)(e - p) : (int)strlen(p), p);
	return out;
}

struct row {
	const char *id;
	const char *want; /* the whole rendered line */
};

static const struct row rows[] = {
	{ "text", "<p id=\"text\">&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;"
	          "&lt;/script&gt;</p>" },
	{ "greek", "<p id=\"greek\">Καλημέρα Μυτιλήνη · «Αγορά» ς</p>" },
	{ "bad", "<a id=\"bad\" href=\"#\" title=\"a&quot;b&#39;c&lt;d&gt;&amp;\">link</a>" },
	{ "good", "<a id=\"good\" href=\"https://example.org/a?b=1&amp;c=2\">link</a>" },
	{ "n", "<p id=\"n\">-42</p>" },
	{ "len", "<p id=\"len\">abc</p>" },
	{ "note", "<p id=\"note\">note Δήμος &lt;Μυτιλήνης&gt;</p>" },
};

static void test_render(void **state)
{
	(void)state;
	struct buf b;
	tmpl_dict *d = tmpl_dict_new(A);
	tmpl_dict *s;
	char line[1024];
	int failed = 0;

	buf_init(&b, 256);
	tmpl_set(d, "TEXT", "<script>alert('x') & \"y\"</script>");
	tmpl_set(d, "GREEK", "Καλημέρα Μυτιλήνη · «Αγορά» ς");
	tmpl_set(d, "URL", "javascript:alert(1)");
	tmpl_set(d, "T", "a\"b'c<d>&");
	tmpl_set(d, "URL2", "https://example.org/a?b=1&c=2");
	tmpl_set(d, "Q", "a b&c=δ<");
	tmpl_set_int(d, "N", -42);
	tmpl_set_n(d, "LEN", "abcdef", 3);
	s = tmpl_add(d, "SEC");
	tmpl_set(s, "ITEM", "<b>one</b>");
	s = tmpl_add(d, "SEC");
	tmpl_set(s, "ITEM", "δύο");
	tmpl_show(d, "NOTE");
	s = tmpl_include(d, LANG_EL, "INC", "inc.tpl");
	tmpl_set(s, "FOOT", "\"©\" & '");
	tmpl_set_global(d, "SITE", "Δήμος <Μυτιλήνης>");

	assert_int_equal(tmpl_render("esc.tpl", LANG_EL, d, &b), 0);
	assert_non_null(b.p);
	assert_int_equal(strlen(b.p), b.len);

	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const char *got = line_of(b.p, rows[i].id, line, sizeof line);
		if (strcmp(got, rows[i].want) != 0) {
			print_message("# row %zu (id=%s):\n#   want %s\n#   got  %s\n", i,
			              rows[i].id, rows[i].want, got);
			failed++;
		}
	}
	if (failed)
		print_message("# rendered:\n# %s\n", b.p);
	assert_int_equal(failed, 0);

	/* sections and the include, with the global value everywhere */
	assert_non_null(strstr(b.p, "<ul><li>&lt;b&gt;one&lt;/b&gt; Δήμος &lt;Μυτιλήνης&gt;</li>"
	                            "<li>δύο Δήμος &lt;Μυτιλήνης&gt;</li></ul>"));
	assert_non_null(strstr(b.p, "<footer>&quot;©&quot; &amp; &#39; Δήμος &lt;Μυτιλήνης&gt;"
	                            "</footer>"));
	assert_null(strstr(b.p, "secret"));
	assert_null(strstr(b.p, "<script"));
	assert_null(strstr(b.p, "javascript:"));
	assert_null(strstr(b.p, "{{"));

	/* :u encodes everything that is not safe in a query value */
	line_of(b.p, "search", line, sizeof line);
	if (!strstr(line, "q=a+b%26c%3D%CE%B4%3C\"") &&
	    !strstr(line, "q=a%20b%26c%3D%CE%B4%3C\""))
		print_message("# search line: %s\n", line);
	assert_true(strstr(line, "q=a+b%26c%3D%CE%B4%3C\"") != NULL ||
	            strstr(line, "q=a%20b%26c%3D%CE%B4%3C\"") != NULL);

	buf_free(&b);
}

/* Rendering appends: what the buffer held stays in front. */
static void test_render_appends(void **state)
{
	(void)state;
	struct buf b;
	tmpl_dict *d = tmpl_dict_new(A);

	buf_init(&b, 16);
	buf_adds(&b, "HEAD:");
	tmpl_set(d, "FOOT", "x");
	assert_int_equal(tmpl_render("inc.tpl", LANG_EL, d, &b), 0);
	assert_int_equal(strncmp(b.p, "HEAD:", 5), 0);
	assert_non_null(strstr(b.p, "<footer>x </footer>"));
	buf_free(&b);
}

static void test_unknown_template(void **state)
{
	(void)state;
	struct buf b;
	tmpl_dict *d = tmpl_dict_new(A);

	buf_init(&b, 64);
	assert_int_equal(tmpl_render("no-such.tpl", LANG_EL, d, &b), -1);
	assert_int_equal(tmpl_render("", LANG_EL, d, &b), -1);
	assert_int_equal(tmpl_render("../views/esc.tpl", LANG_EL, d, &b), -1);
	buf_free(&b);
}

/* Run tmpl_init(dir) in a fresh process (this program with --tmpl-init);
 * its return value comes back as the exit status, its message on a pipe. */
static int init_in_child(const char *dir, char *err, size_t errlen)
{
	int fd[2];
	pid_t pid;
	int status;
	ssize_t n;
	size_t got = 0;

	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		if (dup2(fd[1], STDOUT_FILENO) < 0)
			_exit(98);
		execl("/proc/self/exe", "escape.t", "--tmpl-init", dir, (char *)NULL);
		_exit(99);
	}
	close(fd[1]);
	while (got + 1 < errlen &&
	       (n = read(fd[0], err + got, errlen - 1 - got)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		assert_true(n > 0);
		got += (size_t)n;
	}
	err[got] = '\0';
	close(fd[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_true(WEXITSTATUS(status) <= 1);
	return WEXITSTATUS(status) == 0 ? 0 : -1;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static void remove_dir(const char *dir, const char *const *names)
{
	char path[4096];

	for (; *names; names++) {
		snprintf(path, sizeof path, "%s/%s", dir, *names);
		unlink(path);
	}
	rmdir(dir);
}

static void test_broken_template(void **state)
{
	(void)state;
	char dir[] = "/tmp/agora-tmpl-XXXXXX";
	static const char *const names[] = { "good.tpl", "bad.tpl", NULL };
	char err[1024];

	assert_non_null(mkdtemp(dir));
	write_file(dir, "good.tpl", "{{%AUTOESCAPE context=\"HTML\"}}\n<p>{{X}}</p>\n");
	write_file(dir, "bad.tpl",
	           "{{%AUTOESCAPE context=\"HTML\"}}\n{{#OPEN}}<p>never closed</p>\n");
	int rc = init_in_child(dir, err, sizeof err);
	remove_dir(dir, names);
	print_message("# broken template: rc %d, \"%s\"\n", rc, err);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "bad.tpl"));
}

/* The good directory loads in a fresh process too (a control for the
 * test above), and an empty or missing directory is an error. */
static void test_init_dirs(void **state)
{
	(void)state;
	char dir[] = "/tmp/agora-tmpl-XXXXXX";
	static const char *const none[] = { NULL };
	char err[1024];

	assert_int_equal(init_in_child(views, err, sizeof err), 0);

	assert_non_null(mkdtemp(dir));
	assert_int_equal(init_in_child(dir, err, sizeof err), -1);
	assert_true(err[0] != '\0');
	remove_dir(dir, none);
	assert_int_equal(init_in_child(dir, err, sizeof err), -1);
	assert_true(err[0] != '\0');
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--tmpl-init") == 0) {
		char err[1024] = "";
		int rc = tmpl_init(argv[2], err, sizeof err);
		fputs(err, stdout);
		return rc == 0 ? 0 : 1;
	}

	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_render_appends),
		cmocka_unit_test(test_unknown_template),
		cmocka_unit_test(test_broken_template),
		cmocka_unit_test(test_init_dirs),
	};

	cmocka_set_message_output(CM_OUTPUT_TAP);
	return cmocka_run_group_tests_name("escape", tests, setup, teardown);
}
