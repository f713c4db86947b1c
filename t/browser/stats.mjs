// stats.mjs - axe-core (WCAG 2.1/2.2 A and AA) on the statistics of
// citizens' requests and the dashboard's requests panel, as a dispatcher
// and as a department user, at desktop width and at 320 px (nothing may
// stick out sideways), with JavaScript and without: /admin, /admin/stats
// (the demo's year, the default period, English) and the 422 answer to a
// bad month.  Also: the charts are images with a name, and the keyboard
// reaches the period form.  Starts its own stack (stack.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { SHOTS, Stack, TIMEOUT, addUser, axeChecker, launchBrowser, runSuite, signIn,
    tearDown } from './stack.mjs';

await runSuite(suite);

async function suite() {
    let stack, browser;

    before(async () => {
        stack = await Stack.start({ workers: 2 });
        fs.mkdirSync(SHOTS, { recursive: true });
        for (const [name, role, dept] of [['stella', 'dispatcher'], ['tasos', 'department', '4']]) {
            addUser(stack, name, role, dept ? ['--department', dept] : []);
        }
        browser = await launchBrowser();
    }, { timeout: 3 * TIMEOUT });

    after(() => tearDown(browser, stack), { timeout: 3 * TIMEOUT });

    // axe on the page, at both widths, with JavaScript and without (see
    // axeChecker() in stack.mjs); screenshots stats-NAME-WIDTH.png.
    const check = axeChecker('stats');

    // Signed in by a click on the button, onto the dashboard.
    async function signedIn(name, js) {
        const { ctx, page } = await signIn(browser, stack, name, { js, click: true });
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
