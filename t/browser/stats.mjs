// stats.mjs - axe-core (WCAG 2.1/2.2 A and AA) on the statistics of
// citizens' requests and the dashboard's requests panel, as a dispatcher
// and as a department user, at desktop width and at 320 px (nothing may
// stick out sideways), with JavaScript and without: /admin, /admin/stats
// (the demo's year, the default period, English) and the 422 answer to a
// bad month.  Also: the charts are images with a name, and the keyboard
// reaches the period form.  Starts its own stack (stack.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NODE_MODULES = process.env.AGORA_NODE_MODULES || path.join(HERE, 'node_modules');
const requireNM = createRequire(path.join(NODE_MODULES, '..', 'package.json'));
const CHROMIUM = '/usr/bin/chromium';
const TIMEOUT = 60_000;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const DESKTOP = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 568 };

if (!fs.existsSync(path.join(NODE_MODULES, 'playwright-core', 'package.json')) ||
    !fs.existsSync(CHROMIUM)) {
    test('browser test prerequisites', () =>
        assert.fail(`run npm ci in ${HERE} and apt-get install chromium (script/test does both)`));
} else {
    await suite();
}

async function suite() {
    const { chromium } = requireNM('playwright-core');
    const { Stack, BUILDDIR } = await import('./stack.mjs');
    const AXE_SOURCE = fs.readFileSync(requireNM.resolve('axe-core/axe.min.js'), 'utf8');
    const SHOTS = path.join(BUILDDIR, 'screenshots');
    let stack, browser;

    before(async () => {
        stack = await Stack.start({ workers: 2 });
        fs.mkdirSync(SHOTS, { recursive: true });
        for (const [name, role, dept] of [['stella', 'dispatcher'], ['tasos', 'department', '4']]) {
            const pwfile = path.join(stack.var, `pw-${name}`);
            fs.writeFileSync(pwfile, `ο κωδικός του χρήστη ${name}\n`);
            const r = spawnSync(path.join(BUILDDIR, 'agora-admin'),
                ['-c', path.join(stack.var, 'agora.conf'), 'user', 'add', name, '--role', role,
                 ...(dept ? ['--department', dept] : []), '--password-file', pwfile], { encoding: 'utf8' });
            assert.equal(r.status, 0, `agora-admin user add ${name}: ${r.stdout}${r.stderr}`);
        }
        browser = await chromium.launch({
            executablePath: CHROMIUM,
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        });
    }, { timeout: 3 * TIMEOUT });

    after(async () => {
        await browser?.close().catch(() => {});
        if (stack) {
            await stack.stop();
            stack.cleanup();
        }
    }, { timeout: 3 * TIMEOUT });

    function formatViolations(violations, label) {
        return [`${violations.length} axe violation(s) on ${label}:`, ...violations.flatMap((v) => [
            `- ${v.id} [${v.impact}] ${v.help}`,
            ...v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`),
        ])].join('\n');
    }

    // axe on the page, at both widths.  With JavaScript off, axe's source
    // is still run by page.evaluate (the page's own scripts are what is
    // off), after its timers are replaced: they would never fire.
    async function check(page, name, js) {
        for (const vp of [DESKTOP, NARROW]) {
            await page.setViewportSize(vp);
            if (!js) {
                // (as axe.mjs does: long timeouts are axe's watchdogs,
                // never fired)
                await page.evaluate(() => {
                    let next = 1;
                    const cleared = new Set();
                    window.setTimeout = (fn, ms = 0, ...args) => {
                        const id = next++;
                        if (typeof fn === 'function' && ms <= 100)
                            Promise.resolve().then(() => { if (!cleared.has(id)) fn(...args); });
                        return id;
                    };
                    window.clearTimeout = (id) => { cleared.add(id); };
                    window.requestAnimationFrame = (fn) => window.setTimeout(() => fn(performance.now()), 0);
                    window.cancelAnimationFrame = (id) => window.clearTimeout(id);
                });
            }
            await page.evaluate(AXE_SOURCE);
            const res = await page.evaluate((tags) => window.axe.run(document,
                { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
            assert.ok(res.passes.length > 10, `axe ran on ${name}`);
            assert.equal(res.violations.length, 0, formatViolations(res.violations, `${name} at ${vp.width}px`));
            const over = await page.evaluate(() =>
                document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(over <= 0, `${name} at ${vp.width}px scrolls sideways by ${over}px`);
            await page.screenshot({ path: path.join(SHOTS, `stats-${name}-${vp.width}.png`), fullPage: true });
        }
        await page.setViewportSize(DESKTOP);
    }

    async function signedIn(name, js) {
        const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'el-GR', javaScriptEnabled: js });
        ctx.setDefaultTimeout(TIMEOUT / 2);
        const page = await ctx.newPage();
        await page.goto(stack.url('/admin/login'), { waitUntil: 'load' });
        await page.getByLabel('Όνομα χρήστη').fill(name);
        await page.getByLabel('Κωδικός πρόσβασης').fill(`ο κωδικός του χρήστη ${name}`);
        await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.getByRole('button', { name: 'Σύνδεση', exact: true }).click(),
        ]);
        assert.match(page.url(), /\/admin$/, `${name} signed in`);
        return { ctx, page };
    }

    for (const js of [true, false]) {
        const how = js ? 'js' : 'nojs';
        test(`a dispatcher's statistics and dashboard pass axe (${how})`, { timeout: 4 * TIMEOUT }, async () => {
            const { ctx, page } = await signedIn('stella', js);
            try {
                await check(page, `dashboard-${how}`, js);
                assert.equal(await page.locator('#p-requests').count(), 1, 'the dashboard has the requests panel');
                for (const [p, status, name] of [['/admin/stats?from=2025-12&to=2026-11', 200, 'year'],
                    ['/admin/stats', 200, 'default'], ['/en/admin/stats', 200, 'en'],
                    ['/admin/stats?from=2026-13', 422, 'bad']]) {
                    const res = await page.goto(stack.url(p), { waitUntil: 'load' });
                    assert.equal(res.status(), status, `GET ${p}`);
                    await check(page, `${name}-${how}`, js);
                }
                await page.goto(stack.url('/admin/stats'), { waitUntil: 'load' });
                const charts = page.getByRole('img');
                assert.equal(await charts.count(), 4, 'four charts, each an image');
                for (let i = 0; i < 4; i++) {
                    const label = await charts.nth(i).evaluate((el) =>
                        el.getAttribute('aria-labelledby').split(' ').map((id) =>
                            document.getElementById(id).textContent).join(' '));
                    assert.ok(label.length > 10, `chart ${i} has a name: ${label}`);
                }
                // The keyboard reaches the period form and sends it.
                await page.locator('#f-from').focus();
                await page.keyboard.press('Tab');
                assert.equal(await page.evaluate(() => document.activeElement.id), 'f-to', 'Tab: from to "to"');
            } finally {
                await ctx.close();
            }
        });
    }

    test('a department user\'s statistics pass axe', { timeout: 2 * TIMEOUT }, async () => {
        const { ctx, page } = await signedIn('tasos', true);
        try {
            await check(page, 'dashboard-department', true);
            const res = await page.goto(stack.url('/admin/stats'), { waitUntil: 'load' });
            assert.equal(res.status(), 200, 'GET /admin/stats');
            await check(page, 'department', true);
        } finally {
            await ctx.close();
        }
    });
}
