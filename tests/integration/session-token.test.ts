// Issue 13 item 6: pages, server actions and session routes read who is signed in from
// next-auth's session cookie directly (lib/auth/session-token.ts) instead of running
// next-auth's session endpoint per call. The cookie here is what next-auth writes at sign-in
// (its own `encode`, salted with the cookie name); the session row is a real one.
import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession, revokeSession, SESSION_MAX_AGE_S } from '@/lib/auth/sessions';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionOverHttps, signedInUserId } from '@/lib/auth/session-token';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';

const db = await freshDb();
const SECRET = 'session-token-test-secret-0123456789abcdef';
const partner = await makePartner(db);
const admin = await makeAdmin(db, partner.id, ['partner_full_admin']);

async function signedIn(opts: { cookie?: string; maxAge?: number; secret?: string } = {}) {
  const sid = await createSession(db, { userId: admin.userId, userAgent: 'session-token.test' });
  const name = opts.cookie ?? SESSION_COOKIE;
  const token = await encode({
    token: { sub: admin.userId, sid, email: 'admin@example.test' },
    secret: opts.secret ?? SECRET,
    salt: name,
    maxAge: opts.maxAge ?? SESSION_MAX_AGE_S,
  });
  return { sid, name, token };
}
afterEach(() => {
  vi.useRealTimers();
});
const jar = (cookies: Record<string, string>) => (name: string) => cookies[name];

describe('signedInUserId', () => {
  it('reads the user from the cookie next-auth wrote at sign-in, while the session row is live', async () => {
    const { name, token } = await signedIn();
    expect(await signedInUserId(db, { cookie: jar({ [name]: token }), https: false }, SECRET)).toBe(admin.userId);
  });

  it('a revoked session reads as signed out at once, though the cookie itself has not expired (and was read before)', async () => {
    const { sid, name, token } = await signedIn();
    expect(await signedInUserId(db, { cookie: jar({ [name]: token }), https: false }, SECRET)).toBe(admin.userId);
    await revokeSession(db, sid);
    expect(await signedInUserId(db, { cookie: jar({ [name]: token }), https: false }, SECRET)).toBeNull();
  });

  it('a session row past its expiry reads as signed out', async () => {
    const { name, token } = await signedIn();
    const later = new Date(Date.now() + (SESSION_MAX_AGE_S + 60) * 1000);
    expect(await signedInUserId(db, { cookie: jar({ [name]: token }), https: false }, SECRET, later)).toBeNull();
  });

  it('no cookie, a token of another secret, a tampered or an expired token: signed out', async () => {
    const { name, token } = await signedIn();
    const read = (cookies: Record<string, string>) => signedInUserId(db, { cookie: jar(cookies), https: false }, SECRET);
    expect(await read({})).toBeNull();
    const foreign = await signedIn({ secret: 'another-secret-entirely-0123456789abcdef' });
    expect(await read({ [name]: foreign.token })).toBeNull();
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await read({ [name]: tampered })).toBeNull();
    // Expired a minute ago (past jose's 15 s clock tolerance); the session row is still live.
    const expired = await signedIn({ maxAge: -60 });
    expect(await read({ [name]: expired.token })).toBeNull();
  });

  it('a token read before stops counting once it expires, though the session row would still be live', async () => {
    const { name, token } = await signedIn({ maxAge: 120 });
    const read = () => signedInUserId(db, { cookie: jar({ [name]: token }), https: false }, SECRET, new Date());
    expect(await read()).toBe(admin.userId);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 110_000);
    expect(await read()).toBe(admin.userId);
    vi.setSystemTime(Date.now() + 30_000); // 140 s: past exp and jose's 15 s tolerance
    expect(await read()).toBeNull();
  });

  it('over https only the __Secure- cookie counts; over http only the plain one', async () => {
    const plain = await signedIn();
    const secure = await signedIn({ cookie: SECURE_SESSION_COOKIE });
    expect(await signedInUserId(db, { cookie: jar({ [SESSION_COOKIE]: plain.token }), https: true }, SECRET)).toBeNull();
    expect(await signedInUserId(db, { cookie: jar({ [SECURE_SESSION_COOKIE]: secure.token }), https: true }, SECRET)).toBe(admin.userId);
    expect(await signedInUserId(db, { cookie: jar({ [SECURE_SESSION_COOKIE]: secure.token }), https: false }, SECRET)).toBeNull();
    // The salt is the cookie name: a plain token renamed __Secure- does not decrypt.
    expect(await signedInUserId(db, { cookie: jar({ [SECURE_SESSION_COOKIE]: plain.token }), https: true }, SECRET)).toBeNull();
  });

  it('a token next-auth split into numbered chunks is joined back', async () => {
    const { name, token } = await signedIn();
    const cut = Math.floor(token.length / 2);
    const chunks = { [`${name}.0`]: token.slice(0, cut), [`${name}.1`]: token.slice(cut) };
    expect(await signedInUserId(db, { cookie: jar(chunks), https: false }, SECRET)).toBe(admin.userId);
  });
});

describe('sessionOverHttps (next-auth cookie naming rule)', () => {
  it('follows AUTH_URL (or NEXTAUTH_URL) when set, else X-Forwarded-Proto, else https', () => {
    expect(sessionOverHttps({ AUTH_URL: 'https://hub.example.com' }, 'http')).toBe(true);
    expect(sessionOverHttps({ NEXTAUTH_URL: 'http://localhost:3000' }, 'https')).toBe(false);
    expect(sessionOverHttps({}, 'http')).toBe(false);
    expect(sessionOverHttps({}, 'https')).toBe(true);
    expect(sessionOverHttps({}, null)).toBe(true);
  });
});
