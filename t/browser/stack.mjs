// stack.mjs - a private Agora stack for one browser test file, started the
// way t/lib/Agora/Test.pm starts it: `script/server start` with all state in
// a fresh temporary directory, a free port and AGORA_SKIP_SETUP=1 (no
// apt-get, no build), so the browser sees the same stack a developer's
// `script/server` runs and the Perl tests use.  It also exports what the
// browser test files share, so each says it once: HERE (t/browser), where
// the npm packages are (NODE_MODULES, requireNM), CHROMIUM, TIMEOUT,
// WCAG_TAGS, the DESKTOP and NARROW viewports, SHOTS (the screenshots'
// folder) and the functions missingPrerequisite(), runSuite(),
// launchBrowser(), tearDown(), addUser(), signIn(), totp(), signInAdmin(), axeSource(),
// stubTimers(), formatViolations() and axeChecker().
//
//   import { Stack } from './stack.mjs';
//   const stack = await Stack.start();      // throws with the logs on failure
//   stack.url('/news/x')                     // http://127.0.0.1:PORT/news/x
//   await stack.stop();                      // idempotent
//   stack.logProblems()                      // [alert]/[emerg], sanitizer lines
//   stack.cleanup();                         // removes the temp dir (unless AGORA_KEEP=1)
//
//   const browser = await launchBrowser();   // Debian's chromium
//   addUser(stack, 'eleni', 'operator');     // a staff user; signIn() knows her password
//   const { ctx, page } = await signIn(browser, stack, 'eleni');
//   const check = axeChecker('help');        // screenshots SHOTS/help-NAME-WIDTH.png
//   await check(page, 'queue-js', true);     // axe at DESKTOP and NARROW, no sideways scroll
//
// A stack that is still running when the process exits (an exception, a
// Ctrl-C, a TERM from a timeout) is stopped synchronously on the way out.
//
// Environment: AGORA_SRCDIR (the repository; default: found from this file),
// AGORA_BUILDDIR (default: $AGORA_SRCDIR/build) - both set by `make check`;
// AGORA_KEEP=1 keeps the temporary directory for a post-mortem;
// AGORA_NODE_MODULES (default: t/browser/node_modules) - set by `make distcheck`.

import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));   // t/browser
export const SRCDIR = path.resolve(process.env.AGORA_SRCDIR || path.join(HERE, '..', '..'));
export const BUILDDIR = path.resolve(process.env.AGORA_BUILDDIR || path.join(SRCDIR, 'build'));

const live = new Set();   // stacks not yet stopped

function stopAllSync() {
    for (const s of live) s.stopSync();
}
process.on('exit', () => {
    stopAllSync();
    for (const s of [...Stack.all]) s.cleanup();
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
        stopAllSync();
        for (const s of [...Stack.all]) s.cleanup();
        process.exit(128 + (os.constants.signals[sig] || 0));
    });
}

// A free TCP port on 127.0.0.1 (the kernel picks one; we release it).
function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

function readFile(p) {
    try { return fs.readFileSync(p, 'utf8'); } catch { return null; }
}

function tail(text, n) {
    const lines = text.replace(/\n$/, '').split('\n');
    return lines.slice(-n).join('\n');
}

export class Stack {
    static all = new Set();   // every stack made, until cleanup()

    constructor({ workers = 3, conf = {} } = {}) {
        this.workers = workers;
        // No micro-cache (conf micro_cache) unless a test asks for it: a
        // test that edits a page and reads it at once checks the edit,
        // not the second it may wait in nginx's cache (t/http/90 tests
        // the cache itself).
        // Nor kept statistics (stats_refresh; t/http/56 tests them).
        // AGORA_TEST_MICRO_CACHE=1 runs them with the cache on.
        this.conf = { micro_cache: Number(process.env.AGORA_TEST_MICRO_CACHE || 0), stats_refresh: 0, ...conf };
        this.stopped = false;
        this.cleaned = false;
    }

    // Start a stack; on failure it is stopped, its logs' tails are in the
    // error's message, and the temp dir is removed.
    static async start(opts = {}) {
        const s = new Stack(opts);
        await s.#start();
        return s;
    }

    async #start() {
        const fcgi = path.join(BUILDDIR, 'agora.fcgi');
        if (!isExecutable(fcgi)) {
            throw new Error(`no agora.fcgi in ${BUILDDIR} (build first, or set AGORA_BUILDDIR)`);
        }
        // Short path: sockets live in var/run and must stay under 107 bytes.
        this.var = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-t-'));
        Stack.all.add(this);
        this.port = await freePort();
        fs.writeFileSync(path.join(this.var, 'agora.conf.local'),
            Object.keys(this.conf).sort().map(k => `${k} = ${this.conf[k]}\n`).join(''));
        live.add(this);
        const { rc, out } = await this.server('start');
        if (rc !== 0) {
            const logs = this.logTails();
            await this.stop();
            this.cleanup();
            throw new Error(`script/server start failed (exit ${rc}):\n${out}\n${logs}`);
        }
    }

    get baseURL() { return `http://127.0.0.1:${this.port}`; }
    url(p = '/') { return this.baseURL + p; }

    env() {
        return {
            ...process.env,
            AGORA_VAR: this.var,
            AGORA_PORT: String(this.port),
            AGORA_BUILD: BUILDDIR,
            AGORA_WORKERS: String(this.workers),
            AGORA_SKIP_SETUP: '1',
        };
    }

    // server(COMMAND): run `bash script/server COMMAND` for this stack;
    // resolves to { rc, out }.  Output goes to a file, never a pipe: the
    // daemons script/server starts would hold a pipe open.
    server(cmd) {
        const outFile = path.join(this.var, `server-${cmd}.out`);
        const fd = fs.openSync(outFile, 'w');
        return new Promise((resolve) => {
            const child = spawn('bash', [path.join(SRCDIR, 'script', 'server'), cmd], {
                env: this.env(), stdio: ['ignore', fd, fd],
            });
            const done = (rc) => {
                fs.closeSync(fd);
                const out = readFile(outFile) ?? '';
                fs.rmSync(outFile, { force: true });
                resolve({ rc, out });
            };
            child.on('error', (e) => done(127));
            child.on('exit', (code, signal) => done(code ?? 128 + (os.constants.signals[signal] || 0)));
        });
    }

    async stop() {
        if (this.stopped || !this.var) return;
        this.stopped = true;
        live.delete(this);
        const { rc, out } = await this.server('stop');
        if (rc !== 0) process.stderr.write(`# script/server stop failed (exit ${rc}): ${out}\n`);
    }

    // The synchronous stop for process exit and signals.
    stopSync() {
        if (this.stopped || !this.var) return;
        this.stopped = true;
        live.delete(this);
        spawnSync('bash', [path.join(SRCDIR, 'script', 'server'), 'stop'], {
            env: this.env(), stdio: 'ignore', timeout: 120_000,
        });
    }

    runDir() {
        return (readFile(path.join(this.var, 'state', 'run-dir')) ?? path.join(this.var, 'run')).trim();
    }

    log(name) { return readFile(path.join(this.var, 'log', name)) ?? ''; }

    // sql(STATEMENT): run it as the database's root in database agora, as
    // Agora::Test's sql() does (the session in the municipality's zone);
    // returns the output lines.  Throws with the client's message on error.
    sql(stmt) {
        const r = spawnSync('mariadb', ['--no-defaults', `--socket=${this.runDir()}/mysqld.sock`,
            `--user=${os.userInfo().username}`, '--default-character-set=utf8mb4', '--batch',
            '--skip-column-names', "--init-command=SET time_zone = 'Europe/Athens'", 'agora'],
        { input: stmt, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`sql failed (${stmt.slice(0, 200)}): ${r.stderr}`);
        return r.stdout.split('\n').filter((l) => l !== '');
    }

    // Lines the Perl harness also refuses: nginx [alert]/[emerg], sanitizer
    // reports in agora.log.
    logProblems() {
        return [
            ...this.log('nginx-error.log').split('\n').filter(l => /\[(alert|emerg)\]/.test(l)),
            ...this.log('agora.log').split('\n')
                .filter(l => /AddressSanitizer|LeakSanitizer|runtime error:/.test(l)),
        ];
    }

    logTails(n = 25) {
        const parts = [];
        for (const name of ['agora.log', 'nginx-error.log', 'mariadb.log']) {
            const text = readFile(path.join(this.var, 'log', name));
            if (text === null) continue;
            parts.push(`---- last lines of ${path.join(this.var, 'log', name)} ----\n${tail(text, n)}`);
        }
        return parts.join('\n');
    }

    // Remove the temp dir (and the run dir, when the sockets had to live
    // elsewhere because the path was too long), unless AGORA_KEEP=1.
    cleanup() {
        if (this.cleaned || !this.var) return;
        this.cleaned = true;
        Stack.all.delete(this);
        if (process.env.AGORA_KEEP) {
            process.stderr.write(`# AGORA_KEEP: state kept in ${this.var}\n`);
            return;
        }
        const run = this.runDir();
        if (!run.startsWith(this.var + '/')) fs.rmSync(run, { recursive: true, force: true });
        fs.rmSync(this.var, { recursive: true, force: true });
    }
}

function isExecutable(p) {
    try { fs.accessSync(p, fs.constants.X_OK); return true; } catch { return false; }
}

// ---- what the browser test files share ------------------------------------------

// The npm packages: t/browser/node_modules, or AGORA_NODE_MODULES (set by
// `make distcheck`, whose unpacked tree has no node_modules of its own).
// Nothing is loaded from them here before a test file has checked them.
export const NODE_MODULES = process.env.AGORA_NODE_MODULES || path.join(HERE, 'node_modules');
export const requireNM = createRequire(path.join(NODE_MODULES, '..', 'package.json'));
export const CHROMIUM = '/usr/bin/chromium';
export const TIMEOUT = 60_000;
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
// The two widths axeChecker() runs at.  Width and height only: Playwright
// reads nothing else from a viewport (a phone's touch and user agent come
// from the context's isMobile, which only axe.mjs sets).
export const DESKTOP = { width: 1280, height: 800 };
export const NARROW = { width: 320, height: 568 };
export const SHOTS = path.join(BUILDDIR, 'screenshots');

// What to do when the npm packages or chromium are missing; null when
// all is there.
export function missingPrerequisite() {
    if (!fs.existsSync(path.join(NODE_MODULES, 'playwright-core', 'package.json')) ||
        !fs.existsSync(CHROMIUM)) {
        return `run npm ci in ${HERE} and apt-get install chromium (script/test does both)`;
    }
    return null;
}

// A test file's top: its suite(), or when something is missing (the
// message of missingPrerequisite() or of the file's own check), one test
// that fails saying so - a browser test fails loudly, never skips.
export async function runSuite(suite, missing = missingPrerequisite()) {
    if (missing) {
        test('browser test prerequisites', () => assert.fail(missing));
    } else {
        await suite();
    }
}

// Debian's chromium through playwright-core (pinned in package.json to the
// release that targets it), without what would reach out to the internet.
export function launchBrowser() {
    const { chromium } = requireNM('playwright-core');
    return chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
}

// Every test file's after(): the browser closed (a last test may have
// closed it already), the stack stopped and its temp dir removed.
export async function tearDown(browser, stack) {
    await browser?.close().catch(() => {});
    if (stack) {
        await stack.stop();
        stack.cleanup();
    }
}

// The password addUser() gives the staff user NAME, and signIn() types.
const passwordOf = (name) => `ο κωδικός του χρήστη ${name}`;

// Add the staff user NAME with ROLE (and agora-admin's further options in
// args, e.g. ['--department', '4']) to the stack, by agora-admin.
export function addUser(stack, name, role, args = []) {
    const pwfile = path.join(stack.var, `pw-${name}`);
    fs.writeFileSync(pwfile, `${passwordOf(name)}\n`);
    const r = spawnSync(path.join(BUILDDIR, 'agora-admin'),
        ['-c', path.join(stack.var, 'agora.conf'), 'user', 'add', name, '--role', role,
         ...args, '--password-file', pwfile], { encoding: 'utf8' });
    assert.equal(r.status, 0, `agora-admin user add ${name}: ${r.stdout}${r.stderr}`);
}

// A new context at DESKTOP in Greek, with JavaScript on or off, and a page
// in it signed in as NAME (a user of addUser()); { ctx, page }.  The form
// is sent by Enter in the password field, or by a click on its button
// with click: true.  Where the page lands is for the caller to check.
export async function signIn(browser, stack, name, { js = true, click = false } = {}) {
    const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'el-GR', javaScriptEnabled: js });
    ctx.setDefaultTimeout(TIMEOUT / 2);
    const page = await ctx.newPage();
    await page.goto(stack.url('/admin/login'), { waitUntil: 'load' });
    await page.getByLabel('Όνομα χρήστη').fill(name);
    await page.getByLabel('Κωδικός πρόσβασης').fill(passwordOf(name));
    await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        click ? page.getByRole('button', { name: 'Σύνδεση', exact: true }).click()
            : page.getByLabel('Κωδικός πρόσβασης').press('Enter'),
    ]);
    return { ctx, page };
}

// RFC 6238: the six-digit code for a base32 key at time t (seconds).
export function totp(base32, t = Date.now() / 1000) {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let bits = '';
    for (const ch of base32.replace(/[\s=]/g, '').toUpperCase())
        bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
    const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
    const step = Math.floor(t / 30);
    const msg = Buffer.alloc(8);
    msg.writeUInt32BE(Math.floor(step / 2 ** 32), 0);
    msg.writeUInt32BE(step % 2 ** 32, 4);
    const h = crypto.createHmac('sha1', key).update(msg).digest();
    const o = h[h.length - 1] & 0x0f;
    return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

// An administrator NAME (added by agora-admin) signed in in a new context at
// DESKTOP with the second factor an administrator's pages ask for set up on
// the way: { ctx, page } on the page the enrolment lands on.  admin.mjs
// checks each step of that flow itself; the other files only need the role.
export async function signInAdmin(browser, stack, name) {
    addUser(stack, name, 'admin');
    const { ctx, page } = await signIn(browser, stack, name);
    assert.match(page.url(), /\/admin\/account\/2fa$/, 'an admin is sent to set up a second factor');
    const key = (await page.locator('code.secret').textContent()).trim();
    await page.locator('#f-code').fill(totp(key));
    await Promise.all([
        page.waitForNavigation({ waitUntil: 'load' }),
        page.getByRole('button', { name: 'Ενεργοποίηση', exact: true }).click(),
    ]);
    return { ctx, page };
}

// axe-core's source, read once, when a test first needs it (after the
// prerequisites were checked).
let axeSourceText;
export function axeSource() {
    axeSourceText ??= fs.readFileSync(requireNM.resolve('axe-core/axe.min.js'), 'utf8');
    return axeSourceText;
}

// With JavaScript disabled the page's own timers never fire, so axe
// (which schedules work with setTimeout) would never finish.  Replace
// setTimeout/clearTimeout/requestAnimationFrame with promise-based
// versions before axe's source is evaluated in the page.  Long timeouts
// are axe's watchdogs (frames that never answer): those are never fired.
export function stubTimers(page) {
    return page.evaluate(() => {
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

// axe's violations as a failure message: each rule and the elements it
// found, one line each.
export function formatViolations(violations, label) {
    return [`${violations.length} axe violation(s) on ${label}:`, ...violations.flatMap((v) => [
        `- ${v.id} [${v.impact}] ${v.help}`,
        ...v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html.replace(/\s+/g, ' ').slice(0, 200)}`),
    ])].join('\n');
}

// check(page, name, js = true): axe on the page at DESKTOP and at NARROW
// (where nothing may stick out sideways either), a screenshot of each as
// SHOTS/PREFIX-NAME-WIDTH.png, then back to DESKTOP.  With js false (a
// context with JavaScript off) axe's source is still run by page.evaluate
// (the page's own scripts are what is off), after stubTimers().
export function axeChecker(prefix) {
    return async function check(page, name, js = true) {
        for (const vp of [DESKTOP, NARROW]) {
            await page.setViewportSize(vp);
            if (!js) await stubTimers(page);
            await page.evaluate(axeSource());
            const res = await page.evaluate((tags) => window.axe.run(document,
                { runOnly: { type: 'tag', values: tags } }), WCAG_TAGS);
            assert.ok(res.passes.length > 10, `axe ran on ${name}`);
            assert.equal(res.violations.length, 0, formatViolations(res.violations, `${name} at ${vp.width}px`));
            const over = await page.evaluate(() =>
                document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(over <= 0, `${name} at ${vp.width}px scrolls sideways by ${over}px`);
            await page.screenshot({ path: path.join(SHOTS, `${prefix}-${name}-${vp.width}.png`), fullPage: true });
        }
        await page.setViewportSize(DESKTOP);
    };
}
