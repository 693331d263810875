// One sign-in attempt, decided in PostgreSQL: throttle (SPEC §10), verify, audit, and
// on success a server-side session. Attempts for one e-mail address are serialised, so
// 50 parallel wrong passwords can't all slip past the count.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { audit } from '@/lib/platform/audit';
import { dummyHash, verifyPassword } from './password';
import { recordSignIn } from './record-sign-in';
import { createSession } from './sessions';
import { lockEmail, recordAttempt, remainingWait } from './sign-in-throttle';

export type SignInOutcome =
  | { ok: true; user: { id: string; email: string; name: string }; sessionId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; clientIp: string; userAgent?: string | null; now?: Date },
): Promise<SignInOutcome> {
  const now = input.now ?? new Date();
  const email = input.email.trim().toLowerCase().slice(0, 254);
  return db.transaction(async (tx) => {
    await lockEmail(tx, email);
    const [user] = await tx
      .select({
        id: users.id,
        orgId: users.orgId,
        email: users.email,
        firstName: users.firstName,
        lastName: users.lastName,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    const wait = await remainingWait(tx, { email, clientIp: input.clientIp, now });
    if (wait > 0) {
      await recordAttempt(tx, { email, clientIp: input.clientIp, now, userId: user?.id ?? null, outcome: 'throttled' });
      return { ok: false, reason: 'throttled', retryAfterMinutes: Math.max(1, Math.ceil(wait / 60_000)) };
    }
    // Verify against a dummy hash when the user is unknown so timing doesn't tell.
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
    if (!user?.passwordHash || !ok) {
      await recordAttempt(tx, { email, clientIp: input.clientIp, now, userId: user?.id ?? null, outcome: 'failure' });
      // Unknown addresses are audited in sign_in_attempts only: there is no org to file them under.
      if (user) {
        await audit(
          tx,
          { orgId: user.orgId, actorUserId: null, actorOrgId: null },
          {
            action: 'auth.signIn.failed',
            targetType: 'user',
            targetId: user.id,
            summary: `Failed sign-in for ${user.email} from ${input.clientIp}`,
            after: { clientIp: input.clientIp },
          },
        );
      }
      return { ok: false, reason: 'invalid' };
    }
    await recordAttempt(tx, { email, clientIp: input.clientIp, now, userId: user.id, outcome: 'success' });
    await recordSignIn(tx, user.id, now);
    const sessionId = await createSession(tx, { userId: user.id, ip: input.clientIp, userAgent: input.userAgent, now });
    return { ok: true, user: { id: user.id, email: user.email, name: `${user.firstName} ${user.lastName}`.trim() }, sessionId };
  });
}
