// t/browser/axe.mjs - Agora in a real browser: axe-core (WCAG 2.1 A/AA)
// finds no violation on the public pages at desktop and phone widths, the
// home page works with JavaScript disabled, and the first Tab reaches a
// visible skip link.
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
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// The npm packages: t/browser/node_modules, or AGORA_NODE_MODULES (set by
// `make distcheck`, whose unpacked tree has no node_modules of its own).
const NODE_MODULES = process.env.AGORA_NODE_MODULES || path.join(HERE, 'node_modules');
const requireNM = createRequire(path.join(NODE_MODULES, '..', 'package.json'));
const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT = 60_000;

const WIDTHS = [
    { name: 'desktop', width: 1280, height: 800, mobile: false },
    { name: 'phone', width: 390, height: 844, mobile: true },
];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// ---- prerequisites: fail loudly, never skip ------------------------------------

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

const missing = missingPrerequisite();
if (missing) {
    test('browser test prerequisites', () => assert.fail(missing));
} else {
    await suite();
}

// ---- the tests -------------------------------------------------------------------

async function suite() {
    const { chromium } = requireNM('playwright-core');
    const { Stack, BUILDDIR } = await import('./stack.mjs');
    const AXE_PATH = requireNM.resolve('axe-core/axe.min.js');
    const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');
    const SHOTS = path.join(BUILDDIR, 'screenshots');

    let stack;
    let browser;
    let articlePath;          // found on the home page by the first test

    before(async () => {
        stack = await Stack.start();
        fs.mkdirSync(SHOTS, { recursive: true });
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--no-first-run',
                '--disable-quic'],
        });
    }, { timeout: 3 * TIMEOUT });

    after(async () => {
        await browser?.close().catch(() => {});
        if (stack) {
            await stack.stop();
            stack.cleanup();
        }
    }, { timeout: 3 * TIMEOUT });

    // A fresh context (no cookies, no cache) at one width.  bypassCSP:
    // the pages send "script-src 'self'", which would refuse axe's
    // injected <script>; only the contexts that inject axe set it.
    async function newPage(w, { javaScriptEnabled = true, bypassCSP = false } = {}) {
        const context = await browser.newContext({
            viewport: { width: w.width, height: w.height },
            isMobile: w.mobile,
            hasTouch: w.mobile,
            deviceScaleFactor: 1,
            javaScriptEnabled,
            bypassCSP,
            locale: 'el-GR',
        });
        context.setDefaultTimeout(TIMEOUT / 2);
        const page = await context.newPage();
        // Every sub-resource must load: a missing stylesheet or image
        // is a broken page even when axe is happy.
        const broken = [];
        page.on('response', (res) => {
            if (res.request().isNavigationRequest()) return;
            if (res.status() >= 400) broken.push(`${res.status()} ${res.url()}`);
        });
        page.on('requestfailed', (req) => {
            broken.push(`failed ${req.url()}: ${req.failure()?.errorText}`);
        });
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        return { context, page, broken, errors };
    }

    async function load(page, urlPath, status) {
        const res = await page.goto(stack.url(urlPath), { waitUntil: 'load' });
        assert.ok(res, `no response for ${urlPath}`);
        assert.equal(res.status(), status, `GET ${urlPath} answers ${status}`);
        assert.match(res.headers()['content-type'] ?? '', /^text\/html/i,
            `${urlPath} is HTML`);
    }

    async function screenshot(page, name, w) {
        await page.screenshot({ path: path.join(SHOTS, `${name}-${w.width}.png`), fullPage: true });
    }

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
        resultTypes: ['violations'],
    };

    async function axeWithScripts(page) {
        await page.addScriptTag({ path: AXE_PATH });
        return page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);
    }

    // With JavaScript disabled the page's own timers never fire, so
    // axe (which schedules work with setTimeout) would never finish.
    // Replace setTimeout/clearTimeout/requestAnimationFrame with
    // promise-based versions first, then evaluate axe's source in the
    // page.  Long timeouts are axe's watchdogs (frames that never
    // answer; this page has no frames): those are never fired.
    async function axeWithoutScripts(page) {
        await page.evaluate(() => {
            let next = 1;
            const cleared = new Set();
            window.setTimeout = (fn, ms = 0, ...args) => {
                const id = next++;
                if (typeof fn === 'function' && ms <= 100) {
                    Promise.resolve().then(() => {
                        if (!cleared.has(id)) fn(...args);
                    });
                }
                return id;
            };
            window.clearTimeout = (id) => { cleared.add(id); };
            window.requestAnimationFrame = (fn) => window.setTimeout(() => fn(performance.now()), 0);
            window.cancelAnimationFrame = (id) => window.clearTimeout(id);
        });
        await page.evaluate(AXE_SOURCE);
        const ok = await page.evaluate(() => typeof window.axe?.run === 'function');
        assert.ok(ok, 'axe-core loaded into the page without JavaScript');
        return page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);
    }

    function assertNoViolations(results, label) {
        // axe really ran: it checked the page against a good number of rules.
        assert.ok(results.passes.length + results.violations.length > 10,
            `axe evaluated only ${results.passes.length + results.violations.length} rules on ${label}`);
        const v = results.violations;
        assert.equal(v.length, 0, v.length ? formatViolations(v, label) : '');
    }

    function assertNothingBroken(broken, errors, label) {
        assert.deepEqual(broken, [], `sub-resources that did not load on ${label}`);
        assert.deepEqual(errors, [], `script errors on ${label}`);
    }

    // ---- the home page's entry points ----

    test('the home page links to an article (a[href^="/news/"])', { timeout: TIMEOUT }, async () => {
        const { context, page } = await newPage(WIDTHS[0]);
        try {
            await load(page, '/', 200);
            const links = page.locator('main a[href^="/news/"]');
            const n = await links.count();
            assert.ok(n > 0, 'at least one article link on the home page');
            articlePath = new URL(await links.first().getAttribute('href'), stack.baseURL).pathname;
        } finally {
            await context.close();
        }
    });

    const PAGES = [
        { name: 'home', path: () => '/', status: 200 },
        { name: 'article', path: () => articlePath, status: 200 },
        { name: 'not-found', path: () => '/no-such-page', status: 404 },
        { name: 'accessibility', path: () => '/accessibility', status: 200 },
    ];

    for (const p of PAGES) {
        for (const w of WIDTHS) {
            const label = `${p.name} at ${w.name} width (${w.width}x${w.height})`;
            test(`axe: no WCAG 2.1 A/AA violation on ${label}`, { timeout: TIMEOUT }, async () => {
                const urlPath = p.path();
                assert.ok(urlPath, `no URL for the ${p.name} page (see the first test)`);
                const { context, page, broken, errors } = await newPage(w, { bypassCSP: true });
                try {
                    await load(page, urlPath, p.status);
                    await page.evaluate(() => document.fonts.ready);
                    await screenshot(page, p.name, w);
                    assertNoViolations(await axeWithScripts(page), `${label}, ${urlPath}`);
                    assertNothingBroken(broken, errors, label);
                    // Nothing wider than the viewport: no sideways scrolling.
                    const overflow = await page.evaluate(() =>
                        document.documentElement.scrollWidth - document.documentElement.clientWidth);
                    assert.ok(overflow <= 0,
                        `${label}: the page is ${overflow}px wider than the viewport`);
                } finally {
                    await context.close();
                }
            });
        }
    }

    // ---- without JavaScript ----

    for (const w of WIDTHS) {
        const label = `home without JavaScript at ${w.name} width (${w.width}x${w.height})`;
        test(`${label}: the news list renders and axe finds no violation`, { timeout: TIMEOUT }, async () => {
            const { context, page, broken } = await newPage(w, { javaScriptEnabled: false, bypassCSP: true });
            try {
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

    // ---- keyboard ----

    for (const w of WIDTHS) {
        const label = `${w.name} width (${w.width}x${w.height})`;
        test(`keyboard: the first Tab on the home page focuses a visible skip link to #main (${label})`,
            { timeout: TIMEOUT }, async () => {
                const { context, page } = await newPage(w);
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
                    await context.close();
                }
            });
    }

    // ---- the server side ----

    test('no [alert]/[emerg] in nginx error log, no sanitizer report in agora.log', { timeout: TIMEOUT }, async () => {
        await browser.close();
        await stack.stop();
        const bad = stack.logProblems();
        assert.equal(bad.length, 0,
            `log problems:\n${bad.slice(0, 20).join('\n')}\n${stack.logTails()}`);
    });
}
