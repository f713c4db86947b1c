// stack.mjs - a private Agora stack for one browser test file, started the
// way t/lib/Agora/Test.pm starts it: `script/server start` with all state in
// a fresh temporary directory, a free port and AGORA_SKIP_SETUP=1 (no
// apt-get, no build), so the browser sees the same stack a developer's
// `script/server` runs and the Perl tests use.
//
//   import { Stack } from './stack.mjs';
//   const stack = await Stack.start();      // throws with the logs on failure
//   stack.url('/news/x')                     // http://127.0.0.1:PORT/news/x
//   await stack.stop();                      // idempotent
//   stack.logProblems()                      // [alert]/[emerg], sanitizer lines
//   stack.cleanup();                         // removes the temp dir (unless AGORA_KEEP=1)
//
// A stack that is still running when the process exits (an exception, a
// Ctrl-C, a TERM from a timeout) is stopped synchronously on the way out.
//
// Environment: AGORA_SRCDIR (the repository; default: found from this file),
// AGORA_BUILDDIR (default: $AGORA_SRCDIR/build) - both set by `make check`;
// AGORA_KEEP=1 keeps the temporary directory for a post-mortem.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SRCDIR = path.resolve(process.env.AGORA_SRCDIR ||
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
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
        this.conf = conf;
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
