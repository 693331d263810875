// SPEC §10 sign-in and sessions, against PostgreSQL: throttling per e-mail entered (known
// or not) and per client address, failures audited, sessions revocable on the server.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, authSessions, signInAttempts, users } from '@/db/schema';
import { acceptInvitation, createInvitation } from '@/lib/auth/invitations';
import { hashPassword } from '@/lib/auth/password';
import { createSession, isSessionLive, revokeSession, revokeUserSessions } from '@/lib/auth/sessions';
import { attemptSignIn } from '@/lib/auth/sign-in';
import { ADDRESS_FAILURE_LIMIT } from '@/lib/auth/sign-in-throttle';
import { makeAdmin, makePartner } from './support/fixtures';
import { freshDb } from './support/test-db';

const db = await freshDb();
const PASSWORD = 'Password123!';

async function person() {
  const partner = await makePartner(db);
  const admin = await makeAdmin(db, partner.id, ['partner_full_admin']);
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(users.id, admin.userId));
  return admin;
}

describe('sign-in throttling', () => {
  it('50 parallel wrong passwords: only 5 are verified, the rest wait — and then the right one waits too', async () => {
    const a = await person();
    const at = new Date();
    const tries = await Promise.all(
      Array.from({ length: 50 }, () => attemptSignIn(db, { email: a.email, password: 'wrong', clientIp: '198.51.100.1', now: at })),
    );
    expect(tries.filter((t) => !t.ok && t.reason === 'invalid')).toHaveLength(5);
    expect(tries.filter((t) => !t.ok && t.reason === 'throttled')).toHaveLength(45);
    const right = await attemptSignIn(db, { email: a.email, password: PASSWORD, clientIp: '198.51.100.2', now: at });
    expect(right).toEqual({ ok: false, reason: 'throttled', retryAfterMinutes: 1 });
    // After the wait, the right password works again.
    const later = await attemptSignIn(db, {
      email: a.email.toUpperCase(),
      password: PASSWORD,
      clientIp: '198.51.100.2',
      now: new Date(at.getTime() + 61_000),
    });
    expect(later.ok).toBe(true);
  });

  it('grows the wait with each further failure, up to 15 minutes', async () => {
    const a = await person();
    let now = Date.now();
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await attemptSignIn(db, { email: a.email, password: 'wrong', clientIp: '198.51.100.3', now: new Date(now) });
      if (!r.ok && r.reason === 'throttled') {
        waits.push(r.retryAfterMinutes);
        now += r.retryAfterMinutes * 60_000;
        i--;
        continue;
      }
      now += 1000;
      if (waits.length >= 4) break;
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it('throttles an address that belongs to nobody just the same', async () => {
    const at = new Date();
    for (let i = 0; i < 5; i++) await attemptSignIn(db, { email: 'nobody@nowhere.test', password: 'x', clientIp: '198.51.100.4', now: at });
    expect(await attemptSignIn(db, { email: 'nobody@nowhere.test', password: 'x', clientIp: '198.51.100.5', now: at })).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });

  it('throttles a client address trying many e-mails (higher limit)', async () => {
    const at = new Date();
    const ip = '198.51.100.6';
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++)
      await attemptSignIn(db, { email: `spray${i}@nowhere.test`, password: 'x', clientIp: ip, now: at });
    const a = await person();
    expect(await attemptSignIn(db, { email: a.email, password: PASSWORD, clientIp: ip, now: at })).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
    expect((await attemptSignIn(db, { email: a.email, password: PASSWORD, clientIp: '198.51.100.7', now: at })).ok).toBe(true);
  });

  it('audits every failure', async () => {
    const a = await person();
    await attemptSignIn(db, { email: a.email, password: 'wrong', clientIp: '198.51.100.8' });
    await attemptSignIn(db, { email: 'ghost@nowhere.test', password: 'wrong', clientIp: '198.51.100.8' });
    const failed = await db
      .select()
      .from(signInAttempts)
      .where(and(eq(signInAttempts.clientIp, '198.51.100.8'), eq(signInAttempts.outcome, 'failure')));
    expect(failed.map((f) => f.email).sort()).toEqual([a.email.toLowerCase(), 'ghost@nowhere.test'].sort());
    const logged = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.signIn.failed'), eq(auditLog.targetId, a.userId)));
    expect(logged).toHaveLength(1);
  });
});

describe('server-side sessions', () => {
  it('a successful sign-in creates a live session; revoking it ends it at once', async () => {
    const a = await person();
    const r = await attemptSignIn(db, { email: a.email, password: PASSWORD, clientIp: '198.51.100.20', userAgent: 'test-agent' });
    if (!r.ok) throw new Error('sign-in failed');
    expect(await isSessionLive(db, r.sessionId, a.userId)).toBe(true);
    const [row] = await db.select().from(authSessions).where(eq(authSessions.id, r.sessionId));
    expect(row).toMatchObject({ userId: a.userId, ip: '198.51.100.20', userAgent: 'test-agent', revokedAt: null });
    await revokeSession(db, r.sessionId);
    expect(await isSessionLive(db, r.sessionId, a.userId)).toBe(false);
  });

  it("a session belongs to its user, expires, and tokens without one aren't live", async () => {
    const a = await person();
    const b = await person();
    const sid = await createSession(db, { userId: a.userId });
    expect(await isSessionLive(db, sid, b.userId)).toBe(false);
    expect(await isSessionLive(db, sid, a.userId, new Date(Date.now() + 9 * 3600_000))).toBe(false);
    expect(await isSessionLive(db, undefined, a.userId)).toBe(false);
  });

  it('removing an admin (revokeUserSessions) and a password change end every session of the person', async () => {
    const a = await person();
    const s1 = await createSession(db, { userId: a.userId });
    const s2 = await createSession(db, { userId: a.userId });
    await revokeUserSessions(db, a.userId);
    expect([await isSessionLive(db, s1, a.userId), await isSessionLive(db, s2, a.userId)]).toEqual([false, false]);

    const s3 = await createSession(db, { userId: a.userId });
    const now = new Date();
    const { token } = await createInvitation(db, { userId: a.userId, createdBy: null, now });
    await db.transaction((tx) => acceptInvitation(tx, { token, password: 'a-new-long-password', now }));
    expect(await isSessionLive(db, s3, a.userId)).toBe(false);
  });
});
