/*
 * route.c - the route table and its matcher.  Each pattern is anchored and
 * compiled once (PCRE2, UTF mode) at start; a request is matched in table
 * order.  A path that matches some pattern but not with this method answers
 * 405 with the methods that pattern allows.  The table itself is
 * routes.def.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "http/route.h"

#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "core/arena.h"

static const struct route routes[PAGE__MAX] = {
#define ROUTE(name, methods, pattern, handler, perm, flags) \
	[PAGE_##name] = { #name, (methods), (pattern), (perm), (flags) },
#include "http/routes.def"
#undef ROUTE
};

#define NROUTES PAGE__MAX

static pcre2_code *compiled[NROUTES];
static pcre2_match_data *md;
static int test_enabled;

const struct route *route_get(enum page p)
{
	return p < PAGE__MAX ? &routes[p] : NULL;
}

int route_has(enum page p, unsigned f)
{
	return p < PAGE__MAX && (routes[p].flags & f) == f;
}

/* Plain paths, unescaped once at start ("\\." -> "."). */
static const char *plain[PAGE__MAX];
static char plain_buf[PAGE__MAX][64];

static void find_plain_paths(void)
{
	for (size_t i = 0; i < NROUTES; i++) {
		const char *s = routes[i].pattern;
		char *o = plain_buf[i];
		size_t n = 0;
		plain[i] = NULL;
		for (; *s && n + 1 < sizeof(plain_buf[i]); s++) {
			if (*s == '\\' && s[1] == '.')
				s++;
			else if (strchr("()[]{}?*+|^$.\\", *s))
				break;
			o[n++] = *s;
		}
		o[n] = '\0';
		if (*s == '\0')
			plain[i] = o;
	}
}

const char *route_path(enum page p)
{
	return p < PAGE__MAX ? plain[p] : NULL;
}

void route_enable_test(int on)
{
	test_enabled = on;
}

/* The rules every line of routes.def must follow; 0, or -1 with the
 * first broken one in err. */
static int check_table(char *err, size_t errlen)
{
	for (size_t i = 0; i < NROUTES; i++) {
		const struct route *r = &routes[i];
		const char *why = NULL;
		if (r->pattern == NULL || r->pattern[0] != '/')
			why = "pattern must start with /";
		else if (r->methods == 0 || (r->methods & ~(unsigned)(GH | M_POST)))
			why = "methods must be GH or M_POST";
		else if ((r->methods & M_POST) && !(r->flags & R_BODY))
			why = "a POST page must read its body (R_BODY)";
		else if ((r->methods & M_POST) && r->perm != PERM_PUBLIC &&
		         !(r->flags & R_CSRF))
			why = "a staff POST page must check CSRF (R_CSRF)";
		else if (r->perm != PERM_PUBLIC && strncmp(r->pattern, "/admin", 6) != 0)
			why = "a staff page must be under /admin (nginx never caches it)";
		else if ((r->flags & R_CSRF) && !(r->methods & M_POST))
			why = "R_CSRF is for POST pages";
		else if (r->perm >= PERM__MAX)
			why = "unknown permission";
		if (why != NULL) {
			snprintf(err, errlen, "routes.def %s: %s", r->name, why);
			return -1;
		}
	}
	return 0;
}

int route_init(char *err, size_t errlen)
{
	if (check_table(err, errlen) != 0)
		return -1;
	for (size_t i = 0; i < NROUTES; i++) {
		int ec;
		PCRE2_SIZE off;
		compiled[i] = pcre2_compile(
		    (PCRE2_SPTR)routes[i].pattern, PCRE2_ZERO_TERMINATED,
		    PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED |
		        PCRE2_NO_UTF_CHECK,
		    &ec, &off, NULL);
		if (compiled[i] == NULL) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(ec, msg, sizeof(msg));
			snprintf(err, errlen, "route \"%s\": %s at offset %zu",
			         routes[i].pattern, (char *)msg, (size_t)off);
			return -1;
		}
		/* No JIT: a path is matched against a few short anchored
		 * patterns in microseconds anyway, and JIT code is opaque to
		 * valgrind (false "uninitialised value" reports). */
	}
	find_plain_paths();
	md = pcre2_match_data_create(8, NULL);
	return md == NULL ? -1 : 0;
}

void route_free(void)
{
	for (size_t i = 0; i < NROUTES; i++) {
		pcre2_code_free(compiled[i]);
		compiled[i] = NULL;
	}
	pcre2_match_data_free(md);
	md = NULL;
}

static void add_allow(char *allow, size_t len, unsigned methods)
{
	static const struct {
		unsigned m;
		const char *name;
	} names[] = { { M_GET, "GET" }, { M_HEAD, "HEAD" }, { M_POST, "POST" } };
	for (size_t i = 0; i < 3; i++) {
		if (!(methods & names[i].m) || strstr(allow, names[i].name))
			continue;
		if (*allow)
			strncat(allow, ", ", len - strlen(allow) - 1);
		strncat(allow, names[i].name, len - strlen(allow) - 1);
	}
}

enum route_result route_match(struct arena *a, enum req_method m,
                              const char *path, enum page *page,
                              const char *cap[4], const char **allow)
{
	char allowed[64] = "";
	unsigned seen = 0;
	size_t plen = strlen(path);
	for (int i = 0; i < 4; i++)
		cap[i] = NULL;
	for (size_t i = 0; i < NROUTES; i++) {
		if ((routes[i].flags & R_TEST) && !test_enabled)
			continue;
		/* The path was UTF-8 checked by the caller (req.c). */
		int rc = pcre2_match(compiled[i], (PCRE2_SPTR)path, plen, 0,
		                     PCRE2_NO_UTF_CHECK, md, NULL);
		if (rc < 0)
			continue;
		if (!(routes[i].methods & m)) {
			seen |= routes[i].methods;
			continue;
		}
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		for (int c = 1; c < rc && c <= 4; c++) {
			if (ov[2 * c] == PCRE2_UNSET)
				continue;
			cap[c - 1] = arena_strndup(a, path + ov[2 * c],
			                           ov[2 * c + 1] - ov[2 * c]);
		}
		*page = (enum page)i;
		return ROUTE_FOUND;
	}
	if (seen == 0)
		return ROUTE_NOT_FOUND;
	add_allow(allowed, sizeof(allowed), seen);
	if (allow != NULL)
		*allow = arena_strdup(a, allowed);
	return ROUTE_BAD_METHOD;
}
