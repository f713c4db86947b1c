/*
 * replay.c - runs a fuzz target over its committed corpus without libFuzzer,
 * as a unit test: t/fuzz/<target>.t is this file linked with
 * fuzz_<target>.c and built with CORPUS naming the folder under
 * t/fuzz/corpus.  Every file is one input; the target abort()s on a broken
 * invariant (and ASan/UBSan report under --sanitize), so a crash fails the
 * test.  Prints TAP, one line per input.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(void)
{
	const char *src = getenv("AGORA_SRCDIR");
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/t/fuzz/corpus/%s", src ? src : ".", CORPUS);
	DIR *d = opendir(dir);
	if (d == NULL) {
		printf("1..1\nnot ok 1 - opendir(\"%s\") failed\n", dir);
		return 1;
	}
	char *names[1024];
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL && n < 1024;)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(names[0]), by_name);
	printf("1..%zu\n", n ? n : 1);
	if (n == 0) {
		printf("not ok 1 - no inputs in %s\n", dir);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		char path[8192];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "rb");
		uint8_t *buf = malloc(1 << 20);
		size_t len = f && buf ? fread(buf, 1, 1 << 20, f) : 0;
		if (f == NULL || buf == NULL) {
			printf("not ok %zu - %s: cannot read\n", i + 1, names[i]);
			return 1;
		}
		fclose(f);
		/* Like libFuzzer: the input in a buffer of exactly its size. */
		uint8_t *exact = malloc(len ? len : 1);
		memcpy(exact, buf, len);
		free(buf);
		fflush(stdout);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
		printf("ok %zu - %s %s\n", i + 1, CORPUS, names[i]);
		free(names[i]);
	}
	return 0;
}
