/*
 * bench_fcgi.c - agora-bench-fcgi, a bare libfcgi responder for
 * script/bench: it reads one file at start (the home page as the workers
 * made it) and answers every request with those bytes, the same
 * Content-Type and nothing else - no routing, no database, no template.
 * Run under spawn-fcgi like agora.fcgi, it measures what the transport
 * (nginx, the FastCGI socket, libfcgi) costs by itself: the limit an
 * uncached Agora page can approach.  Built, never installed.
 */
#include <fcgiapp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: agora-bench-fcgi FILE (under spawn-fcgi)\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (f == NULL) {
		perror(argv[1]);
		return 1;
	}
	static char body[4 * 1024 * 1024];
	size_t n = fread(body, 1, sizeof(body), f);
	fclose(f);
	char head[256];
	int hn = snprintf(head, sizeof(head),
	                  "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
	                  "Content-Length: %zu\r\n\r\n", n);
	if (FCGX_Init() != 0)
		return 1;
	FCGX_Request rq;
	if (FCGX_InitRequest(&rq, 0, 0) != 0)
		return 1;
	while (FCGX_Accept_r(&rq) >= 0) {
		FCGX_PutStr(head, hn, rq.out);
		FCGX_PutStr(body, (int)n, rq.out);
		FCGX_Finish_r(&rq);
	}
	return 0;
}
