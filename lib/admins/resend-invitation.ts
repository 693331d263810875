import { and, eq, isNull } from 'drizzle-orm';
import { invitations, users } from '@/db/schema';
import { createInvitation } from '@/lib/auth/invitations';
import { audit } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { queueAdminInvitation } from './admin-emails';
import { ADMIN_ERRORS } from '@/lib/platform/error-codes';
import { lockOrgAdmin } from './find-org-admin';
import { oneRow } from '@/db/one-row';

/** A new one-time link (7 days from now) for an admin who hasn't accepted; older links stop working. */
export async function resendInvitation(ctx: ServiceCtx, input: { userId: string }) {
  const admin = await lockOrgAdmin(ctx, input.userId);
  if (!admin.invited) throw new ConflictError(`${admin.email} has already accepted the invitation.`, undefined, ADMIN_ERRORS.notInvited);
  const now = ctx.clock.now();
  await ctx.db
    .update(invitations)
    .set({ expiresAt: now })
    .where(and(eq(invitations.userId, admin.userId), isNull(invitations.acceptedAt)));
  const { firstName } = await oneRow(
    ctx.db.select({ firstName: users.firstName }).from(users).where(eq(users.id, admin.userId)),
    'the invited administrator',
  );
  const { token, expiresAt } = await createInvitation(ctx.db, { userId: admin.userId, createdBy: ctx.access.actor.userId, now });
  await queueAdminInvitation(ctx, { email: admin.email, firstName }, token);
  await audit(ctx.db, auditActor(ctx), {
    action: 'admin.invitation.resend',
    targetType: 'user',
    targetId: admin.userId,
    summary: `Re-sent the invitation to ${admin.email}`,
  });
  return { expiresAt };
}
