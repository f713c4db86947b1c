// t/browser/axe.mjs - Agora in a real browser: axe-core (WCAG 2.1 A/AA)
// finds no violation on every public page type (home, news lists, a tender
// category, an article with a table and attachments, deep and directory
// pages, events, an event, search with and without results, the
// accessibility statement and its 422 error page; Greek and English) at
// desktop and phone widths, with no sideways scrolling, no sub-resource that
// fails to load and no console error; on a phone (390x844) the page's own
// content starts in the upper half of the first screen; at 320 px (WCAG
// 1.4.10 reflow) every page type, a wide table too, has no sideways
// scrolling and the search button inside the viewport; the home page works with JavaScript
// disabled; the first Tab reaches a visible skip link; every field of the
// accessibility feedback form shows a visible focus indicator, and an empty
// submission shows an error summary that links to the message field.
//
// Run by `make check` (node --test --test-reporter=tap, through automake's
// tap-driver) with AGORA_SRCDIR and AGORA_BUILDDIR set; by hand:
//
//   (cd t/browser && npm ci)
//   AGORA_SRCDIR=$PWD AGORA_BUILDDIR=$PWD/build node --test --test-reporter=tap t/browser/axe.mjs
//
// It starts its own private stack exactly as the Perl harness does (see
// stack.mjs), drives Debian's /usr/bin/chromium through playwright-core
// (pinned in package.json to the release that targets that Chromium), and
// saves full-page screenshots in $AGORA_BUILDDIR/screenshots/ for a look by
// eye.  AGORA_KEEP=1 keeps the stack's temporary directory.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, HERE, NODE_MODULES, SHOTS, Stack, TIMEOUT, WCAG_TAGS, axeSource, launchBrowser,
    runSuite, stubTimers, tearDown } from './stack.mjs';

// The widths of this file's contexts, each with the context's isMobile (a
// phone's touch and viewport), unlike stack.mjs's plain DESKTOP and NARROW.
const WIDTHS = [
    { name: 'desktop', width: 1280, height: 800, mobile: false },
    { name: 'phone', width: 390, height: 844, mobile: true },
];
// WCAG 1.4.10 (reflow): content usable at 320 CSS pixels wide without
// scrolling sideways.
const NARROW = { name: 'narrow', width: 320, height: 568, mobile: true };

// ---- prerequisites: fail loudly, never skip ------------------------------------

// Stricter than stack.mjs's missingPrerequisite(): axe-core and a chromium
// that can run, each named in its own message.
function missingPrerequisite() {
    if (!fs.existsSync(path.join(NODE_MODULES, 'playwright-core', 'package.json')) ||
        !fs.existsSync(path.join(NODE_MODULES, 'axe-core', 'axe.min.js'))) {
        return `${NODE_MODULES} is missing or incomplete: ` +
            `run \`npm ci\` in ${HERE} (script/test does that)`;
    }
    try {
        fs.accessSync(CHROMIUM, fs.constants.X_OK);
    } catch {
        return `${CHROMIUM} is missing: apt-get install -y chromium (script/test installs it)`;
    }
    return null;
}

await runSuite(suite, missingPrerequisite());

// ---- the tests -------------------------------------------------------------------

async function suite() {
    let stack;
    let browser;
    const contexts = new Map();   // WIDTHS[i].name -> the one context at that width
    // Found by the discovery tests below, used by the page tests.
    let articlePath;              // first article on the home page
    let tenderPath;               // first article on /news/prokirixeis with a table and attachments
    let eventPath;                // first event on /events
    let wideTablePath;            // an article on /news with a table of 4 columns or more
    let requestPath;              // a citizen's request (made by SQL below), with a point on the map
    let commentsPath;             // an article with readers' comments (the demo's)

    before(async () => {
        // The map of requests draws its tiles from our own host (any image
        // will do): the tests never depend on a tile server on the internet,
        // and the CSP's img-src 'self' covers it.
        stack = await Stack.start({ conf: { map_tile_url: '/static/leaflet/images/layers.png?z={z}&x={x}&y={y}' } });
        fs.mkdirSync(SHOTS, { recursive: true });
        browser = await launchBrowser();
        for (const w of [...WIDTHS, NARROW]) contexts.set(w.name, await newContext(w));
    }, { timeout: 3 * TIMEOUT });

    after(() => tearDown(browser, stack), { timeout: 3 * TIMEOUT });

    // A context at one width.  The pages' Content-Security-Policy
    // ("script-src 'self'") stays in force: axe is evaluated through the
    // DevTools protocol (page.evaluate), which CSP does not govern, so a
    // CSP violation by the page itself still shows up as a console error.
    async function newContext(w, { javaScriptEnabled = true } = {}) {
        const context = await browser.newContext({
            viewport: { width: w.width, height: w.height },
            isMobile: w.mobile,
            hasTouch: w.mobile,
            deviceScaleFactor: 1,
            javaScriptEnabled,
            locale: 'el-GR',
        });
        context.setDefaultTimeout(TIMEOUT / 2);
        return context;
    }

    // A new page (tab) in the shared context at width w, or in `context`.
    // It records sub-resources that fail to load (a missing stylesheet or
    // image is a broken page even when axe is happy), uncaught script
    // errors and console errors.  Documents that answer an error status on
    // purpose (404, 422) make Chromium log "Failed to load resource" for
    // the document itself: load() asserts that status, so those lines are
    // left out.
    async function openPage(w, context = contexts.get(w.name)) {
        const page = await context.newPage();
        const broken = [];
        const errors = [];
        const errorDocs = new Set();
        page.on('response', (res) => {
            if (res.request().isNavigationRequest()) {
                if (res.status() >= 400) errorDocs.add(res.url().replace(/#.*/, ''));
                return;
            }
            if (res.status() >= 400) broken.push(`${res.status()} ${res.url()}`);
        });
        page.on('requestfailed', (req) => {
            broken.push(`failed ${req.url()}: ${req.failure()?.errorText}`);
        });
        page.on('pageerror', (e) => errors.push(`uncaught: ${e}`));
        page.on('console', (msg) => {
            if (msg.type() !== 'error') return;
            const where = msg.location()?.url ?? '';
            if (/^Failed to load resource: the server responded with a status of \d+/.test(msg.text()) &&
                errorDocs.has(where.replace(/#.*/, ''))) return;
            errors.push(`console: ${msg.text()} (${where})`);
        });
        return { page, broken, errors };
    }

    function checkResponse(res, what, status) {
        assert.ok(res, `no response for ${what}`);
        assert.equal(res.status(), status, `${what} answers ${status}`);
        assert.match(res.headers()['content-type'] ?? '', /^text\/html/i, `${what} is HTML`);
    }

    async function load(page, urlPath, status) {
        const res = await page.goto(stack.url(urlPath), { waitUntil: 'load' });
        checkResponse(res, `GET ${urlPath}`, status);
    }

    // Send the accessibility feedback form with `submit` (a click or a key
    // press) and wait for the answer, a 422 page with an error summary.
    // The response arrives before the new document replaces the old one:
    // wait for the summary, then for the new document's load event.
    async function submitFeedback(page, submit, what) {
        const [res] = await Promise.all([
            page.waitForResponse((r) => r.request().isNavigationRequest() &&
                r.request().method() === 'POST'),
            submit(),
        ]);
        checkResponse(res, what, 422);
        const summary = page.locator('.error-summary');
        const shown = await summary.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
        assert.ok(shown, `the error summary is visible after ${what}`);
        await page.waitForLoadState('load');
        return summary;
    }

    async function screenshot(page, name, w) {
        await page.screenshot({ path: path.join(SHOTS, `${name}-${w.width}.png`), fullPage: true });
    }

    // The HTML of a page, fetched without a browser (for the discovery tests).
    async function fetchHTML(urlPath) {
        const res = await fetch(stack.url(urlPath));
        assert.equal(res.status, 200, `GET ${urlPath} answers 200`);
        return res.text();
    }

    function mainOf(html) {
        const m = /<main\b[\s\S]*?<\/main>/i.exec(html);
        return m ? m[0] : '';
    }

    function hrefs(html, re) {
        const out = [];
        for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)) {
            const p = new URL(m[1].replace(/&amp;/g, '&'), stack.baseURL).pathname;
            if (re.test(p) && !out.includes(p)) out.push(p);
        }
        return out;
    }

    // Fuller than stack.mjs's formatViolations(): each rule's URL, and what
    // axe says is wrong with each element.
    function formatViolations(violations, label) {
        const lines = [`${violations.length} axe violation(s) on ${label}:`];
        for (const v of violations) {
            lines.push(`- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})`);
            for (const n of v.nodes) {
                lines.push(`    target: ${JSON.stringify(n.target)}`);
                lines.push(`    html:   ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`);
                if (n.failureSummary) {
                    lines.push(`    ${n.failureSummary.replace(/\n\s*/g, '\n    ')}`);
                }
            }
        }
        return lines.join('\n');
    }

    const AXE_OPTIONS = {
        runOnly: { type: 'tag', values: WCAG_TAGS },
        resultTypes: ['violations', 'incomplete'],
    };

    // What axe could not decide ("incomplete": contrast over an image,
    // text hidden by a transform ...) is for a person to look at: every
    // such result is collected here and listed by the last test.
    const incomplete = new Map();   // rule id -> { help, pages: Set }

    async function axe(page) {
        await page.evaluate(axeSource());
        const ok = await page.evaluate(() => typeof window.axe?.run === 'function');
        assert.ok(ok, 'axe-core loaded into the page');
        const results = await page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);
        const where = new URL(page.url()).pathname + new URL(page.url()).search;
        for (const r of results.incomplete ?? []) {
            if (!incomplete.has(r.id)) incomplete.set(r.id, { help: r.help, nodes: 0, pages: new Set() });
            const e = incomplete.get(r.id);
            e.nodes += r.nodes.length;
            e.pages.add(where);
        }
        return results;
    }

    // With JavaScript disabled the page's own timers never fire, so axe
    // would never finish: stubTimers() first (stack.mjs says how), then
    // axe's source in the page.
    async function axeWithoutScripts(page) {
        await stubTimers(page);
        return axe(page);
    }

    function assertNoViolations(results, label, minRules = 11) {
        // axe really ran: it checked the page against a good number of
        // rules (fewer apply to nginx's bare pages: minRules).
        assert.ok(results.passes.length + results.violations.length >= minRules,
            `axe evaluated only ${results.passes.length + results.violations.length} rules on ${label}`);
        const v = results.violations;
        assert.equal(v.length, 0, v.length ? formatViolations(v, label) : '');
    }

    function assertNothingBroken(broken, errors, label) {
        assert.deepEqual(broken, [], `sub-resources that did not load on ${label}`);
        assert.deepEqual(errors, [], `script or console errors on ${label}`);
    }

    // Nothing wider than the viewport: no sideways scrolling.  On failure
    // name the elements that stick out, the widest first.
    async function assertNoSidewaysScroll(page, label) {
        const r = await page.evaluate(() => {
            const de = document.documentElement;
            const overflow = de.scrollWidth - de.clientWidth;
            const culprits = [];
            if (overflow > 0) {
                for (const el of document.body.querySelectorAll('*')) {
                    const b = el.getBoundingClientRect();
                    if (b.width > 0 && b.right > de.clientWidth + 0.5) {
                        const cls = typeof el.className === 'string' && el.className
                            ? '.' + el.className.trim().split(/\s+/).join('.') : '';
                        culprits.push({ right: Math.round(b.right),
                            what: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}` });
                    }
                }
                culprits.sort((a, b) => b.right - a.right);
            }
            return { overflow, width: de.clientWidth, culprits: culprits.slice(0, 8) };
        });
        assert.ok(r.overflow <= 0,
            `${label}: the page is ${r.overflow}px wider than the ${r.width}px viewport; ` +
            `sticking out: ${r.culprits.map(c => `${c.what} (right edge ${c.right}px)`).join(', ')}`);
    }

    // The page's own content (<main>) starts in the upper half of the first
    // screen: the alert and the header leave room for it.
    async function assertContentInFirstScreen(page, label) {
        const r = await page.evaluate(() => ({
            main: Math.round(document.querySelector('main').getBoundingClientRect().top + window.scrollY),
            h1: Math.round(document.querySelector('main h1')?.getBoundingClientRect().bottom ?? -1),
            screen: window.innerHeight,
        }));
        assert.ok(r.main <= r.screen / 2,
            `${label}: <main> starts at ${r.main}px, below the upper half of the ${r.screen}px screen`);
        assert.ok(r.h1 > 0 && r.h1 <= r.screen, `${label}: the <h1> ends at ${r.h1}px, not in the first screen`);
    }

    // The site search's button is wholly inside the viewport.
    async function assertSearchButtonVisible(page, label) {
        const r = await page.evaluate(() => {
            const b = document.querySelector('form.site-search button[type="submit"]')?.getBoundingClientRect();
            return b && { left: b.left, right: b.right, width: b.width, vw: document.documentElement.clientWidth };
        });
        assert.ok(r, `${label}: the search form has a submit button`);
        assert.ok(r.width > 0 && r.left >= 0 && r.right <= r.vw + 0.5,
            `${label}: the search button (${Math.round(r.left)}-${Math.round(r.right)}px) is not inside the ${r.vw}px viewport`);
    }

    // ---- discovery: the pages the audits need that are found by link ----

    test('the home page links to an article (a[href^="/news/"])', { timeout: TIMEOUT }, async () => {
        const links = hrefs(mainOf(await fetchHTML('/')), /^\/news\/\d+/);
        assert.ok(links.length > 0, 'at least one article link in <main> on the home page');
        articlePath = links[0];
    });

    test('/news/prokirixeis links to an article with a table and attachments', { timeout: TIMEOUT }, async () => {
        const links = hrefs(mainOf(await fetchHTML('/news/prokirixeis')), /^\/news\/\d+-/);
        assert.ok(links.length > 0, 'at least one article link on /news/prokirixeis');
        for (const p of links) {
            const main = mainOf(await fetchHTML(p));
            if (/<table\b/i.test(main) && /class="attachments"/.test(main)) {
                tenderPath = p;
                return;
            }
        }
        assert.fail(`none of the ${links.length} articles on /news/prokirixeis has both a <table> ` +
            `and a section.attachments: ${links.join(', ')}`);
    });

    test('/news links to an article with a table of 4 columns or more', { timeout: TIMEOUT }, async () => {
        const links = hrefs(mainOf(await fetchHTML('/news')), /^\/news\/\d+-/);
        for (const p of links) {
            const main = mainOf(await fetchHTML(p));
            for (const t of main.match(/<table\b[\s\S]*?<\/table>/gi) ?? []) {
                const head = /<thead>[\s\S]*?<\/thead>/i.exec(t)?.[0] ?? '';
                if ((head.match(/<th\b/gi) ?? []).length >= 4) {
                    wideTablePath = p;
                    return;
                }
            }
        }
        assert.fail(`none of the ${links.length} articles on /news has a table of 4 columns or more`);
    });

    test('/news links to an article with comments (its count links to #comments)', { timeout: TIMEOUT }, async () => {
        const m = /<a class="item-comments" href="(\/news\/\d+-[^"#]*)#comments"/.exec(mainOf(await fetchHTML('/news')));
        assert.ok(m, 'at least one comment count on /news (the demo has comments)');
        commentsPath = m[1];
    });

    test('/events links to an event (/events/N-slug)', { timeout: TIMEOUT }, async () => {
        const links = hrefs(mainOf(await fetchHTML('/events')), /^\/events\/\d+-/);
        assert.ok(links.length > 0, 'at least one event link in <main> on /events');
        eventPath = links[0];
    });

    test('three requests, two with a point on the map (SQL): the list and a tracking page', { timeout: TIMEOUT }, async () => {
        // These three alone (the demo's requests go first).
        stack.sql('DELETE FROM requests');
        stack.sql(`INSERT INTO requests (code, year, protocol_no, token, category_id, area_id,
            description, address, status, consent_at, lang, due_date, created_at, lat, lon)
            SELECT CONCAT('2025-00000', seq), 2025, seq, LPAD(seq, 43, 'b'), seq, NULL,
            CONCAT('Σβηστή λάμπα στην κολόνα ', seq), CONCAT('Ερμού ', seq), 'submitted', NOW(), 'el',
            CURDATE(), NOW() - INTERVAL seq HOUR, IF(seq < 3, 39.1 + seq / 1000, NULL),
            IF(seq < 3, 26.55 + seq / 1000, NULL) FROM seq_1_to_3`);
        stack.sql("INSERT INTO request_events (request_id, status_to) SELECT id, 'submitted' FROM requests");
        const links = hrefs(mainOf(await fetchHTML('/requests')), /^\/requests\/\d{4}-\d{6}$/);
        assert.equal(links.length, 3, 'the list links to the three requests');
        requestPath = links[0];
    });

    // ---- axe and layout on every page type, at both widths ----

    async function count(page, selector) {
        return page.locator(selector).count();
    }

    const PAGES = [
        { name: 'home', path: () => '/', lang: 'el' },
        { name: 'article', path: () => articlePath, lang: 'el' },
        { name: 'not-found', path: () => '/no-such-page', status: 404, lang: 'el' },
        { name: 'accessibility', path: () => '/accessibility', lang: 'el' },
        {
            name: 'news', path: () => '/news', lang: 'el',
            check: async (page) => assert.ok(await count(page, 'main a[href^="/news/"]') >= 3,
                'at least 3 article links on /news'),
        },
        {
            name: 'news-prokirixeis', path: () => '/news/prokirixeis', lang: 'el',
            check: async (page) => assert.ok(await count(page, 'main .tender') > 0,
                'tender states (.tender) on /news/prokirixeis'),
        },
        {
            name: 'tender-article', path: () => tenderPath, lang: 'el',
            check: async (page) => {
                assert.ok(await count(page, 'main table') > 0, 'a table in the article');
                assert.ok(await count(page, 'main .attachments a') > 0, 'attachment links in the article');
            },
        },
        {
            name: 'page-deep', path: () => '/p/episkeftite-ti-mytilini/axiotheata/kastro-mytilinis', lang: 'el',
            check: async (page) => assert.ok(await count(page, 'main nav.breadcrumbs li') >= 4,
                'breadcrumbs show the three levels below the home page'),
        },
        { name: 'page-departments', path: () => '/p/o-dimos/ypiresies-dimou', lang: 'el' },
        { name: 'events', path: () => '/events', lang: 'el' },
        // The Open311 API's page for developers (open311/page.c).
        { name: 'open311', path: () => '/open311', lang: 'el' },
        {
            // The public list of requests (requests/list.c): its filters,
            // and with JavaScript the map with a marker for each of the two
            // requests with a point; without it the list alone.
            name: 'requests', path: () => '/requests', lang: 'el',
            check: async (page) => {
                assert.equal(await count(page, 'main form.rq-filters select'), 3,
                    'the list of requests has its three filters');
                assert.equal(await count(page, 'main li.rq-item'), 3, 'the three requests are listed');
                const js = await page.evaluate(() => typeof window.L === 'object');
                await (js ? page.waitForSelector('#rq-list-map .leaflet-marker-icon')
                    : Promise.resolve());
                assert.equal(await count(page, '#rq-list-map .leaflet-marker-icon'), js ? 2 : 0,
                    js ? 'the map shows the two requests with a point' : 'no map without JavaScript');
            },
        },
        {
            // A tracking page: its feed link and the follow form (list.c, follow.c).
            name: 'request', path: () => requestPath, lang: 'el',
            check: async (page) => {
                assert.equal(await count(page, 'main form#follow input[name="email"]'), 1,
                    'the tracking page has the follow form');
                assert.equal(await count(page, 'main form#comment textarea[name="body"]'), 1,
                    'and the residents\' comment form');
            },
        },
        {
            // The request form with a category's questions: several choices
            // as a checkbox group, the optional point; with JavaScript and
            // tiles the map that fills it (request-form-map.js).
            name: 'request-form', path: () => '/requests/new?category=5', lang: 'el',
            check: async (page) => {
                assert.equal(await count(page, 'main fieldset.choices input[type="checkbox"]'), 5,
                    'the water question offers its five choices as checkboxes');
                assert.equal(await count(page, 'main input[name="lat"]'), 1, 'the latitude field');
                assert.equal(await count(page, 'main input[type="file"]'), 3, 'three photo fields');
            },
        },
        {
            // Sent empty: 422 with the error summary first.
            name: 'request-form-422', path: () => '/requests/new?category=1', lang: 'el',
            after: async (page) => {
                const summary = await submitFeedback(page,
                    () => page.locator('form#request button[type="submit"]').click(),
                    'POST /requests/new empty');
                assert.ok(await summary.locator('a[href="#f-q1"]').count() === 1,
                    'the summary links to the unanswered question');
            },
        },
        {
            // An article with readers' comments: replies, the official
            // answer, the form with its honeypot out of sight.
            name: 'article-comments', path: () => commentsPath, lang: 'el',
            check: async (page) => {
                assert.ok(await count(page, 'main #comments li.comment') >= 3, 'the comments are listed');
                assert.ok(await count(page, 'main #comments .comment-replies li.comment-official') >= 1,
                    'the municipality\'s answer is a reply, marked');
                assert.equal(await count(page, 'main form#comment textarea#f-comment-body'), 1, 'the comment form');
                const trap = await page.locator('#f-comment-website').boundingBox();
                assert.ok(trap && trap.x < 0, 'the honeypot field is off screen');
            },
        },
        {
            // The comment form sent empty: 422, the summary links to the fields.
            name: 'article-comments-422', path: () => commentsPath, lang: 'el',
            after: async (page) => {
                const summary = await submitFeedback(page,
                    () => page.locator('form#comment button[type="submit"]').click(),
                    'POST a comment empty');
                assert.ok(await summary.locator('a[href="#f-comment-body"]').count() === 1,
                    'the summary links to the comment field');
            },
        },
        { name: 'event', path: () => eventPath, lang: 'el' },
        {
            name: 'search-results', path: () => '/search?q=' + encodeURIComponent('δήμος'), lang: 'el',
            check: async (page) => assert.ok(await count(page, 'main mark') > 0,
                'the search terms are highlighted with <mark>'),
        },
        {
            name: 'search-empty', path: () => '/search?q=', lang: 'el',
            check: async (page) => assert.equal(await count(page, 'main mark'), 0,
                'no <mark> for an empty query'),
        },
        {
            // The feedback form sent with a name and no message: 422 with an
            // error summary.
            name: 'accessibility-422', path: () => '/accessibility', lang: 'el',
            after: async (page) => {
                await page.locator('#f-name').fill('Δοκιμή');
                const summary = await submitFeedback(page,
                    () => page.locator('#feedback form button[type="submit"]').click(),
                    'POST /accessibility with a name and no message');
                assert.equal(await summary.locator('a').first().getAttribute('href'), '#f-message',
                    'the first link of the error summary targets #f-message');
            },
        },
        {
            name: 'en-news', path: () => '/en/news', lang: 'en',
            check: async (page) => assert.ok(await count(page, 'main a[href^="/en/news/"]') >= 3,
                'at least 3 English article links on /en/news'),
        },
        {
            name: 'en-tender-article', path: () => tenderPath && '/en' + tenderPath, lang: 'en',
            check: async (page) => assert.ok(await count(page, 'main table') > 0, 'a table in the article'),
        },
        { name: 'en-page', path: () => '/en/p/episkeftite-ti-mytilini', lang: 'en' },
        { name: 'en-events', path: () => '/en/events', lang: 'en' },
        { name: 'en-requests', path: () => '/en/requests', lang: 'en' },
        { name: 'en-request-form', path: () => '/en/requests/new?category=1', lang: 'en' },
        { name: 'en-home', path: () => '/en/', lang: 'en' },
        { name: 'en-article', path: () => articlePath && '/en' + articlePath, lang: 'en' },
        { name: 'en-event', path: () => eventPath && '/en' + eventPath, lang: 'en' },
        { name: 'en-article-comments', path: () => commentsPath && '/en' + commentsPath, lang: 'en' },
        { name: 'en-accessibility', path: () => '/en/accessibility', lang: 'en' },
        { name: 'en-search', path: () => '/en/search?q=municipality', lang: 'en' },
        { name: 'en-not-found', path: () => '/en/no-such-page', status: 404, lang: 'en' },
        { name: 'bad-request', path: () => '/news?before=not-a-cursor', status: 400, lang: 'el' },
        { name: 'en-bad-request', path: () => '/en/events?before=x', status: 400, lang: 'en' },
        // nginx's own pages for its 503 (workers busy) and 429 (rate
        // limit), served through error_page; here as the files they are.
        { name: 'nginx-busy', path: () => '/static/busy.html', lang: 'el', bare: true, minRules: 8 },
        { name: 'nginx-slow-down', path: () => '/static/slow-down.html', lang: 'el', bare: true, minRules: 8 },
    ];

    for (const p of PAGES) {
        for (const w of WIDTHS) {
            const label = `${p.name} at ${w.name} width (${w.width}x${w.height})`;
            test(`axe: no WCAG 2.2 A/AA violation on ${label}`, { timeout: TIMEOUT }, async () => {
                const urlPath = p.path();
                assert.ok(urlPath, `no URL for the ${p.name} page (see the discovery tests)`);
                const { page, broken, errors } = await openPage(w);
                try {
                    await load(page, urlPath, p.status ?? 200);
                    if (p.after) await p.after(page);
                    await page.evaluate(() => document.fonts.ready);
                    await screenshot(page, p.name, w);
                    const lang = await page.evaluate(() => document.documentElement.lang);
                    assert.equal(lang, p.lang, `<html lang> on ${urlPath}`);
                    assert.equal(await count(page, 'h1'), 1, `one <h1> on ${urlPath}`);
                    if (p.check) await p.check(page);
                    assertNoViolations(await axe(page), `${label}, ${urlPath}`, p.minRules);
                    assertNothingBroken(broken, errors, label);
                    await assertNoSidewaysScroll(page, `${label}, ${urlPath}`);
                    if (w.mobile && !p.after) await assertContentInFirstScreen(page, `${label}, ${urlPath}`);
                } finally {
                    await page.close();
                }
            });
        }
    }

    // ---- reflow at 320 px (WCAG 1.4.10): no sideways scrolling, the
    // search button on screen.  The layout checks only: axe ran above.

    const REFLOW_PAGES = [...PAGES, { name: 'article-wide-table', path: () => wideTablePath, lang: 'el' }];
    for (const p of REFLOW_PAGES) {
        const label = `${p.name} at ${NARROW.width}x${NARROW.height}`;
        test(`reflow: no sideways scrolling and the search button on screen on ${label}`, { timeout: TIMEOUT }, async () => {
            const urlPath = p.path();
            assert.ok(urlPath, `no URL for the ${p.name} page (see the discovery tests)`);
            const { page, broken, errors } = await openPage(NARROW);
            try {
                await load(page, urlPath, p.status ?? 200);
                if (p.after) await p.after(page);
                await page.evaluate(() => document.fonts.ready);
                await screenshot(page, p.name, NARROW);
                await assertNoSidewaysScroll(page, `${label}, ${urlPath}`);
                // nginx's bare pages have no header, so no search box.
                if (!p.bare) await assertSearchButtonVisible(page, `${label}, ${urlPath}`);
                assertNothingBroken(broken, errors, label);
            } finally {
                await page.close();
            }
        });
    }

    // ---- language of parts (WCAG 3.1.2): axe checks that lang values are
    // valid, not that they are right.  On an English page, Greek text (an
    // article not yet translated, shown in Greek) must sit inside an
    // element with lang="el", or screen readers read it with English rules.

    for (const p of PAGES.filter((p) => p.lang === 'en')) {
        test(`language of parts: Greek text on ${p.name} is marked lang="el"`, { timeout: TIMEOUT }, async () => {
            const urlPath = p.path();
            assert.ok(urlPath, `no URL for the ${p.name} page (see the discovery tests)`);
            const { page } = await openPage(WIDTHS[0]);
            try {
                await load(page, urlPath, p.status ?? 200);
                const unmarked = await page.evaluate(() => {
                    const greek = /[\u0370-\u03ff\u1f00-\u1fff]/;
                    const out = [];
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                        if (!greek.test(n.data)) continue;
                        const el = n.parentElement;
                        if (!el || el.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
                        const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
                        if (/^el\b/i.test(lang)) continue;
                        const path = [];
                        for (let e = el; e && e !== document.body && path.length < 3; e = e.parentElement) {
                            path.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
                                ? '.' + e.className.trim().split(/\s+/).join('.') : ''));
                        }
                        out.push(`${path.join(' > ')}: "${n.data.trim().slice(0, 60)}" (lang="${lang}")`);
                    }
                    return out;
                });
                assert.deepEqual(unmarked, [],
                    `${unmarked.length} Greek text(s) on ${urlPath} without lang="el"`);
            } finally {
                await page.close();
            }
        });
    }

    // ---- without JavaScript ----

    for (const w of WIDTHS) {
        const label = `home without JavaScript at ${w.name} width (${w.width}x${w.height})`;
        test(`${label}: the news list renders and axe finds no violation`, { timeout: TIMEOUT }, async () => {
            const context = await newContext(w, { javaScriptEnabled: false });
            try {
                const { page, broken } = await openPage(w, context);
                await load(page, '/', 200);
                const heading = page.locator('#latest-heading');
                assert.ok(await heading.isVisible(), 'the news section heading is visible');
                const links = page.locator('main a[href^="/news/"]');
                const n = await links.count();
                assert.ok(n >= 3, `at least 3 news links without JavaScript (found ${n})`);
                for (let i = 0; i < n; i++) {
                    assert.ok(await links.nth(i).isVisible(), `news link ${i + 1} is visible`);
                    assert.ok((await links.nth(i).innerText()).trim() !== '',
                        `news link ${i + 1} has text`);
                }
                await screenshot(page, 'home-nojs', w);
                assertNoViolations(await axeWithoutScripts(page), label);
                assertNothingBroken(broken, [], label);
            } finally {
                await context.close();
            }
        });
    }

    // Every page type without JavaScript, at the phone width: the page
    // answers, has its one <h1> and its content, and axe finds nothing.
    const PHONE = WIDTHS.find((w) => w.mobile) ?? WIDTHS[0];
    for (const p of PAGES.filter((x) => !x.after)) {
        const label = `${p.name} without JavaScript (${PHONE.width}x${PHONE.height})`;
        test(`${label}: renders and axe finds no violation`, { timeout: TIMEOUT }, async () => {
            const urlPath = p.path();
            assert.ok(urlPath, `no URL for the ${p.name} page (see the discovery tests)`);
            const context = await newContext(PHONE, { javaScriptEnabled: false });
            try {
                const { page, broken } = await openPage(PHONE, context);
                await load(page, urlPath, p.status ?? 200);
                assert.equal(await page.evaluate(() => document.documentElement.lang), p.lang,
                    `<html lang> on ${urlPath}`);
                assert.equal(await count(page, 'h1'), 1, `one <h1> on ${urlPath}`);
                if (p.check) await p.check(page);
                assertNoViolations(await axeWithoutScripts(page), label, p.minRules);
                assertNothingBroken(broken, [], label);
            } finally {
                await context.close();
            }
        });
    }

    // ---- the submission form's map (views/static/js/request-form-map.js) ----
    // The form itself gets its lat/lon fields from requests/submit.c; here
    // the script runs on a form of the same shape added to the list page,
    // with Leaflet as map_head.tpl loads it: a click fills both inputs with 6 decimals,
    // typing moves the marker, and Tab goes on past the map.

    test('request-form-map.js: a click fills lat/lon, typing moves the marker, Tab leaves the map',
        { timeout: TIMEOUT }, async () => {
            const { page, broken, errors } = await openPage(WIDTHS[0]);
            try {
                await load(page, '/requests', 200);
                // What views/requests/map_head.tpl puts in the form's head.
                await page.addStyleTag({ url: '/static/leaflet/leaflet.css' });
                await page.addScriptTag({ url: '/static/leaflet/leaflet.js' });
                await page.waitForFunction(() => typeof window.L === 'object');
                await page.evaluate(() => {
                    document.querySelector('main').insertAdjacentHTML('beforeend',
                        '<form id="request" method="post" action="/requests/new">' +
                        '<label for="t-lat">lat</label><input id="t-lat" name="lat">' +
                        '<label for="t-lon">lon</label><input id="t-lon" name="lon">' +
                        '<div id="rq-map" class="rq-map" hidden role="region" aria-label="map"' +
                        ' data-tiles="/static/leaflet/images/layers.png?z={z}&amp;x={x}&amp;y={y}"' +
                        ' data-lat="39.1045" data-lon="26.5550" data-zoom="13" data-attribution="test"' +
                        ' data-locate-label="Χρήση της θέσης μου"></div>' +
                        '<button id="t-after" type="button">after</button></form>');
                });
                await page.addScriptTag({ url: '/static/js/request-form-map.js' });
                await page.waitForSelector('#rq-map.leaflet-container');
                assert.ok(await page.isVisible('#rq-map'), 'the script shows the map');
                await page.click('#rq-map', { position: { x: 60, y: 60 } });
                const lat = await page.inputValue('#t-lat');
                const lon = await page.inputValue('#t-lon');
                assert.match(lat, /^\d{2}\.\d{6}$/, `a click fills lat with 6 decimals (${lat})`);
                assert.match(lon, /^\d{2}\.\d{6}$/, `... and lon (${lon})`);
                assert.ok(Math.abs(lat - 39.1045) < 0.1 && Math.abs(lon - 26.555) < 0.1,
                    `... near the map's centre (${lat}, ${lon})`);
                assert.equal(await count(page, '#rq-map .leaflet-marker-icon'), 1, '... and places one marker');
                // Typing a point pans to it: the marker ends at the map's centre.
                await page.fill('#t-lat', '39.110000');
                await page.fill('#t-lon', '26.560000');
                await page.waitForFunction(() => {
                    const m = document.querySelector('#rq-map').getBoundingClientRect();
                    const i = document.querySelector('#rq-map .leaflet-marker-icon').getBoundingClientRect();
                    return Math.abs((i.left + i.right) / 2 - (m.left + m.right) / 2) < 3 &&
                        Math.abs(i.bottom - (m.top + m.bottom) / 2) < 3;
                });
                // Tab from the last input reaches the button after the map.
                await page.focus('#t-lon');
                let reached = false;
                for (let i = 0; i < 12 && !reached; i++) {
                    await page.keyboard.press('Tab');
                    reached = await page.evaluate(() => document.activeElement?.id === 't-after');
                }
                assert.ok(reached, 'Tab goes past the map (no keyboard trap)');
                assertNothingBroken(broken, errors, 'the form map');
            } finally {
                await page.close();
            }
        });

    // ---- keyboard ----

    for (const w of WIDTHS) {
        const label = `${w.name} width (${w.width}x${w.height})`;
        test(`keyboard: the first Tab on the home page focuses a visible skip link to #main (${label})`,
            { timeout: TIMEOUT }, async () => {
                const { page } = await openPage(w);
                try {
                    await load(page, '/', 200);
                    await page.keyboard.press('Tab');
                    const focused = await page.evaluate(() => {
                        const el = document.activeElement;
                        return el && {
                            tag: el.tagName.toLowerCase(),
                            cls: el.className,
                            href: el.getAttribute('href'),
                            html: el.outerHTML.slice(0, 200),
                        };
                    });
                    assert.ok(focused, 'something has the focus after one Tab');
                    assert.equal(focused.tag, 'a', `focused element is a link: ${focused.html}`);
                    assert.ok(String(focused.cls).split(/\s+/).includes('skip-link'),
                        `focused element has class skip-link: ${focused.html}`);
                    assert.equal(focused.href, '#main', 'the skip link points at #main');

                    // It may slide in with a transition: wait until it is
                    // wholly inside the viewport (no fixed sleep).
                    const inside = await page.waitForFunction(() => {
                        const r = document.activeElement.getBoundingClientRect();
                        const s = getComputedStyle(document.activeElement);
                        return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 &&
                            r.right <= window.innerWidth && r.bottom <= window.innerHeight &&
                            s.visibility !== 'hidden' && Number(s.opacity) > 0.5 &&
                            s.clipPath === 'none' && s.clip === 'auto';
                    }, null, { timeout: 5_000 }).then(() => true, () => false);
                    const box = await page.locator('a.skip-link').boundingBox();
                    assert.ok(inside, `the focused skip link becomes visible inside the ${w.width}x${w.height} viewport ` +
                        `(box: ${JSON.stringify(box)})`);
                    await screenshot(page, 'home-skip-link', w);

                    // Enter follows it: the focus moves to the main content.
                    await page.keyboard.press('Enter');
                    await page.waitForFunction(() => document.activeElement?.id === 'main',
                        null, { timeout: 5_000 }).catch(() => {});
                    const landed = await page.evaluate(() => ({
                        hash: location.hash, id: document.activeElement?.id,
                    }));
                    assert.equal(landed.hash, '#main', 'Enter on the skip link goes to #main');
                    assert.equal(landed.id, 'main', 'the focus is on <main id="main"> after Enter');
                } finally {
                    await page.close();
                }
            });
    }

    // The focus indicator of an element: what a sighted keyboard user sees
    // change when it gets the focus.
    function focusStyle(el) {
        const s = getComputedStyle(el);
        return {
            outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0
                ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}`,
            boxShadow: s.boxShadow,
        };
    }

    const FORM_FIELDS = ['f-name', 'f-email', 'f-page_url', 'f-message', 'submit'];

    for (const w of WIDTHS) {
        const label = `${w.name} width (${w.width}x${w.height})`;
        test(`keyboard: Tab through the accessibility feedback form shows a visible focus indicator ` +
            `on every field; an empty submission links to #f-message (${label})`, { timeout: TIMEOUT }, async () => {
            const { page, broken, errors } = await openPage(w);
            try {
                await load(page, '/accessibility', 200);
                // Helpers in the page (evaluated through the DevTools protocol:
                // the page's CSP forbids new Function()).
                await page.evaluate(`window.__focusStyle = ${focusStyle};
                    window.__fieldKey = (el) => el.id ||
                        (el.matches('#feedback form button[type="submit"]') ? 'submit' : el.tagName);`);
                // The look of every field before it has the focus.
                const unfocused = await page.evaluate((ids) => {
                    const out = {};
                    for (const id of ids) {
                        const el = id === 'submit'
                            ? document.querySelector('#feedback form button[type="submit"]')
                            : document.getElementById(id);
                        out[id] = el ? window.__focusStyle(el) : null;
                    }
                    return out;
                }, FORM_FIELDS);
                for (const id of FORM_FIELDS) assert.ok(unfocused[id], `the form has ${id}`);

                // Tab from the top of the page until the first field has the focus.
                let key = '';
                for (let i = 0; i < 150 && key !== FORM_FIELDS[0]; i++) {
                    await page.keyboard.press('Tab');
                    key = await page.evaluate(() => window.__fieldKey(document.activeElement));
                }
                assert.equal(key, FORM_FIELDS[0], `Tab reaches #${FORM_FIELDS[0]}`);

                for (let i = 0; i < FORM_FIELDS.length; i++) {
                    const id = FORM_FIELDS[i];
                    if (i > 0) await page.keyboard.press('Tab');
                    key = await page.evaluate(() => window.__fieldKey(document.activeElement));
                    assert.equal(key, id, `Tab ${i} in the form focuses ${id}`);
                    // A transition may be running: wait for a visible change.
                    const changed = await page.waitForFunction((before) => {
                        const now = window.__focusStyle(document.activeElement);
                        const outline = now.outline !== 'none' && now.outline !== before.outline &&
                            !/rgba\([^)]*,\s*0\)|transparent/.test(now.outline);
                        const shadow = now.boxShadow !== 'none' && now.boxShadow !== before.boxShadow;
                        return outline || shadow;
                    }, unfocused[id], { timeout: 3_000 })
                        .then(() => true, () => false);
                    const now = await page.evaluate(() => window.__focusStyle(document.activeElement));
                    assert.ok(changed, `${id} shows a visible focus indicator: unfocused ` +
                        `${JSON.stringify(unfocused[id])}, focused ${JSON.stringify(now)}`);
                    if (id === 'f-message') await screenshot(page, 'accessibility-focus', w);
                }

                // Enter on the focused submit button sends the empty form.
                const summary = await submitFeedback(page, () => page.keyboard.press('Enter'),
                    'POST /accessibility with an empty form (Enter on the submit button)');
                const first = summary.locator('a').first();
                assert.equal(await first.getAttribute('href'), '#f-message',
                    'the first link of the error summary targets #f-message');
                assertNothingBroken(broken, errors, `accessibility form at ${label}`);
            } finally {
                await page.close();
            }
        });
    }

    // ---- the database down: the calm 503 page ----

    for (const lang of ['el', 'en']) {
        test(`database down: the ${lang} 503 page has Retry-After, one <h1> and no axe violation`,
            { timeout: 3 * TIMEOUT }, async () => {
            const { rc, out } = await stack.server('db-stop');
            assert.equal(rc, 0, `db-stop: ${out}`);
            const urlPath = lang === 'en' ? '/en/events' : '/events';
            try {
                const context = await newContext(PHONE, { javaScriptEnabled: false });
                try {
                    const { page } = await openPage(PHONE, context);
                    // The workers keep rows a few seconds: wait for the 503.
                    // Each try is an address of its own: one nginx kept
                    // (AGORA_TEST_MICRO_CACHE=1) is served from its copy
                    // while the database is down.
                    let res;
                    for (let i = 0; i < 40; i++) {
                        res = await page.goto(stack.url(`${urlPath}?db-down=${i}`), { waitUntil: 'load' });
                        if (res.status() === 503) break;
                        await new Promise((r) => setTimeout(r, 500));
                    }
                    checkResponse(res, `GET ${urlPath} with the database down`, 503);
                    assert.ok(Number(res.headers()['retry-after']) > 0, 'Retry-After on the 503');
                    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
                    assert.equal(await count(page, 'h1'), 1, 'one <h1> on the 503 page');
                    assert.match(await page.title(), lang === 'en' ? /^Error: / : /^Σφάλμα: /);
                    assertNoViolations(await axeWithoutScripts(page), `503 (${lang})`);
                } finally {
                    await context.close();
                }
            } finally {
                const { rc: rc2, out: out2 } = await stack.server('db-start');
                assert.equal(rc2, 0, `db-start: ${out2}`);
            }
        });
    }

    test('axe: what it could not decide, listed for a person to review', { timeout: TIMEOUT }, (t) => {
        if (incomplete.size === 0) t.diagnostic('axe: no incomplete results');
        for (const [id, e] of [...incomplete.entries()].sort()) {
            const pages = [...e.pages];
            t.diagnostic(`axe incomplete: ${id} (${e.help}): ${e.nodes} element(s) on ` +
                `${pages.length} page(s): ${pages.slice(0, 6).join(' ')}${pages.length > 6 ? ' ...' : ''}`);
        }
    });

    // ---- the server side ----

    test('no [alert]/[emerg] in nginx error log, no sanitizer report in agora.log', { timeout: TIMEOUT }, async () => {
        await browser.close();
        await stack.stop();
        const bad = stack.logProblems();
        assert.equal(bad.length, 0,
            `log problems:\n${bad.slice(0, 20).join('\n')}\n${stack.logTails()}`);
    });
}
