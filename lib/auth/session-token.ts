// Who is signed in, read straight from next-auth's session cookie (issue 13 item 6).
// next-auth's auth() answers the same question by running its whole session endpoint per
// call: it builds a Request, decrypts the JWT, runs the callbacks, encrypts a refreshed JWT
// and serialises a Set-Cookie that a page render cannot even send. Without it (and with the
// decrypt memo below) a customer-list render went from 31 to 23 ms of server CPU on the HTML
// bench (README, *Pages at scale*). A refresh buys nothing: the session row's
// expiry is fixed at sign-in (lib/auth/sessions.ts), so the cookie's own lifetime is never
// what ends a session. What is kept is what decides: the JWT is decrypted with next-auth's
// own `decode` (the format next-auth wrote at sign-in), and the server-side session row must
// be live, exactly as the jwt callback in lib/auth/auth.ts checks it.
import { decode } from 'next-auth/jwt';
import type { DbOrTx } from '@/db/client';
import { isSessionLive } from './sessions';

/** next-auth's session cookie name (its default), and the `__Secure-` one it uses over https. */
export const SESSION_COOKIE = 'authjs.session-token';
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * The cookie's value; next-auth splits a token past ~4 kB into `<name>.0`, `<name>.1`, …,
 * which are joined back in order.
 */
function cookieValue(cookie: (name: string) => string | undefined, name: string): string | undefined {
  const whole = cookie(name);
  if (whole) return whole;
  let joined = '';
  for (let i = 0; ; i++) {
    const part = cookie(`${name}.${i}`);
    if (part === undefined) return joined || undefined;
    joined += part;
  }
}

/**
 * The signed-in user's id, or null (no cookie, a token that does not decrypt with the
 * secret or has expired, or a session row revoked or past its expiry).
 * `https`: next-auth names the cookie by the request's protocol, and only that name is read —
 * over https a plain-named cookie (which anyone on the network could have set) counts for nothing.
 */
export async function signedInUserId(
  db: DbOrTx,
  request: { cookie: (name: string) => string | undefined; https: boolean },
  secret: string,
  now = new Date(),
): Promise<string | null> {
  const name = request.https ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  const token = cookieValue(request.cookie, name);
  if (!token) return null;
  const payload = await decodeOnce(token, secret, name);
  if (!payload) return null;
  return (await isSessionLive(db, payload.sid, payload.sub, now)) ? payload.sub : null;
}

/** jose's clock tolerance in next-auth's decode: a token counts until 15 s past its exp. */
const CLOCK_TOLERANCE_MS = 15_000;
const DECODED_MAX = 1_000;
/**
 * Tokens already decrypted in this process, by their exact text (and the secret and salt
 * that decrypted them): one browser sends the same cookie with every request, and decrypting
 * it (HKDF, AES-CBC, HMAC) is ≈ 1.3 ms of CPU each time. Only tokens that decrypted are
 * kept, with their expiry checked on every hit as jose checks it; the session row is still
 * checked on every request, so revocation is unaffected. Oldest first out past 1,000.
 */
const decoded = new Map<string, { sub: string; sid: unknown; expiresAtMs: number }>();

async function decodeOnce(token: string, secret: string, salt: string): Promise<{ sub: string; sid: unknown } | null> {
  const key = `${secret}\0${salt}\0${token}`;
  const hit = decoded.get(key);
  if (hit) return Date.now() <= hit.expiresAtMs + CLOCK_TOLERANCE_MS ? hit : null;
  // The salt is the cookie name, as next-auth encrypts it.
  const payload = await decode({ token, secret, salt }).catch(() => null);
  if (!payload || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return null;
  const entry = { sub: payload.sub, sid: payload.sid, expiresAtMs: payload.exp * 1000 };
  decoded.set(key, entry);
  if (decoded.size > DECODED_MAX) {
    const oldest = decoded.keys().next();
    if (!oldest.done) decoded.delete(oldest.value);
  }
  return entry;
}

/**
 * Whether next-auth treats the request as https (and so names its cookie `__Secure-…`), by
 * its own rule: AUTH_URL (or NEXTAUTH_URL) when set, else the X-Forwarded-Proto the server
 * sets (scripts/serve.mjs keeps a client's only behind TRUST_PROXY=1), else https.
 */
export function sessionOverHttps(environment: Record<string, string | undefined>, forwardedProto: string | null): boolean {
  const configured = environment.AUTH_URL ?? environment.NEXTAUTH_URL;
  if (configured) return new URL(configured).protocol === 'https:';
  return (forwardedProto ?? 'https').replace(/:$/, '') === 'https';
}
