// Issue 10, item 4/17: without TRUST_PROXY the per-address sign-in throttle is keyed on the
// socket's peer address, not on an X-Forwarded-For the client makes up. The server in
// front is the production one's own request listener step (scripts/serve.mjs), over real
// HTTP on 127.0.0.1; the handler does what next-auth's authorize does with the headers.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { ADDRESS_FAILURE_LIMIT } from '@/lib/auth/sign-in-throttle';
import { clientAddress } from '@/lib/platform/client-address';
import { sanitizeForwardedHeaders } from '../../scripts/serve.mjs';
import { freshDb } from './support/test-db';

const db = await freshDb();
const at = new Date('2031-01-01T10:00:00Z');

function startServer(trusted: boolean): Promise<Server> {
  const server = createServer(async (req, res) => {
    sanitizeForwardedHeaders(req, trusted);
    const headers = new Headers(
      Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])),
    );
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const email = query.get('email') ?? '';
    // Each test signs in on its own day, so the throttle windows of tests don't overlap.
    const now = new Date(at.getTime() + Number(query.get('day') ?? 0) * 86_400_000);
    const ip = clientAddress(headers, trusted);
    const outcome = await attemptSignIn(db, { email, password: 'wrong', clientIp: ip, now });
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ip, outcome: outcome.ok ? 'ok' : outcome.reason, forwardedHost: req.headers['x-forwarded-host'] ?? null }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let direct: Server;
let behindProxy: Server;
const url = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
beforeAll(async () => {
  direct = await startServer(false);
  behindProxy = await startServer(true);
});
afterAll(async () => {
  await Promise.all([direct, behindProxy].map((s) => new Promise((r) => s.close(r))));
});

const post = async (server: Server, email: string, headers: Record<string, string>, day = 0) =>
  (await fetch(`${url(server)}/sign-in?email=${encodeURIComponent(email)}&day=${day}`, { headers })).json() as Promise<{
    ip: string;
    outcome: string;
    forwardedHost: string | null;
  }>;

describe('the client address without TRUST_PROXY', () => {
  it('is the socket address whatever X-Forwarded-For, X-Real-IP or Forwarded say; X-Forwarded-Host is dropped', async () => {
    const r = await post(direct, 'one@nowhere.test', {
      'x-forwarded-for': '203.0.113.9, 10.0.0.1',
      'x-real-ip': '203.0.113.10',
      forwarded: 'for=203.0.113.11',
      'x-forwarded-host': 'evil.test',
    });
    expect(r.ip).toBe('127.0.0.1');
    expect(r.forwardedHost).toBeNull();
  });

  it(`a client rotating forged X-Forwarded-For values is still throttled after ${ADDRESS_FAILURE_LIMIT} failures from its one address`, async () => {
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) {
      const r = await post(direct, `spray${i}@nowhere.test`, { 'x-forwarded-for': `203.0.113.${i}` }, 1);
      expect(r.outcome).toBe('invalid');
    }
    const next = await post(direct, 'fresh@nowhere.test', { 'x-forwarded-for': '198.51.100.250' }, 1);
    expect(next).toMatchObject({ ip: '127.0.0.1', outcome: 'throttled' });
  });
});

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  it('takes the client address the proxy put first in X-Forwarded-For', async () => {
    const r = await post(behindProxy, 'proxied@nowhere.test', {
      'x-forwarded-for': '192.0.2.44, 10.0.0.1',
      'x-forwarded-host': 'hub.example.com',
    });
    expect(r).toMatchObject({ ip: '192.0.2.44', outcome: 'invalid', forwardedHost: 'hub.example.com' });
  });
});
