// Server-side sessions (SPEC §10). The next-auth JWT carries only the user id and `sid`;
// every authenticated request checks that the auth_sessions row is live, so signing
// out, removing an admin or changing a password ends sessions at once.
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { authSessions } from '@/db/schema';
import { isUuid } from './access';
import { oneRow } from '@/db/one-row';

/** Same as the session cookie's lifetime (lib/auth/auth.ts). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** last_seen_at is refreshed at most this often, so a busy page doesn't write on every request. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: DbOrTx,
  input: { userId: string; ip?: string | null; userAgent?: string | null; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const row = await oneRow(
    db
      .insert(authSessions)
      .values({
        userId: input.userId,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000),
        ip: input.ip?.slice(0, 100) ?? null,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      })
      .returning({ id: authSessions.id }),
    'the inserted auth session',
  );
  return row.id;
}

/** Whether the session is live for this user; refreshes last_seen_at now and then. */
export async function isSessionLive(db: DbOrTx, sessionId: unknown, userId: unknown, now = new Date()): Promise<boolean> {
  if (typeof sessionId !== 'string' || typeof userId !== 'string' || !isUuid(sessionId) || !isUuid(userId)) return false;
  const live = and(
    eq(authSessions.id, sessionId),
    eq(authSessions.userId, userId),
    isNull(authSessions.revokedAt),
    gt(authSessions.expiresAt, now),
  );
  const [row] = await db.select({ lastSeenAt: authSessions.lastSeenAt }).from(authSessions).where(live);
  if (!row) return false;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: now })
      .where(and(live, lt(authSessions.lastSeenAt, now)));
  }
  return true;
}

export async function revokeSession(db: DbOrTx, sessionId: string, now = new Date()): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Ends every session of a person: admin removed, roles reduced, password changed. */
export async function revokeUserSessions(db: DbOrTx, userId: string, now = new Date()): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
}
