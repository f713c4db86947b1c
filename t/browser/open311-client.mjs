// open311-client.mjs - Agora's Open311 API through a published client, as
// it is: Code for America's Node.js module `open311` (node-open311, on the
// npm registry) in its JSON mode.  An administrator issues the key in
// /admin/api-keys in Chromium; the client then finds the endpoint by
// service discovery, lists the services, reads a definition, files a
// request with an answer to its question, follows its token, reads it back
// by id, by several ids and by status (its dates turned into valid Date
// objects), and is refused with the status it reports for a wrong key.  The
// request it filed has its web tracking page; nothing it read carries the
// reporter's name, e-mail or phone.  The XML side is read as FixMyStreet's
// client reads it in t/http/82-open311-fixmystreet.t.  script/test
// fetches the module's tarball with npm pack (checked against the
// registry's integrity) into node_modules/open311, as its package.json
// names a git URL Debian's npm cannot parse; its dependencies are in
// package.json, and its two XML helpers (that git URL, and a native
// build) are t/browser/stubs/xml-unavailable.  Its JSON path is the
// module's own code.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Stack, TIMEOUT, launchBrowser, requireNM, runSuite, signInAdmin, tearDown } from './stack.mjs';

await runSuite(suite);

// The client's callback style, as a promise: resolves with its data,
// rejects with what it passes as the error (a status code, or true).
function call(client, method, ...args) {
    return new Promise((resolve, reject) => {
        client[method](...args, (err, data) => (err ? reject(Object.assign(new Error(
            `${method}: ${err} ${typeof data === 'string' ? data : ''}`), { status: err })) : resolve(data)));
    });
}

async function suite() {
    const Open311 = requireNM('open311');
    const PRIVATE = { first: 'Καλλιόπη', last: 'Μυστικοπούλου', email: 'kalliopi.mystiko@example.org',
        phone: '6944556677' };
    let stack, browser, key, question, choice, id;
    const read = [];    // everything the client handed back, for the privacy check
    const keep = (data) => { read.push(JSON.stringify(data)); return data; };

    before(async () => {
        stack = await Stack.start();
        browser = await launchBrowser();
        // Only this file's requests; water (5) asks one required choice.
        stack.sql('DELETE FROM requests; DELETE FROM request_questions;');
        stack.sql(`INSERT INTO request_questions (category_id, kind, label_el, required, sort_order)
                   VALUES (5, 'choice', 'Τι βλέπετε;', 1, 1)`);
        [question] = stack.sql('SELECT id FROM request_questions WHERE category_id = 5');
        stack.sql(`INSERT INTO request_question_choices (question_id, label_el, sort_order)
                   VALUES (${question}, 'Διαρροή νερού', 1), (${question}, 'Χαμηλή πίεση', 2)`);
        [choice] = stack.sql(`SELECT id FROM request_question_choices WHERE question_id = ${question}
                              ORDER BY sort_order LIMIT 1`);
    });
    after(() => tearDown(browser, stack));

    test('an administrator issues the app a key in /admin/api-keys', { timeout: TIMEOUT }, async () => {
        const { ctx, page } = await signInAdmin(browser, stack, 'maria');
        await page.goto(stack.url('/admin/api-keys'), { waitUntil: 'load' });
        await page.getByLabel('Κάτοχος του κλειδιού').fill('Εφαρμογή Open311 (Node.js)');
        await page.getByLabel('E-mail επικοινωνίας του κατόχου').fill('dev@app.example.org');
        await page.getByLabel('Αιτήματα ανά ώρα').fill('100');
        await Promise.all([
            page.waitForNavigation({ waitUntil: 'load' }),
            page.getByRole('button', { name: 'Έκδοση κλειδιού', exact: true }).click(),
        ]);
        key = (await page.locator('#new-key').textContent()).trim();
        assert.match(key, /^agora_[A-Za-z0-9_-]{43}$/, 'the key is shown once');
        await ctx.close();
    });

    // The client as an app configures it: the discovery URL and a key.
    let client;
    test('serviceDiscovery finds the production GeoReport v2 endpoint', async () => {
        client = new Open311({ discovery: stack.url('/open311/v2/discovery.json'),
            jurisdiction: '127.0.0.1', apiKey: key });
        const d = keep(await call(client, 'serviceDiscovery', { cache: true }));
        assert.ok(Array.isArray(d.endpoints) && d.endpoints.length >= 1, 'endpoints is a list');
        assert.equal(client.endpoint, stack.url('/open311/v2/'), 'the client took the endpoint from it');
        assert.equal(client.format, 'json');
    });

    test('serviceList: the categories, metadata as booleans', async () => {
        const list = keep(await call(client, 'serviceList'));
        assert.ok(Array.isArray(list) && list.length >= 5, `a list of services (${list.length})`);
        const by = Object.fromEntries(list.map((s) => [s.service_code, s]));
        assert.equal(by['5'].metadata, true, 'water has questions');
        assert.equal(by['1'].metadata, false, 'lighting has none');
        assert.ok(list.every((s) => typeof s.service_name === 'string' && s.service_name !== ''),
            'every service is named');
        assert.ok(list.every((s) => ['realtime', 'batch', 'blackbox'].includes(s.type)), 'and typed');
    });

    test('serviceDefinition: the question as an attribute with its values', async () => {
        const def = keep(await call(client, 'serviceDefinition', '5'));
        assert.equal(def.service_code, '5');
        assert.equal(def.attributes.length, 1);
        const [a] = def.attributes;
        assert.equal(a.code, question);
        assert.equal(a.datatype, 'singlevaluelist');
        assert.equal(a.required, true);
        assert.equal(a.order, 1);
        assert.deepEqual(a.values.map((v) => v.name), ['Διαρροή νερού', 'Χαμηλή πίεση']);
        assert.equal(a.values[0].key, choice);
    });

    const report = () => ({
        service_code: '5', lat: 39.10631, long: 26.55472, description: 'Τρέχει νερό από το καπάκι του φρεατίου.',
        first_name: PRIVATE.first, last_name: PRIVATE.last, email: PRIVATE.email, phone: PRIVATE.phone,
        attributes: { [question]: choice },
    });

    test('submitRequest with a wrong key: refused, the client sees 403', async () => {
        const bad = new Open311({ endpoint: stack.url('/open311/v2/'), jurisdiction: '127.0.0.1',
            apiKey: `agora_${'x'.repeat(43)}` });
        await assert.rejects(call(bad, 'submitRequest', report()), (e) => e.status === 403);
        assert.deepEqual(stack.sql('SELECT COUNT(*) FROM requests'), ['0'], 'nothing was filed');
    });

    test('submitRequest: the number (or a token that leads to it)', async () => {
        const [res] = keep(await call(client, 'submitRequest', report()));
        id = res.service_request_id;
        if (!id) {
            const [t] = keep(await call(client, 'token', res.token));
            id = t.service_request_id;
        }
        assert.match(id ?? '', /^\d{4}-\d{6}$/, 'the tracking code');
        assert.deepEqual(stack.sql(`SELECT channel, email FROM requests WHERE code = '${id}'`),
            [`open311\t${PRIVATE.email}`], 'stored, channel open311, the e-mail kept for the reporter');
        assert.deepEqual(stack.sql(`SELECT COUNT(*) FROM request_answers a JOIN requests r
            ON r.id = a.request_id WHERE r.code = '${id}'`), ['1'], 'with the answer');
        if (res.token) {
            const [t] = keep(await call(client, 'token', res.token));
            assert.equal(t.service_request_id, id, 'the token leads to the same request');
        }
        const again = keep(await call(client, 'submitRequest', report()));
        assert.equal(again[0].service_request_id, id, 'the same POST again: the same request');
        assert.deepEqual(stack.sql('SELECT COUNT(*) FROM requests'), ['1']);
    });

    test('serviceRequest(id), by several ids and by status; dates as Date objects', async () => {
        const [r] = keep(await call(client, 'serviceRequest', id));
        assert.equal(r.service_request_id, id);
        assert.equal(r.status, 'open');
        assert.equal(r.service_code, '5');
        assert.equal(typeof r.lat, 'number');
        assert.ok(r.requested_datetime instanceof Date && !Number.isNaN(r.requested_datetime.getTime()),
            `requested_datetime is a valid Date (${r.requested_datetime})`);
        assert.ok(Math.abs(r.requested_datetime - Date.now()) < 300_000, '... of now');
        assert.ok(!Number.isNaN(r.updated_datetime.getTime()), 'updated_datetime too');
        const several = keep(await call(client, 'serviceRequests', [id, '1999-000001'], {}));
        assert.deepEqual(several.map((x) => x.service_request_id), [id], 'an array of ids: the ones that exist');
        const open = keep(await call(client, 'serviceRequests', { status: 'open' }));
        assert.ok(open.some((x) => x.service_request_id === id), 'status=open lists it');
        const closed = keep(await call(client, 'serviceRequests', { status: 'closed' }));
        assert.ok(!closed.some((x) => x.service_request_id === id), 'status=closed does not');
    });

    test('the request the client filed has its web tracking page', async () => {
        const res = await fetch(stack.url(`/requests/${id}`));
        assert.equal(res.status, 200);
        assert.match(await res.text(), /Τρέχει νερό από το καπάκι του φρεατίου/);
    });

    test("nothing the client read carries the reporter's name, e-mail or phone", () => {
        const all = read.join('\n');
        assert.ok(read.length >= 8, `${read.length} answers read`);
        for (const [what, v] of Object.entries(PRIVATE)) assert.ok(!all.includes(v), `no ${what}`);
    });

    test('the stack logged no problem', () => {
        assert.deepEqual(stack.logProblems(), []);
    });
}
