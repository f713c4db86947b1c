// help.mjs - the support desk (Βοήθεια στο Σπίτι) in a real browser.
//  1. An operator takes a call with the keyboard alone: the phone number
//     first (the matches appear as it is typed), then a new resident and
//     her medicines request with its prescription codes, Tab by Tab and
//     Enter to save - no mouse, no click.  The time it took is printed.
//  2. axe-core (WCAG 2.1/2.2 A and AA) finds no violation on any page of
//     the module, as each role sees it, at desktop width and at 320 px
//     (where nothing may scroll sideways), with JavaScript and without:
//     the queue, the intake (search, matches, new resident, 422), a case
//     (with its health part shown), the registry and a resident, the
//     volunteers' registry and onboarding, the reports, a volunteer's
//     tasks and task, and the public page /help with its 422 answer and
//     its acknowledgement.
// Starts its own stack (stack.mjs).  Screenshots: $AGORA_BUILDDIR/screenshots/help-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DESKTOP, SHOTS, Stack, TIMEOUT, addUser, axeChecker, launchBrowser, runSuite,
    signIn, tearDown } from './stack.mjs';

await runSuite(suite);

async function suite() {
    let stack, browser;
    const uid = {};

    before(async () => {
        // A pharmacy configured (never reached: nothing sends the outbox
        // here), so the intake offers to send the prescriptions.
        stack = await Stack.start({ workers: 2, conf: {
            pharmacy_url: 'http://127.0.0.1:9/prescriptions',
            pharmacy_secret: 'a shared secret of the browser test, long enough',
        } });
        fs.mkdirSync(SHOTS, { recursive: true });
        for (const [name, role] of [['eleni', 'operator'], ['giorgos', 'dispatcher'],
            ['kostas', 'volunteer'], ['anna', 'admin'], ['petros', 'volunteer']]) {
            addUser(stack, name, role);
        }
        for (const line of stack.sql('SELECT username, id FROM users')) {
            const [u, id] = line.split('\t');
            uid[u] = id;
        }
        // Kostas is onboarded (Moria, groceries and medicines); the admin
        // needs no second factor for these pages' axe runs.
        stack.sql(`UPDATE users SET display_name = 'Κώστας Εθελοντής', email = 'kostas@vol.example.org' WHERE id = ${uid.kostas}`);
        stack.sql(`INSERT INTO help_volunteers (user_id, kind, phone, skills, has_car) VALUES (${uid.kostas}, 'volunteer', '6944000111', 'medicines,groceries', 1)`);
        stack.sql(`INSERT INTO help_volunteer_areas VALUES (${uid.kostas}, 2)`);
        browser = await launchBrowser();
    }, { timeout: 3 * TIMEOUT });

    after(() => tearDown(browser, stack), { timeout: 3 * TIMEOUT });

    // axe at both widths; screenshots help-NAME-WIDTH.png.
    const check = axeChecker('help');
    // Signed in by Enter in the password field.
    const signedIn = (name, js = true) => signIn(browser, stack, name, { js });

    const focused = (page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);

    // Press Tab until the element with this id has the focus; the number
    // of presses, at most max.
    async function tabTo(page, id, max = 40) {
        for (let i = 1; i <= max; i++) {
            await page.keyboard.press('Tab');
            if (await focused(page) === id) return i;
        }
        assert.fail(`Tab never reached #${id} (at ${await focused(page)})`);
    }

    test('an operator logs a medicines request with the keyboard alone', { timeout: 3 * TIMEOUT }, async () => {
        const { ctx, page } = await signedIn('eleni');
        try {
            const t0 = Date.now();
            await page.goto(stack.url('/admin/help/new'), { waitUntil: 'load' });
            assert.equal(await focused(page), 'help-phone', 'the phone field has the focus');
            // The matches appear as the number is typed (the script's lookup).
            await page.keyboard.type('2251 0 44555', { delay: 20 });
            await page.locator('#help-matches').getByText('Κανείς στο μητρώο').waitFor();
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
            assert.equal(await focused(page), 'A', 'nobody found: the focus is on "new resident"');
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
            assert.equal(await focused(page), 'f-first', 'the form opens on the first name');
            await page.keyboard.type('Ευανθία');
            await page.keyboard.press('Tab');
            await page.keyboard.type('Παπαδάκη');
            assert.equal(await page.locator('#f-phone').inputValue(), '2251044555', 'the number typed is kept');
            await tabTo(page, 'f-address');
            await page.keyboard.type('Οδός Αγίου Νικολάου 12');
            await page.keyboard.press('Tab');
            assert.equal(await focused(page), 'f-area', 'Tab: the village');
            await page.keyboard.press('ArrowDown');
            await page.keyboard.press('ArrowDown');
            await tabTo(page, 'f-vulnerability');
            await page.keyboard.press('Space');
            await tabTo(page, 'f-type');
            await page.keyboard.press('ArrowDown'); // the first type: medicines
            assert.equal(await page.locator('#f-type').inputValue(), 'medicines');
            const presses = await tabTo(page, 'f-prescriptions');
            assert.ok(presses <= 2, `the errand's kind is skipped for medicines (${presses} Tab)`);
            await page.keyboard.type('1234567890123');
            await page.keyboard.press('Enter');
            await page.keyboard.type('9876543210987');
            await page.keyboard.press('Tab');
            await page.keyboard.type('01014012345');
            await page.keyboard.press('Tab');
            await page.keyboard.type('Υπέρταση');
            await page.keyboard.press('Tab');
            assert.equal(await focused(page), 'f-urgency', 'Tab: the urgency');
            await page.keyboard.press('ArrowDown'); // normal -> urgent
            await tabTo(page, 'f-pharmacy');
            assert.ok(await page.locator('#f-pharmacy').isChecked(), 'sending to the pharmacy is ticked');
            await page.keyboard.press('Tab');
            await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
            const took = (Date.now() - t0) / 1000;
            assert.match(page.url(), /\/admin\/help\/cases\/\d+\?done=created$/, `saved: ${page.url()}`);
            assert.match(await page.locator('main').innerText(), /Το αίτημα καταχωρίστηκε/);
            const row = stack.sql(`SELECT c.type, c.urgency, b.first_name, b.area_id, h.prescriptions, c.pharmacy_state
                FROM help_cases c JOIN help_beneficiaries b ON b.id = c.beneficiary_id
                JOIN help_case_health h ON h.case_id = c.id ORDER BY c.id DESC LIMIT 1`)[0].split('\t');
            assert.deepEqual(row, ['medicines', 'urgent', 'Ευανθία', '2', '1234567890123\\n9876543210987', 'queued'],
                'the case, its resident, the codes, and the prescription queued for the pharmacy');
            console.log(`# the keyboard-only call took ${took.toFixed(1)} s in the browser (typing at machine speed)`);
        } finally {
            await ctx.close();
        }
    });

    test('every page of the support desk passes axe', { timeout: 12 * TIMEOUT }, async () => {
        // A case for the volunteer and the pages that show one.
        stack.sql(`INSERT INTO help_beneficiaries (first_name, last_name, phone, address, area_id, consent_at, consent_how, lang)
            VALUES ('Σταυρούλα', 'Μαυροπούλου', '2251055666', 'Πλατεία Σαπφούς 3', 2, NOW(), 'phone', 'el')`);
        const ben = stack.sql(`SELECT MAX(id) FROM help_beneficiaries`)[0];
        stack.sql(`INSERT INTO help_cases (beneficiary_id, area_id, type, details, urgency, wanted_by, channel, status, assignee_id, assigned_at)
            VALUES (${ben}, 2, 'groceries', 'Ψωμί, γάλα, φρούτα', 'normal', NOW() + INTERVAL 1 DAY, 'phone', 'assigned', ${uid.kostas}, NOW())`);
        const task = stack.sql(`SELECT MAX(id) FROM help_cases`)[0];
        stack.sql(`INSERT INTO help_case_events (case_id, kind, status) VALUES (${task}, 'created', 'new')`);
        for (const js of [true, false]) {
            const how = js ? 'js' : 'nojs';
            const op = await signedIn('eleni', js);
            try {
                for (const [p, status, name] of [
                    ['/admin/help', 200, 'queue'], ['/admin/help/new', 200, 'intake'],
                    ['/admin/help/new?phone=2251055', 200, 'intake-matches'],
                    ['/admin/help/new?new=1&phone=2251099888', 200, 'intake-new'],
                    [`/admin/help/new?ben=${ben}`, 200, 'intake-person'],
                    [`/admin/help/cases/${task}`, 200, 'case'], [`/admin/help/cases/${task}?health=1`, 200, 'case-health'],
                    ['/admin/help/people', 200, 'people'], ['/admin/help/people?q=2251', 200, 'people-found'],
                    [`/admin/help/people/${ben}?health=1`, 200, 'person'], ['/admin/help/people/new', 200, 'person-new'],
                    ['/admin/help/reports', 200, 'reports'], ['/en/admin/help', 200, 'queue-en'],
                    ['/admin', 200, 'dashboard']]) {
                    const res = await op.page.goto(stack.url(p), { waitUntil: 'load' });
                    assert.equal(res.status(), status, `GET ${p}`);
                    await check(op.page, `${name}-${how}`, js);
                }
                // The intake's 422: the error summary, the fields marked.
                await op.page.goto(stack.url('/admin/help/new?new=1&phone=2251099888'), { waitUntil: 'load' });
                const save = op.page.getByRole('button', { name: 'Αποθήκευση αιτήματος' });
                assert.equal(await save.count(), 1, 'one save button');
                await Promise.all([op.page.waitForNavigation({ waitUntil: 'load' }), save.click()])
                    .catch(async (e) => {
                        await op.page.screenshot({ path: path.join(SHOTS, `help-intake-422-failed-${how}.png`), fullPage: true });
                        throw new Error(`${e.message} at ${op.page.url()}`);
                    });
                assert.match(await op.page.title(), /^Σφάλμα/, 'the 422 page says so in its title');
                await check(op.page, `intake-422-${how}`, js);
            } finally {
                await op.ctx.close();
            }
            const disp = await signedIn('giorgos', js);
            try {
                for (const [p, name] of [[`/admin/help/cases/${task}`, 'case-dispatcher'],
                    ['/admin/help/volunteers', 'volunteers'], [`/admin/help/volunteers/${uid.kostas}`, 'volunteer'],
                    [`/admin/help/volunteers/new?user=${uid.petros}`, 'onboard'],
                    ['/admin/help/volunteers?type=groceries&area=2', 'suggest']]) {
                    const res = await disp.page.goto(stack.url(p), { waitUntil: 'load' });
                    assert.equal(res.status(), 200, `GET ${p}`);
                    await check(disp.page, `${name}-${how}`, js);
                }
            } finally {
                await disp.ctx.close();
            }
            const vol = await signedIn('kostas', js);
            try {
                for (const [p, name] of [['/admin/help/tasks', 'tasks'], [`/admin/help/tasks/${task}`, 'task'],
                    ['/admin', 'dashboard-volunteer']]) {
                    const res = await vol.page.goto(stack.url(p), { waitUntil: 'load' });
                    assert.equal(res.status(), 200, `GET ${p}`);
                    await check(vol.page, `${name}-${how}`, js);
                }
            } finally {
                await vol.ctx.close();
            }
            // The public page, its 422 and its acknowledgement.
            const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'el-GR', javaScriptEnabled: js });
            try {
                const page = await ctx.newPage();
                for (const [p, name] of [['/help', 'public'], ['/en/help', 'public-en']]) {
                    const res = await page.goto(stack.url(p), { waitUntil: 'load' });
                    assert.equal(res.status(), 200, `GET ${p}`);
                    await check(page, `${name}-${how}`, js);
                }
                await page.goto(stack.url('/help'), { waitUntil: 'load' });
                const submit = page.locator('form[action^="/help"] button[type="submit"]');
                await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), submit.click()]);
                assert.match(await page.title(), /^Σφάλμα/, 'the public form\'s 422');
                await check(page, `public-422-${how}`, js);
            } finally {
                await ctx.close();
            }
        }
    });
}
