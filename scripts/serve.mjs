#!/usr/bin/env node
// The production HTTP server (`npm start` runs it after building): Next.js's request
// handler behind a plain node:http server, so the one thing only the socket knows — who
// connected — can be put where the app reads it. Next's own `next start` keeps a
// client-sent X-Forwarded-For and only fills it from the socket when absent, so a client
// could name any address and walk around the per-address sign-in throttle (issue 10).
import cluster from 'node:cluster';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The headers a reverse proxy sets about the client; only a trusted proxy's are kept. */
export const FORWARDED_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-port', 'x-forwarded-proto', 'x-real-ip'];

/**
 * Without TRUST_PROXY=1 nothing the client says about itself is kept: the forwarded
 * headers are dropped and X-Forwarded-For is set to the socket's peer address, which
 * lib/platform/client-address.ts then reads. Behind a trusted proxy they pass unchanged.
 */
export function sanitizeForwardedHeaders(req, trusted) {
  if (trusted) return;
  for (const h of FORWARDED_HEADERS) delete req.headers[h];
  req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
}

/**
 * How many server processes one instance runs (WEB_CONCURRENCY): unset → 1, `auto` → one
 * per core. One Node process renders on one core; on a machine with more, each extra
 * process is one more instance on the same database (see README, *Deployment shape*).
 */
export function webConcurrency(value, cores = availableParallelism()) {
  const v = (value ?? '').trim();
  if (v === '') return 1;
  if (v === 'auto') return cores;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64 or "auto", not "${value}"`);
  return n;
}

/**
 * The primary of a multi-process instance: forks the server processes (they share the
 * port — node:cluster hands each new connection to the next one), replaces one that dies
 * after it was serving, and on SIGTERM/SIGINT passes the signal on and exits when all have
 * finished. A process that dies before it ever listened is a configuration error, not a
 * crash to retry: the primary exits with its code.
 */
function runPrimary(count, port) {
  let stopping = false;
  let listening = 0;
  const served = new Set();
  const fork = () => cluster.fork();
  cluster.on('listening', (worker) => {
    served.add(worker.id);
    if (++listening === count)
      console.log(
        `[serve] listening on port ${port} (${count} server processes)${process.env.TRUST_PROXY === '1' ? ' (trusting X-Forwarded-* from a proxy)' : ''}`,
      );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!served.has(worker.id)) {
      console.error(`[serve] a server process exited before listening (${signal ?? code}); stopping`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = code || 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(code || 1);
      return;
    }
    console.error(`[serve] server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      // The processes' own backstop is 30 s (below); this one only covers a process that hangs.
      setTimeout(() => process.exit(process.exitCode ?? 0), 35_000).unref();
    });
  }
  for (let i = 0; i < count; i++) fork();
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const count = webConcurrency(process.env.WEB_CONCURRENCY);
  if (count > 1 && cluster.isPrimary) return runPrimary(count, port);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const trusted = process.env.TRUST_PROXY === '1';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    sanitizeForwardedHeaders(req, trusted);
    void handle(req, res);
  });
  // Next installs its own uncaughtException handler, so an unhandled listen error (a taken
  // port) would leave a process that serves nothing: exit instead.
  server.on('error', (err) => {
    console.error(`[serve] cannot serve on port ${port}: ${err.message}`);
    process.exit(1);
  });
  server.listen(port, () => {
    if (cluster.isPrimary) console.log(`[serve] listening on port ${port}${trusted ? ' (trusting X-Forwarded-* from a proxy)' : ''}`);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    // Stop accepting connections; the app's own handler (jobs/start.ts, NEXT_MANUAL_SIG_HANDLE)
    // finishes the jobs in hand, closes the pool and exits. The timer is only a backstop.
    process.on(sig, () => {
      server.close();
      setTimeout(() => process.exit(0), 30_000).unref();
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
