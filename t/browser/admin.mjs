// t/browser/admin.mjs - the staff area in a real browser, as an editor
// uses it: sign in with a password, set up the second factor (the key is
// read from the page, the code computed here as an authenticator app
// would), sign out, sign in again with password and code, write a Greek
// article, see the error summary, preview it, publish it, find it on the
// portal, open its revisions.  axe-core (WCAG 2.x A/AA) finds no violation
// on any staff page at desktop width and at 320 px, where nothing scrolls
// sideways either; signing in works with JavaScript disabled.
//
// Run by `make check` like axe.mjs; by hand:
//   AGORA_SRCDIR=$PWD AGORA_BUILDDIR=$PWD/build node --test --test-reporter=tap t/browser/admin.mjs
// Screenshots: $AGORA_BUILDDIR/screenshots/admin-*.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILDDIR, DESKTOP, SHOTS, Stack, TIMEOUT, axeChecker, launchBrowser, runSuite,
    tearDown, totp } from './stack.mjs';

await runSuite(suite);

async function suite() {
    let stack, browser, context, page;
    const password = 'ένας κωδικός για την Ελένη';
    let secret;          // the TOTP key, as the enrolment page shows it
    let enrolStep;       // the time step the enrolment code used
    let articleId;
    const problems = []; // console errors and failed sub-resources

    before(async () => {
        stack = await Stack.start();
        fs.mkdirSync(SHOTS, { recursive: true });
        const pwfile = path.join(stack.var, 'pw-elena');
        fs.writeFileSync(pwfile, password + '\n');
        const r = spawnSync(path.join(BUILDDIR, 'agora-admin'),
            ['-c', path.join(stack.var, 'agora.conf'), 'user', 'add', 'elena', '--role', 'editor',
             '--name', 'Ελένη Παπαδάκη', '--password-file', pwfile], { encoding: 'utf8' });
        assert.equal(r.status, 0, `agora-admin user add: ${r.stdout}${r.stderr}`);
        browser = await launchBrowser();
        context = await browser.newContext({ viewport: DESKTOP, locale: 'el-GR', deviceScaleFactor: 1 });
        context.setDefaultTimeout(TIMEOUT / 2);
        page = await context.newPage();
        page.on('console', (m) => {
            if (m.type() === 'error' && !/status of (401|409|422|429)/.test(m.text()))
                problems.push(`console: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`uncaught: ${e}`));
        page.on('response', (res) => {
            if (!res.request().isNavigationRequest() && res.status() >= 400)
                problems.push(`${res.status()} ${res.url()}`);
        });
    }, { timeout: 3 * TIMEOUT });

    after(() => tearDown(browser, stack), { timeout: 3 * TIMEOUT });

    // axe on the current page (the one `page` holds now: a test may swap
    // it), at desktop width and at 320 px (where nothing may stick out
    // sideways), with a screenshot of each: admin-NAME-WIDTH.png.
    const checkPage = axeChecker('admin');
    const check = (name) => checkPage(page, name);

    async function go(urlPath, status) {
        const res = await page.goto(stack.url(urlPath), { waitUntil: 'load' });
        assert.equal(res.status(), status, `GET ${urlPath}`);
    }

    // Click the button and wait for the page it leads to; its status.
    async function press(name) {
        const [res] = await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.getByRole('button', { name, exact: true }).click(),
        ]);
        return res;
    }

    test('a staff page without a session shows the sign-in form (401)', { timeout: TIMEOUT }, async () => {
        await go('/admin/news', 401);
        assert.equal(await page.locator('h1').textContent(), 'Σύνδεση προσωπικού');
        await check('login');
    });

    test('the editor signs in with the password and reaches the page asked for', { timeout: TIMEOUT }, async () => {
        await page.getByLabel('Όνομα χρήστη').fill('elena');
        await page.getByLabel('Κωδικός πρόσβασης').fill(password);
        await press('Σύνδεση');
        assert.match(page.url(), /\/admin\/news$/);
        await go('/admin', 200);
        assert.match(await page.locator('main').textContent(), /Ελένη Παπαδάκη/);
        await check('dashboard');
    });

    test('she sets up the second factor from the key on the page', { timeout: TIMEOUT }, async () => {
        await go('/admin/account/2fa', 200);
        assert.equal(await page.locator('.qr svg[role="img"]').count(), 1, 'the QR code is an SVG image');
        await check('2fa');
        secret = (await page.locator('code.secret').textContent()).trim();
        await page.getByLabel('Κωδικός από την εφαρμογή').fill('000000');
        const bad = await press('Ενεργοποίηση');
        assert.equal(bad.status(), 422);
        assert.ok(await page.locator('.error-summary').isVisible(), 'a wrong code shows the error summary');
        await check('2fa-error');
        enrolStep = Math.floor(Date.now() / 1000 / 30);
        await page.getByLabel('Κωδικός από την εφαρμογή').fill(totp(secret));
        const res = await press('Ενεργοποίηση');
        assert.equal(res.status(), 200);
        assert.equal(await page.locator('.recovery-codes li').count(), 10, 'ten recovery codes shown');
        await check('recovery-codes');
        await page.getByRole('link', { name: 'Τους φύλαξα, συνέχεια' }).click();
        await page.waitForLoadState('load');
        assert.match(await page.locator('main').textContent(), /Δεύτερος παράγοντας: ενεργός/);
        await check('account');
    });

    test('she signs out and in again with password and code', { timeout: 2 * TIMEOUT }, async () => {
        await press('Αποσύνδεση');
        assert.match(await page.locator('.notice').textContent(), /Αποσυνδεθήκατε/);
        await page.getByLabel('Όνομα χρήστη').fill('elena');
        await page.getByLabel('Κωδικός πρόσβασης').fill(password);
        await press('Σύνδεση');
        assert.match(page.url(), /\/admin\/login\/code/);
        await check('code');
        // A code is good once: wait for the step after the enrolment's.
        while (Math.floor(Date.now() / 1000 / 30) <= enrolStep)
            await new Promise((r) => setTimeout(r, 1000));
        await page.locator('#f-code').fill(totp(secret));
        await press('Επιβεβαίωση');
        assert.match(page.url(), /\/admin$/);
    });

    test('she writes a Greek article, fixes an error, previews and publishes it', { timeout: TIMEOUT }, async () => {
        await go('/admin/news/new', 200);
        await check('news-new');
        await page.locator('#f-category').selectOption({ label: 'Ανακοινώσεις' });
        await page.locator('#f-body').fill('Η **λαϊκή αγορά** της Πέμπτης μεταφέρεται στην πλατεία Σαπφούς.');
        const r422 = await press('Δημοσίευση');
        assert.equal(r422.status(), 422, 'no title: the form comes back');
        assert.ok(await page.locator('.error-summary a[href="#f-title"]').isVisible(), 'the summary links to the title');
        assert.match(await page.locator('#f-body').inputValue(), /λαϊκή αγορά/, 'the text typed is kept');
        await check('news-error');
        await page.locator('#f-title').fill('Μεταφορά της λαϊκής αγοράς');
        await press('Προεπισκόπηση');
        assert.equal(await page.locator('.preview strong').textContent(), 'λαϊκή αγορά', 'the preview renders the Markdown');
        await check('news-preview');
        await press('Δημοσίευση');
        assert.match(await page.locator('.notice').textContent(), /Δημοσιεύθηκε/);
        articleId = page.url().match(/\/admin\/news\/(\d+)/)[1];
        await check('news-edit');
    });

    test('the article is on the portal; the list and the revisions pass axe', { timeout: TIMEOUT }, async () => {
        const pub = await page.goto(stack.url(`/news/${articleId}`), { waitUntil: 'load' });
        assert.equal(pub.status(), 200);
        assert.equal(await page.locator('main h1').textContent(), 'Μεταφορά της λαϊκής αγοράς');
        await go('/admin/news', 200);
        await check('news-list');
        await go(`/admin/news/${articleId}/revisions`, 200);
        await check('revisions');
    });

    test('every list and form the editor has passes axe, in Greek and English', { timeout: 3 * TIMEOUT }, async () => {
        for (const p of ['/admin/pages', '/admin/pages/new', '/admin/events', '/admin/events/new',
            '/admin/alerts', '/admin/alerts/new', '/en/admin/news/new', '/en/admin']) {
            await go(p, 200);
            await check(p.replace(/^\//, '').replace(/\//g, '-'));
        }
        const pageId = await page.goto(stack.url('/admin/pages'), { waitUntil: 'load' })
            .then(() => page.locator('main a[href*="/admin/pages/"]').first().getAttribute('href'));
        assert.ok(pageId, 'the page tree links to a page');
        await go(pageId, 200);
        await check('pages-edit');
    });

    test('an admin enrols and the admin-only pages pass axe', { timeout: 3 * TIMEOUT }, async () => {
        const pwfile = path.join(stack.var, 'pw-maria');
        fs.writeFileSync(pwfile, 'ο κωδικός της Μαρίας\n');
        const r = spawnSync(path.join(BUILDDIR, 'agora-admin'),
            ['-c', path.join(stack.var, 'agora.conf'), 'user', 'add', 'maria', '--role', 'admin',
             '--password-file', pwfile], { encoding: 'utf8' });
        assert.equal(r.status, 0, `agora-admin user add: ${r.stdout}${r.stderr}`);
        const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'el-GR' });
        const saved = page;
        try {
            page = await ctx.newPage();
            await page.goto(stack.url('/admin/login'), { waitUntil: 'load' });
            await page.getByLabel('Όνομα χρήστη').fill('maria');
            await page.getByLabel('Κωδικός πρόσβασης').fill('ο κωδικός της Μαρίας');
            await press('Σύνδεση');
            assert.match(page.url(), /\/admin\/account\/2fa$/, 'an admin must set up a second factor first');
            const key = (await page.locator('code.secret').textContent()).trim();
            await page.locator('#f-code').fill(totp(key));
            await press('Ενεργοποίηση');
            for (const p of ['/admin/users', '/admin/users/new', '/admin/audit', '/admin/departments',
                '/admin/departments/new', '/admin/api-keys']) {
                await go(p, 200);
                await check(p.replace(/^\//, '').replace(/\//g, '-'));
            }
            const userUrl = await page.goto(stack.url('/admin/users'), { waitUntil: 'load' })
                .then(() => page.locator('main a[href*="/admin/users/"]').first().getAttribute('href'));
            await go(userUrl, 200);
            await check('users-edit');
            // Citizens' requests (an admin holds PERM_REQUESTS): the queue, one
            // request (filed through the public form) and the templates.
            await go('/requests/new', 200);
            // Greenery: a category without extra questions.
            await page.getByLabel('Κατηγορία').selectOption({ label: 'Δρόμοι και κοινόχρηστοι χώροι: Πράσινο και πάρκα' });
            await page.getByLabel('Περιγραφή').fill('Σβηστή λάμπα στην πλατεία');
            await page.getByLabel('Διεύθυνση ή σημείο').fill('Ερμού 1');
            await page.getByLabel('Συμφωνώ', { exact: false }).check();
            await press('Υποβολή');
            const code = page.url().match(/\/requests\/(\d{4}-\d{6})/)[1];
            for (const p of ['/admin/requests', `/admin/requests/${code}`, '/admin/requests/templates',
                '/admin/requests/templates/new', '/admin/requests/new', '/admin/requests/new?category=5',
                '/admin/outbox']) {
                await go(p, 200);
                await check(p.replace(/^\//, '').replace(/\//g, '-'));
            }
            // Readers' comments (an admin holds PERM_COMMENTS): the queue, the
            // ones hidden by flags, a comment with the official answer among
            // its replies and one hidden by flags (the demo's 2 and 7), the
            // blocklist and the settings.
            for (const p of ['/admin/comments', '/admin/comments?status=flagged', '/admin/comments/2',
                '/admin/comments/7', '/admin/comments/blocklist', '/admin/comments/settings']) {
                await go(p, 200);
                await check(p.replace(/^\//, '').replace(/[/?=]/g, '-'));
            }
            assert.ok(await page.goto(stack.url('/admin/comments'), { waitUntil: 'load' })
                .then(() => page.locator('main input[type="checkbox"]').count()) >= 2,
                'the queue lists the demo\'s waiting comments, each with a box to tick');
        } finally {
            page = saved;
            await ctx.close();
        }
    });

    test('signing in works with JavaScript disabled', { timeout: TIMEOUT }, async () => {
        const ctx = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false, locale: 'el-GR' });
        try {
            const p = await ctx.newPage();
            await p.goto(stack.url('/admin/login'), { waitUntil: 'load' });
            await p.getByLabel('Όνομα χρήστη').fill('elena');
            await p.getByLabel('Κωδικός πρόσβασης').fill(password);
            await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Σύνδεση' }).click()]);
            assert.match(p.url(), /\/admin\/login\/code/, 'the password step leads to the code step');
        } finally {
            await ctx.close();
        }
    });

    test('no console errors, no broken sub-resources, clean logs', { timeout: TIMEOUT }, async () => {
        assert.deepEqual(problems, []);
        await browser.close();
        await stack.stop();
        const bad = stack.logProblems();
        assert.equal(bad.length, 0, `log problems:\n${bad.slice(0, 20).join('\n')}`);
    });
}
