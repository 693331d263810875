// Sign-in throttling (SPEC §10), kept in PostgreSQL so every app instance shares it.
// Per e-mail address entered (whether or not it exists): after 5 failures within 15
// minutes each further try waits, 1, 2, 4, 8, then 15 minutes. Per client address the
// same with a higher limit (one office behind one address signs in many people).
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInAttempts } from '@/db/schema';
import { oneRow } from '@/db/one-row';

export const WINDOW_MS = 15 * 60_000;
export const EMAIL_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 50;
const MAX_WAIT_MS = 15 * 60_000;

/** How long after the last failure the next try must wait, given the failures in the window. */
export function waitAfter(failures: number, limit: number): number {
  if (failures < limit) return 0;
  return Math.min(MAX_WAIT_MS, 60_000 * 2 ** (failures - limit));
}

export const throttleMessage = (minutes: number) => `Too many attempts — try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;

/** Serialises attempts for one e-mail address (the lock ends with the transaction). */
export async function lockEmail(db: DbOrTx, email: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${email}`}, 0))`);
}

/** Milliseconds the attempt must still wait (0 = may try now). */
export async function remainingWait(db: DbOrTx, input: { email: string; clientIp: string; now: Date }): Promise<number> {
  const since = new Date(input.now.getTime() - WINDOW_MS);
  // A success resets the per-address count: failures before it are history.
  const [lastSuccess] = await db
    .select({ at: sql<Date | null>`max(${signInAttempts.at})` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, input.email), eq(signInAttempts.outcome, 'success'), gt(signInAttempts.at, since)));
  const emailSince = lastSuccess?.at && new Date(lastSuccess.at) > since ? new Date(lastSuccess.at) : since;
  const failures = (key: 'email' | 'ip', from: Date) =>
    db
      .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${signInAttempts.at})` })
      .from(signInAttempts)
      .where(
        and(
          key === 'email' ? eq(signInAttempts.email, input.email) : eq(signInAttempts.clientIp, input.clientIp),
          eq(signInAttempts.outcome, 'failure'),
          gt(signInAttempts.at, from),
        ),
      );
  const [byEmail, byIp] = await Promise.all([
    oneRow(failures('email', emailSince), 'a count of failures by email'),
    oneRow(failures('ip', since), 'a count of failures by address'),
  ]);
  const until = (f: { n: number; last: string | null }, limit: number) =>
    f.last ? new Date(f.last).getTime() + waitAfter(f.n, limit) - input.now.getTime() : 0;
  return Math.max(0, until(byEmail, EMAIL_FAILURE_LIMIT), until(byIp, ADDRESS_FAILURE_LIMIT));
}

export async function recordAttempt(
  db: DbOrTx,
  input: { email: string; clientIp: string; now: Date; userId: string | null; outcome: 'success' | 'failure' | 'throttled' },
): Promise<void> {
  await db
    .insert(signInAttempts)
    .values({ email: input.email, clientIp: input.clientIp, at: input.now, userId: input.userId, outcome: input.outcome });
}
