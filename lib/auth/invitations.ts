import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { invitations, orgs, users } from '@/db/schema';
import { ValidationError } from '@/lib/platform/errors';
import { hashPassword } from './password';
import { revokeUserSessions } from './sessions';
import { oneRow } from '@/db/one-row';

const INVITATION_DAYS = 7;
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** Creates a one-time token for userId; only its hash is stored. Returns the token for the e-mail. */
export async function createInvitation(db: DbOrTx, input: { userId: string; createdBy: string | null; now: Date }) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000);
  await db.insert(invitations).values({ userId: input.userId, tokenHash: sha256(token), expiresAt, createdBy: input.createdBy });
  return { token, expiresAt };
}

const open = (token: string, now: Date) =>
  and(eq(invitations.tokenHash, sha256(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now));

/** Who an open invitation is for, or null when it is unknown, used or expired. */
export async function findOpenInvitation(db: DbOrTx, token: string, now: Date) {
  const [row] = await db
    .select({ id: invitations.id, userId: users.id, email: users.email, orgName: orgs.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(orgs, eq(orgs.id, users.orgId))
    .where(open(token, now));
  return row ?? null;
}

/** Sets the password and closes the invitation; the token can't be used twice (row lock). */
export async function acceptInvitation(db: DbOrTx, input: { token: string; password: string; now: Date }): Promise<{ email: string }> {
  const [inv] = await db
    .select({ id: invitations.id, userId: invitations.userId })
    .from(invitations)
    .where(open(input.token, input.now))
    .for('update');
  if (!inv) throw new ValidationError('This invitation link is invalid, already used or expired. Ask your administrator for a new one.');
  const passwordHash = await hashPassword(input.password);
  const user = await oneRow(
    db.update(users).set({ passwordHash, updatedAt: input.now }).where(eq(users.id, inv.userId)).returning({ email: users.email }),
    'the updated user',
  );
  await db.update(invitations).set({ acceptedAt: input.now }).where(eq(invitations.id, inv.id));
  // A password change ends every session of the person (SPEC §10).
  await revokeUserSessions(db, inv.userId, input.now);
  return { email: user.email };
}
