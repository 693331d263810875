#!/usr/bin/env node
// The production HTTP server (`npm start` runs it after building): Next.js's request
// handler behind a plain node:http server, so the one thing only the socket knows — who
// connected — can be put where the app reads it. Next's own `next start` keeps a
// client-sent X-Forwarded-For and only fills it from the socket when absent, so a client
// could name any address and walk around the per-address sign-in throttle (issue 10).
import http from 'node:http';
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

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const port = Number(process.env.PORT ?? 3000);
  const trusted = process.env.TRUST_PROXY === '1';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    sanitizeForwardedHeaders(req, trusted);
    void handle(req, res);
  });
  server.listen(port, () => console.log(`[serve] listening on port ${port}${trusted ? ' (trusting X-Forwarded-* from a proxy)' : ''}`));
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
