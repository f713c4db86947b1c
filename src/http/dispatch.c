/*
 * dispatch.c - the handler of every page, generated from routes.def.  This
 * is the one file that names every service's handlers; it holds nothing
 * else, so the matcher (route.c) and its tests need none of them.
 */
#include "admin/account.h"
#include "admin/audit.h"
#include "admin/comments.h"
#include "admin/dashboard.h"
#include "admin/login.h"
#include "admin/news.h"
#include "admin/pages.h"
#include "admin/events.h"
#include "admin/alerts.h"
#include "admin/departments.h"
#include "admin/request_phone.h"
#include "requests/reporter.h"
#include "admin/requests.h"
#include "admin/users.h"
#include "admin/outbox.h"
#include "help/public.h"
#include "http/ctx.h"
#include "help/pharmacy.h"
#include "help/reports.h"
#include "help/volunteers.h"
#include "help/export.h"

#include "http/testing.h"
#include "media/serve.h"
#include "open311/api.h"
#include "open311/keys.h"
#include "open311/page.h"
#include "open311/post.h"
#include "requests/submit.h"
#include "requests/list.h"
#include "requests/follow.h"
#include "requests/notify.h"
#include "requests/stats.h"
#include "comments/reader.h"
#include "help/case.h"
#include "help/intake.h"
#include "help/people.h"
#include "help/queue.h"
#include "help/tasks.h"
#include "http/health.h"
#include "site/accessibility.h"
#include "site/events.h"
#include "site/feed.h"
#include "site/news.h"
#include "site/pages.h"
#include "site/search/search.h"
#include "site/sitemap.h"

static const page_handler handlers[PAGE__MAX] = {
#define ROUTE(name, methods, pattern, handler, perm, flags) [PAGE_##name] = handler,
#include "http/routes.def"
#undef ROUTE
};

page_handler dispatch_handler(enum page p)
{
	return p < PAGE__MAX ? handlers[p] : NULL;
}
