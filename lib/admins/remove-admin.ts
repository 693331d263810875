import { and, eq, isNull, sql } from 'drizzle-orm';
import { invitations, roleGrants, users } from '@/db/schema';
import { revokeUserSessions } from '@/lib/auth/sessions';
import { audit } from '@/lib/platform/audit';
import { ConflictError } from '@/lib/platform/errors';
import { auditActor, type ServiceCtx } from '@/lib/platform/service-ctx';
import { ADMIN_ERRORS } from '@/lib/platform/error-codes';
import { LAST_FULL_ADMIN_MESSAGE, lockOrgAdmin, otherActiveFullAdmins } from './find-org-admin';
import { oneRow } from '@/db/one-row';

/**
 * Removes an administrator (or cancels a pending invitation): their roles on this org go,
 * open invitation links stop working and their sessions end. The person's row stays (the
 * audit log refers to it); without roles anywhere they can no longer sign in, and can be
 * invited again later.
 */
export async function removeAdmin(ctx: ServiceCtx, input: { userId: string }, opts: { action?: 'remove' | 'cancel' } = {}) {
  const admin = await lockOrgAdmin(ctx, input.userId);
  const cancel = opts.action === 'cancel';
  if (cancel && !admin.invited)
    throw new ConflictError(`${admin.email} has already accepted the invitation.`, undefined, ADMIN_ERRORS.notInvited);
  if (admin.roles.includes('partner_full_admin') && (await otherActiveFullAdmins(ctx, admin.userId)) === 0) {
    throw new ConflictError(LAST_FULL_ADMIN_MESSAGE, undefined, ADMIN_ERRORS.lastFullAdmin);
  }
  const now = ctx.clock.now();
  await ctx.db.delete(roleGrants).where(and(eq(roleGrants.orgId, ctx.access.org.id), eq(roleGrants.userId, admin.userId)));
  const { left } = await oneRow(
    ctx.db
      .select({ left: sql<number>`count(*)::int` })
      .from(roleGrants)
      .where(eq(roleGrants.userId, admin.userId)),
    'a count of remaining administrators',
  );
  if (left === 0) {
    await ctx.db
      .update(invitations)
      .set({ expiresAt: now })
      .where(and(eq(invitations.userId, admin.userId), isNull(invitations.acceptedAt)));
    // No roles anywhere: the password goes too, so a later re-invitation starts afresh.
    await ctx.db.update(users).set({ passwordHash: null, updatedAt: now }).where(eq(users.id, admin.userId));
  }
  await revokeUserSessions(ctx.db, admin.userId);
  await audit(ctx.db, auditActor(ctx), {
    action: cancel ? 'admin.invitation.cancel' : 'admin.remove',
    targetType: 'user',
    targetId: admin.userId,
    summary: cancel ? `Cancelled the invitation of ${admin.email}` : `Removed administrator ${admin.email}`,
    before: { email: admin.email, roles: admin.roles },
  });
  return { userId: admin.userId };
}

export const cancelInvitation = (ctx: ServiceCtx, input: { userId: string }) => removeAdmin(ctx, input, { action: 'cancel' });
export const removeAdministrator = (ctx: ServiceCtx, input: { userId: string }) => removeAdmin(ctx, input);
